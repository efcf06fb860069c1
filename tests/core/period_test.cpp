// Tests for src/core/period.cpp: every PERIOD form, week starts, ISO weeks and bad input.
#include "tend/period.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "fixtures.h"
#include "tend/error.h"

using namespace tend;
using tend::testing::day;

namespace {
const Date today = day(2026, 11, 25);  // a Wednesday

std::string period(const char* text, Weekday week_start = std::chrono::Monday) {
    return describe_period(parse_period(text, today, week_start));
}
}  // namespace

TEST_CASE("period: accepted forms give exact inclusive ranges") {
    struct Case {
        const char* text;
        const char* expected;
    };
    const Case cases[] = {
        {"today", "2026-11-25"},
        {"yesterday", "2026-11-24"},
        {"this-week", "2026-11-23 .. 2026-11-29"},
        {"last-week", "2026-11-16 .. 2026-11-22"},
        {"this-month", "2026-11-01 .. 2026-11-30"},
        {"last-month", "2026-10-01 .. 2026-10-31"},
        {"last-1d", "2026-11-25"},
        {"last-30d", "2026-10-27 .. 2026-11-25"},
        {"last-2w", "2026-11-12 .. 2026-11-25"},
        {"2026", "2026-01-01 .. 2026-12-31"},
        {"2026-02", "2026-02-01 .. 2026-02-28"},
        {"2028-02", "2028-02-01 .. 2028-02-29"},
        {"2026-W48", "2026-11-23 .. 2026-11-29"},
        {"2026-w01", "2025-12-29 .. 2026-01-04"},
        {"2020-W53", "2020-12-28 .. 2021-01-03"},
        {"2026-11-20", "2026-11-20"},
        {"2026-09-01..2026-11-30", "2026-09-01 .. 2026-11-30"},
        {"2026-09..2026-10", "2026-09-01 .. 2026-10-31"},
        {"2026-09..", "since 2026-09-01"},
        {"..2026-09-15", "until 2026-09-15"},
        {"last-week..today", "2026-11-16 .. 2026-11-25"},
        {"all", "all time"},
        {"..", "all time"},
        {" This-Week ", "2026-11-23 .. 2026-11-29"},
    };
    for (const auto& test : cases) {
        CAPTURE(test.text);
        CHECK(period(test.text) == test.expected);
    }
}

TEST_CASE("period: weeks follow the week start setting") {
    CHECK(period("this-week", std::chrono::Sunday) == "2026-11-22 .. 2026-11-28");
    CHECK(period("last-week", std::chrono::Sunday) == "2026-11-15 .. 2026-11-21");
    // ISO weeks are Monday-based whatever the setting.
    CHECK(period("2026-W48", std::chrono::Sunday) == "2026-11-23 .. 2026-11-29");
}

TEST_CASE("period: last-month from January reaches back into the previous year") {
    CHECK(describe_period(parse_period("last-month", day(2027, 1, 15), std::chrono::Monday)) ==
          "2026-12-01 .. 2026-12-31");
}

TEST_CASE("period: contains is inclusive at both ends") {
    const Period november = parse_period("2026-11", today, std::chrono::Monday);
    CHECK(november.contains(day(2026, 11, 1)));
    CHECK(november.contains(day(2026, 11, 30)));
    CHECK_FALSE(november.contains(day(2026, 12, 1)));
    CHECK_FALSE(november.contains(day(2026, 10, 31)));
    CHECK(parse_period("all", today, std::chrono::Monday).contains(day(1990, 1, 1)));
}

TEST_CASE("period: bad periods are refused with one message and a hint") {
    const char* bad[] = {"",
                         "tomorrow",
                         "last-0d",
                         "last-d",
                         "last-5y",
                         "2026-13",
                         "2026-W54",
                         "2021-W53",
                         "2026-11-31",
                         "20261125",
                         "2026-11-20..someday",
                         "week"};
    for (const char* text : bad) {
        CAPTURE(text);
        try {
            (void)parse_period(text, today, std::chrono::Monday);
            FAIL("accepted");
        } catch (const user_error& error) {
            CHECK(std::string(error.what()) == fmt::format("can't read the period '{}'", text));
            CHECK(std::string(error.hint()).starts_with("try today, yesterday"));
        }
    }
    try {
        (void)parse_period("2026-11-20..2026-11-01", today, std::chrono::Monday);
        FAIL("accepted a backwards range");
    } catch (const user_error& error) {
        CHECK(std::string(error.what()) ==
              "the period '2026-11-20..2026-11-01' ends before it starts");
    }
}
