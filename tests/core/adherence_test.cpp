// Tests for src/core/adherence.cpp: schedule windows, what counts in them, adherence, status.
#include "tend/adherence.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "fixtures.h"

using namespace tend;
using namespace tend::testing;

namespace {

constexpr Weekday monday = std::chrono::Monday;
constexpr Weekday sunday = std::chrono::Sunday;
const Date long_after = day(2030, 1, 1);

// "first..last expected/done" for each window, to compare whole lists at once.
std::vector<std::string> summary(const std::vector<Window>& windows) {
    std::vector<std::string> lines;
    for (const auto& window : windows)
        lines.push_back(fmt::format("{}..{} {}/{}", format_date(window.first),
                                    format_date(window.last), window.done, window.expected));
    return lines;
}

}  // namespace

TEST_CASE("adherence: a 3/day item expects 3 a day from its start and caps each day at 3") {
    const PlanItem kegels = plan_item("kegels", {"3/day"}, day(2026, 10, 6), day(2026, 10, 26));
    std::vector<Entry> entries;
    add_sessions(entries, "kegels", day(2026, 10, 5), 3);  // before the start: does not count
    add_sessions(entries, "kegels", day(2026, 10, 6), 3);
    add_sessions(entries, "kegels", day(2026, 10, 7), 2);
    add_sessions(entries, "kegels", day(2026, 10, 8), 4);
    add_sessions(entries, "dilate", day(2026, 10, 9), 3);  // another kind

    const auto windows = windows_for(kegels, Period{day(2026, 10, 5), day(2026, 10, 11)},
                                     counted(kegels, entries), monday, long_after);
    REQUIRE(windows.size() == 6);
    CHECK(summary(windows).front() == "2026-10-06..2026-10-06 3/3");
    const Adherence adherence = adherence_of(windows, long_after);
    CHECK(adherence.expected == 18);
    CHECK(adherence.credited == 8);  // 3 + 2 + min(4, 3)
    CHECK(adherence.met == 2);
    CHECK(*adherence.fraction() == doctest::Approx(8.0 / 18.0));

    const auto whole = windows_for(kegels, Period{}, counted(kegels, entries), monday, long_after);
    CHECK(whole.size() == 21);
    CHECK(adherence_of(whole, long_after).expected == 63);
}

TEST_CASE("adherence: a daily item runs across a month end and a leap day") {
    const PlanItem stretch = plan_item("stretch", {"daily"}, day(2028, 2, 27));
    std::vector<Entry> entries;
    add_sessions(entries, "stretch", day(2028, 2, 29), 1);
    add_sessions(entries, "stretch", day(2028, 3, 1), 2);
    const auto windows = windows_for(stretch, Period{day(2028, 2, 28), day(2028, 3, 1)},
                                     counted(stretch, entries), monday, long_after);
    CHECK(summary(windows) == std::vector<std::string>{"2028-02-28..2028-02-28 0/1",
                                                       "2028-02-29..2028-02-29 1/1",
                                                       "2028-03-01..2028-03-01 2/1"});
    CHECK(adherence_of(windows, long_after).credited == 2);
}

TEST_CASE("adherence: every other day is anchored at the start, across a leap day") {
    const PlanItem massage = plan_item("massage", {"every", "2d"}, day(2028, 2, 27));
    std::vector<Entry> entries;
    add_sessions(entries, "massage", day(2028, 2, 28), 1);  // late in its window: still counts
    add_sessions(entries, "massage", day(2028, 3, 2), 1);
    const auto windows = windows_for(massage, Period{day(2028, 2, 27), day(2028, 3, 4)},
                                     counted(massage, entries), monday, long_after);
    CHECK(summary(windows) ==
          std::vector<std::string>{"2028-02-27..2028-02-28 1/1", "2028-02-29..2028-03-01 0/1",
                                   "2028-03-02..2028-03-03 1/1", "2028-03-04..2028-03-05 0/1"});
}

TEST_CASE(
    "adherence: an every-other-day window across a month end is a tie: its first day's month") {
    const PlanItem massage = plan_item("massage", {"every other day"}, day(2026, 10, 27));
    std::vector<Entry> entries;
    add_sessions(entries, "massage", day(2026, 11, 1), 1);  // in the window Oct 31 - Nov 1
    add_sessions(entries, "massage", day(2026, 11, 2), 1);
    const auto october = windows_for(massage, Period{day(2026, 10, 1), day(2026, 10, 31)},
                                     counted(massage, entries), monday, long_after);
    CHECK(summary(october) == std::vector<std::string>{"2026-10-27..2026-10-28 0/1",
                                                       "2026-10-29..2026-10-30 0/1",
                                                       "2026-10-31..2026-11-01 1/1"});
    const auto november = windows_for(massage, Period{day(2026, 11, 1), day(2026, 11, 30)},
                                      counted(massage, entries), monday, long_after);
    REQUIRE(november.size() == 15);  // Nov 2, 4, ..., 30
    CHECK(summary(november).front() == "2026-11-02..2026-11-03 1/1");
    CHECK(summary(november).back() == "2026-11-30..2026-12-01 0/1");
}

