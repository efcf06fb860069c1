// End-to-end tests of the journal on disk: concurrency, hand edits, broken files, privacy.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {
const std::string month_file = "journal/2026-11.laptop.toml";
}

TEST_CASE("e2e journal: a hand-written comment survives ten more logs byte for byte") {
    TempFolder journal;
    const std::string hand_written =
        "# my own notes about this month\n"
        "[[entry]]   # the first session with the new set\n"
        "kind = \"dilate\"\n"
        "at = 2026-11-02T20:00:00+01:00\n"
        "size = 2      # felt fine\n"
        "minutes = 10\n"
        "\n"
        "# a comment at the end, no newline after it";
    write_text(journal / month_file, hand_written);
    for (int round = 0; round < 10; ++round)
        REQUIRE(run_tend({"--dir", journal.path(), "log", "relax", std::to_string(round + 5)})
                    .exit_code == 0);
    const std::string text = read_text(journal / month_file);
    CHECK(text.substr(0, hand_written.size()) == hand_written);
    CHECK(count_of(text, "[[entry]]") == 11);
    CHECK(run_tend({"--dir", journal.path(), "check"}).exit_code == 0);
}

TEST_CASE("e2e journal: CRLF files get CRLF entries and stay valid") {
    TempFolder journal;
    const std::string hand_written =
        "[[entry]]\r\nat = 2026-11-02T20:00:00+01:00\r\nkind = \"note\"\r\n";
    write_text(journal / month_file, hand_written);
    REQUIRE(run_tend({"--dir", journal.path(), "log", "relax", "5"}).exit_code == 0);
    const std::string text = read_text(journal / month_file);
    CHECK(text.substr(0, hand_written.size()) == hand_written);
    CHECK(text.find("kind = \"relax\"\r\nminutes = 5\r\n") != std::string::npos);
    CHECK(run_tend({"--dir", journal.path(), "check"}).exit_code == 0);
}

TEST_CASE("e2e journal: a broken month file is named with line and column and left unchanged") {
    TempFolder journal;
    const std::string broken = "[[entry]]\nat = 2026-11-02T20:00:00+01:00\nkind \"note\"\n";
    write_text(journal / month_file, broken);
    const auto logged = run_tend({"--dir", journal.path(), "log", "kegels"});
    CHECK(logged.exit_code == 2);
    CHECK(logged.err.starts_with("tend: journal/2026-11.laptop.toml:3:6: "));
    CHECK(logged.err.ends_with(
        " - nothing was written; fix the file by hand ('tend check' lists every problem)\n"));
    CHECK(count_of(logged.err, "\n") == 1);
    CHECK(read_text(journal / month_file) == broken);
    const auto shown = run_tend({"--dir", journal.path(), "show"});
    CHECK(shown.exit_code == 2);
    CHECK(shown.err.starts_with("tend: journal/2026-11.laptop.toml:3:6: "));
    const auto checked = run_tend({"--dir", journal.path(), "check"});
    CHECK(checked.exit_code == 1);
    CHECK(checked.out.starts_with("journal/2026-11.laptop.toml:3:6: "));
    CHECK(checked.out.ends_with("checked 1 month file: 1 problem to fix by hand\n"));
}

TEST_CASE("e2e journal: check lists every problem as FILE:LINE:COL and warns about unknown keys") {
    TempFolder journal;
    write_text(journal / "journal/2026-10.laptop.toml",
               "[[entry]]\nat = 2026-10-02T20:00:00+02:00\nkind = \"dilate\"\nsize = 12\nfeeling = "
               "\"ok\"\n"
               "\n[[entry]]\nat = 2026-11-01T09:00:00+01:00\nkind = \"relax\"\n");
    write_text(journal / "journal/notes.toml", "x = 1\n");
    const auto checked = run_tend({"--dir", journal.path(), "check"});
    CHECK(checked.exit_code == 1);
    CHECK(checked.out ==
          "journal/notes.toml: warning: not a month file (names are YYYY-MM.toml or "
          "YYYY-MM.DEVICE.toml), so tend ignores it\n"
          "journal/2026-10.laptop.toml:5:1: warning: unknown field 'feeling' for dilate (kept, but "
          "not "
          "used)\n"
          "journal/2026-10.laptop.toml:4:8: size must be from 1 to 6, got 12\n"
          "journal/2026-10.laptop.toml:8:6: this entry is dated 2026-11-01 but the file is for "
          "2026-10; "
          "move it to "
          "journal/2026-11.toml\n"
          "checked 1 month file: 2 problems to fix by hand\n");
}

TEST_CASE("e2e journal: files are 0600 and folders 0700 even under umask 000") {
    TempFolder home;
    const auto journal = home / "deep" / "tend";
    RunOptions options;
    options.umask = 0;
    REQUIRE(run_tend({"--dir", journal.string(), "log", "kegels"}, options).exit_code == 0);
    REQUIRE(run_tend({"--dir", journal.string(), "init"}, options).exit_code == 0);
    CHECK(permissions_of(journal) == 0700);
    CHECK(permissions_of(home / "deep") == 0700);
    CHECK(permissions_of(journal / "journal") == 0700);
    CHECK(permissions_of(journal / month_file) == 0600);
    CHECK(permissions_of(journal / "tend.toml") == 0600);
    CHECK_FALSE(std::filesystem::exists(journal / ".lock"));  // the lock is on the folder
    CHECK(permissions_of(journal / ".undo.toml") == 0600);
}

