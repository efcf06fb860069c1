// The trend view for the terminal: one row per week.
#include "render/weekly_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "render/numbers.h"
#include "render/stats_text.h"
#include "render/table.h"

namespace tend::render {

namespace {

// A pain field is headed by its kind ("sex"), unless the kind has more than one.
std::string pain_heading(const std::vector<FieldRef>& fields, const FieldRef& field) {
    const auto same_kind = std::count_if(fields.begin(), fields.end(), [&](const FieldRef& other) {
        return other.kind == field.kind;
    });
    return same_kind > 1 ? field.name() : field.kind;
}

// A progression field is headed by its name ("size"), unless another kind's has the same.
std::string progression_heading(const std::vector<FieldRef>& fields, const FieldRef& field) {
    const auto same_name = std::count_if(fields.begin(), fields.end(), [&](const FieldRef& other) {
        return other.field == field.field;
    });
    return same_name > 1 ? field.name() : field.field;
}

// "size" when every progression field is called so, "level reached" otherwise.
std::string progression_words(const StatsReport& report) {
    const auto& fields = report.weekly.progressions;
    const bool one_name = std::all_of(fields.begin(), fields.end(), [&](const FieldRef& field) {
        return field.field == fields.front().field;
    });
    return one_name ? fields.front().field : "level reached";
}

TableColumn week_column(const StatsReport& report) {
    TableColumn column{"Week of", {}, true};
    for (const auto& row : report.weekly.rows)
        column.cells.push_back(format_date_in(*row.days.from, report.period));
    return column;
}

std::vector<TableColumn> session_columns(const StatsReport& report) {
    const WeeklyTable& table = report.weekly;
    std::vector<TableColumn> columns = {
        week_column(report), {"Days", {}, false}, {"Entries", {}, false}};
    if (!table.plan_kinds.empty()) columns.push_back({"Plan", {}, false});
    for (const auto& kind : table.plan_kinds)
        columns.push_back({kind, {}, false});
    for (const auto& row : table.rows) {
        // The current week counts its days so far, as the heading does ("on 3 of 80 days so far").
        columns[1].cells.push_back(fmt::format("{}/{}", row.days_logged, row.days_so_far));
        columns[2].cells.push_back(fmt::format("{}", row.entries));
        if (table.plan_kinds.empty()) continue;
        columns[3].cells.push_back(row.adherence ? format_percent(*row.adherence) : "-");
        for (std::size_t kind = 0; kind < row.sessions.size(); ++kind)
            columns[4 + kind].cells.push_back(fmt::format("{}", row.sessions[kind]));
    }
    return columns;
}

std::vector<TableColumn> symptom_columns(const StatsReport& report) {
    const WeeklyTable& table = report.weekly;
    std::vector<TableColumn> columns = {week_column(report)};
    for (const auto& field : table.pain_fields)
        columns.push_back({pain_heading(table.pain_fields, field), {}, false});
    for (const auto& field : table.progressions)
        columns.push_back({progression_heading(table.progressions, field), {}, false});
    for (const auto& row : table.rows) {
        std::size_t column = 1;
        for (const auto& pain : row.pain)
            columns[column++].cells.push_back(
                pain ? fmt::format("{}/{}", format_number(pain->mean), format_number(pain->max))
                     : "-");
        for (const auto& highest : row.highest)
            columns[column++].cells.push_back(highest ? fmt::format("{}", *highest) : "-");
    }
    return columns;
}

}  // namespace

std::string weekly_text(const StatsReport& report) {
    std::string out = stats_heading(report);
    if ((report.entries == 0 && report.rest_days == 0) || report.weekly.rows.empty()) return out;
    out += "\nSessions";
    if (!report.weekly.plan_kinds.empty())
        out += " (Plan: the share of what was due that was done)";
    out += "\n" + table_text(session_columns(report));
    if (report.weekly.pain_fields.empty() && report.weekly.progressions.empty()) return out;
    out += "\nPain (mean/highest)";
    if (!report.weekly.progressions.empty()) out += " and the highest " + progression_words(report);
    out += "\n";
    return out + table_text(symptom_columns(report));
}

}  // namespace tend::render
