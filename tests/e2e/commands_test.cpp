// End-to-end tests of show, undo, init and kinds.
#include <doctest/doctest.h>

#include <cstdlib>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {
const std::string month_file = "journal/2026-11.laptop.toml";

void log(const TempFolder& journal, std::vector<std::string> words) {
    std::vector<std::string> arguments = {"--dir", journal.path(), "log"};
    arguments.insert(arguments.end(), words.begin(), words.end());
    REQUIRE(run_tend(arguments).exit_code == 0);
}
}  // namespace

TEST_CASE("e2e show: entries in time order, grouped by day, with filters") {
    TempFolder journal;
    log(journal, {"dilate", "3", "min=15", "pain=2", "@evening", "easier", "today"});
    log(journal, {"kegels", "sets=3", "reps=10", "--at", "yesterday 08:00"});
    log(journal, {"pain", "4", "--at", "yesterday 07:00", "morning", "ache"});
    log(journal, {"note", "--at", "2026-10-30 12:00", "october"});

    CHECK(run_tend({"--dir", journal.path(), "show", "last-7d"}).out ==
          "Tue 24 Nov 2026\n"
          "  07:00  pain      pain 4/10  — morning ache\n"
          "  08:00  kegels    sets 3 · reps 10\n"
          "\n"
          "Wed 25 Nov 2026\n"
          "  10:00  dilate    size 3 · 15 min · pain 2/10  @evening  — easier today\n");
    CHECK(run_tend({"--dir", journal.path(), "show", "all", "--kind", "no"}).out ==
          "Fri 30 Oct 2026\n  12:00  note      — october\n");
    CHECK(run_tend({"--dir", journal.path(), "show", "all", "--tag", "@evening"})
              .out.find("dilate") != std::string::npos);
    CHECK(run_tend({"--dir", journal.path(), "show", "all", "--contains", "ACHE"}).out ==
          "Tue 24 Nov 2026\n  07:00  pain      pain 4/10  — morning ache\n");
    CHECK(run_tend({"--dir", journal.path(), "show", "all", "-n", "1"}).out ==
          "Wed 25 Nov 2026\n  10:00  dilate    size 3 · 15 min · pain 2/10  @evening  — easier "
          "today\n");
    CHECK(run_tend({"--dir", journal.path(), "show", "2026-09"}).out ==
          "Nothing logged in 2026-09-01 .. 2026-09-30.\n");
    CHECK(run_tend({"--dir", journal.path(), "show", "today", "--kind", "relax"}).out ==
          "No matching entries today.\n");
    const auto bad = run_tend({"--dir", journal.path(), "show", "someday"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.starts_with("tend: can't read the period 'someday' - try today, yesterday"));
}

TEST_CASE(
    "e2e show: an empty journal says so kindly, and --json is still valid, bare tend points to "
    "plan add") {
    TempFolder journal;
    CHECK(run_tend({"--dir", journal.path(), "show"}).out == "Nothing logged today yet.\n");
    CHECK(run_tend({"--dir", journal.path()}).out ==
          "No plan yet. Add your home programme with 'tend plan add' (see 'tend plan add "
          "--help').\n");
    CHECK(run_tend({"--dir", journal.path(), "show", "--json"}).out ==
          "{\n  \"period\": {\n    \"from\": \"2026-11-25\",\n    \"to\": \"2026-11-25\"\n  },\n  "
          "\"entries\": []\n}\n");
}

TEST_CASE("e2e undo: removes exactly the last logged entry - --dry-run only says") {
    TempFolder journal;
    write_text(journal / month_file,
               "# mine\n[[entry]]\nat = 2026-11-01T09:00:00+01:00\nkind = \"note\"\n");
    log(journal, {"kegels", "reps=10"});
    const std::string after_first = read_text(journal / month_file);
    log(journal, {"dilate", "2", "--at", "09:00"});

    const auto dry = run_tend({"--dir", journal.path(), "undo", "--dry-run"});
    CHECK(dry.out == "would remove: Wed 25 Nov 2026 09:00  dilate    size 2\n");
    const auto undone = run_tend({"--dir", journal.path(), "undo"});
    CHECK(undone.exit_code == 0);
    CHECK(undone.out == "removed: Wed 25 Nov 2026 09:00  dilate    size 2\n");
    CHECK(read_text(journal / month_file) == after_first);
    CHECK(run_tend({"--dir", journal.path(), "undo"}).out ==
          "removed: Wed 25 Nov 2026 10:00  kegels    reps 10\n");
    CHECK(read_text(journal / month_file) ==
          "# mine\n[[entry]]\nat = 2026-11-01T09:00:00+01:00\nkind = \"note\"\n");
    const auto nothing = run_tend({"--dir", journal.path(), "undo"});
    CHECK(nothing.exit_code == 2);
    CHECK(nothing.err ==
          "tend: there is nothing to undo - undo takes back entries added with 'tend log'\n");
}

TEST_CASE("e2e undo: refuses when the file was changed after the entry was logged") {
    TempFolder journal;
    log(journal, {"kegels"});
    write_text(journal / month_file, read_text(journal / month_file) + "# added by hand\n");
    const auto before = snapshot(journal.path());
    const auto undone = run_tend({"--dir", journal.path(), "undo"});
    CHECK(undone.exit_code == 2);
    CHECK(undone.err ==
          "tend: the last logged entry is no longer at the end of journal/2026-11.laptop.toml, so "
          "nothing "
          "was removed - "
          "the file was changed since; edit it by hand to remove the entry\n");
    CHECK(snapshot(journal.path()) == before);
}

TEST_CASE("e2e init: writes a commented tend.toml that check accepts, and never overwrites") {
    TempFolder journal;
    const auto first = run_tend({"--dir", journal.path(), "init"});
    CHECK(first.exit_code == 0);
    CHECK(first.out ==
          "wrote " + (journal / "tend.toml").string() +
              " with the pelvic-floor profile; edit it to change kinds and settings\n");
    const std::string written = read_text(journal / "tend.toml");
    CHECK(written.find("[kinds.dilate]") != std::string::npos);
    CHECK(written.find("# the first day of your week") != std::string::npos);
    CHECK(run_tend({"--dir", journal.path(), "check"}).exit_code == 0);
    const auto again = run_tend({"--dir", journal.path(), "init", "--profile", "blank"});
    CHECK(again.exit_code == 2);
    CHECK(again.err ==
          "tend: " + (journal / "tend.toml").string() +
              " already exists, so nothing was changed - edit it by hand, or move it away first\n");
    CHECK(read_text(journal / "tend.toml") == written);
}

TEST_CASE("e2e init: the blank profile only knows notes until kinds are added") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "init", "--profile", "blank"}).exit_code == 0);
    const auto refused = run_tend({"--dir", journal.path(), "log", "dilate", "3"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "tend: unknown kind 'dilate' - 'tend kinds' lists them\n");
    write_text(
        journal / "tend.toml",
        read_text(journal / "tend.toml") +
            "\n[kinds.walk]\nprimary = \"km\"\nfields.km = { type = \"number\", unit = \"km\" }\n");
    CHECK(run_tend({"--dir", journal.path(), "log", "walk", "3.5"}).out ==
          "logged walk (km 3.5 km) today at 10:00\n");
}

