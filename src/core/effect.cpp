// Comparing an outcome on days after a factor with days without it (`stats --effect`).
#include "tend/effect.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/stats_parts.h"

namespace tend {

namespace {

using std::chrono::days;

struct OutcomeDay {
    long double sum = 0;  // no overflow to inf, whatever the values
    int n = 0;
    std::int64_t first_utc = std::numeric_limits<std::int64_t>::max();
};

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
    return *with.mean - *without.mean;
}

bool EffectReport::meaningful() const {
    const auto change = difference();
    return outcome_type == FieldType::scale && change && is_meaningful(*change, scale_range);
}

EffectReport compare_effect(const EffectRequest& request, const JournalSlice& slice,
                            const Config& config) {
    const std::vector<CompactEntry>& entries = slice.compact.entries();
    EffectReport report;
    report.request = request;
    const KindSpec* kind = config.profile.kind(request.outcome.kind);
    if (const FieldSpec* spec = kind ? kind->field(request.outcome.field) : nullptr) {
        report.outcome_type = spec->type;
        report.scale_range = scale_max(*spec) - scale_min(*spec);
        report.lower_is_better = !higher_is_better(*spec);
    }
    std::map<Date, std::int64_t> first_factor;  // the earliest factor entry of each day
    std::map<Date, OutcomeDay> outcomes;
    for (const auto& entry : entries) {
        const Date day = entry.at.local_date();
        if (entry.kind == request.factor) {
            auto [place, added] = first_factor.try_emplace(day, entry.at.utc_seconds);
            if (!added) place->second = std::min(place->second, entry.at.utc_seconds);
        }
        if (entry.kind != request.outcome.kind || !request.period.contains(day)) continue;
        const CompactValue* value = entry.field(request.outcome.field);
        const auto number = value ? numeric_value(*value) : std::nullopt;
        if (!number) continue;
        OutcomeDay& outcome = outcomes[day];
        outcome.sum += *number;
        ++outcome.n;
        outcome.first_utc = std::min(outcome.first_utc, entry.at.utc_seconds);
    }
    SideSum with;
    SideSum without;
    for (const auto& [day, outcome] : outcomes) {
        bool after_factor = false;
        if (const auto same_day = first_factor.find(day); same_day != first_factor.end())
            after_factor = same_day->second < outcome.first_utc;
        for (int back = 1; back <= request.within_days && !after_factor; ++back)
            after_factor = first_factor.contains(day - days{back});
        SideSum& side = after_factor ? with : without;
        side.sum += outcome.sum / outcome.n;
        ++side.days;
    }
    report.with = with.side();
    report.without = without.side();
    return report;
}

}  // namespace tend
