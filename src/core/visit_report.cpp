// The notes for a doctor visit: the period's stats plus series, lists and the summary's numbers.
#include "tend/visit_report.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "core/scale.h"
#include "core/stats_parts.h"
#include "core/text.h"
#include "tend/questions.h"

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
// The main number of a kind without a role that no plan item counts: range of motion in degrees,
// the Bristol stool form. Not a rating, but what the clinician measures by.
bool is_measured_number(const KindSpec& kind, const FieldSpec& field,
                        const std::vector<PlanItem>& items) {
    if (kind.role != KindRole::none || field.name != kind.primary || field.name == kind.progression)
        return false;
    if (field.type != FieldType::integer && field.type != FieldType::number) return false;
    return std::none_of(items.begin(), items.end(),
                        [&](const PlanItem& item) { return item.kind == kind.name; });
}

std::vector<Measure> measures_of(const VisitReport& report,
                                 const std::vector<CompactEntry>& reported,
                                 const ExportRequest& request, const Config& config) {
    const auto weeks = report.stats.weekly.rows.size();
    std::vector<Measure> measures;
    for (const auto& kind : config.profile.kinds) {
        if (!wanted_kind(request.kinds, kind.name)) continue;
        for (const auto& field : kind.fields) {
            const bool scale = field.type == FieldType::scale;
            if (!scale && !is_measured_number(kind, field, report.items)) continue;
            Measure measure{
                {kind.name, field.name}, scale_min(field), scale_max(field), scale, {}, {}};
            std::vector<Values> per_week(weeks);
            for (const auto& entry : reported) {
                const CompactValue* value =
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
            if (!scale && !measure.points.empty() && !field.max) {
                // A number without a set range: from 0 (or its lowest) to its highest.
                for (const auto& point : measure.points)
                    measure.scale_max = std::max(measure.scale_max, point.value);
            }
            if ((scale && is_followed_scale(config.profile, kind, field)) ||
                !measure.points.empty())
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
                                              const std::vector<CompactEntry>& entries,
                                              const History& earlier, const Config& config) {
    std::vector<ProgressionSeries> series;
    for (const auto& kind : config.profile.kinds) {
        if (kind.progression.empty() || !wanted_kind(request.kinds, kind.name)) continue;
        const FieldSpec* field = kind.field(kind.progression);
        ProgressionSeries one{{kind.name, kind.progression}, 0, {}};
        std::optional<std::int64_t> before;
        if (const auto* known = earlier.progression_of(kind.name)) before = known->last;
        for (const auto& entry : entries) {
            const CompactValue* value =
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
std::vector<RestRun> rests_of(const ExportRequest& request, const std::vector<Entry>& entries,
                              const Profile& profile) {
    std::vector<Entry> rest_entries;
    for (const auto& entry : entries)
        if (profile.role_of(entry.kind) == KindRole::rest) rest_entries.push_back(entry);
    const CompactEntries counted = compact(rest_entries, profile);
    std::vector<RestRun> runs;
    for (std::size_t index = 0; index < rest_entries.size(); ++index) {
        const Entry& entry = rest_entries[index];
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

OutcomeWindow window_of(const Measure& measure, const Period& days_of) {
    OutcomeWindow window{days_of, {}, std::nullopt};
    double sum = 0;
    for (const auto& point : measure.points)
        if (days_of.contains(point.date)) {
            window.points.push_back(point);
            sum += point.value;
        }
    if (!window.points.empty())
        window.mean = to_tenths(sum / static_cast<double>(window.points.size()));
    return window;
}

// The days of the first two weeks with values of `measure` and of the last two (one each when
// only two or three weeks have values; the same week twice when one has), so that a long period
// whose first weeks are empty still has a baseline. A side with fewer than minimum_n values
// takes in the next week with values (the one before, for the last side) while the two sides
// stay apart, when both sides reach minimum_n that way: one entry a week compares three weeks
// with three.
std::optional<std::pair<Period, Period>> comparison_weeks(const Measure& measure,
                                                          const std::vector<WeekRow>& rows) {
    std::vector<std::size_t> weeks;
    for (std::size_t index = 0; index < measure.weeks.size() && index < rows.size(); ++index)
        if (measure.weeks[index]) weeks.push_back(index);
    if (weeks.empty()) return std::nullopt;
    const std::size_t side = std::max<std::size_t>(1, std::min<std::size_t>(2, weeks.size() / 2));
    const auto values_in = [&](std::size_t first, std::size_t count) {
        int values = 0;
        for (std::size_t index = first; index < first + count; ++index)
            values += measure.weeks[weeks[index]]->n;
        return values;
    };
    std::size_t first_side = side;
    std::size_t last_side = side;
    while (first_side + last_side < weeks.size() &&
           values_in(0, first_side) < OutcomeComparison::minimum_n)
        ++first_side;
    while (first_side + last_side < weeks.size() &&
           values_in(weeks.size() - last_side, last_side) < OutcomeComparison::minimum_n)
        ++last_side;
    // When one side still falls short there is nothing to compare: the two weeks a side stand.
    if (values_in(0, first_side) < OutcomeComparison::minimum_n ||
        values_in(weeks.size() - last_side, last_side) < OutcomeComparison::minimum_n)
        first_side = last_side = side;
    const auto span = [&](std::size_t first, std::size_t last) {
        return Period{*rows[weeks[first]].days.from, *rows[weeks[last]].days.to};
    };
    return std::pair{span(0, first_side - 1), span(weeks.size() - last_side, weeks.size() - 1)};
}

// Whether the change from `baseline` to `now` is meaningful: 2 points on 0-10 (in proportion on
// other ranges), or 30% of the baseline when that is at least 1 point in 10. For ranged fields.
bool is_meaningful_outcome_change(const FieldSpec& field, double baseline, double now) {
    const double change = now - baseline;
    const double range = scale_max(field) - scale_min(field);
    const double from_floor = baseline - scale_min(field);
    const bool relative =
        from_floor > 0 && std::abs(change) >= 0.3 * from_floor && std::abs(change) >= range / 10;
    return is_meaningful(change, range) || relative;
}

// Sets the comparison's verdict: whether the rule applies, whether the change is meaningful, and
// which way (+1 better, -1 worse, 0 when not meaningful or tend doesn't know which way is better).
void judge(OutcomeComparison& comparison, const FieldSpec& field) {
    if (!comparison.rule_applies) return;
    const double baseline = *comparison.baseline.mean;
    const double now = *comparison.now.mean;
    comparison.meaningful = is_meaningful_outcome_change(field, baseline, now);
    if (!comparison.meaningful || !better_is_known(field)) return;
    const int direction = now > baseline ? 1 : -1;
    comparison.meaningful_change = higher_is_better(field) ? direction : -direction;
}

std::vector<OutcomeComparison> outcomes_of(const VisitReport& report, const Config& config) {
    std::vector<OutcomeComparison> outcomes;
    for (const auto& outcome : config.profile.outcomes)
        for (const auto& measure : report.measures) {
            if (measure.field != outcome || measure.points.empty()) continue;
            const auto weeks = comparison_weeks(measure, report.stats.weekly.rows);
            if (!weeks) continue;
            const auto& [first, last] = *weeks;
            OutcomeComparison comparison{measure.field, measure.scale_min, measure.scale_max,
                                         window_of(measure, first), window_of(measure, last)};
            const FieldSpec* field = spec_of(config, measure.field);
            comparison.comparable =
                *first.to < *last.from &&
                static_cast<int>(comparison.baseline.points.size()) >=
                    OutcomeComparison::minimum_n &&
                static_cast<int>(comparison.now.points.size()) >= OutcomeComparison::minimum_n;
            comparison.rule_applies = field && has_range(*field);
            if (comparison.comparable && field) judge(comparison, *field);
            outcomes.push_back(std::move(comparison));
        }
    return outcomes;
}

bool is_outcome_kind(const Config& config, std::string_view kind) {
    return std::any_of(config.profile.outcomes.begin(), config.profile.outcomes.end(),
                       [&](const FieldRef& outcome) { return outcome.kind == kind; });
}

std::vector<std::string> outcome_kinds(const Config& config) {
    std::vector<std::string> kinds;
    for (const auto& outcome : config.profile.outcomes)
        if (std::find(kinds.begin(), kinds.end(), outcome.kind) == kinds.end())
            kinds.push_back(outcome.kind);
    return kinds;
}

std::vector<YesCount> yes_counts_of(const std::vector<CompactEntry>& reported,
                                    const Config& config) {
    std::vector<YesCount> counts;
    for (const auto& kind_name : outcome_kinds(config)) {
        const KindSpec* kind = config.profile.kind(kind_name);
        if (!kind) continue;
        for (const auto& field : kind->fields) {
            if (field.type != FieldType::boolean) continue;
            YesCount count{{kind->name, field.name}, 0, 0};
            for (const auto& entry : reported) {
                const CompactValue* value =
                    entry.kind == kind->name ? entry.field(field.name) : nullptr;
                const bool* yes = value ? std::get_if<bool>(value) : nullptr;
                if (!yes) continue;
                ++count.n;
                if (*yes) ++count.yes;
            }
            if (count.n > 0) counts.push_back(count);
        }
    }
    return counts;
}

std::vector<KindDays> kind_days_of(const VisitReport& report,
                                   const std::vector<CompactEntry>& reported,
                                   const Config& config) {
    std::vector<KindDays> result;
    for (const auto& kind : outcome_kinds(config)) {
        // A kind the plan counts has its days in the adherence already.
        if (std::any_of(report.items.begin(), report.items.end(),
                        [&](const PlanItem& item) { return item.kind == kind; }))
            continue;
        DaySet logged(report.period);
        for (const auto& entry : reported)
            if (entry.kind == kind) logged.insert(entry.at.local_date());
        if (logged.count() > 0) result.push_back({kind, logged.count()});
    }
    return result;
}

std::vector<ProgressionNow> progression_now(const VisitReport& report, const Config& config) {
    std::vector<ProgressionNow> result;
    for (const auto& series : report.progression) {
        ProgressionNow now{series.field,
                           series.points.back().value,
                           series.points.back().date,
                           std::nullopt,
                           {},
                           {}};
        for (auto point = series.points.rbegin(); point != series.points.rend(); ++point) {
            if (point->value != now.value) break;
            now.since = point->date;
        }
        const KindSpec* kind = config.profile.kind(series.field.kind);
        const FieldSpec* field = kind ? kind->field(series.field.field) : nullptr;
        if (field) now.unit = field->unit;
        const auto& diameters = config.settings.dilator_diameters_mm;
        if (now.value >= 1 && static_cast<std::size_t>(now.value) <= diameters.size())
            now.diameter = diameters[static_cast<std::size_t>(now.value - 1)];
        for (const auto& summary : report.stats.progression)
            if (summary.kind == series.field.kind && summary.field == series.field.field)
                now.step_backs = summary.step_backs;
        result.push_back(std::move(now));
    }
    return result;
}

// A week whose adherence can be compared: all seven days in the period, something due in it
// and no window of it still open (the current week is "so far", not a figure).
bool is_comparable_week(const WeekRow& row) {
    if (row.days.length() < 7 || !row.adherence) return false;
    return std::none_of(row.items.begin(), row.items.end(),
                        [](const Adherence& item) { return item.open.has_value(); });
}

AdherenceGlance adherence_of(const VisitReport& report, const std::vector<CompactEntry>& reported,
                             const Config& config) {
    AdherenceGlance glance;
    glance.overall = report.stats.adherence;
    std::vector<const WeekRow*> weeks;
    for (const auto& row : report.stats.weekly.rows)
        if (is_comparable_week(row)) weeks.push_back(&row);
    glance.weeks_compared = static_cast<int>(weeks.size());
    const std::size_t side = std::min<std::size_t>(2, weeks.size() / 2);
    for (std::size_t index = 0; index < side; ++index)
        glance.first_weeks.emplace_back(*weeks[index]->days.from, weeks[index]->adherence);
    for (std::size_t index = weeks.size() - side; index < weeks.size(); ++index)
        glance.last_weeks.emplace_back(*weeks[index]->days.from, weeks[index]->adherence);
    DaySet rested(report.period);
    for (const auto& run : report.rests)
        for (Date day = run.first; day <= run.last; day += days{1})
            rested.insert(day);
    glance.rest_days = rested.count();
    DaySet logged(report.period);
    for (const auto& entry : reported) {
        if (!is_logged_entry(entry, config.profile)) continue;
        ++glance.entries;
        logged.insert(entry.at.local_date());
    }
    glance.days_logged = logged.count();
    return glance;
}

// Persistent pain with its days (stats counts them; the notes name them), and gaps.
std::vector<FlagFacts> flags_of(const VisitReport& report, const Config& config) {
    std::vector<FlagFacts> facts;
    for (const auto& flag : report.stats.flags) {
        if (flag.kind == Flag::Kind::gap) {
            FlagFacts gap{flag.kind, 0, {}, flag.first, flag.last, flag.last >= *report.period.to};
            for (Date day = flag.first; day <= flag.last; day += days{1})
                gap.days.push_back(day);
            facts.push_back(std::move(gap));
        }
        if (flag.kind != Flag::Kind::persistent_pain) continue;
        std::set<Date> painful;
        for (const auto& measure : report.measures) {
            const FieldSpec* field = spec_of(config, measure.field);
            if (!field || !is_pain_field(*field)) continue;
            for (const auto& point : measure.points)
                if (point.value >= flag.level) painful.insert(point.date);
        }
        if (painful.empty()) continue;
        FlagFacts pain{flag.kind,        flag.level,        {painful.begin(), painful.end()},
                       *painful.begin(), *painful.rbegin(), *painful.rbegin() >= *report.period.to};
        facts.push_back(std::move(pain));
    }
    return facts;
}

// What was given, as written: its `dose` field, else its `units` ("100 units"), else "".
std::string dose_of(const Entry& entry) {
    for (const char* dose_field : {"dose", "units"}) {
        const FieldValue* value = entry.field(dose_field);
        if (const auto* text = value ? std::get_if<std::string>(value) : nullptr) return *text;
        if (const auto* number = value ? std::get_if<std::int64_t>(value) : nullptr)
            return fmt::format("{} {}", *number, dose_field);
    }
    return {};
}

std::vector<ProcedureContext> procedures_of(const VisitReport& report,
                                            const std::vector<Entry>& entries,
                                            const History& earlier, const Config& config) {
    std::vector<ProcedureContext> result;
    const auto add = [&](const std::string& name, Date day, const Entry& entry) {
        for (auto& known : result)
            if (known.name == name) {
                known.date = day;
                known.entry = entry;
                return;
            }
        result.push_back({name, entry, {}, day, 0});
    };
    for (const auto& procedure : earlier.procedures)
        add(procedure.name, procedure.last, procedure.entry);
    const RoleScan roles(config.profile);
    for (const auto& entry : entries) {
        const Date day = entry.at.local_date();
        if (day > *report.period.to) break;
        if (roles.is_procedure(entry.kind)) add(RoleScan::procedure_name(entry), day, entry);
    }
    for (auto& procedure : result) {
        procedure.days_ago = static_cast<int>((*report.period.to - procedure.date).count());
        procedure.dose = dose_of(procedure.entry);
        if (!report.notes) strip_notes(procedure.entry);
    }
    return result;
}

// One group per medicine and dose, so a change of dose shows with its dates.
std::vector<TreatmentGroup> treatment_groups_of(const std::vector<Entry>& treatments) {
    std::vector<TreatmentGroup> groups;
    for (const auto& entry : treatments) {
        const std::string name = RoleScan::procedure_name(entry);
        const std::string dose = dose_of(entry);
        const std::vector<std::string> doses =
            dose.empty() ? std::vector<std::string>{} : std::vector<std::string>{dose};
        const Date day = entry.at.local_date();
        auto group = std::find_if(groups.begin(), groups.end(), [&](const TreatmentGroup& known) {
            return known.kind == entry.kind && known.name == name && known.doses == doses;
        });
        if (group == groups.end()) {
            groups.push_back({entry.kind, name, day, day, 0, doses});
            group = groups.end() - 1;
        }
        group->last = day;
        ++group->count;
    }
    return groups;
}

Glance glance_of(const VisitReport& report, const std::vector<CompactEntry>& reported,
                 const JournalSlice& slice, const Plan& plan, const Config& config) {
    Glance glance;
    glance.procedures = procedures_of(report, slice.entries, slice.before, config);
    for (const auto& item : plan.items)
        if (item.in_force_on(*report.period.to) || item.in_force_on(*report.period.from))
            glance.programme_start =
                std::min(glance.programme_start.value_or(item.start), item.start);
    glance.outcomes = outcomes_of(report, config);
    glance.yes_counts = yes_counts_of(reported, config);
    glance.kind_days = kind_days_of(report, reported, config);
    glance.progression = progression_now(report, config);
    glance.adherence = adherence_of(report, reported, config);
    glance.flags = flags_of(report, config);
    for (auto entry = report.notes_list.rbegin();
         entry != report.notes_list.rend() && glance.latest_notes.size() < PageOneLimits::quotes;
         ++entry) {
        if (!is_outcome_kind(config, entry->kind)) continue;
        std::string excerpt = shortened(entry->note, PageOneLimits::quote_characters);
        const bool cut = excerpt != entry->note;
        glance.latest_notes.push_back({*entry, std::move(excerpt), cut});
    }
    glance.outcomes_in_full = std::min(glance.outcomes.size(), PageOneLimits::outcomes_in_full);
    glance.flags_on_page_one = std::min(glance.flags.size(), PageOneLimits::flags);
    for (const auto& question : report.questions) {
        if (glance.questions_on_page_one.size() == PageOneLimits::questions) {
            glance.questions_in_full = false;
            break;
        }
        std::string excerpt = shortened(question.note, PageOneLimits::question_characters);
        if (excerpt != question.note) glance.questions_in_full = false;
        glance.questions_on_page_one.push_back(std::move(excerpt));
    }
    return glance;
}

// The time of the last visit on `day`: what was logged on that day up to it is the earlier
// notes' (a visit is logged when it happens, or after it).
std::optional<Instant> visit_time_on(Date day, const std::vector<Entry>& entries,
                                     const Profile& profile) {
    const RoleScan roles(profile);
    std::optional<Instant> time;
    for (const auto& entry : entries)
        if (roles.is_visit(entry.kind) && entry.at.local_date() == day &&
            (!time || entry.at.utc_seconds > time->utc_seconds))
            time = entry.at;
    return time;
}

// Whether the report's kinds hold one with the role: a section of that role left out by --kind
// says so rather than "none".
bool includes_role(const std::vector<std::string>& kinds, const Profile& profile,
                   std::initializer_list<KindRole> roles) {
    for (const auto& kind : profile.kinds)
        if (std::find(roles.begin(), roles.end(), kind.role) != roles.end() &&
            wanted_kind(kinds, kind.name))
            return true;
    return false;
}

}  // namespace

ExportPeriod default_export_period(const std::vector<Entry>& entries, const History& earlier,
                                   const Profile& profile, Date today) {
    const auto visit = last_visit_before(entries, earlier, profile, today, today);
    if (visit) return {Period{*visit, today}, visit};
    return {Period{today - days{29}, today}, std::nullopt};
}

bool is_reported(const VisitReport& report, Instant at, std::string_view kind) {
    const Date day = at.local_date();
    if (!wanted_kind(report.kinds, kind) || !report.period.contains(day)) return false;
    // The notes since a visit start at its time: the visit and what came before it that day
    // were in the notes for it.
    const auto& visit = report.from_visit;
    return !(visit && day == *report.period.from && at.utc_seconds <= visit->utc_seconds);
}

std::optional<Entry> reported_entry(const VisitReport& report, Entry entry) {
    if (!is_reported(report, entry.at, entry.kind)) return std::nullopt;
    if (!report.notes) strip_notes(entry);
    return entry;
}

bool read_in_full_for_notes(const Entry& entry, const Profile& profile) {
    return !entry.note.empty() || profile.role_of(entry.kind) != KindRole::none;
}

VisitReport compute_visit_report(const ExportRequest& request, const JournalSlice& slice,
                                 const Plan& plan, const Config& config) {
    const std::vector<Entry>& entries = slice.entries;
    const CompactEntries& counted = slice.compact;
    const History& earlier = slice.before;
    VisitReport report;
    report.period = request.period;
    report.generated = request.today;
    report.name = config.settings.name;
    report.notes = request.notes;
    report.last_visit =
        last_visit_before(entries, earlier, config.profile, *request.period.to, request.today);
    report.kinds = request.kinds;
    report.included = {
        includes_role(request.kinds, config.profile, {KindRole::question}),
        includes_role(request.kinds, config.profile, {KindRole::visit}),
        includes_role(request.kinds, config.profile, {KindRole::medication, KindRole::procedure})};
    if (request.from_visit && report.last_visit == *request.period.from)
        report.from_visit = visit_time_on(*request.period.from, entries, config.profile);
    StatsRequest stats{request.period, previous_period(request.period), request.kinds,
                       request.today};
    report.stats = summarise(stats, counted.entries(), earlier, plan, config);
    for (const auto& item : report.stats.items)
        report.items.push_back(plan.items[item.number - 1]);

    // Questions stay open across visits until answered: those open before the slice and the
    // slice's questions, less those its answers up to the period's end close.
    std::vector<Entry> asked;
    if (request.notes)
        for (const auto& question : earlier.open_questions)
            if (wanted_kind(request.kinds, question.kind)) asked.push_back(question);
    const RoleScan roles(config.profile);
    // An entry dated after today (a clock ahead) counts in no summary number (summarise), so the
    // notes list it nowhere either: not as a note, a quote, a question, a medicine, a visit or a
    // value of a chart. JSON and CSV still carry it with every entry of the period: they lose
    // nothing. A rest planned ahead is the plan's, and stays.
    const auto ahead = [&](Date day, std::string_view kind) {
        return day > request.today && config.profile.role_of(kind) != KindRole::rest;
    };
    for (const auto& entry : entries) {
        const Date day = entry.at.local_date();
        if (!wanted_kind(request.kinds, entry.kind) || day > *request.period.to) continue;
        auto reported = reported_entry(report, entry);
        if (ahead(day, entry.kind)) {
            if (reported && request.list_entries) report.entries.push_back(std::move(*reported));
            continue;
        }
        if (roles.is_question(entry.kind) && request.notes) asked.push_back(entry);
        if (!reported) continue;
        if (roles.is_treatment(entry.kind)) report.treatments.push_back(*reported);
        if (roles.is_visit(entry.kind)) report.visits.push_back(*reported);
        if (request.notes && !entry.note.empty() && !roles.is_question(entry.kind) &&
            config.profile.role_of(entry.kind) != KindRole::rest)
            report.notes_list.push_back(entry);
        if (request.list_entries) report.entries.push_back(std::move(*reported));
    }
    // What is counted is counted from the compact entries, which are every entry read in full
    // (`entries` may hold only those read_in_full_for_notes keeps).
    std::vector<CompactEntry> reported;
    for (const auto& entry : counted.entries())
        if (is_reported(report, entry.at, entry.kind) && !ahead(entry.at.local_date(), entry.kind))
            reported.push_back(entry);
    for (const auto& kind : report.stats.weekly.plan_kinds)
        report.sessions += static_cast<int>(
            std::count_if(reported.begin(), reported.end(),
                          [&](const CompactEntry& entry) { return entry.kind == kind; }));
    report.questions = open_questions(asked, config.profile);
    report.treatment_groups = treatment_groups_of(report.treatments);
    report.rests = rests_of(request, entries, config.profile);
    report.measures = measures_of(report, reported, request, config);
    report.outcome = outcome_of(report, config);
    report.progression = progression_of(request, counted.entries(), earlier, config);
    report.glance = glance_of(report, reported, slice, plan, config);
    return report;
}

}  // namespace tend
