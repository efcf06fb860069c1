// The visit report as sections: summary, programme, symptoms, progression, flags, treatments,
// visits, notes and questions.
#include "render/report_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "render/entry_text.h"
#include "render/flag_text.h"
#include "render/numbers.h"
#include "render/plan_text.h"
#include "tend/field_value.h"

namespace tend::render {

namespace {

using std::chrono::days;

std::string plural(int count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

// A section whose kinds --kind left out: "Not included (--kind dilate --kind sex)."
std::string not_included(const VisitReport& report) {
    std::string kinds;
    for (const auto& kind : report.kinds)
        kinds += (kinds.empty() ? "--kind " : " --kind ") + kind;
    return fmt::format("Not included ({}).", kinds);
}

// "sex or dilator": the kinds of the profile's outcomes, each once, in the profile's words.
std::string outcome_kind_words(const Config& config) {
    std::vector<std::string> kinds;
    for (const auto& outcome : config.profile.outcomes)
        if (std::string words = kind_words(outcome.kind, config);
            std::find(kinds.begin(), kinds.end(), words) == kinds.end())
            kinds.push_back(std::move(words));
    std::string text;
    for (std::size_t index = 0; index < kinds.size(); ++index)
        text += (index == 0 ? "" : index + 1 == kinds.size() ? " or " : ", ") + kinds[index];
    return text.empty() ? "the outcomes" : text;
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

// "14-17 Oct: period", "30 Oct - 2 Nov (dilator, massage): travel", "3 Nov".
std::string rest_line(const RestRun& run, const Config& config) {
    std::string line = format_short_date(run.first);
    if (run.last != run.first)
        line = month_of(run.first) == month_of(run.last)
                   ? fmt::format("{}-{}", day_of(run.first), format_short_date(run.last))
                   : fmt::format("{} - {}", line, format_short_date(run.last));
    std::string kinds;
    for (const auto& kind : run.kinds)
        kinds += (kinds.empty() ? "" : ", ") + kind_words(kind, config);
    if (!kinds.empty()) line += fmt::format(" ({})", kinds);
    return run.reason.empty() ? line : fmt::format("{}: {}", line, run.reason);
}

// "7, 6" for a few values, else their mean: what a side of an outcome's comparison shows.
std::string window_values(const OutcomeWindow& window) {
    if (window.points.empty()) return "no entries";
    std::string text;
    if (window.points.size() <= 4) {
        for (const auto& point : window.points)
            text += (text.empty() ? "" : ", ") + format_number(point.value);
    } else {
        text = "mean " + format_number(*window.mean);
    }
    return fmt::format("{} (n={}, {})", text, window.points.size(),
                       format_days(*window.days.from, *window.days.to));
}

// "Pain during sex (0-10)"; a number without a range is named alone ("Weight").
std::string outcome_name(const OutcomeComparison& outcome, const Config& config) {
    std::string name = capitalized(field_phrase(outcome.field, config));
    if (outcome.rule_applies)
        name += fmt::format(" ({}-{})", format_number(outcome.scale_min),
                            format_number(outcome.scale_max));
    return name;
}

// What the change between the sides is: ": mean 3.3 points lower, a meaningful change for the
// better". The sides are on two different weeks.
std::string outcome_change(const OutcomeComparison& outcome) {
    if (!outcome.comparable)
        return fmt::format(": too few entries to compare (fewer than {} on a side)",
                           OutcomeComparison::minimum_n);
    const double change = *outcome.now.mean - *outcome.baseline.mean;
    if (format_number(std::abs(change)) == "0") return ": about the same";
    if (!outcome.rule_applies)  // a number without a range: its change, and no rule to apply
        return fmt::format(": mean {} {}", format_number(std::abs(change)),
                           change < 0 ? "lower" : "higher");
    std::string words =
        fmt::format(": mean {} {}", format_points(change), change < 0 ? "lower" : "higher");
    if (!outcome.meaningful) return words + ", under the rule for a meaningful change";
    if (outcome.meaningful_change == 0) return words + ", a meaningful change";
    return words + fmt::format(", a meaningful change for the {}",
                               outcome.meaningful_change > 0 ? "better" : "worse");
}

std::string outcome_line(const OutcomeComparison& outcome, const Config& config) {
    const std::string name = outcome_name(outcome, config);
    if (outcome.baseline.days == outcome.now.days)
        return fmt::format("{}: {}, only one week with entries: nothing to compare", name,
                           window_values(outcome.baseline));
    return fmt::format("{}: {} → {}", name, window_values(outcome.baseline),
                       window_values(outcome.now)) +
           outcome_change(outcome);
}

// An outcome past page 1's first ones, in a few words: "Weight: mean 60 → 64 (n=3, 3): mean 4
// higher". Its full line is under "Continued from page 1".
std::string outcome_compact(const OutcomeComparison& outcome, const Config& config) {
    const std::string name = outcome_name(outcome, config);
    if (!outcome.baseline.mean) return name + ": no entries";
    if (outcome.baseline.days == outcome.now.days)
        return fmt::format("{}: mean {} (n={}), one week only", name,
                           format_number(*outcome.baseline.mean), outcome.baseline.points.size());
    return fmt::format("{}: mean {} → {} (n={}, {})", name, format_number(*outcome.baseline.mean),
                       format_number(*outcome.now.mean), outcome.baseline.points.size(),
                       outcome.now.points.size()) +
           outcome_change(outcome);
}

// "3-8 Nov" for the days questions were asked, "16 Nov" for one.
std::string asked_days(const std::vector<Entry>& questions, std::size_t from) {
    const Date first = questions[from].at.local_date();
    const Date last = questions.back().at.local_date();
    return first == last ? format_short_date(first) : format_days(first, last);
}

std::string question_line(const Entry& question, std::string_view text, const VisitReport& report) {
    return fmt::format("{} (asked {})", text.empty() ? "(a question without text)" : text,
                       format_date_in(question.at.local_date(), report.period));
}

std::string progression_line(const ProgressionNow& now, const VisitReport& report,
                             const Config& config) {
    std::string value = fmt::format("{}", now.value);
    if (now.diameter)
        value += fmt::format(" ({} mm)", format_number(*now.diameter));
    else if (!now.unit.empty())
        value += " " + now.unit;
    std::string line = fmt::format("{}: {} since {}", capitalized(field_phrase(now.field, config)),
                                   value, format_date_in(now.since, report.period));
    if (!now.step_backs.empty()) {
        std::string dates;
        for (const auto& step : now.step_backs)
            dates += fmt::format("{}{} ({} to {})", dates.empty() ? "" : ", ",
                                 format_date_in(step.date, report.period), step.from, step.to);
        line += fmt::format(
            "; {}: {}", plural(static_cast<int>(now.step_backs.size()), "step back", "steps back"),
            dates);
    }
    return line;
}

std::string adherence_line(const AdherenceGlance& adherence, const VisitReport& report) {
    const auto weeks = [&](const auto& list) {
        std::string text;
        for (const auto& [start, fraction] : list)
            text += fmt::format("{}{} {}", text.empty() ? "" : ", ",
                                format_date_in(start, report.period),
                                fraction ? format_percent(*fraction) : "-");
        return text;
    };
    std::string line = fmt::format("Plan adherence {} overall", format_percent(*adherence.overall));
    if (!adherence.first_weeks.empty())
        line += fmt::format(
            "; whole weeks with sessions due, first against last: weeks of {} → "
            "weeks of {}",
            weeks(adherence.first_weeks), weeks(adherence.last_weeks));
    else if (adherence.weeks_compared < 2)
        line += "; fewer than two whole weeks with sessions due, so no weeks are compared";
    return line + ".";
}

// "Botox 100 units, 15 Jun 2026: 22 weeks before 22 Nov": what was given as written, not as
// "units 100" (other fields, when there is no dose, in brackets).
std::string procedure_context(const ProcedureContext& procedure, const VisitReport& report,
                              const Config& config) {
    std::string given = procedure.dose.empty() ? "" : " " + procedure.dose;
    if (given.empty()) {
        Entry shown = procedure.entry;
        std::erase_if(shown.fields, [](const auto& field) { return field.first == "name"; });
        const std::string values = describe_values(shown, config);
        if (!values.empty()) given = " (" + values + ")";
    }
    const int weeks = procedure.days_ago / 7;
    const std::string ago = procedure.days_ago < 14 ? plural(procedure.days_ago, "day", "days")
                                                    : plural(weeks, "week", "weeks");
    return fmt::format("{}{}, {} {}: {} before {}",
                       treatment_words(procedure.name, procedure.entry.kind, config), given,
                       format_short_date(procedure.date), year_of(procedure.date), ago,
                       format_date_in(*report.period.to, report.period));
}

// The first days of the period's weeks, at most 6 of them, evenly spaced: a chart's x ticks.
std::vector<Date> week_ticks(const VisitReport& report) {
    std::vector<Date> starts;
    for (const auto& row : report.stats.weekly.rows)
        if (row.days.length() == 7 || row.days.from != report.period.from)
            starts.push_back(*row.days.from);
    const std::size_t step = (starts.size() + 5) / 6;
    std::vector<Date> ticks;
    for (std::size_t index = 0; index < starts.size(); index += std::max<std::size_t>(1, step))
        ticks.push_back(starts[index]);
    return ticks;
}

// Days as runs of consecutive ones: each run's first and last.
std::vector<std::pair<Date, Date>> runs_of(std::vector<Date> dates) {
    std::sort(dates.begin(), dates.end());
    std::vector<std::pair<Date, Date>> runs;
    for (const Date day : dates) {
        if (!runs.empty() && day <= runs.back().second + days{1})
            runs.back().second = std::max(runs.back().second, day);
        else
            runs.emplace_back(day, day);
    }
    return runs;
}

// One dated line of the timeline's table, to sort by date.
struct TimelineRow {
    Date first{};
    std::string when;
    std::string what;
};

// Page 1's one chart: the outcomes (the first filled, the second hollow), the progression as a
// band of runs at one value, and lanes for procedures, visits, medication, rest and cycle days,
// on one dated axis. Its table (Markdown's numbers) lists the dated events in order.
std::optional<Figure> timeline_figure(const VisitReport& report, const Config& config) {
    Chart chart;
    chart.style = Chart::Style::timeline;
    chart.x = report.period;
    chart.ticks = week_ticks(report);
    chart.title = fmt::format("Timeline, {}", period_words(report.period));
    std::vector<TimelineRow> rows;
    std::string trend;
    const Measure* main = nullptr;
    for (const auto& outcome : report.glance.outcomes)
        for (const auto& measure : report.measures) {
            if (measure.field != outcome.field || measure.points.empty()) continue;
            if (main && (chart.legend.size() >= 2 || measure.scale_min != main->scale_min ||
                         measure.scale_max != main->scale_max))
                continue;
            if (!main) main = &measure;
            const bool second = main != &measure;
            const std::string name = field_phrase(measure.field, config);
            chart.legend.push_back(name);
            for (const auto& point : measure.points)
                chart.points.push_back({point.date, point.value, second});
            if (outcome.baseline.mean && outcome.now.mean &&
                outcome.baseline.days != outcome.now.days)
                trend +=
                    fmt::format(" {} mean {} in {} and {} in {}.", capitalized(name),
                                format_number(*outcome.baseline.mean),
                                format_days(*outcome.baseline.days.from, *outcome.baseline.days.to),
                                format_number(*outcome.now.mean),
                                format_days(*outcome.now.days.from, *outcome.now.days.to));
        }
    if (main) {
        chart.y_min = main->scale_min;
        chart.y_max = main->scale_max;
    }
    if (!report.progression.empty() && !report.progression.front().points.empty()) {
        const ProgressionSeries& series = report.progression.front();
        const KindSpec* kind = config.profile.kind(series.field.kind);
        const FieldSpec* field = kind ? kind->field(series.field.field) : nullptr;
        // The band's label is short (it sits in the chart's margin); the table says it in full.
        chart.band_name = field ? std::string(field->display_name()) : series.field.field;
        const std::string band_words = field_phrase(series.field, config);
        for (const auto& point : series.points) {
            if (!chart.band.empty() && chart.band.back().label == fmt::format("{}", point.value))
                continue;
            if (!chart.band.empty()) chart.band.back().last = point.date - days{1};
            chart.band.push_back({point.date, *report.period.to, fmt::format("{}", point.value)});
            rows.push_back({point.date, format_date_in(point.date, report.period),
                            fmt::format("{} {}{}", band_words, point.value,
                                        point.step_back ? " (step back)" : "")});
        }
        trend += fmt::format(" {} {} at the start, {} at the end.", capitalized(band_words),
                             series.points.front().value, series.points.back().value);
    }
    const auto lane = [&](std::string name, std::vector<ChartMark> marks) {
        if (!marks.empty()) chart.lanes.push_back({std::move(name), std::move(marks)});
    };
    std::vector<ChartMark> procedures;
    std::vector<Date> medication_days;
    for (const auto& entry : report.treatments) {
        const Date day = entry.at.local_date();
        if (config.profile.role_of(entry.kind) == KindRole::procedure) {
            const std::string name =
                treatment_words(RoleScan::procedure_name(entry), entry.kind, config);
            procedures.push_back({day, day, name});
            rows.push_back({day, format_date_in(day, report.period), name});
        } else {
            medication_days.push_back(day);
        }
    }
    lane("procedure", std::move(procedures));
    std::vector<ChartMark> visits;
    for (const auto& entry : report.visits) {
        const Date day = entry.at.local_date();
        visits.push_back({day, day, kind_words(entry.kind, config)});
        rows.push_back({day, format_date_in(day, report.period), kind_words(entry.kind, config)});
    }
    lane("visit", std::move(visits));
    std::vector<ChartMark> medication;
    for (const auto& [first, last] : runs_of(medication_days))
        medication.push_back({first, last, format_days(first, last)});
    for (const auto& group : report.treatment_groups)
        if (config.profile.role_of(group.kind) == KindRole::medication)
            rows.push_back({group.first,
                            group.first == group.last
                                ? format_date_in(group.first, report.period)
                                : fmt::format("{} - {}", format_date_in(group.first, report.period),
                                              format_date_in(group.last, report.period)),
                            fmt::format("{} ({})", treatment_words(group.name, group.kind, config),
                                        plural(group.count, "time", "times"))});
    lane("medication", std::move(medication));
    std::vector<ChartMark> rests;
    for (const auto& run : report.rests) {
        rests.push_back({run.first, run.last, rest_line(run, config)});
        rows.push_back({run.first, format_days(run.first, run.last),
                        "rest" + (run.reason.empty() ? std::string() : ": " + run.reason)});
    }
    lane("rest", std::move(rests));
    std::vector<Date> cycle_days;
    for (const auto& entry : report.entries)
        if (config.profile.role_of(entry.kind) == KindRole::cycle)
            cycle_days.push_back(entry.at.local_date());
    std::vector<ChartMark> cycle;
    for (const auto& [first, last] : runs_of(cycle_days)) {
        cycle.push_back({first, last, format_days(first, last)});
        rows.push_back({first, format_days(first, last), "cycle"});
    }
    lane("cycle", std::move(cycle));
    if (chart.points.empty() && chart.band.empty() && chart.lanes.empty()) return std::nullopt;
    std::string lanes;
    for (const auto& one : chart.lanes)
        lanes += fmt::format("{}{} {}", lanes.empty() ? "" : ", ", one.marks.size(), one.name);
    chart.description = fmt::format("{} values of the outcomes.{}{}", chart.points.size(), trend,
                                    lanes.empty() ? "" : " Marked: " + lanes + ".");
    std::stable_sort(
        rows.begin(), rows.end(),
        [](const TimelineRow& left, const TimelineRow& right) { return left.first < right.first; });
    Table table{{"Date", "On the timeline"}, {}, {false, false}, "Dated events of the timeline"};
    for (auto& row : rows)
        table.rows.push_back({std::move(row.when), std::move(row.what)});
    if (table.rows.empty()) table.rows.push_back({"-", "only the outcomes' values (above)"});
    return Figure{std::move(chart), std::move(table)};
}

Section glance_section(const VisitReport& report, const Config& config) {
    const Glance& glance = report.glance;
    Section section{"At a glance", {}};
    std::vector<std::string> context;
    for (const auto& procedure : glance.procedures)
        context.push_back(procedure_context(procedure, report, config));
    if (glance.programme_start)
        context.push_back(fmt::format("Plan in force since {} {}",
                                      format_short_date(*glance.programme_start),
                                      year_of(*glance.programme_start)));
    const auto length = static_cast<int>((*report.period.to - *report.period.from).count() + 1);
    std::string logged = glance.adherence.entries == 0
                             ? std::string("Nothing was logged in this period.")
                             : fmt::format("{} on {} of {} days",
                                           plural(glance.adherence.entries, "entry", "entries"),
                                           glance.adherence.days_logged, length);
    if (glance.adherence.rest_days > 0)
        logged += fmt::format(
            "; {}, neither due nor missed",
            plural(glance.adherence.rest_days, "planned rest day", "planned rest days"));
    context.push_back(logged);
    section.blocks.push_back(Bullets{context, false});

    Bullets outcomes;
    std::string also;
    for (std::size_t index = 0; index < glance.outcomes.size(); ++index)
        if (index < glance.outcomes_in_full)
            outcomes.items.push_back(outcome_line(glance.outcomes[index], config));
        else
            also += (also.empty() ? "Also (in full after page 1): " : "; ") +
                    outcome_compact(glance.outcomes[index], config);
    if (!also.empty()) outcomes.items.push_back(also);
    for (const auto& count : glance.yes_counts)
        outcomes.items.push_back(fmt::format("{}: yes in {} of {} entries",
                                             capitalized(field_phrase(count.field, config)),
                                             count.yes, count.n));
    // Several outcome kinds' days share one line: "Logged on: FSFI 6, rating 6 of 25 days".
    if (glance.kind_days.size() == 1)
        outcomes.items.push_back(fmt::format(
            "{} logged on {} of {} days", capitalized(kind_words(glance.kind_days[0].kind, config)),
            glance.kind_days[0].days, length));
    else if (glance.kind_days.size() > 1) {
        std::string days_line = "Logged on: ";
        for (std::size_t index = 0; index < glance.kind_days.size(); ++index)
            days_line += fmt::format("{}{} {}", index == 0 ? "" : ", ",
                                     kind_words(glance.kind_days[index].kind, config),
                                     glance.kind_days[index].days);
        outcomes.items.push_back(days_line + fmt::format(" of {} days", length));
    }
    for (const auto& now : glance.progression)
        outcomes.items.push_back(progression_line(now, report, config));
    if (glance.adherence.overall)
        outcomes.items.push_back(adherence_line(glance.adherence, report));
    section.blocks.push_back(Subheading{"Outcomes and progress"});
    if (outcomes.items.empty())
        section.blocks.push_back(Paragraph{"No outcome was logged in this period."});
    else
        section.blocks.push_back(std::move(outcomes));
    if (!glance.outcomes.empty())
        section.blocks.push_back(Paragraph{
            fmt::format(
                "Outcomes: the first two weeks with entries → the last two (one each with two or "
                "three; more weeks while a side has fewer than {0} entries), means rounded to "
                "tenths. "
                "Meaningful: 2 points on 0-10 (in proportion on other scales) or 30% of the first "
                "mean (at least 1 in 10), with {0}+ entries a side.",
                OutcomeComparison::minimum_n),
            true});

    if (auto timeline = timeline_figure(report, config)) {
        section.blocks.push_back(Subheading{"Timeline"});
        section.blocks.push_back(std::move(*timeline));
    }

    section.blocks.push_back(Subheading{"Flags"});
    Bullets flags;
    for (std::size_t index = 0; index < glance.flags_on_page_one; ++index)
        flags.items.push_back(flag_facts_sentence(glance.flags[index], report.period));
    if (glance.flags.size() > glance.flags_on_page_one)
        flags.items.push_back(
            fmt::format("And {} more, after page 1.",
                        plural(static_cast<int>(glance.flags.size() - glance.flags_on_page_one),
                               "flag", "flags")));
    if (flags.items.empty())
        section.blocks.push_back(Paragraph{fmt::format(
            "None: no pain of {} or more on {} days or more, and no {} days in a row without an "
            "entry.",
            config.settings.persistent_pain_level, config.settings.persistent_pain_days,
            config.settings.gap_days)});
    else
        section.blocks.push_back(std::move(flags));

    if (report.notes && !report.included.questions) {
        section.blocks.push_back(Subheading{"Open questions"});
        section.blocks.push_back(Paragraph{not_included(report)});
    } else if (report.notes) {
        section.blocks.push_back(Subheading{"Open questions"});
        Bullets questions{{}, true};
        const std::size_t shown = glance.questions_on_page_one.size();
        for (std::size_t index = 0; index < shown; ++index)
            questions.items.push_back(question_line(report.questions[index],
                                                    glance.questions_on_page_one[index], report));
        if (questions.items.empty())
            section.blocks.push_back(Paragraph{"No open questions."});
        else
            section.blocks.push_back(std::move(questions));
        if (report.questions.size() > shown)
            section.blocks.push_back(Paragraph{
                fmt::format("And {} more, asked {}; all {} in full after page 1.",
                            report.questions.size() - shown, asked_days(report.questions, shown),
                            report.questions.size())});
        else if (!glance.questions_in_full)
            section.blocks.push_back(Paragraph{"Shortened here; in full after page 1.", true});
    }
    if (report.notes) {
        section.blocks.push_back(Subheading{"In the patient's words"});
        Bullets notes;
        bool shortened = false;
        for (const auto& quote : glance.latest_notes) {
            notes.items.push_back(fmt::format(
                "{}, {}: {}", format_date_in(quote.entry.at.local_date(), report.period),
                kind_words(quote.entry.kind, config), quote.excerpt));
            shortened = shortened || quote.shortened;
        }
        if (notes.items.empty())
            section.blocks.push_back(Paragraph{
                fmt::format("No notes on {} in this period.", outcome_kind_words(config))});
        else
            section.blocks.push_back(std::move(notes));
        if (shortened)
            section.blocks.push_back(Paragraph{"Shortened here; in full under Notes.", true});
    }
    return section;
}

// What page 1 had no room for (PageOneLimits): the outcomes past the first ones in full, the
// flags and open questions past those it lists. None: no section.
std::optional<Section> continued_section(const VisitReport& report, const Config& config) {
    const Glance& glance = report.glance;
    Section section{"Continued from page 1", {}};
    if (glance.outcomes.size() > glance.outcomes_in_full) {
        section.blocks.push_back(Subheading{"More outcomes"});
        Bullets outcomes;
        for (std::size_t index = glance.outcomes_in_full; index < glance.outcomes.size(); ++index)
            outcomes.items.push_back(outcome_line(glance.outcomes[index], config));
        section.blocks.push_back(std::move(outcomes));
    }
    if (glance.flags.size() > glance.flags_on_page_one) {
        section.blocks.push_back(Subheading{"More flags"});
        Bullets flags;
        for (std::size_t index = glance.flags_on_page_one; index < glance.flags.size(); ++index)
            flags.items.push_back(flag_facts_sentence(glance.flags[index], report.period));
        section.blocks.push_back(std::move(flags));
    }
    if (report.notes && !glance.questions_in_full) {
        section.blocks.push_back(Subheading{"Open questions in full"});
        Bullets questions{{}, true};
        for (const auto& question : report.questions)
            questions.items.push_back(question_line(question, question.note, report));
        section.blocks.push_back(std::move(questions));
    }
    if (section.blocks.empty()) return std::nullopt;
    return section;
}

Section programme_section(const VisitReport& report, const Config& config) {
    Section section{"Plan and adherence", {}};
    const StatsReport& stats = report.stats;
    if (stats.items.empty()) {
        section.blocks.push_back(Paragraph{"No plan items were in force in this period."});
        return section;
    }
    // The previous period of the same length beside this one, where it had something due.
    const std::string before =
        stats.previous
            ? fmt::format("Before ({})", format_days(*stats.previous->from, *stats.previous->to))
            : std::string("Before");
    Table items{{"Item", "Schedule", "Done", "Adherence", before},
                {},
                {false, false, true, true, true},
                "Plan items in this period: done of due and adherence, and the period before"};
    const auto percent = [](const std::optional<double>& fraction) {
        return fraction ? format_percent(*fraction) : std::string("-");
    };
    for (std::size_t index = 0; index < stats.items.size(); ++index) {
        const ItemSummary& summary = stats.items[index];
        const PlanItem& item = report.items[index];
        items.rows.push_back(
            {item_words(item, config), describe_rules(item, config),
             done_of_due(item, summary.adherence, " of ", " and ", config),
             percent(summary.adherence.fraction()),
             summary.previous.expected > 0
                 ? fmt::format("{}, {}",
                               done_of_due(item, summary.previous, " of ", " and ", config),
                               percent(summary.previous_adherence))
                 : std::string("-")});
    }
    if (stats.adherence)
        items.rows.push_back({"Overall (in sessions)", "", "", format_percent(*stats.adherence),
                              percent(stats.previous_adherence)});
    section.blocks.push_back(std::move(items));

    section.blocks.push_back(Subheading{"Per week"});
    // Items as rows and weeks as columns, at most 8 weeks to a table: ten items or six months
    // never cut a column off on paper or a phone.
    const auto& rows = stats.weekly.rows;
    constexpr std::size_t weeks_per_table = 8;
    for (std::size_t first = 0; first < rows.size(); first += weeks_per_table) {
        const std::size_t last = std::min(rows.size(), first + weeks_per_table);
        Table weeks{{"Item"},
                    {},
                    {false},
                    fmt::format("Done of due per week, weeks of {} to {}",
                                format_date_in(*rows[first].days.from, report.period),
                                format_date_in(*rows[last - 1].days.from, report.period))};
        for (std::size_t week = first; week < last; ++week) {
            weeks.headings.push_back(format_date_in(*rows[week].days.from, report.period));
            weeks.numeric.push_back(true);
        }
        for (std::size_t index = 0; index < stats.items.size(); ++index) {
            std::vector<std::string> cells = {item_words(report.items[index], config)};
            for (std::size_t week = first; week < last; ++week) {
                const Adherence& adherence = rows[week].items[index];
                cells.push_back(adherence.expected > 0 || adherence.open
                                    ? done_of_due(report.items[index], adherence, "/", ", ", config)
                                    : "-");
            }
            weeks.rows.push_back(std::move(cells));
        }
        std::vector<std::string> overall = {"Overall"};
        for (std::size_t week = first; week < last; ++week)
            overall.push_back(rows[week].adherence ? format_percent(*rows[week].adherence) : "-");
        weeks.rows.push_back(std::move(overall));
        section.blocks.push_back(std::move(weeks));
    }
    section.blocks.push_back(
        Paragraph{"Done of due per week. A window (a day, a block of days, a week) counts in the "
                  "week that holds most of its days; \"so far\": a window still open, counted "
                  "once it closes; \"-\": nothing was due."});
    if (!report.rests.empty()) {
        section.blocks.push_back(Subheading{"Rest days"});
        Bullets rests;
        for (const auto& run : report.rests)
            rests.items.push_back(rest_line(run, config));
        section.blocks.push_back(std::move(rests));
        section.blocks.push_back(Paragraph{"Rest days were neither due nor missed."});
    }
    return section;
}

// The previous period's row of a measure's weekly table ("47 days before", mean 5.2, n 3), from
// the summary's figures, where the period before had values: beside the chart, it costs no room.
std::optional<std::vector<std::string>> previous_row(const VisitReport& report,
                                                     const FieldRef& field) {
    if (!report.stats.previous) return std::nullopt;
    for (const auto& kind : report.stats.kinds) {
        if (kind.kind != field.kind) continue;
        for (const auto& summary : kind.fields)
            if (summary.field == field.field && summary.previous_mean)
                return std::vector<std::string>{
                    fmt::format("{} days before", report.stats.previous->length()),
                    format_number(*summary.previous_mean), "-",
                    fmt::format("{}", summary.previous_n)};
    }
    return std::nullopt;
}

Section symptoms_section(const VisitReport& report, const Config& config) {
    Section section{"Symptoms and measures", {}};
    if (report.measures.empty())
        section.blocks.push_back(
            Paragraph{"No symptom scales or measures in this report's kinds."});
    // Scales without entries share one line at the end: each would otherwise take a heading
    // and a line of its own, pushing the notes onto a further page.
    std::vector<std::string> empty;
    for (const auto& measure : report.measures) {
        const std::string name = capitalized(field_phrase(measure.field, config));
        const KindSpec* kind = config.profile.kind(measure.field.kind);
        const FieldSpec* field = kind ? kind->field(measure.field.field) : nullptr;
        // A number without a min and a max has no range: the chart's axis spans its values,
        // which the heading does not pass off as a scale ("Weight", not "Weight (0-62)").
        const bool ranged = measure.scale || (field && field->min && field->max);
        const std::string scale = fmt::format("{}-{}", format_number(measure.scale_min),
                                              format_number(measure.scale_max));
        const std::string heading = ranged ? fmt::format("{} ({})", name, scale) : name;
        if (measure.points.empty()) {
            empty.push_back(heading);
            continue;
        }
        section.blocks.push_back(Subheading{heading});
        Chart chart;
        chart.title = fmt::format("{}, {}", name, period_words(report.period));
        chart.y_label = field ? std::string(field->display_name()) : measure.field.field;
        if (ranged) chart.y_label += fmt::format(" ({})", scale);
        chart.x = report.period;
        chart.ticks = week_ticks(report);
        chart.y_min = measure.scale_min;
        chart.y_max = measure.scale_max;
        for (const auto& point : measure.points)
            chart.points.push_back({point.date, point.value, false});
        Table table{{"Week of", "Mean", "Highest", "Entries"},
                    {},
                    {false, true, true, true},
                    fmt::format("{} per week", name)};
        const auto& rows = report.stats.weekly.rows;
        if (auto before = previous_row(report, measure.field))
            table.rows.push_back(std::move(*before));
        std::vector<ChartPoint> run;
        std::optional<std::pair<Date, double>> first_mean;
        std::optional<std::pair<Date, double>> last_mean;
        for (std::size_t index = 0; index < rows.size(); ++index) {
            const auto& cell = measure.weeks[index];
            // A week of one value (or none) ends the run of weekly means.
            if (!cell || cell->n < 2) {
                if (run.size() >= 2) chart.lines.push_back(run);
                run.clear();
            }
            if (!cell) continue;
            const Period& week = rows[index].days;
            if (!first_mean) first_mean = std::pair{*week.from, cell->mean};
            last_mean = std::pair{*week.from, cell->mean};
            if (cell->n >= 2) {
                // The weekly mean sits in the middle of the week's days.
                const Date middle = *week.from + days{(*week.to - *week.from).count() / 2};
                run.push_back({middle, cell->mean, false});
            }
            table.rows.push_back({format_date_in(*week.from, report.period),
                                  format_number(cell->mean), format_number(cell->max),
                                  fmt::format("{}", cell->n)});
        }
        if (run.size() >= 2) chart.lines.push_back(run);
        chart.description = fmt::format("{} values from {} to {}.", measure.points.size(),
                                        format_date_in(measure.points.front().date, report.period),
                                        format_date_in(measure.points.back().date, report.period));
        if (first_mean && last_mean && first_mean->first != last_mean->first)
            chart.description += fmt::format(
                " Weekly mean {} in the week of {}, {} in the week of {}.",
                format_number(first_mean->second), format_date_in(first_mean->first, report.period),
                format_number(last_mean->second), format_date_in(last_mean->first, report.period));
        section.blocks.push_back(Figure{std::move(chart), std::move(table)});
    }
    if (!empty.empty()) {
        std::string names;
        for (std::size_t index = 0; index < empty.size(); ++index)
            names += (index == 0 ? "" : index + 1 == empty.size() ? " and " : ", ") + empty[index];
        section.blocks.push_back(Paragraph{fmt::format("No entries in this period: {}.", names)});
    }
    return section;
}

Section progression_section(const VisitReport& report, const Config& config) {
    Section section{"Progression", {}};
    if (report.progression.empty())
        section.blocks.push_back(Paragraph{"No progression was logged in this period."});
    for (const auto& series : report.progression) {
        const std::string name = capitalized(field_phrase(series.field, config));
        section.blocks.push_back(Subheading{name});
        Chart chart;
        chart.style = Chart::Style::steps;
        chart.title = fmt::format("{}, {}", name, period_words(report.period));
        chart.y_label = series.field.field;
        chart.x = report.period;
        chart.ticks = week_ticks(report);
        chart.y_min = 0;
        chart.y_max = static_cast<double>(series.scale_max);
        Table changes{{"Date", capitalized(series.field.field), "Note"},
                      {},
                      {false, true, false},
                      fmt::format("{}: the days it changed", name)};
        std::optional<std::int64_t> before;
        for (const auto& point : series.points) {
            chart.points.push_back({point.date, static_cast<double>(point.value), point.step_back});
            if (before != point.value)
                changes.rows.push_back({format_date_in(point.date, report.period),
                                        fmt::format("{}", point.value),
                                        point.step_back ? "step back" : ""});
            before = point.value;
        }
        chart.description =
            fmt::format("{} sessions; {} {} at the start, {} at the end; {}.", series.points.size(),
                        series.field.field, series.points.front().value, series.points.back().value,
                        plural(static_cast<int>(std::count_if(
                                   series.points.begin(), series.points.end(),
                                   [](const ProgressionPoint& point) { return point.step_back; })),
                               "step back", "steps back"));
        section.blocks.push_back(Figure{std::move(chart), std::move(changes)});
    }
    return section;
}

Section treatments_section(const VisitReport& report, const Config& config) {
    Section section{"Medications and procedures", {}};
    if (!report.included.treatments) {
        section.blocks.push_back(Paragraph{not_included(report)});
    } else if (report.treatment_groups.empty()) {
        section.blocks.push_back(Paragraph{"None logged in this period."});
    } else {
        // One row per medicine or procedure, not one per dose.
        Table table{{"Name", "Kind", "Dates", "Times", "Dose"},
                    {},
                    {false, false, false, true, false},
                    "Medications and procedures, one row per name and dose"};
        for (const auto& group : report.treatment_groups) {
            std::string doses;
            for (const auto& dose : group.doses)
                doses += (doses.empty() ? "" : "; ") + dose;
            table.rows.push_back(
                {treatment_words(group.name, group.kind, config), kind_words(group.kind, config),
                 group.first == group.last
                     ? format_date_in(group.first, report.period)
                     : fmt::format("{} - {}", format_date_in(group.first, report.period),
                                   format_date_in(group.last, report.period)),
                 fmt::format("{}", group.count), doses.empty() ? "-" : doses});
        }
        section.blocks.push_back(std::move(table));
    }
    // How long ago each procedure was is on page 1, with what was given.
    return section;
}

Section visits_section(const VisitReport& report, const Config& config) {
    Section section{"Visits", {}};
    if (!report.included.visits) {
        section.blocks.push_back(Paragraph{not_included(report)});
        return section;
    }
    if (report.visits.empty()) {
        section.blocks.push_back(Paragraph{"No visits in this period."});
        return section;
    }
    // One column per field the visits hold ("With", "Exam"), in profile order: a value under
    // its heading rather than "with pt · exam internal".
    std::vector<FieldRef> columns;
    for (const auto& kind : config.profile.kinds)
        for (const auto& field : kind.fields)
            if (std::any_of(report.visits.begin(), report.visits.end(), [&](const Entry& entry) {
                    return entry.kind == kind.name && entry.field(field.name);
                }))
                columns.push_back({kind.name, field.name});
    Table table{{"Date", "Visit"}, {}, {false, false}, "Visits in this period"};
    for (const auto& column : columns) {
        const FieldSpec* field = config.profile.kind(column.kind)->field(column.field);
        table.headings.push_back(capitalized(std::string(field->display_name())));
        table.numeric.push_back(field->is_numeric());
    }
    for (const auto& entry : report.visits) {
        std::vector<std::string> row = {format_date_in(entry.at.local_date(), report.period),
                                        capitalized(kind_words(entry.kind, config))};
        for (const auto& column : columns) {
            const FieldValue* value =
                entry.kind == column.kind ? entry.field(column.field) : nullptr;
            row.push_back(value
                              ? format_field_value(
                                    *config.profile.kind(column.kind)->field(column.field), *value)
                              : "");
        }
        table.rows.push_back(std::move(row));
    }
    section.blocks.push_back(std::move(table));
    return section;
}

Section notes_section(const VisitReport& report, const Config& config) {
    Section section{"Notes", {}};
    Bullets notes;
    for (const auto& entry : report.notes_list)
        notes.items.push_back(fmt::format("{}, {}: {}",
                                          format_date_in(entry.at.local_date(), report.period),
                                          kind_words(entry.kind, config), entry.note));
    if (notes.items.empty())
        section.blocks.push_back(Paragraph{"No notes in this period."});
    else
        section.blocks.push_back(std::move(notes));
    return section;
}

}  // namespace

std::string field_words(const FieldRef& field, const Config& config) {
    const KindSpec* kind = config.profile.kind(field.kind);
    const FieldSpec* spec = kind ? kind->field(field.field) : nullptr;
    const std::string name = spec ? std::string(spec->display_name()) : field.field;
    return name == field.kind ? name : fmt::format("{} {}", field.kind, name);
}

std::string field_phrase(const FieldRef& field, const Config& config) {
    const KindSpec* kind = config.profile.kind(field.kind);
    const FieldSpec* spec = kind ? kind->field(field.field) : nullptr;
    if (spec && !spec->phrase.empty()) return spec->phrase;
    const std::string name = spec ? std::string(spec->display_name()) : field.field;
    return name == field.kind ? name : fmt::format("{} {}", kind_words(field.kind, config), name);
}

std::string kind_words(const std::string& kind_name, const Config& config) {
    const KindSpec* kind = config.profile.kind(kind_name);
    return kind ? std::string(kind->display_name()) : kind_name;
}

std::string treatment_words(const std::string& name, const std::string& kind_name,
                            const Config& config) {
    return name == kind_name ? kind_words(kind_name, config) : name;
}

std::string item_words(const PlanItem& item, const Config& config) {
    // A row heads with a capital, as the labelled ones do ("Cardio" beside "Kegels"); a name the
    // user gave the item is theirs, as written.
    return item.name.empty() ? capitalized(kind_words(item.kind, config)) : item.name;
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
    document.running_head = fmt::format("{}, {}", document.title, period_words(report.period));
    const auto length = (*report.period.to - *report.period.from).count() + 1;
    std::string covered = fmt::format("{} ({} days)", period_words(report.period), length);
    if (report.from_visit)
        covered += fmt::format(", from the visit on {} at {}",
                               format_day_heading(report.from_visit->local_date()),
                               format_time_of_day(report.from_visit->local_second_of_day()));
    else if (report.last_visit && *report.last_visit + days{1} == *report.period.from)
        covered += fmt::format(", since the visit on {}", format_day_heading(*report.last_visit));
    document.lines = {covered,
                      fmt::format("Made on {} with tend", format_day_heading(report.generated))};
    document.sections.push_back(glance_section(report, config));
    if (auto continued = continued_section(report, config))
        document.sections.push_back(std::move(*continued));
    document.sections.push_back(programme_section(report, config));
    document.sections.push_back(symptoms_section(report, config));
    const bool has_progression =
        std::any_of(config.profile.kinds.begin(), config.profile.kinds.end(),
                    [](const KindSpec& kind) { return !kind.progression.empty(); });
    if (has_progression) document.sections.push_back(progression_section(report, config));
    document.sections.push_back(treatments_section(report, config));
    document.sections.push_back(visits_section(report, config));
    if (report.notes) document.sections.push_back(notes_section(report, config));
    return document;
}

}  // namespace tend::render
