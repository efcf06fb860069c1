// End-to-end tests of the everyday loop as a new user types it: from their own working folder,
// with relative paths and bare file names, options before or after the positionals.
#include <doctest/doctest.h>

#include <filesystem>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::filesystem::path example =
    std::filesystem::path(TEND_SOURCE_DIR) / "examples" / "pelvic-floor";

// A user's folder holding a copy of the example journal as `journal`; tend runs inside it.
struct UserFolder {
    TempFolder folder;
    RunOptions options;

    UserFolder() {
        std::filesystem::copy(example, folder / "journal",
                              std::filesystem::copy_options::recursive);
        options.environment["HOME"] = folder.path().string();
    }
    RunResult tend(std::vector<std::string> arguments) const {
        arguments.insert(arguments.begin(), {"--dir", "journal"});
        return run_tend_in(folder.path(), arguments, options);
    }
};

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos;
         end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

TEST_CASE("everyday: -o with a bare file name writes it in the working folder and succeeds") {
    UserFolder user;
    const auto notes = user.tend({"export", "-o", "visit.html"});
    CHECK(notes.err == "");
    CHECK(notes.exit_code == 0);
    CHECK(notes.out.starts_with("wrote the notes for "));
    CHECK(notes.out.ends_with(" to visit.html\n"));
    CHECK(read_text(user.folder / "visit.html").starts_with("<!DOCTYPE html>"));
    CHECK(permissions_of(user.folder / "visit.html") == 0600);

    const auto calendar = user.tend({"plan", "ics", "-o", "plan.ics"});
    CHECK(calendar.err == "");
    CHECK(calendar.exit_code == 0);
    CHECK(calendar.out == "wrote the plan to plan.ics\n");
    CHECK(read_text(user.folder / "plan.ics").starts_with("BEGIN:VCALENDAR\r\n"));
    CHECK(permissions_of(user.folder / "plan.ics") == 0600);

    // Options in the other order, and a name inside a relative folder.
    std::filesystem::create_directory(user.folder / "out");
    const auto markdown = user.tend({"export", "-o", "out/visit.md", "last-90d", "--no-notes"});
    CHECK(markdown.err == "");
    CHECK(markdown.exit_code == 0);
    CHECK(read_text(user.folder / "out" / "visit.md").starts_with("# "));

    // An extension in capitals names the format as well (found by a trial).
    CHECK(user.tend({"export", "-o", "NOTES.JSON"}).exit_code == 0);
    CHECK(read_text(user.folder / "NOTES.JSON").starts_with("{\n"));
}

