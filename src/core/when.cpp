// Parsing WHEN texts into instants, relative to a TimeContext handed in by the shell.
#include "tend/when.h"

#include <fmt/format.h>

#include "core/text.h"
#include "tend/error.h"

namespace tend {

namespace {

constexpr int noon = 12 * 3600;
constexpr std::string_view when_hint =
    "try a time of day (24-hour 21:30, or 9:30pm), a day and time (yesterday 8pm, wed 9pm, "
    "2026-11-20 08:00) or how long ago (2h ago, 90 min ago, 2 days ago)";

[[noreturn]] void unreadable(std::string_view text) {
    throw user_error(fmt::format("can't read the time '{}'", text), std::string(when_hint));
}

constexpr std::int64_t longest_span = std::int64_t{300} * 366 * 86400;

// Seconds in one of a span's units: "m", "min", "minutes", "h", "hours", "d", "days", "w", ...
std::optional<std::int64_t> seconds_per_unit(std::string_view unit) {
    for (const std::string_view name : {"m", "min", "mins", "minute", "minutes"})
        if (unit == name) return 60;
    for (const std::string_view name : {"h", "hr", "hrs", "hour", "hours"})
        if (unit == name) return 3600;
    for (const std::string_view name : {"d", "day", "days"})
        if (unit == name) return 86400;
    for (const std::string_view name : {"w", "week", "weeks"})
        if (unit == name) return 7 * 86400;
    return {};
}

// "90m", "2h", "1h30m", "3d", "2days", "90min", "1hour30min" to seconds; nothing when malformed.
std::optional<std::int64_t> parse_span(std::string_view text) {
    std::int64_t total = 0;
    bool any = false;
    while (!text.empty()) {
        const std::size_t digits = text.find_first_not_of("0123456789");
        if (digits == 0 || digits == std::string_view::npos) return {};
        const std::size_t letters = text.find_first_of("0123456789", digits);
        const auto amount = parse_digits(text.substr(0, digits));
        const auto unit = seconds_per_unit(text.substr(digits, letters - digits));
        if (!amount || !unit) return {};
        total += std::int64_t{*amount} * *unit;
        any = true;
        // Far longer than any journal, and small enough that the sum never overflows.
        if (total > longest_span) return {};
        text = letters == std::string_view::npos ? std::string_view{} : text.substr(letters);
    }
    if (!any) return {};
    return total;
}

// The words before "ago" as one span: "2 days", "an hour", "1h 30m".
std::optional<std::int64_t> parse_span_words(const std::vector<std::string_view>& words) {
    std::string joined;
    for (const auto word : words)
        joined += (word == "a" || word == "an") ? std::string_view("1") : word;
    return parse_span(joined);
}

// An instant `seconds` before now, with the offset that was really in force then.
Instant before_now(std::int64_t seconds, const TimeContext& time) {
    const std::int64_t utc = time.now.utc_seconds - seconds;
    return Instant{utc, time.offset_at(utc)};
}

// A time of day: 24-hour "21:30", "8:00", "21:30:15", or 12-hour "8pm", "8:30am", "12am"
// (midnight); seconds since midnight, nothing when malformed.
std::optional<int> parse_time_of_day(std::string_view text) {
    if (text.ends_with("am") || text.ends_with("pm")) {
        const int half_day = text.ends_with("pm") ? 12 * 3600 : 0;
        text.remove_suffix(2);
        const std::size_t colon = text.find(':');
        const auto hours = parse_digits(text.substr(0, colon));
        std::optional<int> minutes = 0;
        if (colon != std::string_view::npos)
            minutes =
                text.size() == colon + 3 ? parse_digits(text.substr(colon + 1)) : std::nullopt;
        if (!hours || !minutes || text.substr(0, colon).size() > 2 || *hours < 1 || *hours > 12 ||
            *minutes > 59)
            return {};
        return (*hours % 12) * 3600 + half_day + *minutes * 60;
    }
    if (text.size() >= 2 && text[1] == ':') return parse_clock_time(fmt::format("0{}", text));
    return parse_clock_time(text);
}

// The instant of a local wall time; a time the clocks skipped (spring forward) is refused.
Instant wall_time(Date date, int second_of_day, const TimeContext& time) {
    const auto instants = time.instants_at_local(date, second_of_day);
    if (!instants.empty()) return instants.front();
    const std::int64_t midday = local_seconds_at(date, noon) - time.now.offset_seconds;
    const std::int32_t skipped = time.offset_at(midday + 86400) - time.offset_at(midday - 86400);
    throw user_error(
        fmt::format("{} {} did not happen here: the clocks went forward then", format_date(date),
                    format_time_of_day(second_of_day)),
        fmt::format("try {}", format_time_of_day(second_of_day + (skipped > 0 ? skipped : 3600))));
}

// "Z", "+01:00", "-0530" or "" (no offset) to seconds; nothing when malformed.
std::optional<std::optional<std::int32_t>> parse_offset_suffix(std::string_view text) {
    if (text.empty()) return std::optional<std::int32_t>{};
    if (text == "z") return std::optional<std::int32_t>{0};
    if (text[0] != '+' && text[0] != '-') return {};
    std::string digits;
    for (const char character : text.substr(1))
        if (character != ':') digits += character;
    if (digits.size() != 4) return {};
    const auto hours = parse_digits(std::string_view(digits).substr(0, 2));
    const auto minutes = parse_digits(std::string_view(digits).substr(2, 2));
    if (!hours || !minutes || *hours > 23 || *minutes > 59) return {};
    const std::int32_t magnitude = *hours * 3600 + *minutes * 60;
    return std::optional<std::int32_t>{text[0] == '-' ? -magnitude : magnitude};
}

// 2026-11-20T08:00[:SS][offset]
std::optional<Instant> parse_iso_date_time(std::string_view text, const TimeContext& time) {
    const std::size_t separator = text.find('t');
    if (separator != 10) return {};
    const auto date = parse_iso_date(text.substr(0, 10));
    if (!date) return {};
    std::string_view rest = text.substr(11);
    const std::size_t clock_length = rest.size() >= 8 && rest[5] == ':' ? 8 : 5;
    if (rest.size() < clock_length) return {};
    const auto second_of_day = parse_clock_time(rest.substr(0, clock_length));
    const auto offset = parse_offset_suffix(rest.substr(clock_length));
    if (!second_of_day || !offset) return {};
    if (!*offset) return wall_time(*date, *second_of_day, time);
    const std::int64_t local = local_seconds_at(*date, *second_of_day);
    return Instant{local - **offset, **offset};
}

// The day named by the first word of a WHEN, or nothing.
std::optional<Date> parse_day_word(std::string_view word, const TimeContext& time) {
    const Date today = time.today();
    if (word == "today") return today;
    if (word == "yesterday") return today - std::chrono::days{1};
    if (const auto date = parse_iso_date(word)) return date;
    if (const auto weekday = parse_weekday(word)) {
        const auto back = Weekday{today} - *weekday;
        return today - (back.count() == 0 ? std::chrono::days{7} : back);
    }
    return {};
}

// The words of a WHEN, lowercased, with a separate "am" or "pm" joined to its time ("8 pm").
std::vector<std::string> when_words(std::string_view text) {
    const std::string lowered = to_lower(trim(text));
    std::vector<std::string> words;
    for (const auto word : split(lowered, ' ')) {
        if (word.empty()) continue;
        if ((word == "am" || word == "pm") && !words.empty())
            words.back() += word;
        else
            words.emplace_back(word);
    }
    return words;
}

Instant resolve_when(std::string_view text, const TimeContext& time) {
    const std::vector<std::string> owned = when_words(text);
    const std::vector<std::string_view> words(owned.begin(), owned.end());
    if (words.empty()) unreadable(text);

    if (words.size() == 1 && words[0] == "now") return time.now;
    if (words.size() >= 2 && words.back() == "ago") {
        const std::vector<std::string_view> span_words(words.begin(), words.end() - 1);
        if (const auto span = parse_span_words(span_words)) return before_now(*span, time);
        unreadable(text);
    }
    if (words.size() == 1) {
        if (const auto instant = parse_iso_date_time(words[0], time)) return *instant;
        if (const auto second_of_day = parse_time_of_day(words[0]))
            return wall_time(time.today(), *second_of_day, time);
    }
    if (words.size() > 2) unreadable(text);

    const auto day = parse_day_word(words[0], time);
    if (!day) unreadable(text);
    if (words.size() == 2) {
        const auto second_of_day = parse_time_of_day(words[1]);
        if (!second_of_day) unreadable(text);
        return wall_time(*day, *second_of_day, time);
    }
    if (words[0] == "today") return time.now;
    return wall_time(*day, noon, time);
}

}  // namespace

Instant parse_when(std::string_view text, const TimeContext& time) {
    const Instant at = resolve_when(text, time);
    if (year_of(at.local_date()) < earliest_year)
        throw user_error(
            fmt::format("'{}' is before {}", text, earliest_year),
            fmt::format("check the year; tend keeps entries from {} on", earliest_year));
    return at;
}

void refuse_future(const Instant& at, const TimeContext& time, int tolerance_seconds) {
    if (at.utc_seconds <= time.now.utc_seconds + tolerance_seconds) return;
    const std::string shown = at.local_date() == time.today()
                                  ? format_time_of_day(at.local_second_of_day())
                                  : fmt::format("{} {}", format_date(at.local_date()),
                                                format_time_of_day(at.local_second_of_day()));
    std::string hint = "tend records what already happened";
    if (at.local_date() == time.today())
        hint = fmt::format("did you mean 'yesterday {}'?",
                           format_time_of_day(at.local_second_of_day()));
    throw user_error(fmt::format("{} is in the future", shown), hint);
}

}  // namespace tend
