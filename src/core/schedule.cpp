// Parsing and describing plan schedules and conditions.
#include "tend/schedule.h"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/text.h"
#include "tend/error.h"

namespace tend {

namespace {

constexpr std::string_view schedule_hint =
    "try daily, 3/day, every 2d, every other day, 3/week, weekly, weekdays or mon,wed,fri";

[[noreturn]] void unreadable(std::string_view text) {
    throw user_error(fmt::format("can't read the schedule '{}'", text), std::string(schedule_hint));
}

int positive_count(std::string_view digits, std::string_view text, int most) {
    const auto count = parse_digits(digits);
    if (!count || *count < 1 || *count > most) unreadable(text);
    return *count;
}

std::optional<double> parse_number(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty() ||
        !std::isfinite(value))
        return {};
    return value;
}

std::string format_number(double value) {
    return fmt::format("{}", value);
}

Schedule weekday_schedule(std::vector<Weekday> days) {
    std::sort(days.begin(), days.end(),
              [](Weekday left, Weekday right) { return left.c_encoding() < right.c_encoding(); });
    days.erase(std::unique(days.begin(), days.end()), days.end());
    Schedule schedule;
    schedule.unit = Schedule::Unit::weekdays;
    schedule.weekdays = std::move(days);
    return schedule;
}

}  // namespace

Schedule parse_schedule(std::string_view text) {
    const std::string lowered = to_lower(trim(text));
    Schedule schedule;
    if (lowered == "daily" || lowered == "every day" || lowered == "1/day") return schedule;
    if (lowered == "every other day") {
        schedule.unit = Schedule::Unit::every_n_days;
        schedule.interval_days = 2;
        return schedule;
    }
    if (lowered == "weekly") {
        schedule.unit = Schedule::Unit::week;
        return schedule;
    }
    if (lowered == "weekdays")
        return weekday_schedule({std::chrono::Monday, std::chrono::Tuesday, std::chrono::Wednesday,
                                 std::chrono::Thursday, std::chrono::Friday});
    if (lowered == "weekends")
        return weekday_schedule({std::chrono::Saturday, std::chrono::Sunday});
    if (lowered.ends_with("/day")) {
        schedule.times =
            positive_count(std::string_view(lowered).substr(0, lowered.size() - 4), text, 50);
        return schedule;
    }
    if (lowered.ends_with("/week")) {
        schedule.unit = Schedule::Unit::week;
        schedule.times =
            positive_count(std::string_view(lowered).substr(0, lowered.size() - 5), text, 50);
        return schedule;
    }
    if (lowered.starts_with("every ") && lowered.ends_with('d')) {
        schedule.unit = Schedule::Unit::every_n_days;
        schedule.interval_days =
            positive_count(std::string_view(lowered).substr(6, lowered.size() - 7), text, 365);
        if (schedule.interval_days == 1) schedule.unit = Schedule::Unit::day;
        return schedule;
    }
    std::vector<Weekday> days;
    for (const auto name : split(lowered, ',')) {
        const auto day = parse_weekday(trim(name));
        if (!day) unreadable(text);
        days.push_back(*day);
    }
    return weekday_schedule(std::move(days));
}

std::string describe_schedule(const Schedule& schedule) {
    const auto times = [](int count) {
        return count == 1   ? std::string("once")
               : count == 2 ? std::string("twice")
                            : fmt::format("{} times", count);
    };
    switch (schedule.unit) {
        case Schedule::Unit::day:
            return schedule.times == 1 ? "daily" : times(schedule.times) + " a day";
        case Schedule::Unit::every_n_days:
            return schedule.interval_days == 2
                       ? "every other day"
                       : fmt::format("every {} days", schedule.interval_days);
        case Schedule::Unit::week:
            return times(schedule.times) + " a week";
        case Schedule::Unit::weekdays: {
            std::vector<std::string> names;
            for (const auto day : schedule.weekdays)
                names.emplace_back(weekday_name(day).substr(0, 3));
            std::string list;
            for (std::size_t index = 0; index < names.size(); ++index) {
                if (index > 0) list += index + 1 == names.size() ? " and " : ", ";
                list += names[index];
            }
            return "on " + list;
        }
    }
    return "daily";
}

bool Condition::holds_for(double actual) const {
    switch (comparison) {
        case Comparison::at_least:
            return actual >= value;
        case Comparison::more_than:
            return actual > value;
        case Comparison::at_most:
            return actual <= value;
        case Comparison::less_than:
            return actual < value;
        case Comparison::equal:
            return actual == value;
    }
    return false;
}

