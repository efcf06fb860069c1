// The summary's header and per-kind numbers; the plan, progression and flags are beside it.
#include "tend/stats.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <set>

#include "core/stats_parts.h"

namespace tend {

namespace {

using std::chrono::days;

// `entries` by kind: the entries of profile.kinds[i] at [i], in their order. One walk over ten
// years of entries, not one per kind; an entry's spec finds its kind without comparing names.
std::vector<std::vector<const CompactEntry*>> by_kind(
    const std::vector<const CompactEntry*>& entries, const Profile& profile) {
    std::vector<std::vector<const CompactEntry*>> grouped(profile.kinds.size());
    const KindSpec* first = profile.kinds.data();
    const KindSpec* end = first + profile.kinds.size();
    const std::less<const KindSpec*> before;
    for (const CompactEntry* entry : entries) {
        const KindSpec* spec = entry->spec;
        // The spec is the container's profile's: another profile's is found by name.
        if (spec && (before(spec, first) || !before(spec, end))) spec = profile.kind(entry->kind);
        if (spec) grouped[static_cast<std::size_t>(spec - first)].push_back(entry);
    }
    return grouped;
}

// The values of `field` in `entries`, all of one kind.
Values values_of(const std::vector<const CompactEntry*>& entries, const std::string& field) {
    Values values;
    for (const CompactEntry* entry : entries)
        if (const CompactValue* value = entry->field(field))
            if (const auto number = numeric_value(*value)) values.add(*number);
    return values;
}

std::vector<std::optional<double>> daily_means(const std::vector<const CompactEntry*>& entries,
                                               const std::string& field, const Period& period) {
    const auto length = static_cast<std::size_t>((*period.to - *period.from).count() + 1);
    std::vector<Values> per_day(length);
    for (const CompactEntry* entry : entries)
        if (const CompactValue* value = entry->field(field))
            if (const auto number = numeric_value(*value))
                per_day[static_cast<std::size_t>((entry->at.local_date() - *period.from).count())]
                    .add(*number);
    std::vector<std::optional<double>> means;
    for (const auto& day : per_day)
        means.push_back(day.n ? std::optional<double>(day.mean()) : std::nullopt);
    return means;
}

// `current` and `previous` hold the entries of `kind` only.
KindSummary summarise_kind(const KindSpec& kind, const std::vector<const CompactEntry*>& current,
                           const std::vector<const CompactEntry*>& previous, const Period& period) {
    KindSummary summary;
    summary.kind = kind.name;
    DaySet days_with(period);
    for (const CompactEntry* entry : current) {
        ++summary.count;
        days_with.insert(entry->at.local_date());
    }
    summary.days = days_with.count();
    for (const auto& spec : kind.fields) {
        if (!spec.is_numeric()) continue;
        const Values values = values_of(current, spec.name);
        if (values.n == 0) continue;
        FieldSummary field;
        field.field = spec.name;
        field.label = std::string(spec.display_name());
        field.type = spec.type;
        field.scale_min = scale_min(spec);
        field.scale_max = scale_max(spec);
        field.n = values.n;
        // Past the largest double the sum is inf, which every renderer shows as "no value".
        field.sum = static_cast<double>(values.sum);
        field.mean = values.mean();
        field.min = values.min;
        field.max = values.max;
        const Values before = values_of(previous, spec.name);
        if (before.n > 0) field.previous_mean = before.mean();
        field.previous_n = before.n;
        if (spec.type == FieldType::scale)
            field.daily_means = daily_means(current, spec.name, period);
        if (field.previous_mean)
            field.meaningful_change = meaningful_change(spec, field.mean - *field.previous_mean);
        summary.fields.push_back(std::move(field));
    }
    return summary;
}

// Named or labelled as something that is better when higher (a score labelled "function").
bool named_better_when_higher(const FieldSpec& field) {
    constexpr std::string_view better_when_higher[] = {
        "comfort", "mood", "energy", "arousal", "desire", "relief", "satisfaction", "function"};
    const auto named = [&](std::string_view word) {
        return std::find(std::begin(better_when_higher), std::end(better_when_higher), word) !=
               std::end(better_when_higher);
    };
    return named(field.name) || (!field.label.empty() && named(field.label));
}

}  // namespace

bool higher_is_better(const FieldSpec& field) {
    if (field.higher_is_better) return *field.higher_is_better;
    return named_better_when_higher(field);
}

bool better_is_known(const FieldSpec& field) {
    return field.higher_is_better || field.type == FieldType::scale ||
           named_better_when_higher(field);
}

bool is_pain_field(const FieldSpec& field) {
    return field.type == FieldType::scale && (field.name == "pain" || field.label == "pain");
}

bool is_followed_scale(const Profile& profile, const KindSpec& kind, const FieldSpec& field) {
    if (field.type != FieldType::scale) return false;
    if (is_pain_field(field)) return true;
    return std::find(profile.outcomes.begin(), profile.outcomes.end(),
                     FieldRef{kind.name, field.name}) != profile.outcomes.end();
}

int meaningful_change(const FieldSpec& field, double change) {
    if (field.type != FieldType::scale) return 0;
    if (!is_meaningful(change, scale_max(field) - scale_min(field))) return 0;
    const int direction = change > 0 ? 1 : -1;
    return higher_is_better(field) ? direction : -direction;
}

bool wanted_kind(const std::vector<std::string>& kinds, std::string_view kind) {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool wanted_kind(const StatsRequest& request, std::string_view kind) {
    return wanted_kind(request.kinds, kind);
}

std::size_t week_index(Date day, const Period& period, Weekday week_start) {
    const auto weeks = start_of_week(day, week_start) - start_of_week(*period.from, week_start);
    return static_cast<std::size_t>(weeks.count() / 7);
}

std::vector<const CompactEntry*> entries_in(const std::vector<CompactEntry>& entries,
                                            const Period& period, const StatsRequest& request) {
    std::vector<const CompactEntry*> selected;
    for (const auto& entry : entries)
        if (period.contains(entry.at.local_date()) && wanted_kind(request, entry.kind))
            selected.push_back(&entry);
    return selected;
}

Period previous_period(const Period& period) {
    // A calendar month is compared with the calendar month before it, whatever its length.
    if (*period.from == first_of_month(*period.from) && *period.to == last_of_month(*period.from)) {
        const Date before = *period.from - days{1};
        return Period{first_of_month(before), before};
    }
    const auto length = *period.to - *period.from + days{1};
    return Period{*period.from - length, *period.from - days{1}};
}

StatsReport compute_stats(const StatsRequest& request, const JournalSlice& slice, const Plan& plan,
                          const Config& config) {
    return summarise(request, slice.compact.entries(), slice.before, plan, config);
}

bool is_logged_entry(const CompactEntry& entry, const Profile& profile) {
    return role_of(entry, profile) != KindRole::rest;
}

StatsReport summarise(const StatsRequest& request, const std::vector<CompactEntry>& entries,
                      const History& earlier, const Plan& plan, const Config& config) {
    // A summary tells what has happened so far: an entry dated after today (a clock set wrong, or
    // a device ahead) counts in none of its numbers. A rest planned ahead (`tend skip --on
    // tomorrow`) is no such entry: it is the plan's, and stays. Such entries are rare, so the
    // entries are copied only when there are some.
    const auto after_today = [&](const CompactEntry& entry) {
        return entry.at.local_date() > request.today && is_logged_entry(entry, config.profile);
    };
    if (std::any_of(entries.begin(), entries.end(), after_today)) {
        std::vector<CompactEntry> so_far;
        std::copy_if(entries.begin(), entries.end(), std::back_inserter(so_far),
                     [&](const CompactEntry& entry) { return !after_today(entry); });
        return summarise_so_far(request, so_far, earlier, plan, config);
    }
    return summarise_so_far(request, entries, earlier, plan, config);
}

StatsReport summarise_so_far(const StatsRequest& request, const std::vector<CompactEntry>& entries,
                             const History& earlier, const Plan& plan, const Config& config) {
    StatsReport report;
    report.period = request.period;
    report.previous = request.previous;
    const auto current = entries_in(entries, request.period, request);
    const auto previous = request.previous ? entries_in(entries, *request.previous, request)
                                           : std::vector<const CompactEntry*>{};
    // Rest entries (`tend skip`) are no logging: their days are counted apart.
    DaySet days_logged(request.period);
    DaySet rested(request.period);
    for (const CompactEntry* entry : current) {
        if (!is_logged_entry(*entry, config.profile)) {
            // Like the days logged, rest days are counted up to today: one planned ahead is
            // still to come.
            if (const auto rest = rest_of(*entry, config.profile))
                for (Date day = rest->first; day <= std::min(rest->last, request.today);
                     day += days{1})
                    rested.insert(day);
            continue;
        }
        ++report.entries;
        days_logged.insert(entry->at.local_date());
    }
    report.days_logged = days_logged.count();
    report.rest_days = rested.count();
    const Date last_so_far =
        std::clamp(request.today, *request.period.from - days{1}, *request.period.to);
    report.days_so_far = days_between(*request.period.from, last_so_far) + 1;

    const auto current_by_kind = by_kind(current, config.profile);
    const auto previous_by_kind = by_kind(previous, config.profile);
    for (std::size_t index = 0; index < config.profile.kinds.size(); ++index) {
        const KindSpec& kind = config.profile.kinds[index];
        if (!wanted_kind(request, kind.name) || kind.role == KindRole::rest) continue;
        KindSummary summary =
            summarise_kind(kind, current_by_kind[index], previous_by_kind[index], request.period);
        if (summary.count > 0) report.kinds.push_back(std::move(summary));
    }
    const auto item_windows = add_plan_sections(report, request, entries, earlier, plan, config);
    add_progression(report, request, entries, earlier, config);
    add_flags_and_milestones(report, request, entries, earlier, plan, config);
    add_weekly(report, request, entries, item_windows, plan, config);
    return report;
}

}  // namespace tend
