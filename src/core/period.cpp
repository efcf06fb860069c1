// PERIOD parsing: each side of a range is a unit (a day, week, month, year or keyword).
#include "tend/period.h"

#include <fmt/format.h>

#include "core/text.h"
#include "tend/error.h"

namespace tend {

namespace {

constexpr std::string_view period_hint =
    "try today, yesterday, this-week, last-week, this-month, last-month, last-30d, 2026-11, "
    "2026-W47, 2026-11-20, 2026-09-01..2026-11-30 or all";

struct Span {
    Date from;
    Date to;
};

[[noreturn]] void unreadable(std::string_view text) {
    throw user_error(fmt::format("can't read the period '{}'", text), std::string(period_hint));
}

// ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday.
std::optional<Span> iso_week(int year, int week) {
    const auto january_4 = make_date(year, 1, 4);
    if (!january_4 || week < 1 || week > 53) return {};
    const Date week_one = start_of_week(*january_4, std::chrono::Monday);
    const Date start = week_one + std::chrono::days{7 * (week - 1)};
    if (week == 53 && year_of(start + std::chrono::days{3}) != year) return {};
    return Span{start, start + std::chrono::days{6}};
}

std::optional<Span> relative_span(std::string_view word, Date today, Weekday week_start) {
    using std::chrono::days;
    if (word == "today") return Span{today, today};
    if (word == "yesterday") return Span{today - days{1}, today - days{1}};
    const Date week = start_of_week(today, week_start);
    if (word == "this-week") return Span{week, week + days{6}};
    if (word == "last-week") return Span{week - days{7}, week - days{1}};
    if (word == "this-month") return Span{first_of_month(today), last_of_month(today)};
    if (word == "last-month") {
        const Date previous = first_of_month(today) - days{1};
        return Span{first_of_month(previous), previous};
    }
    if (word.starts_with("last-") && word.size() > 6) {
        const char unit = word.back();
        const auto count = parse_digits(word.substr(5, word.size() - 6));
        const int per_unit = unit == 'd' ? 1 : unit == 'w' ? 7 : 0;
        if (!count || *count < 1 || *count > 36500 || per_unit == 0) return {};
        return Span{today - days{*count * per_unit - 1}, today};
    }
    return {};
}

std::optional<Span> absolute_span(std::string_view word) {
    if (const auto date = parse_iso_date(word)) return Span{*date, *date};
    const auto year = parse_digits(word.substr(0, 4));
    if (!year || word.size() < 4 || (word.size() > 4 && word[4] != '-')) return {};
    if (word.size() == 4) {
        const auto start = make_date(*year, 1, 1);
        if (!start) return {};
        return Span{*start, *make_date(*year, 12, 31)};
    }
    if (word.size() == 7) {
        const auto month = parse_digits(word.substr(5, 2));
        const auto start = month ? make_date(*year, *month, 1) : std::nullopt;
        if (!start) return {};
        return Span{*start, last_of_month(*start)};
    }
    if (word.size() == 8 && word[5] == 'w') {
        const auto week = parse_digits(word.substr(6, 2));
        return week ? iso_week(*year, *week) : std::nullopt;
    }
    return {};
}

std::optional<Span> unit_span(std::string_view word, Date today, Weekday week_start) {
    if (auto span = relative_span(word, today, week_start)) return span;
    return absolute_span(word);
}

}  // namespace

Period parse_period(std::string_view text, Date today, Weekday week_start) {
    const std::string lowered = to_lower(trim(text));
    if (lowered == "all") return Period{};
    const std::size_t dots = lowered.find("..");
    if (dots == std::string::npos) {
        const auto span = unit_span(lowered, today, week_start);
        if (!span) unreadable(text);
        return Period{span->from, span->to};
    }
    const std::string_view left = std::string_view(lowered).substr(0, dots);
    const std::string_view right = std::string_view(lowered).substr(dots + 2);
    if (left.empty() && right.empty()) return Period{};
    Period period;
    if (!left.empty()) {
        const auto span = unit_span(left, today, week_start);
        if (!span) unreadable(text);
        period.from = span->from;
    }
    if (!right.empty()) {
        const auto span = unit_span(right, today, week_start);
        if (!span) unreadable(text);
        period.to = span->to;
    }
    if (period.from && period.to && *period.from > *period.to)
        throw user_error(fmt::format("the period '{}' ends before it starts", text),
                         "write the earlier date first");
    return period;
}

std::string describe_period(const Period& period) {
    if (period.from && period.to) {
        if (*period.from == *period.to) return format_date(*period.from);
        return fmt::format("{} .. {}", format_date(*period.from), format_date(*period.to));
    }
    if (period.from) return fmt::format("since {}", format_date(*period.from));
    if (period.to) return fmt::format("until {}", format_date(*period.to));
    return "all time";
}

Period close_open_ends(Period period, Date first, Date last) {
    if (!period.from) period.from = first;
    if (!period.to) period.to = last;
    if (*period.from > *period.to) period.from = period.to;
    return period;
}

}  // namespace tend
