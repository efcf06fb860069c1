// End-to-end tests of rest days (`tend skip`, issue 17) as a user types them: from their own
// folder with a relative journal folder, options before or after the words.
#include <doctest/doctest.h>

#include <chrono>
#include <regex>
#include <thread>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

// A user's folder with a journal `j` inside; tend runs from the folder, "today" is
// Wednesday 25 Nov 2026 (TEND_NOW's default) unless `now` says otherwise.
struct User {
    TempFolder folder;

    User() { REQUIRE(tend({"init"}).exit_code == 0); }
    RunResult tend(std::vector<std::string> arguments, const std::string& now = "") const {
        arguments.insert(arguments.begin(), {"--dir", "j"});
        RunOptions options;
        options.environment["HOME"] = folder.path().string();
        if (!now.empty()) options.environment["TEND_NOW"] = now;
        return run_tend_in(folder.path(), arguments, options);
    }
    void add(std::vector<std::string> arguments) const {
        const auto result = tend(std::move(arguments));
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    }
    std::string month(const std::string& name) const {
        return read_text(folder / ("j/journal/" + name + ".laptop.toml"));
    }
};

// The line of `text` that starts (after spaces) with `label`, spaces squeezed.
std::string row(const std::string& text, const std::string& label) {
    const std::size_t at = text.find("\n  " + label);
    if (at == std::string::npos) return "";
    const std::size_t end = text.find('\n', at + 1);
    return std::regex_replace(text.substr(at + 3, end - at - 3), std::regex(" +"), " ");
}

}  // namespace

TEST_CASE("e2e skip: a rest day for every item is an entry, rests today and is undone") {
    User user;
    user.add({"plan", "add", "stretch", "daily", "--from", "2026-11-16"});
    user.add({"log", "stretch", "--at", "2026-11-23 20:00"});
    user.add({"log", "stretch", "--at", "yesterday 20:00"});

    const auto skip = user.tend({"skip", "period"});
    CHECK(skip.err == "");
    CHECK(skip.exit_code == 0);
    CHECK(skip.out == "resting today: every plan item - period\n");
    // An ordinary [[entry]], readable and editable by hand.
    CHECK(
        user.month("2026-11").ends_with("\n[[entry]]\nat = 2026-11-25T10:00:00+01:00\n"
                                        "kind = \"skip\"\nnote = \"period\"\n"));

    const auto today = user.tend({"plan", "today"});
    CHECK(today.out.find("  ~ stretch  resting today (next: tomorrow)\n") != std::string::npos);
    CHECK(today.out.ends_with("\nA rest day. Rest is part of the programme too.\n"));
    CHECK(user.tend({"plan", "due"}).exit_code == 1);

    // Neither due nor missed: 2 of 2, the rest day has its own mark; the streak goes on.
    const auto week = user.tend({"stats", "this-week"});
    CHECK(row(week.out, "stretch") == "stretch 2/2 100% ●●- was 0%");
    CHECK(week.out.find("  ● done  ◐ part  ○ missed  · not due  - rest\n") != std::string::npos);
    CHECK(week.out.find("  stretch            2 now, longest 2\n") != std::string::npos);

    const auto undo = user.tend({"undo"});
    CHECK(undo.exit_code == 0);
    CHECK(user.month("2026-11").find("skip") == std::string::npos);
    CHECK(user.tend({"plan", "today"}).out.find("  • stretch  to do today") != std::string::npos);
}

