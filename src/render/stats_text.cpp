// The summary in the terminal: header, plan, kinds, progression, streaks, flags, milestones.
#include "render/stats_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render/colour.h"
#include "render/flag_text.h"
#include "render/numbers.h"
#include "render/plan_text.h"
#include "render/table.h"

namespace tend::render {

namespace {

std::string strip(const std::vector<DayMark>& days, bool color) {
    std::string text;
    for (const auto mark : days) {
        switch (mark) {
            case DayMark::done:
                text += paint("●", Tone::good, color);
                break;
            case DayMark::partly:
                text += paint("◐", Tone::open, color);
                break;
            case DayMark::missed:
                text += paint("○", Tone::plain, color);
                break;
            case DayMark::not_due:
                text += paint("·", Tone::quiet, color);
                break;
            case DayMark::to_come:
                text += " ";
                break;
            case DayMark::rest:
                text += paint("-", Tone::rest, color);
                break;
        }
    }
    return text;
}

std::string sparkline(const FieldSummary& field) {
    constexpr std::string_view bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    const double range = field.scale_max - field.scale_min;
    std::string text;
    for (const auto& mean : field.daily_means) {
        if (!mean || range <= 0) {
            text += " ";
            continue;
        }
        const auto level = static_cast<int>(std::lround((*mean - field.scale_min) / range * 7));
        text += bars[std::clamp(level, 0, 7)];
    }
    return text;
}

std::string amount(const ItemSummary& item, double value, const Config& config) {
    if (!item.total_field.empty() && is_duration(config, item.kind, item.total_field))
        return format_minutes(std::llround(value));
    return format_number(value);
}

std::string change_words(const std::optional<double>& now, const std::optional<double>& before) {
    if (!now || !before) return "";
    if (std::lround(*now * 100) == std::lround(*before * 100)) return "same as before";
    return fmt::format("was {}", format_percent(*before));
}

// "1 of 3 so far": the window still open, which no percentage counts yet.
std::string so_far(const ItemSummary& item, const Window& open, const Config& config) {
    return fmt::format("{} of {} so far", amount(item, open.done, config),
                       amount(item, open.expected, config));
}

// Done of due over the closed windows, else what the open one has so far, else words.
std::string done_of_due(const ItemSummary& item, const Config& config) {
    const Adherence& adherence = item.adherence;
    if (adherence.expected > 0)
        return fmt::format("{}/{}", amount(item, adherence.credited, config),
                           amount(item, adherence.expected, config));
    if (adherence.open) return so_far(item, *adherence.open, config);
    return "nothing due yet";
}

// After the strip: the open window next to closed ones ("and 1 of 3 so far"), then the change.
std::string after_strip(const ItemSummary& item, const Config& config) {
    std::string words;
    if (item.adherence.expected > 0 && item.adherence.open)
        words = "and " + so_far(item, *item.adherence.open, config);
    const std::string change = change_words(item.adherence.fraction(), item.previous_adherence);
    if (!words.empty() && !change.empty()) words += " · ";
    return words + change;
}

void plan_section(std::string& out, const StatsReport& report, const Config& config, bool color) {
    if (report.items.empty()) return;
    out += "\nPlan\n";
    for (const auto& item : report.items) {
        const auto fraction = item.adherence.fraction();
        out += fmt::format("  {:<18.18} {:>11}  {:>4}  {}  {}\n", item.label,
                           done_of_due(item, config), fraction ? format_percent(*fraction) : "-",
                           strip(item.days, color), after_strip(item, config));
    }
    if (report.adherence)
        out += fmt::format("  {:<18} {:>11}  {:>4}  {}\n", "Overall", "",
                           format_percent(*report.adherence),
                           change_words(report.adherence, report.previous_adherence));
    bool any_rest = false;
    for (const auto& item : report.items)
        for (const auto mark : item.days)
            any_rest = any_rest || mark == DayMark::rest;
    out += fmt::format("  ● done  ◐ part  ○ missed  · not due{}\n", any_rest ? "  - rest" : "");
}

void kinds_section(std::string& out, const StatsReport& report, bool color) {
    if (report.kinds.empty()) return;
    out += "\nBy kind\n";
    for (const auto& kind : report.kinds) {
        std::string line = fmt::format("  {:<10} {} on {} day{}", kind.kind, kind.count, kind.days,
                                       kind.days == 1 ? "" : "s");
        for (const auto& field : kind.fields)
            if (field.type == FieldType::duration)
                line += fmt::format(" · {} in all", format_minutes(std::llround(field.sum)));
        out += line + "\n";
        // Labels such as "pain before" get the room they need, so "mean" never touches them.
        std::size_t label_width = 10;
        for (const auto& field : kind.fields)
            label_width = std::max(label_width, field.label.size());
        for (const auto& field : kind.fields) {
            if (field.type == FieldType::duration && field.n == kind.count) continue;
            std::string row = fmt::format("    {:<{}} mean {:<4} min {:<3} max {:<3}", field.label,
                                          label_width, format_number(field.mean),
                                          format_number(field.min), format_number(field.max));
            if (!field.daily_means.empty()) row += " " + sparkline(field);
            if (field.previous_mean)
                row += fmt::format("  was {}", format_number(*field.previous_mean));
            if (field.meaningful_change != 0)
                row += " " + paint(field.meaningful_change > 0 ? "better" : "worse",
                                   field.meaningful_change > 0 ? Tone::good : Tone::open, color);
            out += row + "\n";
        }
    }
}

void progress_section(std::string& out, const StatsReport& report) {
    if (!report.progression.empty()) out += "\nProgression\n";
    for (const auto& item : report.progression) {
        std::string line = fmt::format("  {} {} {}, first on {}", item.kind, item.field,
                                       item.highest, format_short_date(item.first_reached));
        if (item.highest_before && item.highest > *item.highest_before)
            line += fmt::format(" (up from {})", *item.highest_before);
        for (const auto& step : item.step_backs)
            line += fmt::format("; back to {} on {}", step.to, format_short_date(step.date));
        out += line + "\n";
    }
    if (!report.streaks.empty()) out += "\nStreaks (days fully done)\n";
    for (const auto& streak : report.streaks) {
        const std::string when =
            streak.up_to_today ? "now" : "up to " + format_short_date(streak.through);
        out += fmt::format("  {:<18.18} {} {}, longest {}\n", streak.label, streak.current, when,
                           streak.longest);
    }
}

// Lines end where their text ends: an empty last column leaves no trailing spaces.
std::string without_trailing_spaces(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line;
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string visit_words(const Milestone& visit) {
    return visit.what.empty() ? "visit" : fmt::format("visit ({})", visit.what);
}

namespace {

void notes_section(std::string& out, const StatsReport& report) {
    if (!report.flags.empty()) out += "\nWorth knowing\n";
    for (const auto& flag : report.flags)
        out += wrapped_text(flag_sentence(flag), "  - ", "    ");
    if (report.procedures.empty() && !report.last_visit) return;
    out += "\nMilestones\n";
    const auto days = [](int count) {
        return count == 1 ? std::string("1 day") : fmt::format("{} days", count);
    };
    for (const auto& procedure : report.procedures)
        out += fmt::format("  {}: {} ago ({})\n", procedure.what, days(procedure.days_ago),
                           format_short_date(procedure.date));
    if (report.last_visit)
        out += fmt::format("  Last {}: {} ago ({})\n", visit_words(*report.last_visit),
                           days(report.last_visit->days_ago),
                           format_short_date(report.last_visit->date));
}

}  // namespace

std::string stats_heading(const StatsReport& report) {
    std::string out = fmt::format("{} - {}\n", format_day_heading(*report.period.from),
                                  format_day_heading(*report.period.to));
    if (report.entries == 0 && report.rest_days == 0)
        return out +
               "Nothing logged in this period yet. Entries you add with 'tend log' show up here.\n";
    const int length = report.period.length();
    const std::string entries =
        report.entries == 1 ? std::string("1 entry") : fmt::format("{} entries", report.entries);
    const auto of_days = [](std::int64_t days) { return days == 1 ? "day" : "days"; };
    if (report.days_so_far > 0 && report.days_so_far < length)
        out += fmt::format("{} on {} of {} {} so far", entries, report.days_logged,
                           report.days_so_far, of_days(report.days_so_far));
    else
        out +=
            fmt::format("{} on {} of {} {}", entries, report.days_logged, length, of_days(length));
    if (report.rest_days > 0)
        out += fmt::format("; {} rest {}", report.rest_days, of_days(report.rest_days));
    if (report.previous)
        out += fmt::format(" · compared with {} - {}", format_short_date(*report.previous->from),
                           format_short_date(*report.previous->to));
    return out + "\n";
}

std::string stats_text(const StatsReport& report, const Config& config, bool color) {
    std::string out = stats_heading(report);
    if (report.entries == 0 && report.rest_days == 0) return out;
    plan_section(out, report, config, color);
    kinds_section(out, report, color);
    progress_section(out, report);
    notes_section(out, report);
    return without_trailing_spaces(out);
}

}  // namespace tend::render
