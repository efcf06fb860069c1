// Tests for src/core/when.cpp: every accepted WHEN form, and the ones refused.
#include "tend/when.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "fixtures.h"
#include "tend/error.h"

using namespace tend;
using tend::testing::fixed_time;

namespace {
Date day_of_october(int day) {
    return *make_date(2026, 10, day);
}
}  // namespace

namespace {
std::string when(const char* text) {
    return format_iso(parse_when(text, fixed_time()));
}
}  // namespace

TEST_CASE("when: accepted forms resolve to exact instants") {
    struct Case {
        const char* text;
        const char* expected;
    };
    const Case cases[] = {
        {"now", "2026-11-25T10:00:00+01:00"},
        {"NOW", "2026-11-25T10:00:00+01:00"},
        {"08:15", "2026-11-25T08:15:00+01:00"},
        {"today", "2026-11-25T10:00:00+01:00"},
        {"today 07:00", "2026-11-25T07:00:00+01:00"},
        {"yesterday 21:30", "2026-11-24T21:30:00+01:00"},
        {"yesterday", "2026-11-24T12:00:00+01:00"},
        {"mon 08:00", "2026-11-23T08:00:00+01:00"},
        {"wednesday", "2026-11-18T12:00:00+01:00"},  // never today: the most recent past one
        {"2026-11-20", "2026-11-20T12:00:00+01:00"},
        {"2026-11-20 08:00", "2026-11-20T08:00:00+01:00"},
        {"2026-11-20T08:00", "2026-11-20T08:00:00+01:00"},
        {"2026-11-20T08:00:30", "2026-11-20T08:00:30+01:00"},
        {"2026-11-20T08:00:00+05:30", "2026-11-20T08:00:00+05:30"},
        {"2026-11-20T08:00:00Z", "2026-11-20T08:00:00+00:00"},
        {"2h ago", "2026-11-25T08:00:00+01:00"},
        {"30m ago", "2026-11-25T09:30:00+01:00"},
        {"1h30m ago", "2026-11-25T08:30:00+01:00"},
        {"3d ago", "2026-11-22T10:00:00+01:00"},
        {"  yesterday   21:30 ", "2026-11-24T21:30:00+01:00"},
        // As people type them: one-digit hours, 12-hour clocks, spans in words.
        {"8:00", "2026-11-25T08:00:00+01:00"},
        {"8pm", "2026-11-25T20:00:00+01:00"},
        {"8:30am", "2026-11-25T08:30:00+01:00"},
        {"8 pm", "2026-11-25T20:00:00+01:00"},
        {"12am", "2026-11-25T00:00:00+01:00"},
        {"12:15pm", "2026-11-25T12:15:00+01:00"},
        {"yesterday 8pm", "2026-11-24T20:00:00+01:00"},
        {"yesterday 9:05", "2026-11-24T09:05:00+01:00"},
        {"wed 9pm", "2026-11-18T21:00:00+01:00"},
        {"2026-11-20 7am", "2026-11-20T07:00:00+01:00"},
        {"2 days ago", "2026-11-23T10:00:00+01:00"},
        {"1 hour ago", "2026-11-25T09:00:00+01:00"},
        {"an hour ago", "2026-11-25T09:00:00+01:00"},
        {"90 min ago", "2026-11-25T08:30:00+01:00"},
        {"90 minutes ago", "2026-11-25T08:30:00+01:00"},
        {"1 hour 30 min ago", "2026-11-25T08:30:00+01:00"},
        {"1 week ago", "2026-11-18T10:00:00+01:00"},
    };
    for (const auto& test : cases) {
        CAPTURE(test.text);
        CHECK(when(test.text) == test.expected);
    }
}

TEST_CASE("when: unreadable texts are refused with the text named") {
    const char* bad[] = {"", "later", "25:00", "2026-02-30", "13pm", "0am", "8:5pm", "8", "ago",
                         "2 ago", "hours ago", "2 fortnights ago", "8pm ago", "2026-11-20T08:00+1",
                         "mon tue wed", "5x ago", "123:00pm", "8:60am",
                         // Found by fuzzing: a span long enough to overflow was once accepted.
                         "11H555555551H1H0551H1H0H ago", "999999999d999999999d999999999d ago"};
    for (const char* text : bad) {
        CAPTURE(text);
        try {
            (void)parse_when(text, fixed_time());
            FAIL("accepted");
        } catch (const user_error& error) {
            CHECK(std::string(error.what()) == fmt::format("can't read the time '{}'", text));
            CHECK(error.hint() ==
                  "try a time of day (24-hour 21:30, or 9:30pm), a day and time (yesterday 8pm, "
                  "wed 9pm, 2026-11-20 08:00) or how long ago (2h ago, 90 min ago, 2 days ago)");
        }
    }
}

