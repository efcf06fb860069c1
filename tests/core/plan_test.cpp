// Tests for src/core/plan.cpp: the words of `plan add`, lengths, dates and item checks.
#include "tend/plan.h"

#include <doctest/doctest.h>

#include "fixtures.h"
#include "tend/error.h"

using namespace tend;
using namespace tend::testing;

TEST_CASE("plan: lengths are days or weeks, and 3w from 6 Oct ends on 26 Oct") {
    CHECK(parse_length_days("3w") == 21);
    CHECK(parse_length_days("8W") == 56);
    CHECK(parse_length_days("30d") == 30);
    CHECK(parse_length_days("1d") == 1);
    for (const char* bad : {"", "w", "0d", "3", "3m", "-1w", "3 w", "99999d", "1.5w"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_length_days(bad).has_value());
    }
    CHECK(end_after_length(day(2026, 10, 6), 21) == day(2026, 10, 26));
    CHECK(end_after_length(day(2028, 2, 28), 2) == day(2028, 2, 29));
}

TEST_CASE("plan: add words split into schedule, conditions and a total") {
    const PlanWords every = parse_plan_words({"every", "other", "day", "size>=3"});
    CHECK(every.schedule.unit == Schedule::Unit::every_n_days);
    CHECK(every.schedule.interval_days == 2);
    REQUIRE(every.conditions.size() == 1);
    CHECK(condition_text(every.conditions[0]) == "size>=3");

    const PlanWords total = parse_plan_words({"total", "minutes>=120/day"});
    CHECK(total.schedule.unit == Schedule::Unit::day);
    CHECK(total_text(*total.total) == "minutes>=120/day");

    const PlanWords weekly = parse_plan_words({"total minutes>=300/week"});
    CHECK(weekly.schedule.unit == Schedule::Unit::week);

    CHECK(schedule_text(parse_plan_words({"mon,wed,fri"}).schedule) == "mon,wed,fri");
    CHECK(schedule_text(parse_plan_words({"3/week"}).schedule) == "3/week");
}

TEST_CASE("plan: words that make no item are refused with a hint") {
    const std::vector<std::vector<std::string>> cases = {
        {},               // no schedule
        {"minutes>=10"},  // a condition but no schedule
        {"total"},        // total without a bound
        {"daily", "total", "minutes>=1/day", "total", "minutes>=2/day"},  // two totals
        {"twice"},                                                        // not a schedule
        {"daily", "minutes>>10"},                                         // not a condition
        {"total", "minutes<=120/day"},  // a total is a lower bound
    };
    for (const auto& words : cases) {
        CAPTURE(words.size());
        CHECK_THROWS_AS(parse_plan_words(words), user_error);
    }
}

TEST_CASE("plan: items are checked against the profile") {
    const auto refused = [](const std::string& kind, const std::vector<std::string>& words) {
        try {
            plan_item(kind, words, day(2026, 11, 1));
        } catch (const user_error& error) {
            return std::string(error.what());
        }
        return std::string("accepted");
    };
    CHECK(refused("dilte", {"daily"}).starts_with("unknown kind 'dilte'"));
    CHECK(refused("dilate", {"daily", "colour>=3"}).starts_with("unknown field 'colour'"));
    CHECK(refused("stretch", {"daily", "pose>=1"}) ==
          "a condition needs a number, but stretch's 'pose' is choice");
    CHECK(refused("dilate", {"3/day", "total", "minutes>=120/day"}) ==
          "a total per day can't be combined with '3 times a day'");
    CHECK(refused("dilate", {"every 2d", "total", "minutes>=120/day"}) ==
          "a total per day can't be combined with 'every other day'");
    CHECK(refused("dilate", {"mon,wed", "total", "minutes>=30/day"}) == "accepted");
    CHECK(refused("dil", {"daily"}) == "accepted");

    PlanItem backwards = plan_item("kegels", {"3/day"}, day(2026, 11, 1));
    backwards.end = day(2026, 10, 31);
    CHECK_THROWS_WITH_AS(check_plan_item(backwards, pelvic_floor_profile()),
                         "the item ends on 2026-10-31, before it starts on 2026-11-01", user_error);
}

TEST_CASE("plan: dates for --from, --until and --on") {
    const Date today = day(2026, 11, 25);
    CHECK(parse_plan_date("today", today) == today);
    CHECK(parse_plan_date("Tomorrow", today) == day(2026, 11, 26));
    CHECK(parse_plan_date("yesterday", today) == day(2026, 11, 24));
    CHECK(parse_plan_date("2026-12-31", today) == day(2026, 12, 31));
    CHECK_THROWS_AS(parse_plan_date("2026-02-30", today), user_error);
    CHECK_THROWS_AS(parse_plan_date("next week", today), user_error);
}
