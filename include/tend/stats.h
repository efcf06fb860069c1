// The weekly summary as a value: plan adherence, per-kind numbers, progression, streaks, flags.
// Renderers (terminal, JSON, and the export's Markdown and HTML) only format it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tend/adherence.h"
#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/history.h"
#include "tend/journal_slice.h"
#include "tend/period.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend {

// One day of an item's strip: a session that completed its window, part of what was expected,
// a window that ended with nothing, a day with nothing due, a day still to come, or a rest day
// (`tend skip`: nothing was due, and nothing was done that counted on it).
enum class DayMark { done, partly, missed, not_due, to_come, rest };

struct ItemSummary {
    std::size_t number = 0;  // as `tend plan` shows it
    std::string label;
    std::string kind;
    std::string total_field;  // the field a total adds up; empty when sessions are counted
    Adherence adherence;
    std::optional<double> previous_adherence;  // the same item over the previous period
    std::vector<DayMark> days;                 // one per day of the period
    Adherence previous;  // what previous_adherence rests on (expected 0: nothing was due)
};

struct FieldSummary {
    std::string field;
    std::string label;
    FieldType type = FieldType::number;
    double scale_min = 0;  // the field's range, for sparklines
    double scale_max = 10;
    int n = 0;
    double sum = 0;
    double mean = 0;
    double min = 0;
    double max = 0;
    std::optional<double> previous_mean;
    int previous_n = 0;  // the values previous_mean rests on
    // For scale fields: the mean of each day of the period (none on days without a value).
    std::vector<std::optional<double>> daily_means;
    // A change of at least 2 points on a 0-10 scale: +1 better, -1 worse, 0 not meaningful.
    int meaningful_change = 0;
};

struct KindSummary {
    std::string kind;
    int count = 0;
    int days = 0;
    std::vector<FieldSummary> fields;  // numeric fields that had values, in profile order
};

struct StepBack {
    Date date{};
    std::int64_t from = 0;
    std::int64_t to = 0;
};

struct ProgressionSummary {
    std::string kind;
    std::string field;
    std::int64_t highest = 0;                    // the highest value in the period
    Date first_reached{};                        // the first day of the period with that value
    std::optional<std::int64_t> highest_before;  // the highest before the period
    std::vector<StepBack> step_backs;            // sessions lower than the one before them
};

// The run of fully done days of a daily item, as it stood on `through`: today, or the period's
// last day when the period ended before today, so a past week says what its streak was at its
// end whatever the journal holds after it.
struct Streak {
    std::string label;
    int current = 0;  // fully done days in a row up to `through` (today counts once it is done);
                      // rest days are passed over, neither counted nor breaking the run
    int longest = 0;  // the longest run from the item's start up to `through`
    Date through{};
    bool up_to_today = true;  // false: `through` is the last day of a period that has ended
};

// Something in the period worth a word, as data: render says it (render/flag_text.h), so the
// sentences a user reads live with the other sentences.
struct Flag {
    enum class Kind { persistent_pain, step_back, gap };
    Kind kind = Kind::gap;
    int level = 0;          // persistent pain: the settings' level...
    int days = 0;           // ...reached on this many days; a gap: its length in days
    std::string about{};    // a step back: the kind that stepped back
    std::string field{};    // ... and its progression field
    std::int64_t from = 0;  // a step back: from this value...
    std::int64_t to = 0;    // ...back to this one
    Date first{};           // a step back: its day; a gap: its first day
    Date last{};            // a gap: its last day

    // "persistent-pain", "step-back", "gap": the stable name JSON readers key on.
    std::string_view id() const;
};

struct Milestone {
    std::string what;  // a procedure's name ("Botox"); whom the last visit was with ("pt"), or ""
    Date date{};
    int days_ago = 0;
};

// The values of a field in one week: how many, their mean and the highest.
struct WeekValues {
    int n = 0;
    double mean = 0;
    double max = 0;
};

// One week of the trend view, clipped to the period. The vectors follow WeeklyTable's columns.
struct WeekRow {
    Period days;  // bounded: the week's days that lie in the period
    int entries = 0;
    int days_logged = 0;
    int days_so_far = 0;  // the row's days up to today: fewer than its days in the current week
    std::optional<double> adherence;  // over every item, in sessions, like the summary's
    std::vector<Adherence> items;     // each of the report's items that week (expected 0: none due)
    std::vector<int> sessions;        // entries of each plan kind
    std::vector<std::optional<WeekValues>> pain;       // each pain field: mean and highest
    std::vector<std::optional<std::int64_t>> highest;  // each progression field
};

// The trend over months (`stats --weekly`): one row per week of the period up to today.
struct WeeklyTable {
    std::vector<std::string> plan_kinds;  // kinds of the items with sessions due, in plan order
    std::vector<FieldRef> pain_fields;    // pain scales with a value in the period ("sex.pain")
    std::vector<FieldRef> progressions;   // progression fields with a value ("dilate.size")
    std::vector<WeekRow> rows;
};

struct StatsReport {
    Period period;  // bounded
    std::optional<Period> previous;
    int days_logged = 0;
    int days_so_far = 0;  // the period's days up to today (0: not computed)
    int entries = 0;      // without rest entries (`tend skip`)
    int rest_days = 0;    // days of the period some rest entry covers
    std::vector<ItemSummary> items;
    std::optional<double> adherence;  // over every item, in sessions (see stats.md)
    std::optional<double> previous_adherence;
    std::vector<KindSummary> kinds;
    std::vector<ProgressionSummary> progression;
    std::vector<Streak> streaks;
    std::vector<Flag> flags;
    std::vector<Milestone> procedures;  // the last of each name, up to the period's end
    std::optional<Milestone> last_visit;
    WeeklyTable weekly;
};

struct StatsRequest {
    Period period;                   // bounded
    std::optional<Period> previous;  // usually the same length just before
    std::vector<std::string> kinds;  // only these kinds (empty: all)
    Date today{};
};

// Computes the summary from the slice's compact entries and what came before them (the streaks,
// the highest sizes and the milestones need it); the slice must cover the previous period
// (store::Journal::slice_for with LookBack::previous_period does).
StatsReport compute_stats(const StatsRequest& request, const JournalSlice& slice, const Plan& plan,
                          const Config& config);

// The period to compare `period` (bounded) with: the calendar month before for a calendar month,
// else the period of the same length just before it.
Period previous_period(const Period& period);

}  // namespace tend
