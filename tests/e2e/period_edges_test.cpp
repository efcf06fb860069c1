// End-to-end tests of the numbers at a period's edges that a new user's trial found wrong: the
// streak of a past period, entries after today, rest entries in the weekly rows, and the plan
// line after logging a past day. Each types the trial's commands, from the user's own folder.
#include <doctest/doctest.h>

#include <regex>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

// The trial's moment: Monday 30 Nov 2026, 19:00 in Berlin.
const std::string trial_now = "2026-11-30T19:00:00+01:00";

// A user's folder with a journal `j` inside; tend runs from the folder at `now`.
struct User {
    TempFolder folder;

    User() { REQUIRE(tend({"init"}).exit_code == 0); }
    RunResult tend(std::vector<std::string> arguments, const std::string& now = trial_now) const {
        arguments.insert(arguments.begin(), {"--dir", "j"});
        RunOptions options;
        options.environment["HOME"] = folder.path().string();
        options.environment["TEND_NOW"] = now;
        return run_tend_in(folder.path(), arguments, options);
    }
    std::string add(std::vector<std::string> arguments) const {
        const auto result = tend(std::move(arguments));
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
        return result.out;
    }
};

// The line of `text` that starts (after spaces) with `label`, spaces squeezed.
std::string row(const std::string& text, const std::string& label) {
    const std::size_t at = text.find("\n  " + label);
    if (at == std::string::npos) return "";
    const std::size_t end = text.find('\n', at + 1);
    return std::regex_replace(text.substr(at + 3, end - at - 3), std::regex(" +"), " ");
}

// The second line of `text`: the summary's heading under the period.
std::string heading(const std::string& text) {
    const std::size_t first = text.find('\n');
    return text.substr(first + 1, text.find('\n', first + 1) - first - 1);
}

std::string day_at(int day_of_month, const std::string& time) {
    return (day_of_month < 10 ? "2026-11-0" : "2026-11-") + std::to_string(day_of_month) + " " +
           time;
}

// The streak line of `item` in a summary, spaces squeezed.
std::string streak(const std::string& text, const std::string& item) {
    const std::size_t section = text.find("\nStreaks");
    return section == std::string::npos ? "" : row(text.substr(section + 1), item);
}

// The line of `kind` under "By kind", spaces squeezed.
std::string by_kind(const std::string& text, const std::string& kind) {
    const std::size_t section = text.find("\nBy kind");
    return section == std::string::npos ? "" : row(text.substr(section + 1), kind + " ");
}

}  // namespace

TEST_CASE("e2e stats: the streak of a period that ended is its run at the end, whatever is asked") {
    User user;
    user.add({"plan", "add", "dilate", "daily", "--from", "2026-11-16"});
    for (const int day : {16, 17, 18, 19, 20, 22, 23, 24, 25, 26, 27, 28, 29})
        user.add({"log", "dilate", "2", "min=15", "--at", day_at(day, "21:00")});
    user.add({"log", "dilate", "2", "min=15", "--at", day_at(30, "18:00")});

    // Done 16-20 Nov, nothing on 21 Nov, done every day since: today's run is 9 (22-30 Nov).
    CHECK(streak(user.tend({"stats"}).out, "dilate") == "dilate 9 now, longest 9");
    // A period that ended says its run at its last day, and that day, read from that period's
    // entries alone: the same whichever period holds that day.
    CHECK(streak(user.tend({"stats", "last-week"}).out, "dilate") ==
          "dilate 8 up to 29 Nov, longest 8");
    CHECK(streak(user.tend({"stats", "2026-11-16..2026-11-20"}).out, "dilate") ==
          "dilate 5 up to 20 Nov, longest 5");
    CHECK(streak(user.tend({"stats", "2026-11-16..2026-11-28"}).out, "dilate") ==
          "dilate 7 up to 28 Nov, longest 7");
    CHECK(streak(user.tend({"stats", "2026-11-23..2026-11-28"}).out, "dilate") ==
          "dilate 7 up to 28 Nov, longest 7");
    // JSON says which day the run was counted to.
    const std::string json = user.tend({"stats", "--json", "last-week"}).out;
    CHECK(std::regex_search(json, std::regex("\"current\": 8,\\s*\"longest\": 8,\\s*"
                                             "\"through\": \"2026-11-29\"")));
    const std::string now_json = user.tend({"stats", "--json"}).out;
    CHECK(std::regex_search(now_json, std::regex("\"current\": 9,\\s*\"longest\": 9,\\s*"
                                                 "\"through\": \"2026-11-30\"")));
}