TEST_CASE("e2e kinds: lists each kind with fields, types and ranges") {
    TempFolder journal;
    const auto result = run_tend({"--dir", journal.path(), "kinds"});
    CHECK(result.exit_code == 0);
    CHECK(
        result.out.starts_with("pelvic-floor profile: 15 kinds\n\ndilate      dilator session\n"
                               "  size        int       from 1 to 6  (primary, progression)\n"
                               "  minutes     duration  from 0 min to 24 h\n"
                               "  pain        scale     from 0 to 10\n"));
}

TEST_CASE("e2e: a broken tend.toml stops commands with its line and column") {
    TempFolder journal;
    write_text(journal / "tend.toml", "[settings]\nweek_start = \"someday\"\n");
    const auto result = run_tend({"--dir", journal.path(), "log", "kegels"});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "tend: tend.toml:2:14: 'week_start' must be a weekday such as \"monday\" or \"sunday\" - "
          "fix it by hand, then "
          "run 'tend check'\n");
    CHECK_FALSE(std::filesystem::exists(journal / "journal"));
}

TEST_CASE("e2e: --version and --help") {
    CHECK(run_tend({"--version"}).out == "tend " TEND_VERSION "\n");
    const auto help = run_tend({"log", "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Examples:\n  tend log dilate 3 min=15 pain=2\n") != std::string::npos);
    CHECK(run_tend({"--help"}).out.find("Exit codes: 0 ok; 1 a plain \"no\"") != std::string::npos);
}

