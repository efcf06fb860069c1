// Plan schedules and conditions: "3/day", "every 2d", "3/week", "mon,wed,fri", "minutes>=10".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tend/civil_time.h"

namespace tend {

struct Schedule {
    enum class Unit { day, every_n_days, week, weekdays };
    Unit unit = Unit::day;
    int times = 1;                  // sessions per day, per N-day window or per week
    int interval_days = 1;          // N for every_n_days
    std::vector<Weekday> weekdays;  // for weekdays, Sunday-first order without repeats

    friend bool operator==(const Schedule&, const Schedule&) = default;
};

// Parses: daily | N/day | every Nd | every other day | N/week | weekly | weekdays | weekends |
// a comma list of weekday names (mon,wed,fri). Throws user_error with a hint otherwise.
Schedule parse_schedule(std::string_view text);

// In plain words: "3 times a day", "daily", "every other day", "every 3 days", "3 times a week",
// "on Mon, Wed and Fri".
std::string describe_schedule(const Schedule& schedule);

// A bound on a field that makes an entry count: minutes>=10, size>=3, pain<=4.
struct Condition {
    enum class Comparison { at_least, more_than, at_most, less_than, equal };
    std::string field;
    Comparison comparison = Comparison::at_least;
    double value = 0;

    bool holds_for(double actual) const;
    friend bool operator==(const Condition&, const Condition&) = default;
};

// A total of a field per day or week instead of a count: "total minutes>=120/day".
struct Total {
    enum class Per { day, week };
    std::string field;
    double at_least = 0;
    Per per = Per::day;

    friend bool operator==(const Total&, const Total&) = default;
};

// "minutes>=10" (also >, <=, <, =). Field names are checked by the caller against the kind.
// Throws user_error for anything else.
Condition parse_condition(std::string_view text);
// "total minutes>=120/day" or "total minutes>=300/week".
Total parse_total(std::string_view text);

std::string describe_condition(const Condition& condition);  // "minutes at least 10"
std::string describe_total(const Total& total);              // "at least 120 minutes a day"

// The short forms parse_* read back, as written to plan.toml: "3/day", "every 2d", "mon,wed,fri",
// "minutes>=10" and (without the word "total") "minutes>=120/day".
std::string schedule_text(const Schedule& schedule);
std::string condition_text(const Condition& condition);
std::string total_text(const Total& total);

}  // namespace tend