TEST_CASE("everyday: --at takes the times people type, before or after the words") {
    UserFolder user;
    struct Case {
        std::vector<std::string> arguments;
        std::string logged;  // the confirmation line
        std::string stored;  // the `at` line in the month file
    };
    const std::vector<Case> cases = {
        {{"log", "--at", "yesterday 8pm", "pain", "3"},
         "logged pain (pain 3/10) yesterday at 20:00\n",
         "at = 2026-11-24T20:00:00+01:00"},
        {{"log", "pain", "2", "--at", "8:45am"},
         "logged pain (pain 2/10) today at 08:45\n",
         "at = 2026-11-25T08:45:00+01:00"},
        {{"log", "--at", "wed 9pm", "pain", "4"},
         "logged pain (pain 4/10) on Wed 18 Nov 2026 at 21:00\n",
         "at = 2026-11-18T21:00:00+01:00"},
        {{"log", "pain", "1", "--at", "2 days ago"},
         "logged pain (pain 1/10) on Mon 23 Nov 2026 at 10:00\n",
         "at = 2026-11-23T10:00:00+01:00"},
        {{"log", "--at", "90 min ago", "pain", "1"},
         "logged pain (pain 1/10) today at 08:30\n",
         "at = 2026-11-25T08:30:00+01:00"},
        {{"log", "pain", "5", "--at", "1 hour ago"},
         "logged pain (pain 5/10) today at 09:00\n",
         "at = 2026-11-25T09:00:00+01:00"},
        {{"log", "pain", "5", "--at", "8:00"},
         "logged pain (pain 5/10) today at 08:00\n",
         "at = 2026-11-25T08:00:00+01:00"},
    };
    for (const auto& test : cases) {
        CAPTURE(test.arguments);
        const auto result = user.tend(test.arguments);
        CHECK(result.err == "");
        CHECK(result.exit_code == 0);
        CHECK(result.out == test.logged);
        CHECK(count_of(read_text(user.folder / "journal" / "journal" / "2026-11.laptop.toml"),
                       "\n" + test.stored + "\nkind = \"pain\"\n") == 1);
    }
    const auto before = snapshot(user.folder.path());
    const auto refused = user.tend({"log", "pain", "3", "--at", "9:30 in the evening"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.out == "");
    CHECK(refused.err ==
          "tend: can't read the time '9:30 in the evening' - try a time of day (24-hour 21:30, "
          "or 9:30pm), a day and time (yesterday 8pm, wed 9pm, 2026-11-20 08:00) or how long ago "
          "(2h ago, 90 min ago, 2 days ago)\n");
    CHECK(snapshot(user.folder.path()) == before);
}

TEST_CASE("everyday: across DST (TZ=Europe/Berlin) times are real local times") {
    TempFolder folder;
    const auto log_at = [&](const std::string& now, const std::string& when) {
        RunOptions options;
        options.environment = {{"TEND_NOW", now}, {"TZ", "Europe/Berlin"}};
        return run_tend_in(folder.path(), {"log", "pain", "2", "--dir", "notes", "--at", when},
                           options);
    };
    // Spring: at 04:00 summer time, "3h ago" is 00:00 winter time (02:00-03:00 never happened).
    CHECK(log_at("2026-03-29T04:00:00+02:00", "3h ago").out ==
          "logged pain (pain 2/10) today at 00:00\n");
    CHECK(log_at("2026-03-29T04:00:00+02:00", "30 min ago").out ==
          "logged pain (pain 2/10) today at 03:30\n");
    const std::string march = read_text(folder / "notes" / "journal" / "2026-03.laptop.toml");
    CHECK(count_of(march, "at = 2026-03-29T00:00:00+01:00\n") == 1);
    CHECK(count_of(march, "at = 2026-03-29T03:30:00+02:00\n") == 1);

    // A wall time inside the gap is refused, and nothing is written.
    const auto gap = log_at("2026-03-29T12:00:00+02:00", "02:30");
    CHECK(gap.exit_code == 2);
    CHECK(gap.err ==
          "tend: 2026-03-29 02:30 did not happen here: the clocks went forward then - try 03:30\n");
    CHECK(read_text(folder / "notes" / "journal" / "2026-03.laptop.toml") == march);
    // The same with a POSIX TZ string instead of a zone name.
    RunOptions posix;
    posix.environment = {{"TEND_NOW", "2026-03-29T12:00:00+02:00"},
                         {"TZ", "CET-1CEST,M3.5.0,M10.5.0/3"}};
    CHECK(run_tend_in(folder.path(), {"--dir", "notes", "log", "pain", "2", "--at", "02:30"}, posix)
              .err ==
          "tend: 2026-03-29 02:30 did not happen here: the clocks went forward then - try 03:30\n");

    // Autumn: 02:30 happened twice; the first (summer time, +02:00) is meant.
    CHECK(log_at("2026-10-25T12:00:00+01:00", "02:30").exit_code == 0);
    CHECK(log_at("2026-10-25T03:30:00+01:00", "1h ago").exit_code == 0);
    const std::string october = read_text(folder / "notes" / "journal" / "2026-10.laptop.toml");
    CHECK(count_of(october, "at = 2026-10-25T02:30:00+02:00\n") == 1);
    CHECK(count_of(october, "at = 2026-10-25T02:30:00+01:00\n") == 1);
}

TEST_CASE("everyday: a broken TEND_NOW is named") {
    RunOptions options;
    options.environment = {{"TEND_NOW", "tomorrow-ish"}};
    TempFolder folder;
    const auto result = run_tend_in(folder.path(), {"log", "pain", "2", "--dir", "notes"}, options);
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "tend: TEND_NOW: can't read the time 'tomorrow-ish' - set it to a date-time such as "
          "2026-11-25T10:00:00+01:00, or unset it\n");
    CHECK_FALSE(std::filesystem::exists(folder / "notes"));
}

