// Calendar arithmetic on std::chrono's civil types, and the fixed formats tend writes.
#include "tend/civil_time.h"

#include <fmt/format.h>
#include <array>
#include <charconv>
#include <utility>

#include "core/text.h"

namespace tend {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

std::chrono::year_month_day civil(Date date) {
    return std::chrono::year_month_day{date};
}

constexpr std::array<std::string_view, 7> weekday_names = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> month_abbreviations = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::int64_t local_seconds_at(Date date, int second_of_day) {
    return static_cast<std::int64_t>(date.time_since_epoch().count()) * seconds_per_day +
           second_of_day;
}

int days_between(Date from, Date to) {
    return static_cast<int>((to - from).count());
}

Instant TimeContext::at_local(Date date, int second_of_day) const {
    const auto instants = instants_at_local(date, second_of_day);
    if (!instants.empty()) return instants.front();
    // In a spring-forward gap: what the offset lookup says (callers that care refuse first).
    const std::int64_t local = local_seconds_at(date, second_of_day);
    const std::int32_t offset = offset_at_local ? offset_at_local(local) : now.offset_seconds;
    return Instant{local - offset, offset};
}

std::vector<Instant> TimeContext::instants_at_local(Date date, int second_of_day) const {
    const std::int64_t local = local_seconds_at(date, second_of_day);
    if (!offset_at_utc) {
        const std::int32_t offset = offset_at_local ? offset_at_local(local) : now.offset_seconds;
        return {Instant{local - offset, offset}};
    }
    // Offsets change at most once in a day, so the offsets a day before and a day after are
    // the only ones the wall clock can have had; each is real if it holds at its own instant.
    std::vector<Instant> found;
    for (const std::int64_t probe : {local - seconds_per_day, local + seconds_per_day}) {
        const std::int32_t offset = offset_at_utc(probe);
        const Instant candidate{local - offset, offset};
        if (offset_at_utc(candidate.utc_seconds) != offset) continue;
        if (!found.empty() && found.front() == candidate) continue;
        found.push_back(candidate);
    }
    if (found.size() == 2 && found[1].utc_seconds < found[0].utc_seconds)
        std::swap(found[0], found[1]);
    return found;
}

std::int32_t TimeContext::offset_at(std::int64_t utc_seconds) const {
    if (offset_at_utc) return offset_at_utc(utc_seconds);
    if (offset_at_local) return offset_at_local(utc_seconds + now.offset_seconds);
    return now.offset_seconds;
}

std::optional<Date> make_date(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return {};
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return {};
    return Date{ymd};
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
    const auto year = parse_digits(text.substr(0, 4));
    const auto month = parse_digits(text.substr(5, 2));
    const auto day = parse_digits(text.substr(8, 2));
    if (!year || !month || !day) return {};
    return make_date(*year, *month, *day);
}

std::optional<int> parse_clock_time(std::string_view text) {
    if (text.size() != 5 && text.size() != 8) return {};
    if (text[2] != ':' || (text.size() == 8 && text[5] != ':')) return {};
    const auto hours = parse_digits(text.substr(0, 2));
    const auto minutes = parse_digits(text.substr(3, 2));
    const auto seconds = text.size() == 8 ? parse_digits(text.substr(6, 2)) : std::optional<int>{0};
    if (!hours || !minutes || !seconds || *hours > 23 || *minutes > 59 || *seconds > 59) return {};
    return *hours * 3600 + *minutes * 60 + *seconds;
}

std::string format_date(Date date) {
    const auto ymd = civil(date);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string format_time_of_day(int second_of_day) {
    return fmt::format("{:02}:{:02}", second_of_day / 3600, second_of_day / 60 % 60);
}

std::string format_offset(std::int32_t offset_seconds) {
    const char sign = offset_seconds < 0 ? '-' : '+';
    const int magnitude = offset_seconds < 0 ? -offset_seconds : offset_seconds;
    return fmt::format("{}{:02}:{:02}", sign, magnitude / 3600, magnitude / 60 % 60);
}

std::string format_iso(const Instant& instant) {
    const int second = instant.local_second_of_day();
    return fmt::format("{}T{:02}:{:02}:{:02}{}", format_date(instant.local_date()), second / 3600,
                       second / 60 % 60, second % 60, format_offset(instant.offset_seconds));
}

std::string format_day_heading(Date date) {
    const auto ymd = civil(date);
    const Weekday day{date};
    return fmt::format(
        "{} {} {} {}", weekday_name(day).substr(0, 3), static_cast<unsigned>(ymd.day()),
        month_abbreviations[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

std::string format_short_date(Date date) {
    const auto ymd = civil(date);
    return fmt::format("{} {}", static_cast<unsigned>(ymd.day()),
                       month_abbreviations[static_cast<unsigned>(ymd.month()) - 1]);
}

std::string month_key(Date date) {
    const auto ymd = civil(date);
    const int year = static_cast<int>(ymd.year());
    const auto month = static_cast<unsigned>(ymd.month());
    if (year < 0 || year > 9999) return fmt::format("{:04}-{:02}", year, month);
    // By hand: a read checks the month of every entry it takes from the cache.
    std::string key = "0000-00";
    for (int place = 3, rest = year; place >= 0; --place, rest /= 10)
        key[static_cast<std::size_t>(place)] = static_cast<char>('0' + rest % 10);
    key[5] = static_cast<char>('0' + month / 10);
    key[6] = static_cast<char>('0' + month % 10);
    return key;
}

int year_of(Date date) {
    return static_cast<int>(civil(date).year());
}
int month_of(Date date) {
    return static_cast<int>(static_cast<unsigned>(civil(date).month()));
}
int day_of(Date date) {
    return static_cast<int>(static_cast<unsigned>(civil(date).day()));
}

Date start_of_week(Date date, Weekday week_start) {
    return date - (Weekday{date} - week_start);
}

Date first_of_month(Date date) {
    const auto ymd = civil(date);
    return Date{ymd.year() / ymd.month() / std::chrono::day{1}};
}

Date last_of_month(Date date) {
    const auto ymd = civil(date);
    return Date{ymd.year() / ymd.month() / std::chrono::last};
}

std::optional<Weekday> parse_weekday(std::string_view name) {
    const std::string lowered = to_lower(name);
    if (lowered.size() < 3) return {};
    for (unsigned index = 0; index < weekday_names.size(); ++index) {
        const std::string full = to_lower(weekday_names[index]);
        if (full.starts_with(lowered)) return Weekday{index};
    }
    return {};
}

std::string_view weekday_name(Weekday day) {
    return weekday_names[day.c_encoding()];
}

}  // namespace tend
