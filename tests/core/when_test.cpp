// Tests for src/core/when.cpp: every accepted WHEN form, and the ones refused.
#include "tend/when.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "core/time_fixture.h"
#include "tend/error.h"

using namespace tend;
using tend::testing::fixed_time;

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
    };
    for (const auto& test : cases) {
        CAPTURE(test.text);
        CHECK(when(test.text) == test.expected);
    }
}

TEST_CASE("when: unreadable texts are refused with the text named") {
    const char* bad[] = {"", "later", "25:00", "2026-02-30", "yesterday 8pm", "2 hours ago", "ago",
                         "2026-11-20T08:00+1", "mon tue wed", "5x ago",
                         // Found by fuzzing: a span long enough to overflow was once accepted.
                         "11H555555551H1H0551H1H0H ago", "999999999d999999999d999999999d ago"};
    for (const char* text : bad) {
        CAPTURE(text);
        try {
            (void)parse_when(text, fixed_time());
            FAIL("accepted");
        } catch (const user_error& error) {
            CHECK(std::string(error.what()) == fmt::format("can't read the time '{}'", text));
            CHECK(std::string(error.hint()).find("yesterday 21:30") != std::string::npos);
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
