// The visit report as JSON.
#include "render/report_json.h"

#include "render/entry_text.h"
#include "render/report_document.h"
#include "render/stats_json.h"

namespace tend::render {

namespace {

Json optional_number(const std::optional<double>& value) {
    return value ? Json(*value) : Json();
}

Json dates_json(const std::vector<Date>& days) {
    Json array = Json::array();
    for (const auto day : days)
        array.push(format_date(day));
    return array;
}

Json window_json(const OutcomeWindow& window) {
    Json json = Json::object();
    json.set("period", period_json(window.days));
    json.set("n", static_cast<int>(window.points.size()));
    Json values = Json::array();
    for (const auto& point : window.points) {
        Json one = Json::object();
        one.set("date", format_date(point.date));
        one.set("value", point.value);
        values.push(std::move(one));
    }
    json.set("values", std::move(values));
    json.set("mean", optional_number(window.mean));
    return json;
}

Json weeks_json(const std::vector<std::pair<Date, std::optional<double>>>& weeks) {
    Json array = Json::array();
    for (const auto& [start, adherence] : weeks) {
        Json one = Json::object();
        one.set("week", format_date(start));
        one.set("adherence", optional_number(adherence));
        array.push(std::move(one));
    }
    return array;
}

// Page 1 of the notes as data: the same facts, in the same order (docs/export.md).
Json glance_json(const VisitReport& report, const Config& config) {
    const Glance& glance = report.glance;
    Json json = Json::object();
    Json procedures = Json::array();
    for (const auto& procedure : glance.procedures) {
        Json one = Json::object();
        one.set("name", procedure.name);
        one.set("date", format_date(procedure.date));
        one.set("dose", procedure.dose);
        one.set("days_before_period_end", procedure.days_ago);
        one.set("entry", entry_json(procedure.entry));
        procedures.push(std::move(one));
    }
    json.set("procedures", std::move(procedures));
    json.set("programme_start",
             glance.programme_start ? Json(format_date(*glance.programme_start)) : Json());
    Json outcomes = Json::array();
    for (std::size_t index = 0; index < glance.outcomes.size(); ++index) {
        const OutcomeComparison& outcome = glance.outcomes[index];
        Json one = Json::object();
        one.set("field", outcome.field.name());
        one.set("words", field_phrase(outcome.field, config));
        one.set("scale_min", outcome.scale_min);
        one.set("scale_max", outcome.scale_max);
        one.set("baseline", window_json(outcome.baseline));
        one.set("now", window_json(outcome.now));
        one.set("minimum_n", OutcomeComparison::minimum_n);
        one.set("comparable", outcome.comparable);
        one.set("rule_applies", outcome.rule_applies);
        one.set("meaningful", outcome.meaningful);
        one.set("meaningful_change", outcome.meaningful_change);
        one.set("in_full", index < glance.outcomes_in_full);
        outcomes.push(std::move(one));
    }
    json.set("outcomes", std::move(outcomes));
    Json counts = Json::array();
    for (const auto& count : glance.yes_counts) {
        Json one = Json::object();
        one.set("field", count.field.name());
        one.set("words", field_phrase(count.field, config));
        one.set("yes", count.yes);
        one.set("n", count.n);
        counts.push(std::move(one));
    }
    json.set("yes_counts", std::move(counts));
    Json kind_days = Json::array();
    for (const auto& kind : glance.kind_days) {
        Json one = Json::object();
        one.set("kind", kind.kind);
        one.set("words", kind_words(kind.kind, config));
        one.set("days", kind.days);
        kind_days.push(std::move(one));
    }
    json.set("kind_days", std::move(kind_days));
    Json progression = Json::array();
    for (const auto& now : glance.progression) {
        Json one = Json::object();
        one.set("field", now.field.name());
        one.set("words", field_phrase(now.field, config));
        one.set("value", now.value);
        one.set("since", format_date(now.since));
        one.set("diameter_mm", optional_number(now.diameter));
        one.set("unit", now.unit);
        Json steps = Json::array();
        for (const auto& step : now.step_backs) {
            Json back = Json::object();
            back.set("date", format_date(step.date));
            back.set("from", step.from);
            back.set("to", step.to);
            steps.push(std::move(back));
        }
        one.set("step_backs", std::move(steps));
        progression.push(std::move(one));
    }
    json.set("progression", std::move(progression));
    Json adherence = Json::object();
    adherence.set("overall", optional_number(glance.adherence.overall));
    adherence.set("first_weeks", weeks_json(glance.adherence.first_weeks));
    adherence.set("last_weeks", weeks_json(glance.adherence.last_weeks));
    adherence.set("weeks_compared", glance.adherence.weeks_compared);
    adherence.set("rest_days", glance.adherence.rest_days);
    adherence.set("entries", glance.adherence.entries);
    adherence.set("days_logged", glance.adherence.days_logged);
    json.set("adherence", std::move(adherence));
    Json flags = Json::array();
    for (std::size_t index = 0; index < glance.flags.size(); ++index) {
        const FlagFacts& flag = glance.flags[index];
        Json one = Json::object();
        one.set("flag", flag.kind == Flag::Kind::gap ? "gap" : "persistent-pain");
        if (flag.kind == Flag::Kind::persistent_pain) one.set("level", flag.level);
        one.set("days", dates_json(flag.days));
        one.set("to_the_end", flag.to_the_end);
        one.set("on_page_one", index < glance.flags_on_page_one);
        flags.push(std::move(one));
    }
    json.set("flags", std::move(flags));
    Json questions = Json::array();
    for (std::size_t index = 0; index < report.questions.size(); ++index) {
        const Entry& question = report.questions[index];
        Json one = Json::object();
        one.set("asked", format_date(question.at.local_date()));
        one.set("question", question.note);
        one.set("on_page_one", index < glance.questions_on_page_one.size());
        questions.push(std::move(one));
    }
    json.set("open_questions", std::move(questions));
    Json notes = Json::array();
    Json quotes = Json::array();
    for (const auto& quote : glance.latest_notes) {
        notes.push(entry_json(quote.entry));
        Json one = Json::object();
        one.set("excerpt", quote.excerpt);
        one.set("shortened", quote.shortened);
        quotes.push(std::move(one));
    }
    json.set("latest_notes", std::move(notes));
    // Page 1's quotes of latest_notes, in the same order: one line, cut short with "…".
    json.set("quotes", std::move(quotes));
    return json;
}

}  // namespace

Json visit_report_json(const VisitReport& report, const Config& config) {
    Json json = Json::object();
    json.set("period", period_json(report.period));
    json.set("generated", format_date(report.generated));
    json.set("name", report.name);
    json.set("notes", report.notes);
    Json kinds = Json::array();
    for (const auto& kind : report.kinds)
        kinds.push(kind);
    json.set("kinds", std::move(kinds));
    json.set("from_visit", report.from_visit ? Json(format_iso(*report.from_visit)) : Json());
    json.set("at_a_glance", glance_json(report, config));
    Json medications = Json::array();
    for (const auto& group : report.treatment_groups) {
        Json one = Json::object();
        one.set("kind", group.kind);
        one.set("name", group.name);
        one.set("first", format_date(group.first));
        one.set("last", format_date(group.last));
        one.set("count", group.count);
        Json doses = Json::array();
        for (const auto& dose : group.doses)
            doses.push(dose);
        one.set("doses", std::move(doses));
        medications.push(std::move(one));
    }
    json.set("treatments", std::move(medications));
    Json entries = Json::array();
    for (const auto& entry : report.entries)
        entries.push(entry_json(entry));
    json.set("entries", std::move(entries));
    json.set("summary", stats_json(report.stats));
    return json;
}

}  // namespace tend::render