namespace {

// The shell-safe spelling "minutes:10+" (at least) or "size:3-" (at most) in symbols, so that
// it needs no quotes: "minutes>=10" unquoted is a shell redirection.
std::string from_shell_safe(std::string compact) {
    const std::size_t colon = compact.find(':');
    if (colon == std::string::npos || compact.size() < colon + 3) return compact;
    const char sign = compact.back();
    if (sign != '+' && sign != '-') return compact;
    return compact.substr(0, colon) + (sign == '+' ? ">=" : "<=") +
           compact.substr(colon + 1, compact.size() - colon - 2);
}

}  // namespace

Condition parse_condition(std::string_view text) {
    const std::string compact = from_shell_safe([&] {
        std::string result;
        for (const char character : to_lower(text))
            if (character != ' ') result += character;
        return result;
    }());
    const std::size_t split_at = compact.find_first_of("<>=");
    const std::string field = compact.substr(0, split_at);
    const bool valid_field =
        !field.empty() &&
        field.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
    if (split_at != std::string::npos && valid_field) {
        const std::string_view rest = std::string_view(compact).substr(split_at);
        struct Operator {
            std::string_view symbol;
            Condition::Comparison comparison;
        };
        // Two-character operators first, so ">=" is not read as ">".
        constexpr Operator operators[] = {{">=", Condition::Comparison::at_least},
                                          {"<=", Condition::Comparison::at_most},
                                          {">", Condition::Comparison::more_than},
                                          {"<", Condition::Comparison::less_than},
                                          {"=", Condition::Comparison::equal}};
        for (const auto& candidate : operators) {
            if (!rest.starts_with(candidate.symbol)) continue;
            if (const auto value = parse_number(rest.substr(candidate.symbol.size())))
                return Condition{field, candidate.comparison, *value};
            break;
        }
    }
    throw user_error(fmt::format("can't read the condition '{}'", text),
                     "try 'minutes>=10' (or minutes:10+, no quotes needed) or 'size<=3'");
}

Total parse_total(std::string_view text) {
    std::string lowered = to_lower(trim(text));
    const auto refuse = [&]() -> user_error {
        return user_error(fmt::format("can't read the total '{}'", text),
                          "try 'total minutes>=120/day' or 'total minutes>=300/week'");
    };
    if (!lowered.starts_with("total ")) throw refuse();
    lowered = lowered.substr(6);
    Total total;
    if (lowered.ends_with("/day")) {
        lowered.resize(lowered.size() - 4);
    } else if (lowered.ends_with("/week")) {
        total.per = Total::Per::week;
        lowered.resize(lowered.size() - 5);
    } else {
        throw refuse();
    }
    const Condition bound = parse_condition(lowered);
    if (bound.comparison != Condition::Comparison::at_least || bound.value <= 0) throw refuse();
    total.field = bound.field;
    total.at_least = bound.value;
    return total;
}

std::string describe_condition(const Condition& condition) {
    constexpr std::string_view words[] = {"at least", "more than", "at most", "less than",
                                          "exactly"};
    return fmt::format("{} {} {}", condition.field, words[static_cast<int>(condition.comparison)],
                       format_number(condition.value));
}

std::string describe_total(const Total& total) {
    return fmt::format("at least {} {} a {}", format_number(total.at_least), total.field,
                       total.per == Total::Per::day ? "day" : "week");
}

std::string schedule_text(const Schedule& schedule) {
    switch (schedule.unit) {
        case Schedule::Unit::day:
            return schedule.times == 1 ? "daily" : fmt::format("{}/day", schedule.times);
        case Schedule::Unit::every_n_days:
            return fmt::format("every {}d", schedule.interval_days);
        case Schedule::Unit::week:
            return schedule.times == 1 ? "weekly" : fmt::format("{}/week", schedule.times);
        case Schedule::Unit::weekdays: {
            std::string list;
            for (const auto day : schedule.weekdays)
                list += (list.empty() ? "" : ",") + to_lower(weekday_name(day).substr(0, 3));
            return list;
        }
    }
    return "daily";
}

std::string condition_text(const Condition& condition) {
    constexpr std::string_view symbols[] = {">=", ">", "<=", "<", "="};
    return fmt::format("{}{}{}", condition.field, symbols[static_cast<int>(condition.comparison)],
                       format_number(condition.value));
}

std::string total_text(const Total& total) {
    return fmt::format("{}>={}/{}", total.field, format_number(total.at_least),
                       total.per == Total::Per::day ? "day" : "week");
}

}  // namespace tend