TEST_CASE("adherence: 3/week expects a share of 3 in weeks the item covers only in part") {
    // Starts on Thursday 5 Nov 2026 and ends on Wednesday 25 Nov.
    const PlanItem cardio = plan_item("cardio", {"3/week"}, day(2026, 11, 5), day(2026, 11, 25));
    std::vector<Entry> entries;
    add_sessions(entries, "cardio", day(2026, 11, 4), 1);  // before the start
    add_sessions(entries, "cardio", day(2026, 11, 7), 1);
    add_sessions(entries, "cardio", day(2026, 11, 8), 1);
    add_sessions(entries, "cardio", day(2026, 11, 9), 4);

    SUBCASE("weeks starting on Monday") {
        const auto windows =
            windows_for(cardio, Period{}, counted(cardio, entries), monday, long_after);
        // Thu-Sun: 3 x 4/7 = 1.7 -> 2; two full weeks; Mon-Wed: 3 x 3/7 = 1.3 -> 1.
        CHECK(summary(windows) ==
              std::vector<std::string>{"2026-11-05..2026-11-08 2/2", "2026-11-09..2026-11-15 4/3",
                                       "2026-11-16..2026-11-22 0/3", "2026-11-23..2026-11-25 0/1"});
        CHECK(adherence_of(windows, long_after).expected == 9);
        CHECK(adherence_of(windows, long_after).credited == 5);
    }
    SUBCASE("weeks starting on Sunday") {
        const auto windows =
            windows_for(cardio, Period{}, counted(cardio, entries), sunday, long_after);
        // Thu-Sat: 3 x 3/7 -> 1; Sun 8 - Sat 14; Sun 15 - Sat 21; Sun-Wed: 3 x 4/7 -> 2.
        CHECK(summary(windows) ==
              std::vector<std::string>{"2026-11-05..2026-11-07 1/1", "2026-11-08..2026-11-14 5/3",
                                       "2026-11-15..2026-11-21 0/3", "2026-11-22..2026-11-25 0/2"});
    }
}

TEST_CASE("adherence: a week belongs to the period that holds most of its days, its Thursday") {
    const PlanItem cardio = plan_item("cardio", {"weekly"}, day(2026, 9, 1));
    // November 2026 starts on a Sunday: the week of Mon 26 Oct is October's; the week of Mon
    // 30 Nov has six of its days in December, so it is December's.
    const auto windows = windows_for(cardio, Period{day(2026, 11, 1), day(2026, 11, 30)},
                                     counted(cardio, {}), monday, long_after);
    REQUIRE(windows.size() == 4);
    CHECK(summary(windows).front() == "2026-11-02..2026-11-08 0/1");
    CHECK(summary(windows).back() == "2026-11-23..2026-11-29 0/1");
    const auto december = windows_for(cardio, Period{day(2026, 12, 1), day(2026, 12, 31)},
                                      counted(cardio, {}), monday, long_after);
    CHECK(summary(december).front() == "2026-11-30..2026-12-06 0/1");
    // A period from a Wednesday holds five days of its first week: the week is the period's,
    // read whole, Monday's session included.
    const std::vector<Entry> monday_session = {entry_on("cardio", day(2026, 11, 2), 18)};
    const auto from_wednesday = windows_for(cardio, Period{day(2026, 11, 4), day(2026, 11, 8)},
                                            counted(cardio, monday_session), monday, long_after);
    CHECK(summary(from_wednesday) == std::vector<std::string>{"2026-11-02..2026-11-08 1/1"});
    // From a Friday it holds three: the week is the previous period's.
    CHECK(windows_for(cardio, Period{day(2026, 11, 6), day(2026, 11, 8)},
                      counted(cardio, monday_session), monday, long_after)
              .empty());
}

