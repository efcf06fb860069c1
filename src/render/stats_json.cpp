// The summary as a stable JSON object; numbers are plain numbers, dates local YYYY-MM-DD.
#include "render/stats_json.h"

#include <cmath>

#include "render/flag_text.h"
#include "render/stats_text.h"

namespace tend::render {

namespace {

Json optional_fraction(const std::optional<double>& value) {
    return value ? rounded(*value, 3) : Json();
}

std::string_view mark_name(DayMark mark) {
    switch (mark) {
        case DayMark::done:
            return "done";
        case DayMark::partly:
            return "partly";
        case DayMark::missed:
            return "missed";
        case DayMark::not_due:
            return "not-due";
        case DayMark::to_come:
            return "to-come";
        case DayMark::rest:
            return "rest";
    }
    return "not-due";
}

Json item_json(const ItemSummary& item) {
    Json json = Json::object();
    json.set("item", item.label);
    json.set("number", static_cast<std::int64_t>(item.number));
    json.set("kind", item.kind);
    json.set("unit", item.total_field.empty() ? Json("sessions") : Json(item.total_field));
    json.set("expected", rounded(item.adherence.expected, 2));
    json.set("done", rounded(item.adherence.credited, 2));
    json.set("adherence", optional_fraction(item.adherence.fraction()));
    json.set("previous_adherence", optional_fraction(item.previous_adherence));
    Json so_far;
    if (const auto& open = item.adherence.open) {
        so_far = Json::object();
        so_far.set("from", format_date(open->first));
        so_far.set("to", format_date(open->last));
        so_far.set("expected", rounded(open->expected, 2));
        so_far.set("done", rounded(open->done, 2));
    }
    json.set("so_far", std::move(so_far));
    Json days = Json::array();
    for (const auto mark : item.days)
        days.push(Json(mark_name(mark)));
    json.set("days", std::move(days));
    return json;
}

Json kind_json(const KindSummary& kind) {
    Json json = Json::object();
    json.set("count", kind.count);
    json.set("days", kind.days);
    Json fields = Json::object();
    for (const auto& field : kind.fields) {
        Json values = Json::object();
        values.set("n", field.n);
        values.set("mean", rounded(field.mean, 2));
        values.set("min", rounded(field.min, 2));
        values.set("max", rounded(field.max, 2));
        values.set("sum", rounded(field.sum, 2));
        values.set("previous_mean",
                   field.previous_mean ? rounded(*field.previous_mean, 2) : Json());
        values.set("change", field.meaningful_change > 0   ? Json("better")
                             : field.meaningful_change < 0 ? Json("worse")
                                                           : Json());
        if (!field.daily_means.empty()) {
            Json daily = Json::array();
            for (const auto& mean : field.daily_means)
                daily.push(mean ? rounded(*mean, 2) : Json());
            values.set("daily_means", std::move(daily));
        }
        fields.set(field.field, std::move(values));
    }
    json.set("fields", std::move(fields));
    return json;
}

Json milestone_json(const Milestone& milestone, std::string what) {
    Json json = Json::object();
    json.set("what", std::move(what));
    json.set("date", format_date(milestone.date));
    json.set("days_ago", milestone.days_ago);
    return json;
}

Json week_json(const WeekRow& row, const WeeklyTable& table) {
    Json json = Json::object();
    json.set("from", format_date(*row.days.from));
    json.set("to", format_date(*row.days.to));
    json.set("days_logged", row.days_logged);
    json.set("entries", row.entries);
    json.set("adherence", optional_fraction(row.adherence));
    Json sessions = Json::object();
    for (std::size_t index = 0; index < table.plan_kinds.size(); ++index)
        sessions.set(table.plan_kinds[index], row.sessions[index]);
    json.set("sessions", std::move(sessions));
    Json pain = Json::object();
    for (std::size_t index = 0; index < table.pain_fields.size(); ++index) {
        const auto& cell = row.pain[index];
        Json values;
        if (cell) {
            values = Json::object();
            values.set("n", cell->n);
            values.set("mean", rounded(cell->mean, 2));
            values.set("max", rounded(cell->max, 2));
        }
        pain.set(table.pain_fields[index].name(), std::move(values));
    }
    json.set("pain", std::move(pain));
    Json highest = Json::object();
    for (std::size_t index = 0; index < table.progressions.size(); ++index)
        highest.set(table.progressions[index].name(),
                    row.highest[index] ? Json(*row.highest[index]) : Json());
    json.set("highest", std::move(highest));
    return json;
}

}  // namespace

Json stats_json(const StatsReport& report) {
    Json json = Json::object();
    json.set("period", period_json(report.period));
    json.set("previous", report.previous ? period_json(*report.previous) : Json());
    json.set("days_logged", report.days_logged);
    json.set("entries", report.entries);
    json.set("rest_days", report.rest_days);
    Json plan = Json::array();
    for (const auto& item : report.items)
        plan.push(item_json(item));
    json.set("plan", std::move(plan));
    json.set("adherence", optional_fraction(report.adherence));
    json.set("previous_adherence", optional_fraction(report.previous_adherence));
    Json kinds = Json::object();
    for (const auto& kind : report.kinds)
        kinds.set(kind.kind, kind_json(kind));
    json.set("kinds", std::move(kinds));
    Json progression = Json::array();
    for (const auto& item : report.progression) {
        Json entry = Json::object();
        entry.set("kind", item.kind);
        entry.set("field", item.field);
        entry.set("highest", item.highest);
        entry.set("first_reached", format_date(item.first_reached));
        entry.set("highest_before", item.highest_before ? Json(*item.highest_before) : Json());
        Json steps = Json::array();
        for (const auto& step : item.step_backs) {
            Json one = Json::object();
            one.set("date", format_date(step.date));
            one.set("from", step.from);
            one.set("to", step.to);
            steps.push(std::move(one));
        }
        entry.set("step_backs", std::move(steps));
        progression.push(std::move(entry));
    }
    json.set("progression", std::move(progression));
    Json streaks = Json::array();
    for (const auto& streak : report.streaks) {
        Json entry = Json::object();
        entry.set("item", streak.label);
        entry.set("current", streak.current);
        entry.set("longest", streak.longest);
        entry.set("through", format_date(streak.through));
        streaks.push(std::move(entry));
    }
    json.set("streaks", std::move(streaks));
    Json flags = Json::array();
    for (const auto& flag : report.flags) {
        Json entry = Json::object();
        entry.set("id", std::string(flag.id()));
        entry.set("message", flag_sentence(flag));
        flags.push(std::move(entry));
    }
    json.set("flags", std::move(flags));
    Json procedures = Json::array();
    for (const auto& procedure : report.procedures)
        procedures.push(milestone_json(procedure, procedure.what));
    json.set("procedures", std::move(procedures));
    json.set("last_visit", report.last_visit
                               ? milestone_json(*report.last_visit, visit_words(*report.last_visit))
                               : Json());
    Json weeks = Json::array();
    for (const auto& row : report.weekly.rows)
        weeks.push(week_json(row, report.weekly));
    json.set("weeks", std::move(weeks));
    return json;
}

}  // namespace tend::render
