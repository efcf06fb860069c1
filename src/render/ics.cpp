// Writing the plan as iCalendar: events, recurrence rules, alarms, escaping and folding.
#include "render/ics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "render/plan_text.h"

namespace tend::render {

namespace {

using std::chrono::days;

constexpr int default_minutes = 15;

std::string ics_date(Date day) {
    return fmt::format("{:04}{:02}{:02}", year_of(day), month_of(day), day_of(day));
}

// A floating local date-time: 20261125T080000.
std::string ics_local_time(Date day, int second_of_day) {
    return fmt::format("{}T{:02}{:02}{:02}", ics_date(day), second_of_day / 3600,
                       second_of_day / 60 % 60, second_of_day % 60);
}

// A UTC date-time: 20261125T090000Z.
std::string ics_utc(const Instant& instant) {
    const Instant utc{instant.utc_seconds, 0};
    return ics_local_time(utc.local_date(), utc.local_second_of_day()) + "Z";
}

std::string_view ics_weekday(Weekday day) {
    constexpr std::string_view names[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    return names[day.c_encoding()];
}

// FNV-1a: a stable fingerprint of what identifies an event, for its UID.
std::uint64_t fingerprint(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char character : text) {
        hash ^= static_cast<unsigned char>(character);
        hash *= 1099511628211ULL;
    }
    return hash;
}

// N reminder times for an item done N times a day: the settings' times, spread out, or evenly
// spaced between the first and the last when N is more than the settings hold.
std::vector<int> slot_times(int count, std::vector<int> settings) {
    if (settings.empty()) settings = {8 * 3600, 20 * 3600};
    std::sort(settings.begin(), settings.end());
    const auto known = static_cast<int>(settings.size());
    std::vector<int> times;
    for (int slot = 0; slot < count; ++slot) {
        if (count == 1) {
            times.push_back(settings.front());
        } else if (count <= known) {
            times.push_back(settings[static_cast<std::size_t>(slot * (known - 1) / (count - 1))]);
        } else {
            const int span = settings.back() - settings.front();
            times.push_back(settings.front() + span * slot / (count - 1) / 60 * 60);
        }
    }
    return times;
}

// The weekdays a "N times a week" item is suggested on, spread over the week from its start.
std::vector<Weekday> spread_weekdays(int count, Weekday week_start) {
    std::vector<Weekday> spread;
    for (int slot = 0; slot < std::min(count, 7); ++slot)
        spread.push_back(week_start + days{(slot * 7 + count / 2) / count % 7});
    return spread;
}

std::string byday(const std::vector<Weekday>& weekdays) {
    std::string list;
    for (const auto day : weekdays)
        list += (list.empty() ? "" : ",") + std::string(ics_weekday(day));
    return list;
}

Date first_listed_day(Date from, const std::vector<Weekday>& weekdays) {
    for (Date day = from;; day += days{1})
        if (std::find(weekdays.begin(), weekdays.end(), Weekday{day}) != weekdays.end()) return day;
}

int session_minutes(const PlanItem& item, const Config& config) {
    const auto is_duration = [&](const std::string& field) {
        return render::is_duration(config, item.kind, field);
    };
    if (item.total && item.total->per == Total::Per::day && is_duration(item.total->field))
        return std::clamp(static_cast<int>(item.total->at_least), 1, 24 * 60);
    for (const auto& condition : item.conditions)
        if (condition.comparison == Condition::Comparison::at_least && is_duration(condition.field))
            return std::clamp(static_cast<int>(condition.value), 1, 24 * 60);
    return default_minutes;
}

struct Event {
    std::string summary;
    Date first{};
    int second_of_day = 0;
    std::string rule;
    std::string identity;  // what the UID is made from
};

std::vector<Event> events_of(const PlanItem& item, const Config& config) {
    const Schedule& schedule = item.schedule;
    const std::vector<int> times = slot_times(schedule.times, config.settings.reminder_times);
    const std::string until =
        item.end ? fmt::format(";UNTIL={}", ics_local_time(*item.end, 23 * 3600 + 59 * 60 + 59))
                 : "";
    const std::string identity = fmt::format("{}|{}|{}|{}", item.kind, schedule_text(schedule),
                                             format_date(item.start), item.name);
    std::vector<Event> events;
    switch (schedule.unit) {
        case Schedule::Unit::day:
            for (int slot = 0; slot < schedule.times; ++slot)
                events.push_back({schedule.times == 1 ? item.label()
                                                      : fmt::format("{} ({} of {})", item.label(),
                                                                    slot + 1, schedule.times),
                                  item.start, times[static_cast<std::size_t>(slot)],
                                  "FREQ=DAILY" + until, fmt::format("{}|{}", identity, slot)});
            break;
        case Schedule::Unit::every_n_days:
            events.push_back(
                {item.label(), item.start, times.front(),
                 fmt::format("FREQ=DAILY;INTERVAL={}{}", schedule.interval_days, until), identity});
            break;
        case Schedule::Unit::week:
        case Schedule::Unit::weekdays: {
            const auto weekdays = schedule.unit == Schedule::Unit::weekdays
                                      ? schedule.weekdays
                                      : spread_weekdays(schedule.times, config.settings.week_start);
            const Date first = first_listed_day(item.start, weekdays);
            if (item.end && first > *item.end) break;
            events.push_back({item.label(), first, times.front(),
                              fmt::format("FREQ=WEEKLY;BYDAY={}{}", byday(weekdays), until),
                              identity});
            break;
        }
    }
    return events;
}

void add_line(std::string& out, std::string_view name, std::string_view value) {
    out += ics_folded(fmt::format("{}:{}", name, value));
}

}  // namespace

std::string ics_text(std::string_view text) {
    std::string escaped;
    for (const char character : text) {
        if (character == '\\' || character == ';' || character == ',') escaped += '\\';
        if (character == '\n') {
            escaped += "\\n";
            continue;
        }
        if (character != '\r') escaped += character;
    }
    return escaped;
}

std::string ics_folded(std::string_view line) {
    constexpr std::size_t limit = 75;
    std::string folded;
    std::size_t room = limit;
    while (line.size() > room) {
        std::size_t cut = room;
        // Back up to the start of a UTF-8 character.
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        folded += std::string(line.substr(0, cut)) + "\r\n ";
        line.remove_prefix(cut);
        room = limit - 1;
    }
    return folded + std::string(line) + "\r\n";
}

std::string plan_calendar(const Plan& plan, const Config& config, const Instant& now) {
    const Date today = now.local_date();
    std::string out;
    add_line(out, "BEGIN", "VCALENDAR");
    add_line(out, "VERSION", "2.0");
    add_line(out, "PRODID", fmt::format("-//tend//tend {}//EN", TEND_VERSION));
    add_line(out, "CALSCALE", "GREGORIAN");
    // No METHOD: METHOD makes the file an iTIP message (RFC 5546), and a PUBLISH message needs
    // an ORGANIZER address that tend does not have and should not invent. A plain iCalendar
    // object without METHOD is what importing a file expects (RFC 5545, section 3.7.2).
    add_line(out, "X-WR-CALNAME", "tend plan");
    for (const auto& item : plan.items) {
        if (item.has_ended_before(today)) continue;
        std::string description = describe_rules(item, config);
        if (const std::string dates = describe_dates(item, today); !dates.empty())
            description += ", " + dates;
        if (!item.note.empty()) description += ".\n" + item.note;
        description += fmt::format("\nLog it with: tend log {}", item.kind);
        for (const auto& event : events_of(item, config)) {
            add_line(out, "BEGIN", "VEVENT");
            add_line(out, "UID", fmt::format("{:016x}@tend", fingerprint(event.identity)));
            add_line(out, "DTSTAMP", ics_utc(now));
            add_line(out, "DTSTART", ics_local_time(event.first, event.second_of_day));
            add_line(out, "DURATION", fmt::format("PT{}M", session_minutes(item, config)));
            add_line(out, "RRULE", event.rule);
            add_line(out, "SUMMARY", ics_text(event.summary));
            add_line(out, "DESCRIPTION", ics_text(description));
            add_line(out, "TRANSP", "TRANSPARENT");
            add_line(out, "BEGIN", "VALARM");
            add_line(out, "ACTION", "DISPLAY");
            add_line(out, "DESCRIPTION", ics_text(event.summary));
            add_line(out, "TRIGGER", "PT0M");
            add_line(out, "END", "VALARM");
            add_line(out, "END", "VEVENT");
        }
    }
    add_line(out, "END", "VCALENDAR");
    return out;
}

}  // namespace tend::render
