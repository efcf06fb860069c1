// Calendar dates, instants with their UTC offset, and formatting them; no clocks in here.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tend {

// A local calendar date (the day as the user lived it).
using Date = std::chrono::sys_days;
using Weekday = std::chrono::weekday;

// A moment in time and the UTC offset the user's clock had then.
// local_seconds() is the wall-clock time as seconds since 1970-01-01T00:00 local.
struct Instant {
    std::int64_t utc_seconds = 0;
    std::int32_t offset_seconds = 0;

    std::int64_t local_seconds() const { return utc_seconds + offset_seconds; }
    // Inline: a report over ten years asks every entry its date several times.
    Date local_date() const { return Date{std::chrono::days{local_days()}}; }
    int local_second_of_day() const {  // 0..86399
        return static_cast<int>(local_seconds() - local_days() * seconds_per_day);
    }
    friend bool operator==(const Instant&, const Instant&) = default;

  private:
    static constexpr std::int64_t seconds_per_day = 86400;
    std::int64_t local_days() const {  // rounded down, also before 1970
        const std::int64_t seconds = local_seconds();
        const std::int64_t quotient = seconds / seconds_per_day;
        return seconds % seconds_per_day < 0 ? quotient - 1 : quotient;
    }
};

// Answers "what was the UTC offset at this local wall-clock time" (DST aware in the shell).
using OffsetAtLocal = std::function<std::int32_t(std::int64_t local_seconds)>;

// Answers "what was the UTC offset at this instant" (the shell asks the C library).
using OffsetAtUtc = std::function<std::int32_t(std::int64_t utc_seconds)>;

// What the core knows of "now": the current instant and how to find offsets for other times.
struct TimeContext {
    Instant now;
    OffsetAtLocal offset_at_local;
    OffsetAtUtc offset_at_utc;  // empty: offset_at_local alone answers (a fixed offset in tests)

    Date today() const { return now.local_date(); }
    // The instant of a local wall-clock time, with the offset in force then; in the repeated
    // autumn hour, its first occurrence.
    Instant at_local(Date date, int second_of_day) const;
    // The instants at which the wall clock read that time, earliest first: none in a
    // spring-forward gap, two in the repeated autumn hour, one otherwise.
    std::vector<Instant> instants_at_local(Date date, int second_of_day) const;
    // The offset in force at an instant.
    std::int32_t offset_at(std::int64_t utc_seconds) const;
};

// The earliest year tend accepts for an entry: anything earlier is a typo in the year.
inline constexpr int earliest_year = 1900;

// A date from its parts, or nothing when the parts do not name a real day (2026-02-30).
std::optional<Date> make_date(int year, int month, int day);
// Strictly "YYYY-MM-DD"; nothing for anything else.
std::optional<Date> parse_iso_date(std::string_view text);
// "HH:MM" or "HH:MM:SS" to seconds since midnight; nothing when malformed or out of range.
std::optional<int> parse_clock_time(std::string_view text);

std::string format_date(Date date);                      // 2026-11-25
std::string format_time_of_day(int second_of_day);       // 08:05
std::string format_iso(const Instant& instant);          // 2026-11-25T08:05:00+01:00
std::string format_offset(std::int32_t offset_seconds);  // +01:00
std::string format_day_heading(Date date);               // Wed 25 Nov 2026
std::string format_short_date(Date date);                // 25 Nov
std::string month_key(Date date);                        // 2026-11

int year_of(Date date);
int month_of(Date date);
int day_of(Date date);
// The first day of the week that holds `date`, for weeks starting on `week_start`.
// Seconds since 1970-01-01T00:00 local at a wall-clock time of `date` (Instant::local_seconds).
std::int64_t local_seconds_at(Date date, int second_of_day);
// Whole days from `from` to `to`: 0 on the same day, negative when `to` is earlier.
int days_between(Date from, Date to);

Date start_of_week(Date date, Weekday week_start);
Date first_of_month(Date date);
Date last_of_month(Date date);
std::optional<Weekday> parse_weekday(std::string_view name);  // "mon", "Monday", ...
std::string_view weekday_name(Weekday day);                   // "Monday"

}  // namespace tend
