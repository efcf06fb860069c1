// The sections of the summary, each computed in its own file and added to the report.
#pragma once

#include <utility>
#include <vector>

#include "tend/stats.h"

namespace tend {

// True for scale fields where a higher value is the better one (comfort, mood, ...); for the
// rest (pain, anxiety) lower is better.
bool higher_is_better(const FieldSpec& field);

// A scale field that rates pain: named "pain" or labelled so (pain.level).
bool is_pain_field(const FieldSpec& field);

// True when the request covers `kind` (a request without kinds covers all).
bool wanted_kind(const StatsRequest& request, const std::string& kind);

// The entries on the days of `period` whose kind the request covers, in time order.
std::vector<const Entry*> entries_in(const std::vector<Entry>& entries, const Period& period,
                                     const StatsRequest& request);

// An item's expected and credited sessions over `windows`, so items of any unit add up: a
// total's window is one session, credited with the share of the total reached (stats_plan.cpp).
std::pair<double, double> in_sessions(const PlanItem& item, const std::vector<Window>& windows,
                                      Date today);

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

// One row per week of the period up to today (stats_weekly.cpp).
void add_weekly(StatsReport& report, const StatsRequest& request, const std::vector<Entry>& entries,
                const Plan& plan, const Config& config);

}  // namespace tend
