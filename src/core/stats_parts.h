// The sections of the summary, each computed in its own file and added to the report.
#pragma once

#include <vector>

#include "tend/stats.h"

namespace tend {

// True for scale fields where a higher value is the better one (comfort, mood, ...); for the
// rest (pain, anxiety) lower is better.
bool higher_is_better(const FieldSpec& field);

// Plan adherence per item with its day strip, overall adherence, and streaks (stats_plan.cpp).
void add_plan_sections(StatsReport& report, const StatsRequest& request,
                       const std::vector<Entry>& entries, const Plan& plan, const Config& config);

// The highest value of each progression field and its step backs (stats_progress.cpp).
void add_progression(StatsReport& report, const StatsRequest& request,
                     const std::vector<Entry>& entries, const Config& config);

// Persistent pain, step backs, gaps; procedures and the last visit (stats_progress.cpp).
void add_flags_and_milestones(StatsReport& report, const StatsRequest& request,
                              const std::vector<Entry>& entries, const Plan& plan,
                              const Config& config);

}  // namespace tend