TEST_CASE("adherence: the days read in full reach to the ends of the windows of the period") {
    Plan plan;
    plan.items = {plan_item("cardio", {"3/week"}, day(2026, 9, 1)),
                  plan_item("massage", {"every", "2d"}, day(2026, 10, 26)),
                  plan_item("stretch", {"daily"}, day(2026, 9, 1))};
    // W44 (26 Oct - 1 Nov): the massage block 1-2 Nov is W44's (a tie, to its first day).
    CHECK(days_read_in_full(plan, Period{day(2026, 10, 26), day(2026, 11, 1)}, monday) ==
          Period{day(2026, 10, 26), day(2026, 11, 2)});
    // Wed 4 - Thu 12 Nov: the week of 2 Nov is the period's (5 of 7 days), and so is the week
    // of 9 Nov (its Thursday is the 12th), which runs to Sunday the 15th.
    CHECK(days_read_in_full(plan, Period{day(2026, 11, 4), day(2026, 11, 12)}, monday) ==
          Period{day(2026, 11, 2), day(2026, 11, 15)});
    // Fri 6 - Wed 11 Nov: neither week is the period's; the massage block 5-6 Nov is not
    // either, the block 11-12 Nov is.
    CHECK(days_read_in_full(plan, Period{day(2026, 11, 6), day(2026, 11, 11)}, monday) ==
          Period{day(2026, 11, 6), day(2026, 11, 12)});
    // Open sides stay open.
    CHECK(days_read_in_full(plan, Period{std::nullopt, day(2026, 11, 1)}, monday) ==
          Period{std::nullopt, day(2026, 11, 2)});
}

TEST_CASE("adherence: mon,wed,fri counts only sessions on the listed days") {
    const PlanItem cardio = plan_item("cardio", {"mon,wed,fri"}, day(2026, 11, 1));
    std::vector<Entry> entries;
    add_sessions(entries, "cardio", day(2026, 11, 16), 1);  // Monday
    add_sessions(entries, "cardio", day(2026, 11, 17), 1);  // Tuesday: not a listed day
    add_sessions(entries, "cardio", day(2026, 11, 20), 1);  // Friday
    const auto windows = windows_for(cardio, Period{day(2026, 11, 16), day(2026, 11, 22)},
                                     counted(cardio, entries), monday, long_after);
    CHECK(summary(windows) == std::vector<std::string>{"2026-11-16..2026-11-16 1/1",
                                                       "2026-11-18..2026-11-18 0/1",
                                                       "2026-11-20..2026-11-20 1/1"});
}

TEST_CASE("adherence: a daily total adds the field over the day's sessions") {
    const PlanItem dilate = plan_item("dilate", {"total", "minutes>=120/day"}, day(2026, 6, 16));
    std::vector<Entry> entries = {
        entry_on("dilate", day(2026, 6, 16), 8, {{"minutes", 60}}),
        entry_on("dilate", day(2026, 6, 16), 20, {{"minutes", 45}}),
        entry_on("dilate", day(2026, 6, 17), 8, {{"minutes", 90}}),
        entry_on("dilate", day(2026, 6, 17), 20, {{"minutes", 60}}),
        entry_on("dilate", day(2026, 6, 18), 8, {{"size", 2}}),  // no minutes: adds nothing
    };
    const auto windows = windows_for(dilate, Period{day(2026, 6, 16), day(2026, 6, 18)},
                                     counted(dilate, entries), monday, long_after);
    CHECK(summary(windows) == std::vector<std::string>{"2026-06-16..2026-06-16 105/120",
                                                       "2026-06-17..2026-06-17 150/120",
                                                       "2026-06-18..2026-06-18 0/120"});
    CHECK(windows[0].fulfilment() == doctest::Approx(0.875));
    const Adherence adherence = adherence_of(windows, long_after);
    CHECK(adherence.expected == 360);
    CHECK(adherence.credited == 225);
}

TEST_CASE("adherence: conditions decide which sessions count") {
    const PlanItem dilate = plan_item("dilate", {"daily", "min>=10"}, day(2026, 11, 1));
    CHECK(dilate.conditions.front().field == "minutes");
    CHECK(counts(dilate, entry_on("dilate", day(2026, 11, 2), 9, {{"minutes", 10}})));
    CHECK_FALSE(counts(dilate, entry_on("dilate", day(2026, 11, 2), 9, {{"minutes", 8}})));
    CHECK_FALSE(counts(dilate, entry_on("dilate", day(2026, 11, 2), 9, {{"size", 3}})));
    CHECK_FALSE(counts(dilate, entry_on("massage", day(2026, 11, 2), 9, {{"minutes", 15}})));
}

