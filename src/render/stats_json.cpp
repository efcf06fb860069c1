// The summary as a stable JSON object; numbers are plain numbers, dates local YYYY-MM-DD.
#include "render/stats_json.h"

#include <cmath>

namespace tend::render {

namespace {

Json rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return Json(std::round(value * scale) / scale);
}

Json optional_fraction(const std::optional<double>& value) {
    return value ? rounded(*value, 3) : Json();
}

Json period_json(const Period& period) {
    Json json = Json::object();
    json.set("from", period.from ? Json(format_date(*period.from)) : Json());
    json.set("to", period.to ? Json(format_date(*period.to)) : Json());
    return json;
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

Json milestone_json(const Milestone& milestone) {
    Json json = Json::object();
    json.set("what", milestone.what);
    json.set("date", format_date(milestone.date));
    json.set("days_ago", milestone.days_ago);
    return json;
}

}  // namespace

Json stats_json(const StatsReport& report) {
    Json json = Json::object();
    json.set("period", period_json(report.period));
    json.set("previous", report.previous ? period_json(*report.previous) : Json());
    json.set("days_logged", report.days_logged);
    json.set("entries", report.entries);
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
        streaks.push(std::move(entry));
    }
    json.set("streaks", std::move(streaks));
    Json flags = Json::array();
    for (const auto& flag : report.flags) {
        Json entry = Json::object();
        entry.set("id", flag.id);
        entry.set("message", flag.message);
        flags.push(std::move(entry));
    }
    json.set("flags", std::move(flags));
    Json procedures = Json::array();
    for (const auto& procedure : report.procedures)
        procedures.push(milestone_json(procedure));
    json.set("procedures", std::move(procedures));
    json.set("last_visit", report.last_visit ? milestone_json(*report.last_visit) : Json());
    return json;
}

}  // namespace tend::render
