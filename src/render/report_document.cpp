// The visit report as sections: summary, programme, symptoms, progression, flags, treatments,
// visits, notes and questions.
#include "render/report_document.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "render/entry_text.h"
#include "render/flag_text.h"
#include "render/numbers.h"
#include "render/plan_text.h"

namespace tend::render {

namespace {

using std::chrono::days;

std::string plural(int count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::vector<std::string> summary_sentences(const VisitReport& report, const Config& config) {
    const StatsReport& stats = report.stats;
    const auto length = static_cast<int>((*report.period.to - *report.period.from).count() + 1);
    if (stats.entries == 0) return {"Nothing was logged in this period."};
    std::vector<std::string> sentences = {fmt::format("{} on {} of {} days.",
                                                      plural(stats.entries, "entry", "entries"),
                                                      stats.days_logged, length)};
    if (stats.adherence)
        sentences.push_back(fmt::format("Home programme: {} logged, overall adherence {}.",
                                        plural(report.sessions, "session", "sessions"),
                                        format_percent(*stats.adherence)));
    if (const auto& trend = report.outcome) {
        const double change = trend->last_mean - trend->first_mean;
        std::string sentence = fmt::format(
            "{} went from a weekly mean of {} (week of {}) to {} (week of {})",
            capitalized(field_words(trend->field, config)), format_number(trend->first_mean),
            format_date_in(trend->first_week, report.period), format_number(trend->last_mean),
            format_date_in(trend->last_week, report.period));
        if (format_number(std::abs(change)) == "0")
            sentence += ": about the same.";
        else if (trend->meaningful_change != 0)
            sentence += fmt::format(": {} {}, a meaningful change for the {}.",
                                    format_points(change), change < 0 ? "lower" : "higher",
                                    trend->meaningful_change > 0 ? "better" : "worse");
        else
            sentence += fmt::format(": {} {}, under the 2 points that count as meaningful.",
                                    format_points(change), change < 0 ? "lower" : "higher");
        sentences.push_back(sentence);
    }
    for (const auto& progression : stats.progression) {
        std::string sentence = fmt::format(
            "Highest {} {}: {}, first on {}", progression.kind, progression.field,
            progression.highest, format_date_in(progression.first_reached, report.period));
        if (progression.highest_before && progression.highest > *progression.highest_before)
            sentence += fmt::format(" (up from {})", *progression.highest_before);
        if (!progression.step_backs.empty())
            sentence += fmt::format("; {}", plural(static_cast<int>(progression.step_backs.size()),
                                                   "step back", "steps back"));
        sentences.push_back(sentence + ".");
    }
    return sentences;
}

// Done of due over the closed windows ("5 of 6"), and what the window still open has so far
// ("5 of 6 and 1 of 1 so far", "1 of 3 so far"), or "nothing due yet". `of` and `and` are
// " of " and " and " in the programme table, "/" and ", " in the narrower weekly one.
std::string done_of_due(const PlanItem& item, const Adherence& adherence, std::string_view of,
                        std::string_view and_then, const Config& config) {
    std::string text;
    if (adherence.expected > 0)
        text = fmt::format("{}{}{}", format_amount(item, adherence.credited, config), of,
                           format_amount(item, adherence.expected, config));
    if (adherence.open)
        text += fmt::format("{}{}{}{} so far", text.empty() ? "" : and_then,
                            format_amount(item, adherence.open->done, config), of,
                            format_amount(item, adherence.open->expected, config));
    return text.empty() ? "nothing due yet" : text;
}

// "14-17 Oct: period", "30 Oct - 2 Nov (dilate, massage): travel", "3 Nov".
std::string rest_line(const RestRun& run) {
    std::string line = format_short_date(run.first);
    if (run.last != run.first)
        line = month_of(run.first) == month_of(run.last)
                   ? fmt::format("{}-{}", day_of(run.first), format_short_date(run.last))
                   : fmt::format("{} - {}", line, format_short_date(run.last));
    std::string kinds;
    for (const auto& kind : run.kinds)
        kinds += (kinds.empty() ? "" : ", ") + kind;
    if (!kinds.empty()) line += fmt::format(" ({})", kinds);
    return run.reason.empty() ? line : fmt::format("{}: {}", line, run.reason);
}

Section programme_section(const VisitReport& report, const Config& config) {
    Section section{"Home programme and adherence", {}};
    const StatsReport& stats = report.stats;
    if (stats.items.empty()) {
        section.blocks.push_back(Paragraph{"No plan items were in force in this period."});
        return section;
    }
    Table items{{"Item", "Schedule", "Done", "Adherence"}, {}, {false, false, true, true}};
    for (std::size_t index = 0; index < stats.items.size(); ++index) {
        const ItemSummary& summary = stats.items[index];
        const PlanItem& item = report.items[index];
        const auto fraction = summary.adherence.fraction();
        items.rows.push_back({summary.label, describe_rules(item, config),
                              done_of_due(item, summary.adherence, " of ", " and ", config),
                              fraction ? format_percent(*fraction) : "-"});
    }
    if (stats.adherence)
        items.rows.push_back({"Overall (in sessions)", "", "", format_percent(*stats.adherence)});
    section.blocks.push_back(std::move(items));

    section.blocks.push_back(Subheading{"Per week"});
    Table weeks{{"Week of"}, {}, {false}};
    for (const auto& item : stats.items) {
        weeks.headings.push_back(item.label);
        weeks.numeric.push_back(true);
    }
    weeks.headings.push_back("Overall");
    weeks.numeric.push_back(true);
    for (const auto& row : stats.weekly.rows) {
        std::vector<std::string> cells = {format_date_in(*row.days.from, report.period)};
        for (std::size_t index = 0; index < row.items.size(); ++index) {
            const Adherence& adherence = row.items[index];
            cells.push_back(adherence.expected > 0 || adherence.open
                                ? done_of_due(report.items[index], adherence, "/", ", ", config)
                                : "-");
        }
        cells.push_back(row.adherence ? format_percent(*row.adherence) : "-");
        weeks.rows.push_back(std::move(cells));
    }
    section.blocks.push_back(std::move(weeks));
    section.blocks.push_back(
        Paragraph{"Done of due per week. A window (a day, a block of days, a week) counts in the "
                  "week that holds most of its days; \"so far\": a window still open, counted "
                  "once it closes; \"-\": nothing was due."});
    if (!report.rests.empty()) {
        section.blocks.push_back(Subheading{"Rest days"});
        Bullets rests;
        for (const auto& run : report.rests)
            rests.items.push_back(rest_line(run));
        section.blocks.push_back(std::move(rests));
        section.blocks.push_back(Paragraph{"Rest days were neither due nor missed."});
    }
    return section;
}

Section symptoms_section(const VisitReport& report, const Config& config) {
    Section section{"Symptoms", {}};
    if (report.measures.empty())
        section.blocks.push_back(Paragraph{"No symptom scales in this report's kinds."});
    for (const auto& measure : report.measures) {
        const std::string name = capitalized(field_words(measure.field, config));
        const std::string scale = fmt::format("{}-{}", format_number(measure.scale_min),
                                              format_number(measure.scale_max));
        section.blocks.push_back(Subheading{fmt::format("{} ({})", name, scale)});
        if (measure.points.empty()) {
            section.blocks.push_back(Paragraph{"No entries in this period."});
            continue;
        }
        Chart chart;
        chart.title = fmt::format("{}, {}", name, period_words(report.period));
        const KindSpec* kind = config.profile.kind(measure.field.kind);
        const FieldSpec* field = kind ? kind->field(measure.field.field) : nullptr;
        chart.y_label =
            fmt::format("{} ({})", field ? field->display_name() : measure.field.field, scale);
        chart.x = report.period;
        chart.y_min = measure.scale_min;
        chart.y_max = measure.scale_max;
        for (const auto& point : measure.points)
            chart.points.push_back({point.date, point.value, false});
        Table table{{"Week of", "Mean", "Highest", "Entries"}, {}, {false, true, true, true}};
        const auto& rows = report.stats.weekly.rows;
        for (std::size_t index = 0; index < rows.size(); ++index) {
            const auto& cell = measure.weeks[index];
            if (!cell) continue;
            const Period& week = rows[index].days;
            // The weekly mean sits in the middle of the week's days.
            const Date middle = *week.from + days{(*week.to - *week.from).count() / 2};
            chart.line.push_back({middle, cell->mean, false});
            table.rows.push_back({format_date_in(*week.from, report.period),
                                  format_number(cell->mean), format_number(cell->max),
                                  fmt::format("{}", cell->n)});
        }
        section.blocks.push_back(std::move(chart));
        section.blocks.push_back(std::move(table));
    }
    return section;
}

Section progression_section(const VisitReport& report) {
    Section section{"Progression", {}};
    if (report.progression.empty())
        section.blocks.push_back(Paragraph{"No progression was logged in this period."});
    for (const auto& series : report.progression) {
        const std::string name =
            capitalized(fmt::format("{} {}", series.field.kind, series.field.field));
        section.blocks.push_back(Subheading{name});
        Chart chart;
        chart.style = Chart::Style::steps;
        chart.title = fmt::format("{}, {}", name, period_words(report.period));
        chart.y_label = series.field.field;
        chart.x = report.period;
        chart.y_min = 0;
        chart.y_max = static_cast<double>(series.scale_max);
        Table changes{{"Date", capitalized(series.field.field), "Note"}, {}, {false, true, false}};
        std::optional<std::int64_t> before;
        for (const auto& point : series.points) {
            chart.points.push_back({point.date, static_cast<double>(point.value), point.step_back});
            if (before != point.value)
                changes.rows.push_back({format_date_in(point.date, report.period),
                                        fmt::format("{}", point.value),
                                        point.step_back ? "step back" : ""});
            before = point.value;
        }
        section.blocks.push_back(std::move(chart));
        section.blocks.push_back(std::move(changes));
    }
    return section;
}

std::string entry_details(const Entry& entry, const Config& config) {
    const std::string values = describe_values(entry, config);
    return values.empty() ? "-" : values;
}

Section treatments_section(const VisitReport& report, const Config& config) {
    Section section{"Medications and procedures", {}};
    if (report.treatments.empty()) {
        section.blocks.push_back(Paragraph{"None logged in this period."});
    } else {
        Table table{{"Date", "Kind", "Details"}, {}, {false, false, false}};
        for (const auto& entry : report.treatments)
            table.rows.push_back({format_date_in(entry.at.local_date(), report.period), entry.kind,
                                  entry_details(entry, config)});
        section.blocks.push_back(std::move(table));
    }
    Bullets since;
    for (const auto& procedure : report.stats.procedures)
        since.items.push_back(fmt::format(
            "{}: {} ago ({} {})", procedure.what, plural(procedure.days_ago, "day", "days"),
            format_short_date(procedure.date), year_of(procedure.date)));
    if (!since.items.empty()) {
        section.blocks.push_back(Paragraph{"Days since each procedure:"});
        section.blocks.push_back(std::move(since));
    }
    return section;
}

Section visits_section(const VisitReport& report, const Config& config) {
    Section section{"Visits", {}};
    if (report.visits.empty()) {
        section.blocks.push_back(Paragraph{"No visits in this period."});
        return section;
    }
    Table table{{"Date", "Details"}, {}, {false, false}};
    for (const auto& entry : report.visits)
        table.rows.push_back(
            {format_date_in(entry.at.local_date(), report.period), entry_details(entry, config)});
    section.blocks.push_back(std::move(table));
    return section;
}

Section notes_section(const VisitReport& report) {
    Section section{"Notes", {}};
    Bullets notes;
    for (const auto& entry : report.notes_list)
        notes.items.push_back(fmt::format("{}, {}: {}",
                                          format_date_in(entry.at.local_date(), report.period),
                                          entry.kind, entry.note));
    if (notes.items.empty())
        section.blocks.push_back(Paragraph{"No notes in this period."});
    else
        section.blocks.push_back(std::move(notes));
    return section;
}

Section questions_section(const VisitReport& report) {
    Section section{"Questions for this visit", {}};
    Bullets questions{{}, true};
    for (const auto& entry : report.questions)
        questions.items.push_back(entry.note.empty() ? "(a question without text)" : entry.note);
    if (questions.items.empty())
        section.blocks.push_back(Paragraph{"No open questions."});
    else
        section.blocks.push_back(std::move(questions));
    return section;
}

}  // namespace

std::string field_words(const FieldRef& field, const Config& config) {
    const KindSpec* kind = config.profile.kind(field.kind);
    const FieldSpec* spec = kind ? kind->field(field.field) : nullptr;
    const std::string name = spec ? std::string(spec->display_name()) : field.field;
    return name == field.kind ? name : fmt::format("{} {}", field.kind, name);
}

std::string period_words(const Period& period) {
    const int first_year = year_of(*period.from);
    const int last_year = year_of(*period.to);
    if (first_year == last_year)
        return fmt::format("{} - {} {}", format_short_date(*period.from),
                           format_short_date(*period.to), last_year);
    return fmt::format("{} {} - {} {}", format_short_date(*period.from), first_year,
                       format_short_date(*period.to), last_year);
}

std::string capitalized(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

Document visit_document(const VisitReport& report, const Config& config) {
    Document document;
    document.title = report.name.empty() ? "Visit notes" : "Visit notes: " + report.name;
    const auto length = (*report.period.to - *report.period.from).count() + 1;
    std::string covered = fmt::format("{} ({} days)", period_words(report.period), length);
    if (report.last_visit && *report.last_visit + days{1} == *report.period.from)
        covered += fmt::format(", since the visit on {}", format_day_heading(*report.last_visit));
    document.lines = {covered,
                      fmt::format("Made on {} with tend", format_day_heading(report.generated))};
    Section summary{"Summary", {Bullets{summary_sentences(report, config), false}}};
    document.sections.push_back(std::move(summary));
    document.sections.push_back(programme_section(report, config));
    document.sections.push_back(symptoms_section(report, config));
    document.sections.push_back(progression_section(report));
    Section flags{"Worth knowing", {}};
    Bullets messages;
    for (const auto& flag : report.stats.flags)
        messages.items.push_back(flag_sentence(flag));
    if (messages.items.empty())
        flags.blocks.push_back(Paragraph{"Nothing stood out in this period."});
    else
        flags.blocks.push_back(std::move(messages));
    document.sections.push_back(std::move(flags));
    document.sections.push_back(treatments_section(report, config));
    document.sections.push_back(visits_section(report, config));
    if (report.notes) {
        document.sections.push_back(notes_section(report));
        document.sections.push_back(questions_section(report));
    }
    return document;
}

}  // namespace tend::render
