// Parsing WHEN texts into instants, relative to a TimeContext handed in by the shell.
#include "tend/when.h"

#include <fmt/format.h>

#include "core/text.h"
#include "tend/error.h"

namespace tend {

namespace {

constexpr int noon = 12 * 3600;
constexpr std::string_view when_hint =
    "try now, 21:30, yesterday 21:30, mon 08:00, 2026-11-20 08:00, 2026-11-20T08:00:00+01:00 or "
    "2h ago";

[[noreturn]] void unreadable(std::string_view text) {
    throw user_error(fmt::format("can't read the time '{}'", text), std::string(when_hint));
}

constexpr std::int64_t longest_span = std::int64_t{300} * 366 * 86400;

// "90m", "2h", "1h30m", "3d" to seconds; nothing when malformed.
std::optional<std::int64_t> parse_span(std::string_view text) {
    std::int64_t total = 0;
    std::size_t start = 0;
    bool any = false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char unit = text[index];
        if (unit >= '0' && unit <= '9') continue;
        const auto amount = parse_digits(text.substr(start, index - start));
        if (!amount) return {};
        switch (unit) {
            case 'm':
                total += std::int64_t{*amount} * 60;
                break;
            case 'h':
                total += std::int64_t{*amount} * 3600;
                break;
            case 'd':
                total += std::int64_t{*amount} * 86400;
                break;
            default:
                return {};
        }
        start = index + 1;
        any = true;
        // Far longer than any journal, and small enough that the sum never overflows.
        if (total > longest_span) return {};
    }
    if (!any || start != text.size()) return {};
    return total;
}

// An instant `seconds` before now, with the offset that was in force then.
Instant before_now(std::int64_t seconds, const TimeContext& time) {
    const std::int64_t utc = time.now.utc_seconds - seconds;
    std::int32_t offset = time.now.offset_seconds;
    if (time.offset_at_local) offset = time.offset_at_local(utc + offset);
    return Instant{utc, offset};
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
    if (!*offset) return time.at_local(*date, *second_of_day);
    const std::int64_t local =
        std::int64_t{date->time_since_epoch().count()} * 86400 + *second_of_day;
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

Instant resolve_when(std::string_view text, const TimeContext& time) {
    const std::string lowered = to_lower(trim(text));
    std::vector<std::string_view> words;
    for (const auto word : split(lowered, ' '))
        if (!word.empty()) words.push_back(word);
    if (words.empty()) unreadable(text);

    if (words.size() == 1 && words[0] == "now") return time.now;
    if (words.size() == 2 && words[1] == "ago") {
        if (const auto span = parse_span(words[0])) return before_now(*span, time);
        unreadable(text);
    }
    if (words.size() == 1) {
        if (const auto instant = parse_iso_date_time(words[0], time)) return *instant;
        if (const auto second_of_day = parse_clock_time(words[0]))
            return time.at_local(time.today(), *second_of_day);
    }
    if (words.size() > 2) unreadable(text);

    const auto day = parse_day_word(words[0], time);
    if (!day) unreadable(text);
    if (words.size() == 2) {
        const auto second_of_day = parse_clock_time(words[1]);
        if (!second_of_day) unreadable(text);
        return time.at_local(*day, *second_of_day);
    }
    if (words[0] == "today") return time.now;
    return time.at_local(*day, noon);
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