TEST_CASE(
    "e2e examples: the bundled pelvic-floor journal passes check and shows the README's days") {
    const std::string example = std::string(TEND_SOURCE_DIR) + "/examples/pelvic-floor";
    const auto checked = run_tend({"--dir", example, "check"});
    CHECK(checked.exit_code == 0);
    CHECK(checked.out == "checked 4 month files and plan.toml: all good\n");
    const auto shown = run_tend({"--dir", example, "show", "2026-11-21"});
    CHECK(shown.out ==
          "Sat 21 Nov 2026\n"
          "  07:40  stretch   pose happy-baby · 3 min\n"
          "  21:43  dilate    size 4 (22 mm) · 15 min · pain 2/10 · anxiety 1/10\n"
          "  22:30  sex       pain 2/10 · anxiety 1/10 · penetration yes · comfort 8/10  @partner  "
          "— Almost no pain!\n");
    const auto all = run_tend({"--dir", example, "show", "all", "--json"});
    CHECK(count_of(all.out, "\"kind\": ") == 204);
    CHECK(count_of(all.out, "+02:00\"") > 0);  // before the change to winter time on 25 Oct
}

TEST_CASE("e2e examples: the bundled journal's plan is the programme from the 6 Oct visit") {
    const std::string example = std::string(TEND_SOURCE_DIR) + "/examples/pelvic-floor";
    const auto plan = run_tend({"--dir", example, "plan"});
    CHECK(plan.exit_code == 0);
    CHECK(plan.out ==
          "In force today\n"
          "   2  Dilator (dilate): daily, at least 10 min each\n"
          "      \"10-20 min, lube, breathe. Move up a size when discomfort stays below 3-4/10.\"\n"
          "   3  Happy baby (stretch): daily\n"
          "   4  cardio: 3 times a week\n"
          "      \"Walking, cycling or swimming, 30 min.\"\n"
          "   5  Internal massage (massage): every other day\n"
          "      \"After the kegel block: every other day, 10 min, gentle pressure at the tender "
          "spots.\"\n"
          "Ended (kept: they measure the weeks they covered)\n"
          "   1  Kegels (kegels): 3 times a day, 6 Oct - 26 Oct\n"
          "      \"3 sets of 10, hold 5 s. Relax fully between reps. Review after 3 weeks.\"\n");
    const auto saturday = run_tend({"--dir", example},
                                   {{}, {{"TEND_NOW", "2026-11-21T23:00:00+01:00"}}, 077, {}, {}});
    CHECK(saturday.out ==
          "Today, Sat 21 Nov 2026\n"
          "  ✓ Dilator           done today\n"
          "  ✓ Happy baby        done today\n"
          "  • cardio            2 of 3 this week — 1 to go\n"
          "  ✓ Internal massage  not due today (next: tomorrow)\n"
          "\n"
          "Good going: one thing still open, whenever it suits you.\n");
}
