// Tests for src/core/civil_time.cpp: dates, weeks, months and the formats tend writes.
#include "tend/civil_time.h"

#include <doctest/doctest.h>

using namespace tend;
using std::chrono::days;

TEST_CASE("civil time: make_date accepts real days and refuses impossible ones") {
    CHECK(make_date(2024, 2, 29).has_value());
    CHECK_FALSE(make_date(2026, 2, 29).has_value());
    CHECK_FALSE(make_date(2026, 13, 1).has_value());
    CHECK_FALSE(make_date(2026, 4, 31).has_value());
    CHECK_FALSE(make_date(0, 1, 1).has_value());
}

TEST_CASE("civil time: ISO dates parse strictly") {
    CHECK(format_date(*parse_iso_date("2026-11-25")) == "2026-11-25");
    CHECK_FALSE(parse_iso_date("2026-11-5").has_value());
    CHECK_FALSE(parse_iso_date("2026/11/25").has_value());
    CHECK_FALSE(parse_iso_date("2026-02-30").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
}

TEST_CASE("civil time: clock times") {
    CHECK(parse_clock_time("08:05") == 8 * 3600 + 5 * 60);
    CHECK(parse_clock_time("23:59:59") == 86399);
    CHECK_FALSE(parse_clock_time("24:00").has_value());
    CHECK_FALSE(parse_clock_time("8:05").has_value());
    CHECK_FALSE(parse_clock_time("08:60").has_value());
}

TEST_CASE("civil time: instants know their local date across midnight and offsets") {
    // 2026-11-24T23:30:00Z is already 00:30 on the 25th in Berlin (+01:00).
    const Date day = *make_date(2026, 11, 24);
    const std::int64_t utc =
        std::int64_t{day.time_since_epoch().count()} * 86400 + 23 * 3600 + 30 * 60;
    const Instant berlin{utc, 3600};
    CHECK(format_date(berlin.local_date()) == "2026-11-25");
    CHECK(berlin.local_second_of_day() == 30 * 60);
    CHECK(format_iso(berlin) == "2026-11-25T00:30:00+01:00");
    const Instant new_york{utc, -5 * 3600};
    CHECK(format_iso(new_york) == "2026-11-24T18:30:00-05:00");
}

TEST_CASE("civil time: instants before 1970 floor to the right day") {
    const Instant instant{-1, 0};
    CHECK(format_iso(instant) == "1969-12-31T23:59:59+00:00");
}

TEST_CASE("civil time: weeks start on the given weekday") {
    const Date wednesday = *make_date(2026, 11, 25);
    CHECK(format_date(start_of_week(wednesday, std::chrono::Monday)) == "2026-11-23");
    CHECK(format_date(start_of_week(wednesday, std::chrono::Sunday)) == "2026-11-22");
    const Date sunday = *make_date(2026, 11, 29);
    CHECK(format_date(start_of_week(sunday, std::chrono::Monday)) == "2026-11-23");
    CHECK(format_date(start_of_week(sunday, std::chrono::Sunday)) == "2026-11-29");
}

TEST_CASE("civil time: month bounds include leap February") {
    CHECK(format_date(last_of_month(*make_date(2028, 2, 10))) == "2028-02-29");
    CHECK(format_date(last_of_month(*make_date(2026, 2, 10))) == "2026-02-28");
    CHECK(format_date(first_of_month(*make_date(2026, 12, 31))) == "2026-12-01");
    CHECK(month_key(*make_date(2026, 1, 31)) == "2026-01");
    CHECK(month_key(*make_date(2026, 12, 1)) == "2026-12");
    CHECK(month_key(*make_date(987, 10, 5)) == "0987-10");
    CHECK(month_key(*make_date(9999, 12, 31)) == "9999-12");
    // Beyond the years make_date takes, as fmt writes them.
    CHECK(month_key(*make_date(9999, 12, 31) + std::chrono::days{1}) == "10000-01");
    CHECK(month_key(Date{std::chrono::year{-1} / 3 / 1}) == "-001-03");
}

TEST_CASE("civil time: human formats") {
    CHECK(format_day_heading(*make_date(2026, 11, 25)) == "Wed 25 Nov 2026");
    CHECK(format_short_date(*make_date(2026, 3, 1)) == "1 Mar");
    CHECK(format_offset(-(5 * 3600 + 30 * 60)) == "-05:30");
}

TEST_CASE("civil time: weekday names by prefix") {
    CHECK(parse_weekday("mon") == std::chrono::Monday);
    CHECK(parse_weekday("Sunday") == std::chrono::Sunday);
    CHECK(parse_weekday("thu") == std::chrono::Thursday);
    CHECK_FALSE(parse_weekday("mo").has_value());
    CHECK_FALSE(parse_weekday("funday").has_value());
}