TEST_CASE("when: the offset in force at that local time is used (DST)") {
    // A resolver like Europe/Berlin's: +02:00 in summer, +01:00 in winter.
    TimeContext time = fixed_time();
    time.offset_at_local = [](std::int64_t local) {
        const Date date{std::chrono::days{local / 86400}};
        return month_of(date) >= 4 && month_of(date) <= 10 ? 7200 : 3600;
    };
    CHECK(format_iso(parse_when("2026-07-01 08:00", time)) == "2026-07-01T08:00:00+02:00");
    CHECK(format_iso(parse_when("2026-11-20 08:00", time)) == "2026-11-20T08:00:00+01:00");
}

namespace {

// Europe/Berlin in 2026, as the C library answers: +02:00 from 29 Mar 01:00 UTC to
// 25 Oct 01:00 UTC, +01:00 otherwise.
TimeContext berlin_2026(const char* now) {
    const auto offset_at_utc = [](std::int64_t utc) -> std::int32_t {
        const std::int64_t summer_starts = 1774746000;  // 2026-03-29T01:00:00Z
        const std::int64_t summer_ends = 1792890000;    // 2026-10-25T01:00:00Z
        return utc >= summer_starts && utc < summer_ends ? 7200 : 3600;
    };
    TimeContext time;
    time.offset_at_utc = offset_at_utc;
    time.offset_at_local = [offset_at_utc](std::int64_t local) {
        return offset_at_utc(local - 3600);
    };
    time.now = parse_when(now, time);
    return time;
}

std::string when_in_berlin(const char* now, const char* text) {
    return format_iso(parse_when(text, berlin_2026(now)));
}

}  // namespace

TEST_CASE("when: across DST a relative time has the offset really in force then") {
    CHECK(berlin_2026("2026-03-29T04:00:00+02:00").now.offset_seconds == 7200);
    // 04:00 summer time, 3 hours before: 00:00 winter time (01:00 to 02:00 never happened).
    CHECK(when_in_berlin("2026-03-29T04:00:00+02:00", "3h ago") == "2026-03-29T00:00:00+01:00");
    CHECK(when_in_berlin("2026-03-29T04:00:00+02:00", "90 min ago") == "2026-03-29T01:30:00+01:00");
    // Autumn: 03:30 winter time, 2 hours before: the first 02:30 (summer time).
    CHECK(when_in_berlin("2026-10-25T03:30:00+01:00", "2h ago") == "2026-10-25T02:30:00+02:00");
    CHECK(when_in_berlin("2026-10-25T03:30:00+01:00", "1h ago") == "2026-10-25T02:30:00+01:00");
}

TEST_CASE("when: a wall time the clocks skipped is refused, a repeated one is the first") {
    try {
        (void)when_in_berlin("2026-03-29T12:00:00+02:00", "02:30");
        FAIL("accepted a time that did not exist");
    } catch (const user_error& error) {
        CHECK(std::string(error.what()) ==
              "2026-03-29 02:30 did not happen here: the clocks went forward then");
        CHECK(error.hint() == "try 03:30");
    }
    CHECK(when_in_berlin("2026-03-29T12:00:00+02:00", "03:00") == "2026-03-29T03:00:00+02:00");
    CHECK(when_in_berlin("2026-03-29T12:00:00+02:00", "01:59") == "2026-03-29T01:59:00+01:00");
    CHECK(when_in_berlin("2026-10-25T12:00:00+01:00", "02:30") == "2026-10-25T02:30:00+02:00");
    CHECK(when_in_berlin("2026-10-25T12:00:00+01:00", "03:00") == "2026-10-25T03:00:00+01:00");
    const TimeContext autumn = berlin_2026("2026-10-25T12:00:00+01:00");
    const auto twice = autumn.instants_at_local(day_of_october(25), 2 * 3600 + 1800);
    REQUIRE(twice.size() == 2);
    CHECK(format_iso(twice[0]) == "2026-10-25T02:30:00+02:00");
    CHECK(format_iso(twice[1]) == "2026-10-25T02:30:00+01:00");
}

TEST_CASE("when: a few minutes ahead is tolerated - further is refused with a hint") {
    const TimeContext time = fixed_time();
    CHECK_NOTHROW(refuse_future(parse_when("10:04", time), time));
    try {
        refuse_future(parse_when("23:00", time), time);
        FAIL("accepted a future time");
    } catch (const user_error& error) {
        CHECK(std::string(error.what()) == "23:00 is in the future");
        CHECK(error.hint() == "did you mean 'yesterday 23:00'?");
    }
    CHECK_THROWS_AS(refuse_future(parse_when("2027-01-01", time), time), user_error);
}

TEST_CASE("when: a year before 1900 is taken for a typo and refused") {
    CHECK(when("1900-01-01 00:00") == "1900-01-01T00:00:00+01:00");
    CHECK(when("40000d ago") == "1917-05-21T10:00:00+01:00");
    for (const char* text :
         {"1899-12-31", "0001-01-01T00:00:00Z", "1850-06-01 12:00", "60000d ago"}) {
        CAPTURE(text);
        try {
            (void)parse_when(text, fixed_time());
            FAIL("accepted");
        } catch (const user_error& error) {
            CHECK(std::string(error.what()) == fmt::format("'{}' is before 1900", text));
            CHECK(std::string(error.hint()) == "check the year; tend keeps entries from 1900 on");
        }
    }
}