TEST_CASE("e2e skip: kinds are read only when in the plan, the rest is the reason") {
    User user;
    user.add({"plan", "add", "stretch", "daily", "--from", "2026-11-16"});
    user.add({"plan", "add", "massage", "every", "2d", "--from", "2026-11-16"});
    user.add({"plan", "add", "kegels", "daily", "--from", "2026-11-16"});
    // "period" is a kind of the profile but of no plan item: a word of the reason.
    const auto skip =
        user.tend({"skip", "stretch", "massage", "period", "cramps", "--on", "2026-11-23..24"});
    CHECK(skip.exit_code == 2);
    CHECK(skip.err.starts_with("tend: can't read the period '2026-11-23..24'"));
    CHECK(user.month("2026-11").find("skip") == std::string::npos);
    const auto on = user.tend(
        {"skip", "--on", "2026-11-23..2026-11-24", "stretch", "massage", "period", "cramps"});
    CHECK(on.err == "");
    CHECK(on.out ==
          "resting Mon 23 Nov 2026 - Tue 24 Nov 2026: stretch, massage - period cramps\n");
    CHECK(
        user.month("2026-11").ends_with("\n[[entry]]\nat = 2026-11-23T12:00:00+01:00\n"
                                        "kind = \"skip\"\nitems = \"stretch massage\"\n"
                                        "days = 2\nnote = \"period cramps\"\n"));
    // Kegels was not rested: due both days, and missed. Stretch rested both: only today is
    // due, so far. The massage block of 24-25 Nov is half rest: still due, so far.
    const auto week = user.tend({"stats", "this-week"});
    CHECK(row(week.out, "kegels").starts_with("kegels 0/2 0% ○○ and 0 of 1 so far"));
    CHECK(row(week.out, "stretch") == "stretch 0 of 1 so far - --");
    CHECK(row(week.out, "massage") == "massage 0 of 1 so far - --·");
    const auto plan_today = user.tend({"plan", "today"}, "2026-11-24T09:00:00+01:00");
    CHECK(plan_today.out.find("~ stretch  resting today") != std::string::npos);
    CHECK(plan_today.out.find("~ massage  resting today") != std::string::npos);
    CHECK(plan_today.out.find("• kegels   to do today") != std::string::npos);

    // The start of one plan kind's name is that kind, as `tend log kegel` reads it; "car" is
    // the start of no plan kind, so it is a word of the reason and every item rests.
    const auto prefix = user.tend({"skip", "kegel", "cramps"}, "2026-11-25T09:00:00+01:00");
    CHECK(prefix.err == "");
    CHECK(prefix.out == "resting today: kegels - cramps\n");
    const auto reason = user.tend({"skip", "car", "trouble"}, "2026-11-26T09:00:00+01:00");
    CHECK(reason.out == "resting today: every plan item - car trouble\n");
}

TEST_CASE("e2e skip: a week with rest days expects less, a block of rest days is not due") {
    User user;
    user.add({"plan", "add", "cardio", "3/week", "--from", "2026-11-16"});
    user.add({"plan", "add", "massage", "every", "2d", "--from", "2026-11-16"});
    user.add({"log", "cardio", "--at", "2026-11-21 10:00"});
    for (const char* day : {"2026-11-16", "2026-11-20", "2026-11-22"})
        user.add({"log", "massage", "--at", std::string(day) + " 20:00"});
    const auto before = user.tend({"stats", "2026-W47"});
    CHECK(row(before.out, "cardio").starts_with("cardio 1/3 33% ·····◐○"));
    CHECK(row(before.out, "massage").starts_with("massage 3/4 75% ●··○●·●"));
    // Mon-Thu of cardio's week, and massage's block of 18-19 Nov, rested.
    user.add({"skip", "cardio", "--on", "2026-11-16..2026-11-19", "knee"});
    user.add({"skip", "massage", "--on", "2026-11-18..2026-11-19", "period"});
    const auto after = user.tend({"stats", "2026-W47"});
    // 3 sessions x 3 days left / 7, rounded: 1.
    CHECK(row(after.out, "cardio").starts_with("cardio 1/1 100% ----·●·"));
    CHECK(row(after.out, "massage").starts_with("massage 3/3 100% ●·--●·●"));
    CHECK(row(after.out, "Overall").starts_with("Overall 100%"));
}