TEST_CASE("everyday: a field typed as two words is the field, and the note is shown") {
    UserFolder user;
    const auto logged = user.tend({"log", "dilate", "size", "3", "minutes", "15", "slow", "start"});
    CHECK(logged.err == "");
    CHECK(logged.out ==
          "logged dilate (size 3 (19 mm) · 15 min) today at 10:00 - note \"slow start\"\n"
          "plan: Dilator done today\n");
    CHECK(count_of(read_text(user.folder / "journal" / "journal" / "2026-11.laptop.toml"),
                   "kind = \"dilate\"\nsize = 3\nminutes = 15\nnote = \"slow start\"\n") == 1);

    const auto before = snapshot(user.folder.path());
    const auto refused = user.tend({"log", "dilate", "size", "9"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "tend: size must be from 1 to 6, got 9\n");
    CHECK(snapshot(user.folder.path()) == before);
}

TEST_CASE("everyday: options before the period take one value each") {
    UserFolder user;
    // show: the same entries whichever comes first.
    const auto after = user.tend({"show", "2026-W47", "--kind", "dilate"});
    const auto before = user.tend({"show", "--kind", "dilate", "2026-W47"});
    CHECK(before.err == "");
    CHECK(before.exit_code == 0);
    CHECK(before.out == after.out);
    CHECK(count_of(before.out, "dilate ") == 7);
    CHECK(count_of(before.out, "massage") == 0);
    CHECK(user.tend({"show", "-k", "dilate", "-t", "partner", "2026-W47"}).out ==
          user.tend({"show", "2026-W47", "-k", "dilate", "-t", "partner"}).out);

    // stats and export too.
    const auto stats = user.tend({"stats", "--kind", "dilate", "2026-W47"});
    CHECK(stats.err == "");
    CHECK(stats.exit_code == 0);
    CHECK(stats.out == user.tend({"stats", "2026-W47", "--kind", "dilate"}).out);
    const auto exported = user.tend({"export", "--kind", "dilate", "2026-W47", "-o", "week.md"});
    CHECK(exported.err == "");
    CHECK(exported.out == "wrote the notes for 16 Nov - 22 Nov 2026 to week.md\n");
    CHECK(read_text(user.folder / "week.md") ==
          user.tend({"export", "2026-W47", "--kind", "dilate"}).out);
}

TEST_CASE("everyday: one custom kind in tend.toml keeps the built-in ones") {
    UserFolder user;
    // The example journal with its tend.toml replaced by one holding a single new kind.
    write_text(user.folder / "journal" / "tend.toml",
               "[settings]\nname = \"Alex\"\n\n[kinds.migraine]\ndescription = \"a migraine\"\n"
               "primary = \"level\"\nfields.level = { type = \"scale\" }\n");
    const auto check = user.tend({"check"});
    CHECK(check.err == "");
    CHECK(check.exit_code == 0);
    CHECK(user.tend({"log", "migraine", "4"}).out ==
          "logged migraine (level 4/10) today at 10:00\n");
    CHECK(user.tend({"log", "dilate", "3"}).exit_code == 0);
    const auto kinds = user.tend({"kinds"});
    CHECK(kinds.out.starts_with("custom profile: 16 kinds\n"));  // skip included

    // "blank" has only notes and the kinds written.
    write_text(user.folder / "notes" / "tend.toml",
               "profile = \"blank\"\n[kinds.migraine]\nfields.level = { type = \"scale\" }\n");
    const auto blank =
        run_tend_in(user.folder.path(), {"--dir", "notes", "log", "dilate", "3"}, user.options);
    CHECK(blank.exit_code == 2);
    CHECK(blank.err == "tend: unknown kind 'dilate' - 'tend kinds' lists them\n");
}

TEST_CASE("everyday: undo takes back an entry logged in the last hour, an older one needs --yes") {
    UserFolder user;
    const auto at = [&](const std::string& now, std::vector<std::string> arguments) {
        RunOptions options = user.options;
        options.environment["TEND_NOW"] = now;
        arguments.insert(arguments.begin(), {"--dir", "journal"});
        return run_tend_in(user.folder.path(), arguments, options);
    };
    const auto month = user.folder / "journal" / "journal" / "2026-11.laptop.toml";
    const std::string story = read_text(month);

    REQUIRE(at("2026-11-25T10:00:00+01:00", {"log", "pain", "3"}).exit_code == 0);
    const auto soon = at("2026-11-25T10:50:00+01:00", {"undo"});
    CHECK(soon.err == "");
    CHECK(soon.exit_code == 0);
    CHECK(soon.out == "removed: Wed 25 Nov 2026 10:00  pain      pain 3/10\n");
    CHECK(read_text(month) == story);

    REQUIRE(
        at("2026-11-25T10:00:00+01:00", {"log", "--at", "yesterday 9pm", "pain", "4"}).exit_code ==
        0);
    const std::string logged = read_text(month);
    const auto later = at("2026-11-25T11:30:00+01:00", {"undo"});
    CHECK(later.exit_code == 2);
    CHECK(later.out == "");
    CHECK(later.err ==
          "tend: the last entry was logged more than an hour ago: Tue 24 Nov 2026 21:00  pain      "
          "pain "
          "4/10 - to remove it, run 'tend undo --yes'\n");
    CHECK(read_text(month) == logged);
    const auto confirmed = at("2026-11-25T11:30:00+01:00", {"undo", "--yes"});
    CHECK(confirmed.exit_code == 0);
    CHECK(confirmed.out == "removed: Tue 24 Nov 2026 21:00  pain      pain 4/10\n");
    CHECK(read_text(month) == story);
}

TEST_CASE("everyday: questions stay open across visits until answered with a new entry") {
    UserFolder user;
    const auto listed = user.tend({"questions"});
    CHECK(listed.err == "");
    CHECK(listed.exit_code == 0);
    CHECK(listed.out ==
          "  1  Fri 2 Oct 2026  Is the Botox wearing off already after 4 months?\n"
          "  2  Tue 20 Oct 2026  When should I move up to size 4?\n"
          "  3  Mon 16 Nov 2026  Can I use lidocaine gel before dilating?\n"
          "Answer one with: tend questions answer N [what was said]\n");

    // The example journal's own file (from before devices) is kept; the answer is appended to
    // this device's file.
    const auto example_month = user.folder / "journal" / "journal" / "2026-11.toml";
    const std::string example_before = read_text(example_month);
    const auto month = user.folder / "journal" / "journal" / "2026-11.laptop.toml";
    const std::string before =
        "# tend journal, November 2026: one [[entry]] per session. Edit "
        "freely; see docs/format.md.\n";
    const auto answered = user.tend({"questions", "answer", "2", "size", "4", "next", "week"});
    CHECK(answered.err == "");
    CHECK(answered.exit_code == 0);
    CHECK(answered.out == "answered: When should I move up to size 4? (asked Tue 20 Oct 2026)\n");
    // Appended, never rewritten: the old text is kept byte for byte.
    CHECK(read_text(example_month) == example_before);
    const std::string after = read_text(month);
    REQUIRE(after.starts_with(before));
    CHECK(after.substr(before.size()) ==
          "\n[[entry]]\nat = 2026-11-25T10:00:00+01:00\nkind = \"question\"\nanswered = true\n"
          "tags = [\"answers-2026-10-20T21:00:00-a5bcb19c\"]\nnote = \"size 4 next week\"\n");
    CHECK(user.tend({"questions"}).out ==
          "  1  Fri 2 Oct 2026  Is the Botox wearing off already after 4 months?\n"
          "  2  Mon 16 Nov 2026  Can I use lidocaine gel before dilating?\n"
          "Answer one with: tend questions answer N [what was said]\n");

    const auto no_such = user.tend({"questions", "answer", "5"});
    CHECK(no_such.exit_code == 2);
    CHECK(no_such.err ==
          "tend: there is no open question 5 - use a number from 1 to 2, as 'tend questions' "
          "shows\n");
    const auto empty = user.tend({"log", "question"});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err ==
          "tend: a question needs its words - for example: tend log question can I use lidocaine "
          "before dilating?\n");
    CHECK(read_text(month) == after);
    // undo takes an answer back like any logged entry.
    CHECK(user.tend({"undo"}).exit_code == 0);
    CHECK(count_of(read_text(month), "[[entry]]\n") == 0);
}