TEST_CASE(
    "e2e journal: the folder is --dir, then TEND_DIR, then XDG_DATA_HOME/tend, then "
    "~/.local/share/tend") {
    TempFolder home;
    const auto log_with = [&](std::map<std::string, std::string> environment,
                              std::vector<std::string> dir) {
        environment["HOME"] = home.path().string();
        std::vector<std::string> arguments = dir;
        arguments.insert(arguments.end(), {"log", "note"});
        return run_tend(arguments, RunOptions{"", environment, 077, {}, {}}).exit_code;
    };
    CHECK(log_with(
              {{"TEND_DIR", (home / "env").string()}, {"XDG_DATA_HOME", (home / "xdg").string()}},
              {"--dir", (home / "flag").string()}) == 0);
    CHECK(std::filesystem::exists(home / "flag" / month_file));
    CHECK(log_with(
              {{"TEND_DIR", (home / "env").string()}, {"XDG_DATA_HOME", (home / "xdg").string()}},
              {}) == 0);
    CHECK(std::filesystem::exists(home / "env" / month_file));
    CHECK(log_with({{"XDG_DATA_HOME", (home / "xdg").string()}}, {}) == 0);
    CHECK(std::filesystem::exists(home / "xdg" / "tend" / month_file));
    CHECK(log_with({}, {}) == 0);
    CHECK(std::filesystem::exists(home / ".local/share/tend" / month_file));
}

TEST_CASE("e2e journal: stale temporary files from a killed writer are cleaned up and ignored") {
    TempFolder journal;
    write_text(journal / "journal/.2026-11.toml.tmp-99999-0", "[[entry]\nhalf written");
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels"}).exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(journal / "journal/.2026-11.toml.tmp-99999-0"));
    CHECK(run_tend({"--dir", journal.path(), "check"}).out == "checked 1 month file: all good\n");
}

TEST_CASE("e2e journal: a live process's temporary files are left alone") {
    TempFolder journal;
    // Named for this test process, which is running: a writer tend must not disturb.
    const std::string live = fmt::format(".2026-11.toml.tmp-{}-0", ::getpid());
    const std::string note = fmt::format(".note.tmp-{}", ::getpid());
    write_text(journal / "journal" / live, "[[entry]]\nbeing written");
    write_text(journal / note, "a note being edited");
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels"}).exit_code == 0);
    REQUIRE(run_tend({"--dir", journal.path(), "undo"}).exit_code == 0);
    REQUIRE(run_tend({"--dir", journal.path(), "plan", "add", "kegels", "3/day"}).exit_code == 0);
    CHECK(read_text(journal / "journal" / live) == "[[entry]]\nbeing written");
    CHECK(read_text(journal / note) == "a note being edited");
    CHECK(run_tend({"--dir", journal.path(), "check"}).exit_code == 0);
}

TEST_CASE(
    "e2e journal: log on a month already in the cache counts the plan from the cached entries") {
    TempFolder journal;
    const auto tend = [&](std::vector<std::string> words) {
        words.insert(words.begin(), {"--dir", journal.path().string()});
        return run_tend(words);
    };
    REQUIRE(tend({"plan", "add", "kegels", "3/day", "--from", "2026-11-01"}).exit_code == 0);
    REQUIRE(tend({"log", "kegels", "--at", "08:00"}).exit_code == 0);
    REQUIRE(tend({"log", "kegels", "--at", "09:00"}).exit_code == 0);
    // The cache trusts a file only two seconds after its last change.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    REQUIRE(tend({"stats"}).exit_code == 0);
    REQUIRE(std::filesystem::exists(journal / ".cache/months.bin"));
    // This log takes the month's two entries from the cache, adds its own, and counts three.
    const auto third = tend({"log", "kegels", "--at", "09:30"});
    CHECK(third.out == "logged kegels today at 09:30\nplan: kegels 3 of 3 today — done\n");
    const auto shown = tend({"show", "--kind", "kegels"});
    CHECK(count_of(shown.out, "kegels") == 3);
    CHECK(tend({"check"}).out == "checked 1 month file and plan.toml: all good\n");
}

TEST_CASE("e2e journal: check warns about an entry dated after today, and reading goes on") {
    TempFolder journal;
    write_text(journal / "journal/2062-11.laptop.toml",
               "[[entry]]\nat = 2062-11-03T08:00:00+01:00\nkind = \"note\"\n");
    const auto checked = run_tend({"--dir", journal.path(), "check"});
    CHECK(checked.exit_code == 0);
    CHECK(checked.out ==
          "journal/2062-11.laptop.toml:1:1: warning: this entry is dated 2062-11-03, after today; "
          "check "
          "the year\n"
          "checked 1 month file: all good (1 warning)\n");
    // A clock set wrong must not lock anyone out: reading still works.
    CHECK(run_tend({"--dir", journal.path(), "show", "all"}).exit_code == 0);
}