TEST_CASE("e2e skip: refused without writing: a day ahead without --on, an item not in the plan") {
    User user;
    const auto no_plan = user.tend({"skip"});
    CHECK(no_plan.exit_code == 2);
    CHECK(no_plan.err ==
          "tend: nothing in your plan is in force today, so there is nothing to "
          "rest - add your programme with 'tend plan add'\n");
    user.add({"plan", "add", "stretch", "daily", "--from", "2026-11-16"});
    user.add({"plan", "add", "kegels", "daily", "--from", "2026-11-16", "--until", "2026-11-20"});
    const auto files = snapshot(user.folder / "j");

    const auto ahead = user.tend({"skip", "tomorrow", "travelling"});
    CHECK(ahead.exit_code == 2);
    CHECK(ahead.err ==
          "tend: 'tomorrow' is after today - to plan a rest day ahead, say so with "
          "--on: tend skip --on tomorrow\n");
    const auto ended = user.tend({"skip", "kegels", "sore"});
    CHECK(ended.exit_code == 2);
    CHECK(ended.err ==
          "tend: kegels is not in your plan today, so there is nothing to rest - see 'tend "
          "plan'; nothing was written\n");
    const auto long_rest = user.tend({"skip", "--on", "2026-10-01..2026-11-15"});
    CHECK(long_rest.exit_code == 2);
    CHECK(long_rest.err ==
          "tend: a rest of 46 days is longer than one skip holds (31 days) - "
          "skip a month at a time, or end the items with 'tend plan end' and "
          "add them again\n");
    const auto empty_on = user.tend({"skip", "--on", "", "ill"});
    CHECK(empty_on.exit_code == 2);
    CHECK(empty_on.err == "tend: '--on' needs a day or a period - for example --on yesterday\n");
    CHECK(snapshot(user.folder / "j") == files);

    // A tend.toml from before rest days with a kind of its own named skip (no role): its
    // entries never become rests, and `tend skip` says what is missing.
    write_text(
        user.folder / "rope/tend.toml",
        "[kinds.skip]\ndescription = \"skipping rope\"\nfields.count = { type = \"int\" }\n");
    write_text(user.folder / "rope/plan.toml",
               "[[item]]\nkind = \"skip\"\nschedule = \"daily\"\nstart = 2026-11-16\n");
    RunOptions options;
    options.environment["HOME"] = user.folder.path().string();
    const auto rope = run_tend_in(user.folder.path(), {"skip", "--dir", "rope"}, options);
    CHECK(rope.exit_code == 2);
    CHECK(rope.err ==
          "tend: your tend.toml has no kind with role = \"rest\" to keep rest days "
          "in - remove the kind named skip from tend.toml, or give a kind that role\n");

    // Ahead on purpose, with --on; yesterday needs none. Neither is a "check the year" warning.
    const auto planned = user.tend({"skip", "travelling", "--on", "tomorrow"});
    CHECK(planned.out == "resting tomorrow: every plan item - travelling\n");
    const auto yesterday = user.tend({"skip", "stretch", "yesterday", "ill"});
    CHECK(yesterday.out == "resting yesterday: stretch - ill\n");
    const auto december = user.tend({"skip", "--on", "2026-12-24", "travelling"});
    CHECK(december.out == "resting Thu 24 Dec 2026: every plan item - travelling\n");
    const auto check = user.tend({"check"});
    CHECK(check.exit_code == 0);
    CHECK(check.out == "checked 2 month files and plan.toml: all good\n");
}