TEST_CASE("adherence: today's window is 'so far', counted nowhere, and future windows not at all") {
    const PlanItem kegels = plan_item("kegels", {"3/day"}, day(2026, 11, 23));
    std::vector<Entry> entries;
    add_sessions(entries, "kegels", day(2026, 11, 23), 3);
    add_sessions(entries, "kegels", day(2026, 11, 24), 1);
    add_sessions(entries, "kegels", day(2026, 11, 25), 2);
    const Date today = day(2026, 11, 25);
    const auto windows = windows_for(kegels, Period{day(2026, 11, 23), day(2026, 11, 29)},
                                     counted(kegels, entries), monday, today);
    REQUIRE(windows.size() == 7);  // the period's bounds are kept; the future is left to adherence
    const Adherence adherence = adherence_of(windows, today);
    CHECK(adherence.expected == 6);  // 3 + 3: today's window counts once it closes
    CHECK(adherence.credited == 4);
    CHECK(adherence.windows == 2);
    REQUIRE(adherence.open.has_value());
    CHECK(adherence.open->first == today);
    CHECK(adherence.open->done == 2);
    CHECK(adherence.open->expected == 3);
    // An open period stops at today.
    CHECK(windows_for(kegels, Period{}, counted(kegels, entries), monday, today).size() == 3);
}

TEST_CASE("adherence: an item with nothing expected in the period has no adherence to show") {
    const PlanItem kegels = plan_item("kegels", {"3/day"}, day(2026, 12, 1));
    const auto windows = windows_for(kegels, Period{day(2026, 11, 1), day(2026, 11, 30)},
                                     counted(kegels, {}), monday, long_after);
    CHECK(windows.empty());
    CHECK_FALSE(adherence_of(windows, long_after).fraction().has_value());
}

TEST_CASE("adherence: status on a day says what is due, done, or next") {
    const Date today = day(2026, 11, 25);  // a Wednesday
    SUBCASE("every other day, done yesterday: not due today, next tomorrow") {
        const PlanItem massage = plan_item("massage", {"every 2d"}, day(2026, 11, 24));
        const auto status = status_on(
            massage, today, counted(massage, {entry_on("massage", day(2026, 11, 24))}), monday);
        CHECK(status.state == DayStatus::State::done);
        CHECK(status.done_that_day == 0);
        CHECK(*status.next == day(2026, 11, 26));
    }
    SUBCASE("3/day with 2 done: due, 1 to go") {
        const PlanItem kegels = plan_item("kegels", {"3/day"}, day(2026, 11, 1));
        std::vector<Entry> entries;
        add_sessions(entries, "kegels", today, 2);
        const auto status = status_on(kegels, today, counted(kegels, entries), monday);
        CHECK(status.state == DayStatus::State::due);
        CHECK(status.window->remaining() == 1);
        CHECK(status.done_that_day == 2);
    }
    SUBCASE("mon,fri on a Wednesday: not due, next Friday") {
        const PlanItem cardio = plan_item("cardio", {"mon,fri"}, day(2026, 11, 1));
        const auto status = status_on(cardio, today, counted(cardio, {}), monday);
        CHECK(status.state == DayStatus::State::not_due);
        CHECK_FALSE(status.window.has_value());
        CHECK(*status.next == day(2026, 11, 27));
    }
    SUBCASE("the last day of an item has no next window") {
        const PlanItem kegels = plan_item("kegels", {"daily"}, day(2026, 11, 1), today);
        CHECK_FALSE(status_on(kegels, today, counted(kegels, {}), monday).next.has_value());
    }
}

TEST_CASE("adherence: a window with rest days belongs to the period of its days that do not rest") {
    // Massage every 2 days from Mon 26 Oct: the block Sun 1 - Mon 2 Nov is a tie, W44's. With
    // Sunday rested, its only due day is Monday: it is W45's, and W44 does not show it as a miss.
    const PlanItem massage = plan_item("massage", {"every", "2d"}, day(2026, 10, 26));
    std::vector<Entry> entries;
    CountedAmounts rested = counted(massage, entries);
    rested.add_rest_days({day(2026, 11, 1)});
    const Period w44{day(2026, 10, 26), day(2026, 11, 1)};
    const Period w45{day(2026, 11, 2), day(2026, 11, 8)};
    CHECK(
        summary(windows_for(massage, w44, counted(massage, entries), monday, long_after)).back() ==
        "2026-11-01..2026-11-02 0/1");
    CHECK(summary(windows_for(massage, w44, rested, monday, long_after)).back() ==
          "2026-10-30..2026-10-31 0/1");
    CHECK(summary(windows_for(massage, w45, rested, monday, long_after)).front() ==
          "2026-11-01..2026-11-02 0/1");
    // A period of rest days only owns no window.
    CHECK(
        windows_for(massage, Period{day(2026, 11, 1), day(2026, 11, 1)}, rested, monday, long_after)
            .empty());
    // Unrested, that one day owns the block (its middle day).
    CHECK(windows_for(massage, Period{day(2026, 11, 1), day(2026, 11, 1)},
                      counted(massage, entries), monday, long_after)
              .size() == 1);
}