TEST_CASE("everyday: plan mistakes are easy to undo, and plan end never re-opens an item") {
    UserFolder user;
    const auto plan_file = user.folder / "journal" / "plan.toml";
    const std::string story_plan = read_text(plan_file);

    const auto again = user.tend({"plan", "end", "1"});
    CHECK(again.exit_code == 2);
    CHECK(again.err ==
          "tend: #1 Kegels already ended on 2026-10-26 - nothing was changed; to follow it again, "
          "add a new item with 'tend plan add'\n");
    CHECK(read_text(plan_file) == story_plan);

    // The same item typed twice is refused; an item added by mistake today is removed at once.
    REQUIRE(user.tend({"plan", "add", "relax", "daily", "--name", "Breathing"}).exit_code == 0);
    const std::string with_breathing = read_text(plan_file);
    const auto twice = user.tend({"plan", "add", "--name", "Breathing", "relax", "daily"});
    CHECK(twice.exit_code == 2);
    CHECK(twice.err.starts_with("tend: the plan already has this item: #6 Breathing ("));
    CHECK(twice.err.ends_with(") - nothing was added; 'tend plan' lists the items\n"));
    CHECK(read_text(plan_file) == with_breathing);
    const auto removed = user.tend({"plan", "rm", "Breathing"});
    CHECK(removed.err == "");
    CHECK(removed.out == "removed from the plan: #6 Breathing (relax): daily\n");
    CHECK(read_text(plan_file).find("Breathing") == std::string::npos);
    CHECK(user.tend({"plan"}).out ==
          run_tend_in(user.folder.path(), {"--dir", example.string(), "plan"}, user.options).out);

    // minutes=10 on a duration: added, with a note on what it means.
    const auto exact =
        user.tend({"plan", "add", "dilate", "daily", "min=10", "--from", "tomorrow"});
    CHECK(exact.exit_code == 0);
    CHECK(exact.err ==
          "tend: note: 'minutes=10' counts only sessions of exactly 10 minutes; for 10 or more, "
          "write 'minutes>=10' (or minutes:10+) - to change it today: tend plan rm 6, then add it "
          "again\n");
    // One dilate item in force, the other starting tomorrow: the one in force is meant.
    const auto ended = user.tend({"plan", "end", "dilate"});
    CHECK(ended.err == "");
    CHECK(ended.out == "Dilator (dilate) ends today; its history stays in the plan\n");
    CHECK(user.tend({"plan", "rm", "6"}).exit_code == 0);

    // Two that both start later: the hint names their numbers.
    REQUIRE(user.tend({"plan", "add", "kegels", "3/day", "--from", "tomorrow"}).exit_code == 0);
    REQUIRE(user.tend({"plan", "add", "kegels", "2/day", "--from", "2026-12-01"}).exit_code == 0);
    const auto several = user.tend({"plan", "end", "kegels"});
    CHECK(several.exit_code == 2);
    CHECK(several.err ==
          "tend: 'kegels' matches 2 items: #6 kegels (3/day), #7 kegels (2/day) - use the number, "
          "e.g. 'tend plan end 6'\n");
}

