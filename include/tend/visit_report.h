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

// The period a report covers when none is given: from the last visit before today (a visit
// logged today is the one the report is for) up to today, or the last 30 days when there was no
// visit. The period starts on the visit's day; with ExportRequest::from_visit only what was
// logged after the visit's time on that day belongs to it.
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
    // The period starts on the day of the last visit (default_export_period): entries of that
    // day up to the visit's time were in the notes before and are left out.
    bool from_visit = false;
    // false: VisitReport::entries stays empty, and the slice need hold in full only the entries
    // read_in_full_for_notes keeps (its compact entries are every one): the JSON and CSV exports
    // write the period's entries month by month instead (reported_entry), so that their memory
    // is bounded by a month, not by the history.
    bool list_entries = true;
};

struct MeasurePoint {
    Date date{};
    double value = 0;
};

// A scale field (pain during sex, anxiety while dilating, ...) over the period, or the main
// number of a kind the plan does not count (range of motion in degrees, Bristol stool form).
struct Measure {
    FieldRef field;
    double scale_min = 0;
    double scale_max = 10;
    bool scale = true;                 // false: a number, not a rating (no "meaningful change")
    std::vector<MeasurePoint> points;  // every value, in time order
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

// Page 1 of the notes, "At a glance": what a clinician asks first, as data (docs/export.md).

// The days of one side of an outcome's comparison and the values logged on them.
struct OutcomeWindow {
    Period days;                       // bounded
    std::vector<MeasurePoint> points;  // in time order
    std::optional<double> mean;        // none without points
};

// An outcome (the profile's `outcomes`) at the start of the period against its end: the values
// of the first two weeks that hold any against those of the last two (one week each when only
// two or three weeks hold values), a side taking in more weeks while it holds fewer than
// minimum_n values and the sides stay apart. Means are rounded to tenths, as the notes print them,
// before anything is compared, so the change printed is the difference of the means printed.
struct OutcomeComparison {
    FieldRef field;
    double scale_min = 0;
    double scale_max = 10;
    OutcomeWindow baseline;  // days: from the first baseline week's start to the last one's end
    OutcomeWindow now;       // the same as baseline when only one week holds values
    // Both sides have at least `minimum_n` values: only then is a change called meaningful.
    // Three, not two: a mean of two can be one good and one bad evening, and a side of one
    // entry a week then spans three weeks rather than claiming a trend from two.
    bool comparable = false;
    // Whether the rule for a meaningful change applies (a scale, or a number with a min and a
    // max: scale_min and scale_max are then its range, else the values' span), and with
    // comparable, whether the change is one: 2 points on 0-10 (or its share of another range)
    // or 30% of the baseline.
    bool rule_applies = false;
    bool meaningful = false;
    // With meaningful: +1 better, -1 worse; 0 when tend doesn't know which way is better (a
    // score without `better` in the profile), and when not meaningful.
    int meaningful_change = 0;
    static constexpr int minimum_n = 3;
};

// A yes/no field of an outcome kind over the period: "penetration possible: 6 of 7".
struct YesCount {
    FieldRef field;
    int yes = 0;
    int n = 0;
};

// Days with an entry of an outcome kind: "migraine on 9 of 47 days".
struct KindDays {
    std::string kind;
    int days = 0;
};

// Where a progression stands at the period's end: "size 4 (22 mm) since 9 Nov".
struct ProgressionNow {
    FieldRef field;
    std::int64_t value = 0;
    Date since{};                      // the first day of the last run at that value
    std::optional<double> diameter;    // mm, for a dilator size the settings know
    std::string unit;                  // the field's unit, else ""
    std::vector<StepBack> step_backs;  // in the period
};

// The plan's adherence, overall and in the first and last weeks; rest days apart. The weeks
// compared are whole weeks of the period in which something was due and nothing is still open:
// never a week before the plan started, an empty one, a stub at an edge or the current week.
struct AdherenceGlance {
    std::optional<double> overall;
    std::vector<std::pair<Date, std::optional<double>>> first_weeks;  // up to 2, week start
    std::vector<std::pair<Date, std::optional<double>>> last_weeks;   // up to 2, after those
    int weeks_compared = 0;  // the whole weeks that could be compared
    int rest_days = 0;       // days of the period on which some item rested (`tend skip`)
    int entries = 0;         // entries of the period but rest entries
    int days_logged = 0;     // days with such an entry
};

// The last procedure of each name up to the period's end, with what was given.
struct ProcedureContext {
    std::string name;
    Entry entry;       // the procedure entry (its dose, units); without notes: no note or tags
    std::string dose;  // its `dose` as written, else its `units` ("100 units"), else ""
    Date date{};
    int days_ago = 0;  // to the period's end
};

// A flag as a clinician reads it: what, on which days, and whether it went on to the end.
struct FlagFacts {
    Flag::Kind kind = Flag::Kind::gap;
    int level = 0;           // persistent pain: the settings' level
    std::vector<Date> days;  // persistent pain: each day at or above it; a gap: its days
    Date first{};
    Date last{};
    bool to_the_end = false;  // the last day is the period's last (nothing "since")
};

// What page 1 holds, whatever the profile and the journal hold, so that it stands alone on one
// printed page (A4 or Letter): the rest goes to the later pages (docs/export.md, "At a glance").
// One place for the rule: the core decides what page 1 holds, the renderers word it.
struct PageOneLimits {
    static constexpr std::size_t outcomes_in_full = 2;  // further outcomes: one compact line
    static constexpr std::size_t flags = 4;
    static constexpr std::size_t questions = 3;              // the oldest; the rest: "and K more"
    static constexpr std::size_t question_characters = 160;  // two printed lines at most
    static constexpr std::size_t quotes = 3;
    static constexpr std::size_t quote_characters = 120;  // then "…"; in full under Notes
};

// A note of an outcome kind as page 1 quotes it: on one line, cut short at a word with "…".
struct Quote {
    Entry entry;          // the note in full (and under Notes)
    std::string excerpt;  // at most PageOneLimits::quote_characters characters and "…"
    bool shortened = false;
};

struct Glance {
    std::vector<ProcedureContext> procedures;
    std::optional<Date> programme_start;  // the earliest start of an item in force
    std::vector<OutcomeComparison> outcomes;
    std::vector<YesCount> yes_counts;
    std::vector<KindDays> kind_days;
    std::vector<ProgressionNow> progression;
    AdherenceGlance adherence;
    std::vector<FlagFacts> flags;     // persistent pain and gaps (step backs: progression)
    std::vector<Quote> latest_notes;  // up to 3 of the outcome kinds, newest first
    // How many of `outcomes`, `flags` and the report's open questions page 1 shows in full
    // (the first ones); the rest are continued after page 1.
    std::size_t outcomes_in_full = 0;
    std::size_t flags_on_page_one = 0;
    // The first open questions as page 1 words them (one line each, cut short with "…"); when
    // these are not all of them in full, every one follows in full after page 1.
    std::vector<std::string> questions_on_page_one;
    bool questions_in_full = true;
};

// Whether the report's kinds (--kind) hold a kind of each role a section lists: a section whose
// kinds were left out says so instead of "none".
struct IncludedRoles {
    bool questions = true;
    bool visits = true;
    bool treatments = true;
};

// A medicine or procedure over the period, one row per name and dose: "topiramate 25 mg, 1-30
// Nov, 30 times".
struct TreatmentGroup {
    std::string kind;
    std::string name;  // its `name` field, else the kind
    Date first{};
    Date last{};
    int count = 0;
    std::vector<std::string> doses;  // its `dose` (or `units`) as written; empty: none given
};

struct VisitReport {
    Period period;
    Date generated{};
    std::string name;  // the person's name from tend.toml; may be empty
    std::optional<Date> last_visit;
    std::optional<Instant> from_visit;  // with ExportRequest::from_visit: the visit's time
    std::vector<std::string> kinds;     // --kind: only these (empty: all)
    IncludedRoles included;
    bool notes = true;
    StatsReport stats;            // the period's summary, its weekly rows and flags
    std::vector<PlanItem> items;  // the plan items of stats.items, in the same order
    int sessions = 0;             // entries of the kinds the plan expects
    std::optional<OutcomeTrend> outcome;
    std::vector<Measure> measures;
    std::vector<ProgressionSeries> progression;
    std::vector<Entry> treatments;  // entries of medication and procedure kinds in the period
    std::vector<TreatmentGroup> treatment_groups;  // the same, one per name, first seen first
    std::vector<Entry> visits;                     // entries of visit kinds in the period
    std::vector<RestRun> rests;                    // rest days in the period, in date order
    std::vector<Entry>
        notes_list;  // entries with a note but questions and rests; none without notes
    // Open at the period's end, oldest first: asked before it (across visits) and not answered
    // by then. Empty without notes.
    std::vector<Entry> questions;
    std::vector<Entry> entries;  // every entry of the period; without notes: no notes or tags
    Glance glance;
};

// Computes the report from the slice's entries and what came before them; the slice must
// cover the period before this one (store::Journal::slice_for does). Everything counted comes
// from the slice's compact entries; what is listed (questions, treatments, visits, rests, notes)
// from its full entries.
VisitReport compute_visit_report(const ExportRequest& request, const JournalSlice& slice,
                                 const Plan& plan, const Config& config);

// Whether an entry at `at` of `kind` is one of the report's entries: of a wanted kind, in the
// period, and not logged before the visit the period starts with (VisitReport::from_visit).
bool is_reported(const VisitReport& report, Instant at, std::string_view kind);

// `entry` as VisitReport::entries holds it (without its note and tags when the report has no
// notes), or nothing when it is not one of them.
std::optional<Entry> reported_entry(const VisitReport& report, Entry entry);

// Whether the visit notes need `entry` in full (its note, or a kind with a role: questions,
// treatments, visits, rests) when they need not list every entry (ExportRequest::list_entries).
bool read_in_full_for_notes(const Entry& entry, const Profile& profile);

}  // namespace tend
