// The notes for a doctor visit (`tend export`) as a value: the stats of the period plus the
// series, lists and sentences' numbers a clinician reads. Renderers (Markdown, HTML, CSV, JSON)
// only format it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tend/entry.h"
#include "tend/history.h"
#include "tend/journal_slice.h"
#include "tend/period.h"
#include "tend/plan.h"
#include "tend/profile.h"
#include "tend/stats.h"

namespace tend {

// The period a report covers when none is given: from the day after the last visit before today
// (a visit logged today is the one the report is for) up to today, or the last 30 days when
// there was no visit.
struct ExportPeriod {
    Period period;
    std::optional<Date> last_visit;
};
// `entries` (this month's, up to today) and `earlier` (the months before) as store::Journal's
// slice_for reads them to find the period.
ExportPeriod default_export_period(const std::vector<Entry>& entries, const History& earlier,
                                   const Profile& profile, Date today);

struct ExportRequest {
    Period period;                   // bounded
    std::vector<std::string> kinds;  // only these kinds (empty: all)
    Date today{};
    bool notes = true;  // false: no free-text notes, tags or questions anywhere (--no-notes)
};

struct MeasurePoint {
    Date date{};
    double value = 0;
};

// A scale field (pain during sex, anxiety while dilating, ...) over the period.
struct Measure {
    FieldRef field;
    double scale_min = 0;
    double scale_max = 10;
    std::vector<MeasurePoint> points;              // every value, in time order
    std::vector<std::optional<WeekValues>> weeks;  // per row of stats.weekly
};

struct ProgressionPoint {
    Date date{};
    std::int64_t value = 0;
    bool step_back = false;  // lower than the session before it
};

struct ProgressionSeries {
    FieldRef field;
    std::int64_t scale_max = 0;  // the field's max (the number of dilator sizes), or the highest
    std::vector<ProgressionPoint> points;
};

// The main outcome's weekly mean in the first and the last week that had values.
struct OutcomeTrend {
    FieldRef field;
    Date first_week{};
    double first_mean = 0;
    Date last_week{};
    double last_mean = 0;
    int meaningful_change = 0;  // +1 better, -1 worse, 0 under 2 points on 0-10
};

// Consecutive rest days (`tend skip`) with one reason, clipped to the period: "14-17 Oct: period".
struct RestRun {
    Date first{};
    Date last{};
    std::vector<std::string> kinds;  // the plan kinds rested; empty: every item
    std::string reason;              // the rest entries' note; empty without notes
    friend bool operator==(const RestRun&, const RestRun&) = default;
};

struct VisitReport {
    Period period;
    Date generated{};
    std::string name;  // the person's name from tend.toml; may be empty
    std::optional<Date> last_visit;
    bool notes = true;
    StatsReport stats;            // the period's summary, its weekly rows and flags
    std::vector<PlanItem> items;  // the plan items of stats.items, in the same order
    int sessions = 0;             // entries of the kinds the plan expects
    std::optional<OutcomeTrend> outcome;
    std::vector<Measure> measures;
    std::vector<ProgressionSeries> progression;
    std::vector<Entry> treatments;  // entries of medication and procedure kinds in the period
    std::vector<Entry> visits;      // entries of visit kinds in the period
    std::vector<RestRun> rests;     // rest days in the period, in date order
    std::vector<Entry>
        notes_list;  // entries with a note but questions and rests; none without notes
    std::vector<Entry> questions;  // since the last visit, not answered; empty without notes
    std::vector<Entry> entries;    // every entry of the period; without notes: no notes or tags
};

// Computes the report from the slice's full entries and what came before them; the slice must
// cover the period before this one (store::Journal::slice_for does).
VisitReport compute_visit_report(const ExportRequest& request, const JournalSlice& slice,
                                 const Plan& plan, const Config& config);

}  // namespace tend