TEST_CASE("everyday: help columns never run together, and mistyped commands get a suggestion") {
    const std::vector<std::vector<std::string>> commands = {
        {},        {"log"},    {"show"},      {"undo"},        {"check"},
        {"init"},  {"kinds"},  {"plan"},      {"plan", "add"}, {"plan", "end"},
        {"stats"}, {"export"}, {"questions"}, {"edit"},        {"completions"}};
    for (auto words : commands) {
        CAPTURE(words);
        words.push_back("--help");
        const auto help = run_tend(words);
        REQUIRE(help.exit_code == 0);
        const auto lines = split_lines(help.out);
        for (std::size_t index = 0; index < lines.size(); ++index) {
            const std::string& line = lines[index];
            if (!line.starts_with("  -")) continue;
            CAPTURE(line);
            const bool description_beside = line.find("  ", 2) != std::string::npos;
            const bool description_below =
                index + 1 < lines.size() && lines[index + 1].starts_with("                    ");
            CHECK((description_beside || description_below));
        }
    }
    const auto typo = run_tend({"logg", "dilate", "3"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.err == "tend: unknown command 'logg' - did you mean 'log'?\n");
    const auto plan_typo = run_tend({"plan", "ad", "kegels", "daily"});
    CHECK(plan_typo.err == "tend: unknown command 'plan ad' - did you mean 'plan add'?\n");
}

// tend sets up only the command it is given (docs/performance.md, "Start-up"): it must find it
// after global options in each form they take, and still list every command in help.
TEST_CASE("everyday: the command is found after global options in each form they take") {
    UserFolder user;
    const auto plain =
        run_tend_in(user.folder.path(), {"stats", "2026-10", "--dir", "journal"}, user.options);
    REQUIRE(plain.exit_code == 0);
    CHECK(plain.out.starts_with("Thu 1 Oct 2026 - Sat 31 Oct 2026\n"));
    for (const std::vector<std::string>& words :
         {std::vector<std::string>{"--dir", "journal", "stats", "2026-10"},
          {"--dir=journal", "stats", "2026-10"},
          {"--color", "never", "--dir", "journal", "stats", "2026-10"},
          {"--color=never", "stats", "--dir=journal", "2026-10"}}) {
        CAPTURE(words);
        const auto result = run_tend_in(user.folder.path(), words, user.options);
        CHECK(result.exit_code == 0);
        CHECK(result.err == "");
        CHECK(result.out == plain.out);
    }
    const auto version = run_tend({"--version"});
    CHECK(version.out == "tend " TEND_VERSION "\n");
    const auto help = run_tend({"--color", "never", "--help"});
    for (const char* command :
         {"log", "skip", "show", "undo", "check", "init", "kinds", "plan", "stats", "export",
          "questions", "edit", "completions", "remind", "import", "sync", "git"}) {
        CAPTURE(command);
        CHECK(help.out.find("\n  " + std::string(command) + " ") != std::string::npos);
    }
    // A word that names no command, after the options, is still matched against all of them.
    const auto typo = user.tend({"--color", "never", "stast"});
    CHECK(typo.err == "tend: unknown command 'stast' - did you mean 'stats'?\n");
}

TEST_CASE("everyday: an option without its value is said in words") {
    const auto kind = run_tend({"show", "--kind"});
    CHECK(kind.exit_code == 2);
    CHECK(kind.err == "tend: --kind needs a value - see 'tend show --help'\n");
    const auto from = run_tend({"plan", "add", "dilate", "daily", "--from"});
    CHECK(from.err == "tend: --from needs a value - see 'tend plan add --help'\n");
}

TEST_CASE("everyday: a month so far counts its days so far, against the calendar month before") {
    UserFolder user;
    const auto now = user.tend({"stats", "this-month"});
    CHECK(now.err == "");
    CHECK(
        now.out.starts_with("Sun 1 Nov 2026 - Mon 30 Nov 2026\n"
                            "65 entries on 22 of 25 days so far · compared with 1 Oct - 31 Oct\n"));
    CHECK(user.tend({"stats", "2026-10"})
              .out.starts_with("Thu 1 Oct 2026 - Sat 31 Oct 2026\n"
                               "134 entries on 28 of 31 days · compared with 1 Sep - 30 Sep\n"));
}

TEST_CASE("everyday: -o never replaces one of the journal's own files, even through a link") {
    UserFolder user;
    const auto month = user.folder / "journal" / "journal" / "2026-11.laptop.toml";
    const auto plan_file = user.folder / "journal" / "plan.toml";
    const std::string month_text = read_text(month);
    const std::string plan_text = read_text(plan_file);

    const auto notes =
        user.tend({"export", "--format", "md", "-o", "journal/journal/2026-11.laptop.toml"});
    CHECK(notes.exit_code == 2);
    CHECK(notes.out == "");
    CHECK(notes.err ==
          "tend: 'journal/journal/2026-11.laptop.toml' is one of the journal's own files, so "
          "nothing was "
          "written - name a file outside the journal folder, e.g. -o visit.html\n");
    const auto calendar = user.tend({"plan", "ics", "-o", "journal/plan.toml"});
    CHECK(calendar.exit_code == 2);
    CHECK(calendar.err ==
          "tend: 'journal/plan.toml' is one of the journal's own files, so nothing was written - "
          "name a file outside the journal folder, e.g. -o visit.html\n");
    std::filesystem::create_symlink("journal/journal/2026-11.laptop.toml", user.folder / "x.md");
    CHECK(user.tend({"export", "-o", "x.md"}).exit_code == 2);
    CHECK(read_text(month) == month_text);
    CHECK(read_text(plan_file) == plan_text);
}

TEST_CASE("everyday: -o never replaces the inbox, a device's inbox or a copy of one") {
    UserFolder user;
    const std::string lines = "2026-11-25 23:00 dilate 3 pain=2 logged on the phone tonight\n";
    for (const std::string name :
         {"inbox.txt", "inbox.phone.txt", "inbox (conflicted copy).txt", "Inbox.TXT"}) {
        CAPTURE(name);
        write_text(user.folder / "journal" / name, lines);
        // Options in any order, from the folder above the journal.
        const auto notes = user.tend({"export", "-o", "journal/" + name, "--format", "md"});
        CHECK(notes.exit_code == 2);
        CHECK(notes.out == "");
        CHECK(notes.err == "tend: 'journal/" + name +
                               "' is one of the journal's own files, so nothing was written - "
                               "name a file outside the journal folder, e.g. -o visit.html\n");
        CHECK(read_text(user.folder / "journal" / name) == lines);
        std::filesystem::remove(user.folder / "journal" / name);
    }
}

TEST_CASE("everyday: an undo record that holds more than one entry removes nothing") {
    UserFolder user;
    const auto month = user.folder / "journal" / "journal" / "2026-11.laptop.toml";
    const std::string month_text = read_text(month);
    // A damaged or planted record naming the whole month as "the last entry".
    write_text(
        user.folder / "journal" / ".undo.toml",
        "[[logged]]\nfile = \"journal/2026-11.laptop.toml\"\ntext = '''\n" + month_text + "'''\n");
    const auto undone = user.tend({"undo", "--yes"});
    CHECK(undone.exit_code == 2);
    CHECK(undone.out == "");
    CHECK(undone.err ==
          "tend: tend's record of the last logged entry (.undo.toml) does not hold exactly one "
          "entry, so nothing was removed - delete .undo.toml, and edit the month by hand with "
          "'tend edit'\n");
    CHECK(read_text(month) == month_text);
}

TEST_CASE("everyday: questions asked in the same minute are answered one at a time") {
    UserFolder user;
    REQUIRE(user.tend({"log", "question", "--at", "yesterday 8pm", "can", "I", "skip", "kegels",
                       "on", "period", "days"})
                .exit_code == 0);
    REQUIRE(user.tend({"log", "question", "--at", "yesterday 8pm", "should", "I", "go", "up", "to",
                       "size", "5"})
                .exit_code == 0);
    const auto before = split_lines(user.tend({"questions"}).out);
    REQUIRE(before.size() == 6);  // three from the example, these two, and the hint
    CHECK(before[4].ends_with("should I go up to size 5"));
    const auto answered = user.tend({"questions", "answer", "5", "not", "yet"});
    CHECK(answered.err == "");
    CHECK(answered.exit_code == 0);
    const auto after = split_lines(user.tend({"questions"}).out);
    REQUIRE(after.size() == 5);
    CHECK(after[3].ends_with("can I skip kegels on period days"));

    // An answer may not carry what a note may not.
    const auto escape = user.tend({"questions", "answer", "4", "\x1b]0;x\a"});
    CHECK(escape.exit_code == 2);
    CHECK(escape.err ==
          "tend: the answer contains control characters (U+001B, U+0007) - an answer may hold "
          "text, newlines and tabs\n");
}

TEST_CASE("everyday: a control character typed into a month file reaches the HTML notes escaped") {
    UserFolder user;
    const auto month = user.folder / "journal" / "journal" / "2026-11.laptop.toml";
    write_text(month, read_text(month) +
                          "\n[[entry]]\nat = 2026-11-24T20:00:00+01:00\nkind = \"note\"\n"
                          "note = \"\\u001B[31mred \\u202Egnp.exe\"\n");
    const auto notes = user.tend({"export", "2026-11-01..2026-11-24", "-o", "notes.html"});
    CHECK(notes.exit_code == 0);
    const std::string html = read_text(user.folder / "notes.html");
    CHECK(html.find('\x1b') == std::string::npos);
    CHECK(html.find("\u202e") == std::string::npos);
    CHECK(html.find("[31mred") != std::string::npos);
}

TEST_CASE("everyday: show sets the note apart, so a note that reads like a field is not one") {
    UserFolder user;
    // "siz 3" is no field's name or start of three letters: it stays the note.
    REQUIRE(user.tend({"log", "relax", "10", "size", "3", "felt", "long"}).exit_code == 0);
    REQUIRE(user.tend({"log", "kegels", "--at", "10:05"}).exit_code == 0);
    CHECK(user.tend({"show", "today"}).out ==
          "Wed 25 Nov 2026\n"
          "  10:00  relax     10 min  — size 3 felt long\n"
          "  10:05  kegels\n");
}

TEST_CASE("everyday: the start of a field's name works as two words too, as min=15 does") {
    UserFolder user;
    const auto logged = user.tend({"log", "dilate", "3", "min", "15", "pain", "2", "slow"});
    CHECK(logged.err == "");
    CHECK(logged.out.starts_with(
        "logged dilate (size 3 (19 mm) · 15 min · pain 2/10) today at 10:00 - note \"slow\"\n"));
    CHECK(count_of(read_text(user.folder / "journal" / "journal" / "2026-11.laptop.toml"),
                   "size = 3\nminutes = 15\npain = 2\nnote = \"slow\"\n") == 1);
    // Two letters are too few to be sure: "mi 15" stays the note.
    const auto note = user.tend({"log", "relax", "mi", "15"});
    CHECK(note.out == "logged relax today at 10:00 - note \"mi 15\"\n");
}

TEST_CASE("everyday: a session short of the plan's condition says why it did not count") {
    UserFolder user;
    const auto short_one = user.tend({"log", "dilate", "3", "min=5"});
    CHECK(short_one.exit_code == 0);
    CHECK(short_one.out ==
          "logged dilate (size 3 (19 mm) · 5 min) today at 10:00\n"
          "plan: Dilator to do today (this one isn't counted: the plan asks for at least 10 min "
          "each)\n");
    const auto long_one = user.tend({"log", "dilate", "3", "min=12"});
    CHECK(long_one.out ==
          "logged dilate (size 3 (19 mm) · 12 min) today at 10:00\nplan: Dilator done today\n");
}

TEST_CASE(
    "everyday: plan add --from takes a weekday or a span back, for a programme begun earlier") {
    UserFolder user;
    const auto weeks = user.tend(
        {"plan", "add", "stretch", "daily", "--from", "2 weeks ago", "--name", "Stretches"});
    CHECK(weeks.err == "");
    CHECK(read_text(user.folder / "journal" / "plan.toml")
              .ends_with("kind = \"stretch\"\nschedule = \"daily\"\nstart = 2026-11-11\n"
                         "name = \"Stretches\"\n"));
    // Wednesday 25 Nov: "mon" is the Monday before, "wed" a week ago (never today).
    REQUIRE(user.tend({"plan", "add", "--from", "mon", "relax", "daily"}).exit_code == 0);
    CHECK(read_text(user.folder / "journal" / "plan.toml")
              .ends_with("kind = \"relax\"\nschedule = \"daily\"\nstart = 2026-11-23\n"));
    REQUIRE(user.tend({"plan", "add", "cardio", "weekly", "--from", "10d ago"}).exit_code == 0);
    CHECK(read_text(user.folder / "journal" / "plan.toml")
              .ends_with("kind = \"cardio\"\nschedule = \"weekly\"\nstart = 2026-11-15\n"));
    const auto before = snapshot(user.folder.path());
    const auto refused =
        user.tend({"plan", "add", "cardio", "3/week", "--from", "2 fortnights ago"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err ==
          "tend: can't read the date '2 fortnights ago' - use YYYY-MM-DD, today, tomorrow, "
          "yesterday, a weekday (mon) or '3 weeks ago'\n");
    CHECK(snapshot(user.folder.path()) == before);
}

TEST_CASE("everyday: an option given twice is said in words, not in CLI11's") {
    UserFolder user;
    const auto before = snapshot(user.folder.path());
    const auto twice = user.tend({"export", "-o", "a.md", "--format", "md", "-o", "b.md"});
    CHECK(twice.exit_code == 2);
    CHECK(twice.err ==
          "tend: --output takes one value; it was given more - give it once; see 'tend export "
          "--help'\n");
    const auto on_twice =
        user.tend({"stats", "--effect", "dilate", "--on", "sex.pain", "--on", "dilate.pain"});
    CHECK(
        on_twice.err ==
        "tend: --on takes one value; it was given more - give it once; see 'tend stats --help'\n");
    CHECK(snapshot(user.folder.path()) == before);
}

TEST_CASE(
    "everyday: entries broken by one change to tend.toml are said in one line, with the fix") {
    UserFolder user;
    const auto settings = user.folder / "journal" / "tend.toml";
    std::string text = read_text(settings);
    // A smaller dilator set: the past sizes 4 no longer fit.
    text.replace(text.find("sizes = 6"), 9, "sizes = 3");
    text.replace(text.find("diameters_mm = [13, 16, 19, 22, 25, 29]"), 39,
                 "diameters_mm = [13, 16, 19]");
    write_text(settings, text);
    const auto checked = user.tend({"check"});
    CHECK(checked.exit_code == 1);
    CHECK(checked.out ==
          "journal/2026-11.toml:174:8: 14 entries break one rule: size must be from 1 to 3 - if "
          "tend.toml changed lately, change it back; otherwise fix them by hand, starting here\n"
          "checked 4 month files and plan.toml: 14 problems to fix by hand\n");
    // Two with one cause are listed one by one, as before: they are typos, not a changed rule.
    text.replace(text.find("sizes = 3"), 9, "sizes = 6");
    text.replace(text.find("diameters_mm = [13, 16, 19]"), 27,
                 "diameters_mm = [13, 16, 19, 22, 25, 29]");
    write_text(settings, text);
    write_text(user.folder / "journal" / "journal" / "2026-07.laptop.toml",
               "[[entry]]\nat = 2026-07-01T08:00:00+02:00\nkind = \"pain\"\nlevel = 12\n\n"
               "[[entry]]\nat = 2026-07-02T08:00:00+02:00\nkind = \"pain\"\nlevel = 11\n");
    CHECK(user.tend({"check"}).out ==
          "journal/2026-07.laptop.toml:4:9: level must be from 0 to 10, got 12\n"
          "journal/2026-07.laptop.toml:9:9: level must be from 0 to 10, got 11\n"
          "checked 5 month files and plan.toml: 2 problems to fix by hand\n");
}

TEST_CASE("everyday: a text field is never taken from the words of a note") {
    UserFolder user;
    const auto pain =
        user.tend({"log", "pain", "6", "location", "of", "the", "pain", "is", "knee"});
    CHECK(pain.out ==
          "logged pain (pain 6/10) today at 10:00 - note \"location of the pain is knee\"\n");
    // A field's own name is not the primary's value: "pose 3" is the note, not a pose "pose".
    const auto pose = user.tend({"log", "stretch", "pose", "3"});
    CHECK(pose.exit_code == 0);
    CHECK(pose.out.starts_with("logged stretch today at 10:00 - note \"pose 3\"\n"));
    // Set with '=', a text field takes its words.
    const auto set = user.tend({"log", "pain", "4", "location=knee", "after", "stairs"});
    CHECK(
        set.out.starts_with("logged pain (pain 4/10 · location knee) today at 10:00 - note "
                            "\"after stairs\"\n"));
}

TEST_CASE("everyday: -o with an empty name is refused, never standard output") {
    UserFolder user;
    const auto before = snapshot(user.folder.path());
    const auto empty = user.tend({"export", "-o", ""});
    CHECK(empty.exit_code == 2);
    CHECK(empty.out == "");
    CHECK(empty.err ==
          "tend: --output: needs a file name (or - for standard output), got '' - see 'tend "
          "--help'\n");
    const auto ics = user.tend({"plan", "ics", "--output", ""});
    CHECK(ics.exit_code == 2);
    CHECK(ics.out == "");
    CHECK(snapshot(user.folder.path()) == before);
}

TEST_CASE("everyday: many entries with one warning from a tend.toml change are one line too") {
    UserFolder user;
    // dilate without 'anxiety': every past dilate entry with anxiety draws one warning.
    const auto settings = user.folder / "journal" / "tend.toml";
    std::string text = read_text(settings);
    const std::string anxiety =
        "fields.anxiety = { type = \"scale\", phrase = \"anxiety while dilating\" }\n";
    REQUIRE(text.find("[kinds.dilate]") < text.find(anxiety));
    text.erase(text.find(anxiety), anxiety.size());
    write_text(settings, text);
    const auto checked = user.tend({"check"});
    CHECK(checked.err == "");
    CHECK(count_of(checked.out, "\n") == 2);
    CHECK(count_of(checked.out,
                   " entries break one rule: warning: unknown field 'anxiety' for "
                   "dilate (kept, but not used) - if tend.toml changed lately, "
                   "change it back; otherwise fix them by hand, starting here\n") == 1);
}

TEST_CASE("everyday: one entry on one day is said in the singular") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path().string(), "log", "relax", "10"}).exit_code == 0);
    const auto stats = run_tend({"--dir", journal.path().string(), "stats", "today"});
    CHECK(
        stats.out.starts_with("Wed 25 Nov 2026 - Wed 25 Nov 2026\n1 entry on 1 of 1 day · compared "
                              "with 24 Nov - 24 Nov\n"));
}
