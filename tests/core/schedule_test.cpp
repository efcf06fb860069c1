// Tests for src/core/schedule.cpp: schedule and condition syntax, and their plain words.
#include "tend/schedule.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tend/error.h"

using namespace tend;

TEST_CASE("schedule: each form parses and reads back in plain words") {
    struct Case {
        const char* text;
        const char* words;
    };
    const Case cases[] = {
        {"daily", "daily"},
        {"1/day", "daily"},
        {"3/day", "3 times a day"},
        {"2/day", "twice a day"},
        {"every 2d", "every other day"},
        {"every other day", "every other day"},
        {"every 3d", "every 3 days"},
        {"every 1d", "daily"},
        {"3/week", "3 times a week"},
        {"weekly", "once a week"},
        {"mon,wed,fri", "on Mon, Wed and Fri"},
        {"fri, mon, wed, mon", "on Mon, Wed and Fri"},
        {"sun,sat", "on Sun and Sat"},
        {"weekdays", "on Mon, Tue, Wed, Thu and Fri"},
        {"weekends", "on Sun and Sat"},
        {"Thursday", "on Thu"},
    };
    for (const auto& test : cases) {
        CAPTURE(test.text);
        CHECK(describe_schedule(parse_schedule(test.text)) == test.words);
    }
    const Schedule every_other = parse_schedule("every 2d");
    CHECK(every_other.unit == Schedule::Unit::every_n_days);
    CHECK(every_other.interval_days == 2);
    CHECK(parse_schedule("3/week").times == 3);
}

TEST_CASE("schedule: bad schedules are refused with a hint") {
    const char* bad[] = {"",           "0/day",     "3/month", "every d", "every 0d",
                         "mon,funday", "sometimes", "51/day",  "x/week"};
    for (const char* text : bad) {
        CAPTURE(text);
        try {
            (void)parse_schedule(text);
            FAIL("accepted");
        } catch (const user_error& error) {
            CHECK(std::string(error.what()) == fmt::format("can't read the schedule '{}'", text));
            CHECK(error.hint() ==
                  "try daily, 3/day, every 2d, every other day, 3/week, weekly, weekdays or "
                  "mon,wed,fri");
        }
    }
}

TEST_CASE("schedule: conditions and totals") {
    CHECK(parse_condition("minutes>=10") ==
          Condition{"minutes", Condition::Comparison::at_least, 10});
    CHECK(parse_condition("size > 2") == Condition{"size", Condition::Comparison::more_than, 2});
    CHECK(parse_condition("pain<=4") == Condition{"pain", Condition::Comparison::at_most, 4});
    CHECK(parse_condition("pain<4") == Condition{"pain", Condition::Comparison::less_than, 4});
    CHECK(parse_condition("size=3") == Condition{"size", Condition::Comparison::equal, 3});
    CHECK(describe_condition(parse_condition("minutes>=10")) == "minutes at least 10");
    CHECK(parse_condition("minutes>=10").holds_for(10));
    CHECK_FALSE(parse_condition("minutes>=10").holds_for(9.5));
    CHECK_THROWS_WITH_AS(parse_condition("minutes>=lots"),
                         "can't read the condition 'minutes>=lots'", user_error);
    CHECK_THROWS_AS(parse_condition(">=3"), user_error);
    // The shell-safe spelling, typed without quotes.
    CHECK(parse_condition("minutes:10+") ==
          Condition{"minutes", Condition::Comparison::at_least, 10});
    CHECK(parse_condition("pain:4-") == Condition{"pain", Condition::Comparison::at_most, 4});
    CHECK(parse_total("total minutes:120+/day") == Total{"minutes", 120, Total::Per::day});
    CHECK_THROWS_AS(parse_condition("minutes:10"), user_error);
    CHECK_THROWS_AS(parse_condition("minutes:+"), user_error);

    CHECK(parse_total("total minutes>=120/day") == Total{"minutes", 120, Total::Per::day});
    CHECK(parse_total("total minutes >= 300/week") == Total{"minutes", 300, Total::Per::week});
    CHECK(describe_total(parse_total("total minutes>=120/day")) == "at least 120 minutes a day");
    CHECK_THROWS_WITH_AS(parse_total("total minutes<=120/day"),
                         "can't read the total 'total minutes<=120/day'", user_error);
    CHECK_THROWS_AS(parse_total("minutes>=120/day"), user_error);
    CHECK_THROWS_AS(parse_total("total minutes>=120/month"), user_error);
}
