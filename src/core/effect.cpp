// Comparing an outcome on days after a factor with days without it (`stats --effect`).
#include "tend/effect.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/stats_parts.h"

namespace tend {

namespace {

using std::chrono::days;

struct SideSum {
    long double sum = 0;
    int days = 0;
    EffectSide side() const {
        return {days,
                days > 0 ? std::optional<double>(static_cast<double>(sum / days)) : std::nullopt};
    }
};

}  // namespace

std::optional<double> EffectReport::difference() const {
    if (!enough() || !with.mean || !without.mean) return std::nullopt;
    // Of the means as they are printed (tenths; minutes for a duration), so that the sentence
    // agrees with the two lines above it.
    const auto shown = [&](double mean) {
        return outcome_type == FieldType::duration ? std::round(mean) : to_tenths(mean);
    };
    return shown(*with.mean) - shown(*without.mean);
}

bool EffectReport::meaningful() const {
    const auto change = difference();
    return outcome_type == FieldType::scale && change && is_meaningful(*change, scale_range);
}

EffectCount::EffectCount(const EffectRequest& request, const Config& config) {
    empty_.request = request;
    const KindSpec* kind = config.profile.kind(request.outcome.kind);
    if (const FieldSpec* spec = kind ? kind->field(request.outcome.field) : nullptr) {
        empty_.outcome_type = spec->type;
        empty_.scale_range = scale_max(*spec) - scale_min(*spec);
        empty_.lower_is_better = !higher_is_better(*spec);
    }
}

void EffectCount::add(const CompactEntry& entry) {
    const EffectRequest& request = empty_.request;
    const Date day = entry.at.local_date();
    if (entry.kind == request.factor) {
        auto [place, added] = first_factor_.try_emplace(day, entry.at.utc_seconds);
        if (!added) place->second = std::min(place->second, entry.at.utc_seconds);
    }
    if (entry.kind != request.outcome.kind) return;
    const CompactValue* value = entry.field(request.outcome.field);
    const auto number = value ? numeric_value(*value) : std::nullopt;
    if (!number) return;
    auto [outcome, added] = outcomes_.try_emplace(day);
    if (added) outcome->second.first_utc = entry.at.utc_seconds;
    outcome->second.sum += *number;
    ++outcome->second.n;
    outcome->second.first_utc = std::min(outcome->second.first_utc, entry.at.utc_seconds);
}

EffectReport EffectCount::report(const Period& period) const {
    EffectReport report = empty_;
    report.request.period = period;
    SideSum with;
    SideSum without;
    for (const auto& [day, outcome] : outcomes_) {
        if (!period.contains(day)) continue;
        bool after_factor = false;
        if (const auto same_day = first_factor_.find(day); same_day != first_factor_.end())
            after_factor = same_day->second < outcome.first_utc;
        for (int back = 1; back <= report.request.within_days && !after_factor; ++back)
            after_factor = first_factor_.contains(day - days{back});
        SideSum& side = after_factor ? with : without;
        side.sum += outcome.sum / outcome.n;
        ++side.days;
    }
    report.with = with.side();
    report.without = without.side();
    return report;
}

EffectReport compare_effect(const EffectRequest& request, const JournalSlice& slice,
                            const Config& config) {
    EffectCount count(request, config);
    for (const auto& entry : slice.compact.entries())
        count.add(entry);
    return count.report(request.period);
}

}  // namespace tend
