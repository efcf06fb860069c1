// The sections of the summary, each computed in its own file and added to the report.
#pragma once

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "core/scale.h"
#include "tend/history.h"
#include "tend/stats.h"

namespace tend {

// Values of a field: how many, their sum, the lowest and the highest. The sum is a long double
// (to 1e4932), so that the mean of values near the largest double (1e308) is that value, not
// inf.
struct Values {
    int n = 0;
    long double sum = 0;
    double min = 0;
    double max = 0;
    void add(double value) {
        min = n == 0 ? value : std::min(min, value);
        max = n == 0 ? value : std::max(max, value);
        sum += value;
        ++n;
    }
    double mean() const { return n == 0 ? 0 : static_cast<double>(sum / n); }
    // For a week of the trend view: none when there were no values.
    std::optional<WeekValues> week_values() const {
        if (n == 0) return std::nullopt;
        return WeekValues{n, mean(), max};
    }
};

// Days of a bounded period, one bit each: which days had something.
class DaySet {
  public:
    explicit DaySet(const Period& period)
        : first_(*period.from),
          bits_(static_cast<std::size_t>(std::max<long>(0, (*period.to - first_).count() + 1))) {}
    // Days outside the period are left out.
    void insert(Date day) {
        if (const auto index = index_of(day)) bits_[*index] = true;
    }
    bool contains(Date day) const {
        const auto index = index_of(day);
        return index && bits_[*index];
    }
    int count() const { return static_cast<int>(std::count(bits_.begin(), bits_.end(), true)); }

  private:
    std::optional<std::size_t> index_of(Date day) const {
        const auto index = (day - first_).count();
        if (index < 0 || static_cast<std::size_t>(index) >= bits_.size()) return std::nullopt;
        return static_cast<std::size_t>(index);
    }
    Date first_;
    std::vector<bool> bits_;
};

// Whether a higher value is the better one: the field's `better`, else true for fields named or
// labelled comfort, mood, relief, function, ...; for the rest (pain, anxiety) lower is better.
bool higher_is_better(const FieldSpec& field);
// Whether tend knows which way is better for `field`: its `better`, a name or label above, or a
// scale (a symptom rated 0-10: lower is better). A questionnaire score without `better` is not.
bool better_is_known(const FieldSpec& field);

// A scale field that rates pain: named "pain" or labelled so (pain.level).
bool is_pain_field(const FieldSpec& field);

// A scale field the reports follow week by week: one that rates pain, or one of the profile's
// outcomes (a migraine diary's severity).
bool is_followed_scale(const Profile& profile, const KindSpec& kind, const FieldSpec& field);

// For a scale field, whether a change of its mean counts: +1 better, -1 worse, 0 when it is
// under 2 points on a 0-10 scale (scaled to the field's range) or the field is not a scale.
int meaningful_change(const FieldSpec& field, double change);

// True when `kinds` covers `kind` (no kinds cover all); the request's form uses its kinds.
bool wanted_kind(const std::vector<std::string>& kinds, std::string_view kind);
bool wanted_kind(const StatsRequest& request, std::string_view kind);

// Which week of `period` holds `day`, counting from 0 for the (possibly cut) first week.
std::size_t week_index(Date day, const Period& period, Weekday week_start);

// The entries on the days of `period` whose kind the request covers, in time order.
std::vector<const CompactEntry*> entries_in(const std::vector<CompactEntry>& entries,
                                            const Period& period, const StatsRequest& request);

// An item's expected and credited sessions over `windows`, so items of any unit add up: a
// total's window is one session, credited with the share of the total reached (stats_plan.cpp).
std::pair<double, double> in_sessions(const PlanItem& item, const std::vector<Window>& windows,
                                      Date today);

// Whether an entry counts as logging in the summary's entries and days (the header, the weekly
// rows, the gap flag): every entry but a rest entry (`tend skip`), whose days are counted apart.
bool is_logged_entry(const CompactEntry& entry, const Profile& profile);

// The summary of `entries` (time order, from where `earlier` ends to the period's end, covering
// the previous period): compute_stats's body, also used by the visit report. Entries dated after
// `request.today` are left out of every number, but rests planned ahead (`tend skip`).
StatsReport summarise(const StatsRequest& request, const std::vector<CompactEntry>& entries,
                      const History& earlier, const Plan& plan, const Config& config);

// summarise's body, for entries none of which is dated after today.
StatsReport summarise_so_far(const StatsRequest& request, const std::vector<CompactEntry>& entries,
                             const History& earlier, const Plan& plan, const Config& config);

// Plan adherence per item with its day strip, overall adherence, and streaks (stats_plan.cpp).
// Returns each summarised item's windows in the period, for the weekly rows.
std::vector<std::vector<Window>> add_plan_sections(StatsReport& report, const StatsRequest& request,
                                                   const std::vector<CompactEntry>& entries,
                                                   const History& earlier, const Plan& plan,
                                                   const Config& config);

// The highest value of each progression field and its step backs (stats_progress.cpp).
void add_progression(StatsReport& report, const StatsRequest& request,
                     const std::vector<CompactEntry>& entries, const History& earlier,
                     const Config& config);

// Persistent pain, step backs, gaps; procedures and the last visit (stats_progress.cpp).
void add_flags_and_milestones(StatsReport& report, const StatsRequest& request,
                              const std::vector<CompactEntry>& entries, const History& earlier,
                              const Plan& plan, const Config& config);

// One row per week of the period up to today (stats_weekly.cpp); `item_windows` as
// add_plan_sections returned them.
void add_weekly(StatsReport& report, const StatsRequest& request,
                const std::vector<CompactEntry>& entries,
                const std::vector<std::vector<Window>>& item_windows, const Plan& plan,
                const Config& config);

}  // namespace tend
