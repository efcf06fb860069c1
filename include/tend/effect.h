// What helps: an outcome on days after a factor (cardio before sex) against days without it.
// Days are compared, not causes; with fewer than three days on a side there is no conclusion.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tend/entry.h"
#include "tend/journal_slice.h"
#include "tend/period.h"
#include "tend/profile.h"
#include "tend/stats.h"

namespace tend {

struct EffectRequest {
    Period period;        // bounded: the days whose outcome is compared
    std::string factor;   // a kind, such as cardio
    FieldRef outcome;     // a numeric field: sex.pain
    int within_days = 2;  // a factor entry up to this many days before counts
};

struct EffectSide {
    int days = 0;                // days with an outcome value
    std::optional<double> mean;  // of the days' means
};

struct EffectReport {
    EffectRequest request;
    FieldType outcome_type = FieldType::number;
    double scale_range = 10;      // for scales: max - min, to tell a meaningful difference
    bool lower_is_better = true;  // for scales
    EffectSide with;              // days after the factor
    EffectSide without;
    static constexpr int minimum_days = 3;
    bool enough() const { return with.days >= minimum_days && without.days >= minimum_days; }
    // with - without, of the means as printed (tenths; whole minutes for durations), once both
    // sides have enough days.
    std::optional<double> difference() const;
    // For scales: a difference of at least 2 points on 0-10 (scaled to the range).
    bool meaningful() const;
};

// compare_effect with the entries given one at a time (a month of the journal at a time, each
// month in time order): it keeps a few numbers for each day, not the entries, so ten years take
// the memory of a month.
class EffectCount {
  public:
    // The request's factor, outcome and within_days; its period is report()'s.
    EffectCount(const EffectRequest& request, const Config& config);
    void add(const CompactEntry& entry);
    // The report for `period` (bounded).
    EffectReport report(const Period& period) const;

  private:
    struct OutcomeDay {
        long double sum = 0;  // no overflow to inf, whatever the values
        int n = 0;
        std::int64_t first_utc = 0;
    };
    EffectReport empty_;
    std::map<Date, std::int64_t> first_factor_;  // the earliest factor entry of each day
    std::map<Date, OutcomeDay> outcomes_;
};

// Each day of the period with an outcome value counts once, with the mean of that day's values.
// It is "with" the factor when a factor entry lies on one of the `within_days` days before it,
// or earlier on the same day than the day's first outcome entry. The slice's full entries,
// reaching back `within_days` before the period (LookBack::everything reads them all).
EffectReport compare_effect(const EffectRequest& request, const JournalSlice& slice,
                            const Config& config);

}  // namespace tend
