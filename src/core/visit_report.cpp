// The notes for a doctor visit: the period's stats plus series, lists and the summary's numbers.
#include "tend/visit_report.h"

#include <algorithm>

#include "core/stats_parts.h"

namespace tend {

namespace {

using std::chrono::days;

const FieldSpec* spec_of(const Config& config, const FieldRef& field) {
    const KindSpec* kind = config.profile.kind(field.kind);
    return kind ? kind->field(field.field) : nullptr;
}

// The last visit on or before `last_day` and before today (a visit today is the one ahead).
std::optional<Date> last_visit_before(const std::vector<Entry>& entries, const History& earlier,
                                      const Profile& profile, Date last_day, Date today) {
    const RoleScan roles(profile);
    std::optional<Date> last;
    if (earlier.last_visit && earlier.last_visit->day <= last_day &&
        earlier.last_visit->day < today)
        last = earlier.last_visit->day;
    for (const auto& entry : entries) {
        const Date day = entry.at.local_date();
        if (roles.is_visit(entry.kind) && day <= last_day && day < today)
            last = std::max(last.value_or(day), day);
    }
    return last;
}

// Pain fields and outcomes always (an empty one says "no entries"); other scales when they have
// values.
std::vector<Measure> measures_of(const VisitReport& report, const ExportRequest& request,
                                 const Config& config) {
    const auto weeks = report.stats.weekly.rows.size();
    std::vector<Measure> measures;
    for (const auto& kind : config.profile.kinds) {
        if (!wanted_kind(request.kinds, kind.name)) continue;
        for (const auto& field : kind.fields) {
            if (field.type != FieldType::scale) continue;
            Measure measure{{kind.name, field.name}, scale_min(field), scale_max(field), {}, {}};
            std::vector<Values> per_week(weeks);
            for (const auto& entry : report.entries) {
                const FieldValue* value =
                    entry.kind == kind.name ? entry.field(field.name) : nullptr;
                const auto number = value ? numeric_value(*value) : std::nullopt;
                if (!number) continue;
                const Date day = entry.at.local_date();
                measure.points.push_back({day, *number});
                const auto week = week_index(day, report.period, config.settings.week_start);
                if (week < weeks) per_week[week].add(*number);
            }
            for (const auto& values : per_week)
                measure.weeks.push_back(values.week_values());
            if (is_followed_scale(config.profile, kind, field) || !measure.points.empty())
                measures.push_back(std::move(measure));
        }
    }
    return measures;
}

// The first of the profile's outcomes with values, else the first pain measure with values.
std::optional<OutcomeTrend> outcome_of(const VisitReport& report, const Config& config) {
    const Measure* main = nullptr;
    for (const auto& outcome : config.profile.outcomes)
        for (const auto& measure : report.measures)
            if (!main && measure.field == outcome && !measure.points.empty()) main = &measure;
    for (const auto& measure : report.measures) {
        if (main) break;
        const FieldSpec* field = spec_of(config, measure.field);
        if (field && is_pain_field(*field) && !measure.points.empty()) main = &measure;
    }
    if (!main) return std::nullopt;
    std::optional<std::size_t> first;
    std::optional<std::size_t> last;
    for (std::size_t index = 0; index < main->weeks.size(); ++index)
        if (main->weeks[index]) {
            if (!first) first = index;
            last = index;
        }
    if (!first || *first == *last) return std::nullopt;
    const auto& rows = report.stats.weekly.rows;
    OutcomeTrend trend{main->field,
                       *rows[*first].days.from,
                       main->weeks[*first]->mean,
                       *rows[*last].days.from,
                       main->weeks[*last]->mean,
                       0};
    if (const FieldSpec* field = spec_of(config, main->field))
        trend.meaningful_change = meaningful_change(*field, trend.last_mean - trend.first_mean);
    return trend;
}

std::vector<ProgressionSeries> progression_of(const ExportRequest& request,
                                              const std::vector<Entry>& entries,
                                              const History& earlier, const Config& config) {
    std::vector<ProgressionSeries> series;
    for (const auto& kind : config.profile.kinds) {
        if (kind.progression.empty() || !wanted_kind(request.kinds, kind.name)) continue;
        const FieldSpec* field = kind.field(kind.progression);
        ProgressionSeries one{{kind.name, kind.progression}, 0, {}};
        std::optional<std::int64_t> before;
        if (const auto* known = earlier.progression_of(kind.name)) before = known->last;
        for (const auto& entry : entries) {
            const FieldValue* value =
                entry.kind == kind.name ? entry.field(kind.progression) : nullptr;
            const auto* number = value ? std::get_if<std::int64_t>(value) : nullptr;
            if (!number) continue;
            const Date day = entry.at.local_date();
            if (day > *request.period.to) break;
            if (day >= *request.period.from) {
                one.points.push_back({day, *number, before && *number < *before});
                one.scale_max = std::max(one.scale_max, *number);
            }
            before = *number;
        }
        if (field && field->max) one.scale_max = static_cast<std::int64_t>(*field->max);
        if (!one.points.empty()) series.push_back(std::move(one));
    }
    return series;
}

bool rests_a_wanted_kind(const Rest& rest, const std::vector<std::string>& kinds) {
    if (kinds.empty() || rest.kinds.empty()) return true;
    return std::any_of(rest.kinds.begin(), rest.kinds.end(),
                       [&](const std::string& kind) { return wanted_kind(kinds, kind); });
}

// The rest entries' days within the period, joined into runs of days with the same reason and
// items: four entries of one day each, 14-17 Oct, each for a period, are one run.
// `counted` is the compact form of `entries`, entry for entry.
std::vector<RestRun> rests_of(const ExportRequest& request, const std::vector<Entry>& entries,
                              const CompactEntries& counted, const Profile& profile) {
    std::vector<RestRun> runs;
    for (std::size_t index = 0; index < entries.size(); ++index) {
        const Entry& entry = entries[index];
        const auto rest = rest_of(counted.entries()[index], profile);
        if (!rest || !rests_a_wanted_kind(*rest, request.kinds)) continue;
        const Date first = std::max(rest->first, *request.period.from);
        const Date last = std::min(rest->last, *request.period.to);
        if (last < first) continue;
        runs.push_back({first, last, rest->kinds, request.notes ? entry.note : std::string{}});
    }
    std::stable_sort(runs.begin(), runs.end(), [](const RestRun& left, const RestRun& right) {
        return left.first < right.first;
    });
    std::vector<RestRun> joined;
    for (auto& run : runs) {
        if (!joined.empty() && joined.back().kinds == run.kinds &&
            joined.back().reason == run.reason && run.first <= joined.back().last + days{1}) {
            joined.back().last = std::max(joined.back().last, run.last);
            continue;
        }
        joined.push_back(std::move(run));
    }
    return joined;
}

void strip_notes(Entry& entry) {
    entry.note.clear();
    entry.tags.clear();
}

}  // namespace

ExportPeriod default_export_period(const std::vector<Entry>& entries, const History& earlier,
                                   const Profile& profile, Date today) {
    const auto visit = last_visit_before(entries, earlier, profile, today, today);
    if (visit) return {Period{*visit + days{1}, today}, visit};
    return {Period{today - days{29}, today}, std::nullopt};
}

VisitReport compute_visit_report(const ExportRequest& request, const JournalSlice& slice,
                                 const Plan& plan, const Config& config) {
    const std::vector<Entry>& entries = slice.entries;
    const History& earlier = slice.before;
    VisitReport report;
    report.period = request.period;
    report.generated = request.today;
    report.name = config.settings.name;
    report.notes = request.notes;
    report.last_visit =
        last_visit_before(entries, earlier, config.profile, *request.period.to, request.today);
    StatsRequest stats{request.period, previous_period(request.period), request.kinds,
                       request.today};
    const CompactEntries counted = compact(entries, config.profile);
    report.stats = summarise(stats, counted.entries(), earlier, plan, config);
    for (const auto& item : report.stats.items)
        report.items.push_back(plan.items[item.number - 1]);

    if (request.notes)
        for (const auto& question : earlier.open_questions)
            if (wanted_kind(request.kinds, question.kind) &&
                (!report.last_visit || question.at.local_date() > *report.last_visit))
                report.questions.push_back(question);
    const RoleScan roles(config.profile);
    for (const auto& entry : entries) {
        const Date day = entry.at.local_date();
        if (!wanted_kind(request.kinds, entry.kind) || day > *request.period.to) continue;
        const bool open_question =
            roles.is_open_question(entry) && (!report.last_visit || day > *report.last_visit);
        if (open_question && request.notes) report.questions.push_back(entry);
        if (!request.period.contains(day)) continue;
        report.entries.push_back(entry);
        if (!request.notes) strip_notes(report.entries.back());
        if (roles.is_treatment(entry.kind)) report.treatments.push_back(entry);
        if (roles.is_visit(entry.kind)) report.visits.push_back(entry);
        if (request.notes && !entry.note.empty() && !roles.is_question(entry.kind) &&
            config.profile.role_of(entry.kind) != KindRole::rest)
            report.notes_list.push_back(entry);
    }
    if (!request.notes) {
        for (auto& entry : report.treatments)
            strip_notes(entry);
        for (auto& entry : report.visits)
            strip_notes(entry);
    }
    for (const auto& kind : report.stats.weekly.plan_kinds)
        report.sessions +=
            static_cast<int>(std::count_if(report.entries.begin(), report.entries.end(),
                                           [&](const Entry& entry) { return entry.kind == kind; }));
    report.rests = rests_of(request, entries, counted, config.profile);
    report.measures = measures_of(report, request, config);
    report.outcome = outcome_of(report, config);
    report.progression = progression_of(request, entries, earlier, config);
    return report;
}

}  // namespace tend