TEST_CASE("e2e skip: a streak passes over rest days across months, cached or not") {
    User user;
    user.add({"plan", "add", "stretch", "daily", "--from", "2026-10-26"});
    std::string october = "# October\n";
    std::string november = "# November\n";
    for (int day = 26; day <= 30; ++day)
        october += "\n[[entry]]\nat = 2026-10-" + std::to_string(day) +
                   "T20:00:00+01:00\nkind = \"stretch\"\n";
    // A rest written by hand on 31 Oct for two days: 31 Oct and 1 Nov.
    october +=
        "\n[[entry]]\nat = 2026-10-31T12:00:00+01:00\nkind = \"skip\"\ndays = 2\n"
        "note = \"flare, PT said rest\"\n";
    for (int day = 2; day <= 24; ++day)
        november += "\n[[entry]]\nat = 2026-11-" + std::string(day < 10 ? "0" : "") +
                    std::to_string(day) + "T20:00:00+01:00\nkind = \"stretch\"\n";
    write_text(user.folder / "j/journal/2026-10.laptop.toml", october);
    write_text(user.folder / "j/journal/2026-11.laptop.toml", november);
    // 5 days in October, 23 in November; today (25 Nov) is still open.
    const std::string streak = "  stretch            28 now, longest 28\n";
    CHECK(user.tend({"stats", "this-week"}).out.find(streak) != std::string::npos);
    // Once the months have settled they are cached; the cached history keeps the rest days.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    CHECK(user.tend({"stats", "this-week"}).out.find(streak) != std::string::npos);
    CHECK(std::filesystem::exists(user.folder / "j/.cache/months.bin"));
    CHECK(user.tend({"stats", "this-week"}).out.find(streak) != std::string::npos);
}

TEST_CASE("e2e skip: the visit notes list rest days, one line per run, with the reason") {
    User user;
    user.add({"plan", "add", "stretch", "daily", "--from", "2026-11-01"});
    user.add({"skip", "--on", "2026-11-16", "period"});
    user.add({"skip", "period", "--on", "2026-11-17"});
    user.add({"skip", "--on", "2026-11-18", "period"});
    user.add({"skip", "stretch", "--on", "2026-11-20", "travel"});
    const auto notes = user.tend({"export", "2026-11-01..2026-11-25"});
    CHECK(notes.exit_code == 0);
    CHECK(notes.out.find("### Rest days\n\n- 16-18 Nov: period\n- 20 Nov (stretch): travel\n\n"
                         "Rest days were neither due nor missed.\n") != std::string::npos);
    // The reasons are not repeated as notes.
    CHECK(notes.out.find("skip: period") == std::string::npos);
    const auto private_notes = user.tend({"export", "--no-notes", "2026-11-01..2026-11-25"});
    CHECK(private_notes.out.find("- 16-18 Nov\n- 20 Nov (stretch)\n") != std::string::npos);
    CHECK(private_notes.out.find(": period") == std::string::npos);
}

TEST_CASE("e2e skip: a week of prescribed rest is no gap, in stats or in the notes") {
    User user;
    user.add({"plan", "add", "dilate", "daily", "--from", "2026-11-09"});
    for (const char* day : {"09", "10", "11", "12", "13", "14", "15", "23", "24"})
        user.add({"log", "dilate", "3", "--at", std::string("2026-11-") + day + " 20:00"});
    // Unrested, the week without entries is a gap.
    const auto unrested = user.tend({"stats", "2026-11-09..2026-11-24"});
    CHECK(
        unrested.out.find("No entries for 7 days (16 Nov - 22 Nov) while the plan was running.") !=
        std::string::npos);
    user.add({"skip", "dilate,", "--on", "2026-11-16..2026-11-22", "flare,", "PT", "said", "rest"});
    CHECK(user.month("2026-11").find(
              "items = \"dilate\"\ndays = 7\nnote = \"flare, PT said rest\"\n") !=
          std::string::npos);
    const auto stats = user.tend({"stats", "2026-11-09..2026-11-24"});
    CHECK(stats.out.find("No entries for") == std::string::npos);
    CHECK(row(stats.out, "dilate") == "dilate 9/9 100% ●●●●●●●-------●●");
    const auto notes = user.tend({"export", "2026-11-09..2026-11-24"});
    CHECK(notes.out.find("No entries for") == std::string::npos);
    CHECK(notes.out.find("16-22 Nov (dilator): flare, PT said rest") != std::string::npos);
}
