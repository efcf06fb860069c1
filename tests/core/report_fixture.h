// The reports computed from entries in memory, the whole journal read in full: what core tests
// compare against (the store reads through Journal::slice_for instead).
#pragma once

#include <vector>

#include "tend/effect.h"
#include "tend/journal_slice.h"
#include "tend/stats.h"
#include "tend/visit_report.h"

namespace tend::testing {

inline StatsReport stats_of(const StatsRequest& request, const std::vector<Entry>& entries,
                            const Plan& plan, const Config& config) {
    return compute_stats(request, everything_in(entries, config.profile), plan, config);
}

inline VisitReport visit_report_of(const ExportRequest& request, const std::vector<Entry>& entries,
                                   const Plan& plan, const Config& config) {
    return compute_visit_report(request, everything_in(entries, config.profile), plan, config);
}

inline EffectReport effect_of(const EffectRequest& request, const std::vector<Entry>& entries,
                              const Config& config) {
    return compare_effect(request, everything_in(entries, config.profile), config);
}

// The default period of the visit notes when `entries` hold the whole journal.
inline ExportPeriod default_period_of(const std::vector<Entry>& entries, const Profile& profile,
                                      Date today) {
    return default_export_period(entries, History{}, profile, today);
}

}  // namespace tend::testing
