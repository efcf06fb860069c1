// Plan items and their status in plain words.
#include "render/plan_text.h"

#include <fmt/format.h>

#include <cmath>

#include "render/numbers.h"

namespace tend::render {

namespace {

using std::chrono::days;

std::string describe_condition_words(const PlanItem& item, const Condition& condition,
                                     const Config& config) {
    if (condition.comparison == Condition::Comparison::at_least &&
        is_duration(config, item.kind, condition.field))
        return fmt::format("at least {} each",
                           format_minutes(static_cast<std::int64_t>(condition.value)));
    return "with " + describe_condition(condition);
}

std::string describe_total_words(const PlanItem& item, const Total& total, const Config& config) {
    const std::string amount =
        is_duration(config, item.kind, total.field)
            ? format_minutes(static_cast<std::int64_t>(total.at_least))
            : fmt::format("{} {}", format_number(total.at_least), total.field);
    if (total.per == Total::Per::week) return fmt::format("at least {} a week", amount);
    if (item.schedule.unit == Schedule::Unit::weekdays)
        return fmt::format("at least {} {}", amount, describe_schedule(item.schedule));
    return fmt::format("at least {} a day", amount);
}

std::string date_words(Date day, Date today) {
    if (year_of(day) == year_of(today)) return format_short_date(day);
    return fmt::format("{} {}", format_short_date(day), year_of(day));
}

// "today", "this week", "on Mon 23 Nov", "in the week of 2 Nov": the window a status is about.
std::string window_words(const PlanItem& item, const Window& window, Date day, Date today) {
    if (item.schedule.unit == Schedule::Unit::week)
        return window.contains(today) ? "this week"
                                      : "in the week of " + date_words(window.first, today);
    if (day == today) return "today";
    if (day == today - days{1}) return "yesterday";
    return "on " + relative_day(day, today);
}

std::string next_words(const DayStatus& status, Date today) {
    return status.next ? fmt::format(" (next: {})", relative_day(*status.next, today)) : "";
}

// A window that closed before today is done or it isn't: what it got, and nothing "to go".
std::string closed_window_words(const PlanItem& item, const Window& window, const Config& config,
                                const std::string& when) {
    const bool single_session = !item.total && window.expected == 1;
    if (single_session && window.met()) return "done " + when;
    const std::string progress =
        fmt::format("{} of {} {}", format_amount(item, window.done, config),
                    format_amount(item, window.expected, config), when);
    return window.met() ? progress + " — done" : progress;
}

}  // namespace

std::string relative_day(Date day, Date today) {
    if (day == today) return "today";
    if (day == today + days{1}) return "tomorrow";
    if (day == today - days{1}) return "yesterday";
    const std::string heading = format_day_heading(day);  // "Fri 27 Nov 2026"
    return year_of(day) == year_of(today) ? heading.substr(0, heading.size() - 5) : heading;
}

std::string describe_rules(const PlanItem& item, const Config& config) {
    std::string words = item.total ? describe_total_words(item, *item.total, config)
                                   : describe_schedule(item.schedule);
    for (const auto& condition : item.conditions)
        words += ", " + describe_condition_words(item, condition, config);
    return words;
}

std::string describe_conditions(const PlanItem& item, const Config& config) {
    std::string words;
    for (const auto& condition : item.conditions)
        words += (words.empty() ? "" : " and ") + describe_condition_words(item, condition, config);
    return words;
}

std::string describe_dates(const PlanItem& item, Date today) {
    if (item.start > today) {
        std::string words = "from " + date_words(item.start, today);
        if (item.end) words += " until " + date_words(*item.end, today);
        return words;
    }
    if (item.has_ended_before(today))
        return fmt::format("{} - {}", date_words(item.start, today), date_words(*item.end, today));
    return item.end ? "until " + date_words(*item.end, today) : "";
}

std::string format_amount(const PlanItem& item, double amount, const Config& config) {
    if (item.total && is_duration(config, item.kind, item.total->field))
        return format_minutes(std::llround(amount));
    return format_number(amount);
}

std::string describe_status(const PlanItem& item, const DayStatus& status, const Config& config,
                            Date day, Date today) {
    if (status.state == DayStatus::State::resting)
        return fmt::format("resting {}{}", day == today ? "today" : "that day",
                           status.window ? "" : next_words(status, today));
    if (status.state == DayStatus::State::not_due || !status.window)
        return fmt::format("not due {}{}", day == today ? "today" : "that day",
                           next_words(status, today));
    const Window& window = *status.window;
    const bool closed = window.last < today;
    const bool several_days = window.first != window.last;
    if (several_days && item.schedule.unit == Schedule::Unit::every_n_days) {
        if (closed)
            return closed_window_words(item, window, config,
                                       "by " + relative_day(window.last, today));
        if (status.state == DayStatus::State::done)
            return fmt::format("{}{}", status.done_that_day > 0 ? "done" : "not due today",
                               next_words(status, today));
        const std::string by =
            window.last == today ? "today" : "by " + relative_day(window.last, today);
        if (window.expected == 1 && window.done == 0) return "due " + by;
        return fmt::format("{} of {} — {} to go {}", format_amount(item, window.done, config),
                           format_amount(item, window.expected, config),
                           format_amount(item, window.remaining(), config), by);
    }
    const std::string when = window_words(item, window, day, today);
    if (closed) return closed_window_words(item, window, config, when);
    const bool single_session = !item.total && window.expected == 1 && !several_days;
    if (single_session)
        return fmt::format("{} {}", status.state == DayStatus::State::done ? "done" : "to do",
                           when);
    const std::string progress =
        fmt::format("{} of {} {}", format_amount(item, window.done, config),
                    format_amount(item, window.expected, config), when);
    if (status.state == DayStatus::State::done) return progress + " — done";
    return fmt::format("{} — {} to go", progress, format_amount(item, window.remaining(), config));
}

bool is_duration(const Config& config, const std::string& kind, const std::string& field) {
    const KindSpec* spec = config.profile.kind(kind);
    const FieldSpec* field_spec = spec ? spec->field(field) : nullptr;
    return field_spec && field_spec->type == FieldType::duration;
}

}  // namespace tend::render