TEST_CASE("e2e stats: entries dated after today count in no day and no number of the period") {
    User user;
    user.add({"plan", "add", "dilate", "daily", "--from", "2026-11-16"});
    for (int day = 16; day <= 22; ++day)
        user.add({"log", "dilate", "2", "min=15", "--at", day_at(day, "21:00")});
    user.add({"log", "kegels", "10", "--at", "2026-11-22 08:00"});

    const auto saturday = user.tend({"stats"}, "2026-11-21T22:00:00+01:00");
    CHECK(saturday.exit_code == 0);
    CHECK(heading(saturday.out) ==
          "6 entries on 6 of 6 days so far · compared with 9 Nov - 15 Nov");
    CHECK(by_kind(saturday.out, "dilate") == "dilate 6 on 6 days · 1 h 30 min in all");
    CHECK(by_kind(saturday.out, "kegels") == "");  // logged on Sunday, after this "now"
    CHECK(streak(saturday.out, "dilate") == "dilate 6 now, longest 6");
    const auto weekly = user.tend({"stats", "--weekly", "this-week"}, "2026-11-21T22:00:00+01:00");
    // The row counts the days so far, as the heading does.
    CHECK(row(weekly.out, "16 Nov") == "16 Nov 6/6 6 100% 6");

    // On Sunday night the same week holds all of them.
    const auto sunday = user.tend({"stats", "2026-W47"}, "2026-11-22T23:00:00+01:00");
    CHECK(heading(sunday.out) == "8 entries on 7 of 7 days · compared with 9 Nov - 15 Nov");
}

TEST_CASE("e2e stats: the weekly rows count entries as the heading does, without rest entries") {
    User user;
    user.add({"plan", "add", "dilate", "daily", "--from", "2026-11-09"});
    for (const int day : {9, 10, 11, 12, 13, 16, 17, 18})
        user.add({"log", "dilate", "2", "min=15", "--at", day_at(day, "21:00")});
    user.add({"skip", "--on", "2026-11-14..2026-11-15", "period", "cramps"});

    const auto fortnight = user.tend({"stats", "2026-11-09..2026-11-22", "--weekly"});
    CHECK(heading(fortnight.out) == "8 entries on 8 of 14 days; 2 rest days");
    CHECK(row(fortnight.out, "9 Nov") == "9 Nov 5/7 5 100% 5");
    CHECK(row(fortnight.out, "16 Nov") == "16 Nov 3/7 3 43% 3");
    // The week asked alone says the same as its row.
    const auto week = user.tend({"stats", "2026-W46"});
    CHECK(heading(week.out) ==
          "5 entries on 5 of 7 days; 2 rest days · compared with 2 Nov - 8 Nov");
    CHECK(streak(week.out, "dilate") == "dilate 5 up to 15 Nov, longest 5");
}

TEST_CASE(
    "e2e log: the plan line names the entry's week or day, and a closed one has nothing to go") {
    User user;
    user.add({"plan", "add", "cardio", "3/week", "--from", "2026-11-02"});
    user.add({"plan", "add", "dilate", "daily", "minutes>=10", "--from", "2026-11-02"});
    CHECK(user.add({"log", "cardio", "30", "--at", "2026-11-02 17:00"}) ==
          "logged cardio (30 min) on Mon 2 Nov 2026 at 17:00\n"
          "plan: cardio 1 of 3 in the week of 2 Nov\n");
    CHECK(user.add({"log", "dilate", "3", "min=8", "--at", "2026-11-03 21:00"}) ==
          "logged dilate (size 3 · 8 min) on Tue 3 Nov 2026 at 21:00\n"
          "plan: dilate 0 of 1 on Tue 3 Nov (this one isn't counted: the plan asks for at least "
          "10 min each)\n");
    CHECK(user.add({"log", "dilate", "3", "min=12", "--at", "2026-11-04 21:00"}) ==
          "logged dilate (size 3 · 12 min) on Wed 4 Nov 2026 at 21:00\n"
          "plan: dilate done on Wed 4 Nov\n");
    for (const int day : {3, 4})
        user.add({"log", "cardio", "30", "--at", day_at(day, "17:00")});
    CHECK(user.add({"log", "cardio", "20", "--at", "2026-11-05 17:00"}) ==
          "logged cardio (20 min) on Thu 5 Nov 2026 at 17:00\n"
          "plan: cardio 4 of 3 in the week of 2 Nov — done\n");
    // The week holding today is still open.
    CHECK(user.add({"log", "cardio", "30", "--at", "2026-11-30 17:00"}) ==
          "logged cardio (30 min) today at 17:00\n"
          "plan: cardio 1 of 3 this week — 2 to go\n");
}
