// Measuring a plan item against the journal: its schedule windows and what was done in each.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "tend/civil_time.h"
#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/period.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend {

// A stretch of days in which an item expects a number of sessions (or a total of a field):
// a day for "3/day", N days anchored at the item's start for "every Nd", a week for "3/week",
// a listed day for "mon,wed,fri". Windows are clipped to the days the item is in force.
struct Window {
    Date first{};
    Date last{};
    double expected = 0;  // sessions, or units of the total's field (minutes)
    double done = 0;      // sessions that met the conditions, or the sum of the field
    // With some of its days resting: the middle one of the days that do not rest (see anchor).
    std::optional<Date> due_anchor;

    bool contains(Date day) const { return first <= day && day <= last; }
    // The day that decides which period the window belongs to: its middle day, the earlier of
    // the two for an even number of days; of a window with rest days, the middle one of its days
    // that do not rest. A period holding it holds most of the window's days that are due
    // whenever the window is cut in two (a tie goes to the period of the first day), so a period
    // of rest days only never owns a window; and the choice depends on the window and its rest
    // days alone, so a period asked alone and the same period as a row of a longer report own
    // the same windows (see docs/plan.md).
    Date anchor() const {
        return due_anchor ? *due_anchor : first + std::chrono::days{(last - first).count() / 2};
    }
    double remaining() const { return done >= expected ? 0 : expected - done; }
    bool met() const { return done >= expected; }
    // How much of the window counts: min(done, expected) / expected, 1 when nothing was expected.
    double fulfilment() const {
        return expected <= 0 ? 1 : (done >= expected ? 1 : done / expected);
    }
};

// What an item counts from the journal: the amount of each entry that counts (1 session, or the
// total's field), by local date, so windows can add up any range of days.
class CountedAmounts {
  public:
    CountedAmounts(const PlanItem& item, const std::vector<CompactEntry>& entries);
    // With `earlier`: the amounts per day before `entries` (History::counted).
    CountedAmounts(const PlanItem& item, const std::vector<std::pair<Date, double>>& earlier,
                   const std::vector<CompactEntry>& entries);
    double between(Date first, Date last) const;  // inclusive
    // The amounts summed per day, in date order.
    std::vector<std::pair<Date, double>> per_day() const;

    // Rest days of the item (rest_days_of): nothing is due on them.
    void add_rest_days(const std::vector<Date>& days);
    bool rests_on(Date day) const;
    long rest_days_between(Date first, Date last) const;  // inclusive
    const std::vector<Date>& rest_days() const { return rest_days_; }
    const std::vector<std::pair<Date, double>>& amounts() const { return amounts_; }

  private:
    void count(const PlanItem& item, const std::vector<CompactEntry>& entries);
    std::vector<std::pair<Date, double>> amounts_;  // in date order
    std::vector<Date> rest_days_;                   // in date order, each once
};

// A rest entry (`tend skip`): an entry of a kind with the role rest. It rests the plan items of
// the kinds its text field `items` names (separated by spaces or commas; none or empty: every
// item) for `days` days (1 when absent) from its local date; its note is the reason.
constexpr int longest_rest_days = 31;  // the most days one rest entry can hold (`days`)
struct Rest {
    Date first{};
    Date last{};
    std::vector<std::string> kinds;  // empty: every plan item
    bool rests(const PlanItem& item) const;
};
std::optional<Rest> rest_of(const CompactEntry& entry, const Profile& profile);

// The rest entries among `entries`, in their order. A report gathers them once and asks
// rest_days_of for each plan item, so that ten years of entries are walked once, not per item.
std::vector<Rest> rests_in(const std::vector<CompactEntry>& entries, const Profile& profile);

// The days `item` rests on, in date order, each once: the days of the `rests` that name it (or
// name no kind), while the item is in force.
std::vector<Date> rest_days_of(const PlanItem& item, const std::vector<Rest>& rests);

// The window of `item` that holds `day`, with nothing done yet; none when the item is not in
// force that day or its schedule has nothing on it ("mon,wed,fri" on a Tuesday).
std::optional<Window> window_on(const PlanItem& item, Date day, Weekday week_start);

// The window of `item` that holds `day` as the reports count it: with the rest days in `counted`
// taken out (a window of rest days only is not due, a week expects pro rata of its days left)
// and what was done in it. None when nothing is due.
std::optional<Window> due_window_on(const PlanItem& item, Date day, Weekday week_start,
                                    const CountedAmounts& counted);

// The windows of `item` that belong to `period` (their anchor day lies in it, so consecutive
// periods share none), each evaluated whole with what `counted` did on all of its days, also
// those outside the period. A week the item covers only in part expects times x days / 7,
// rounded; windows expecting nothing are left out. Rest days count as days the item does not
// cover: a daily window on one, or an N-day window of rest days only, is not due, and a week
// with rest days expects pro rata of the days left. An open end of `period` stops at the item's
// end, or at `today`.
std::vector<Window> windows_for(const PlanItem& item, const Period& period,
                                const CountedAmounts& counted, Weekday week_start, Date today);

// The run of days a daily item (every day, or on listed weekdays) was fully done, from its start
// to `through` (today, or an earlier day whose run is asked): the run ending there and the longest.
// The same as folding windows_for's windows from the item's start (a rest day neither counts nor
// ends a run; today counts once done and does not end a run while still open), in one pass over the
// counted days without making a window for each day, so a streak over thirty years costs little.
// Only for daily items (is_daily).
bool is_daily(const PlanItem& item);  // every day, or on listed weekdays
struct DailyRun {
    int current = 0;
    int longest = 0;
    friend bool operator==(const DailyRun&, const DailyRun&) = default;
};
// A run as it stood at the end of `through`, a day before today (History::settle): the walk can
// go on from the day after, and `counted` need hold no earlier day.
struct SettledRun {
    Date through{};
    DailyRun run;
};
DailyRun daily_run(const PlanItem& item, const CountedAmounts& counted, Date through, Date today,
                   const std::optional<SettledRun>& settled = std::nullopt);

// The days whose entries decide the adherence of `plan` over `period`: the period itself, widened
// to the first and last day of the windows that belong to it (a week that belongs to a period
// ending on a Thursday runs to the Sunday after). A report reads at least these days in full.
// An open side stays open.
Period days_read_in_full(const Plan& plan, const Period& period, Weekday week_start);

// Adherence of one item over a period: sum of min(done, expected) over sum of expected, in the
// item's own unit, over the windows that have closed. The window holding `today` is "so far":
// it is kept aside in `open` and counts nowhere until it closes, so it can neither lower nor
// raise a percentage; future windows do not count.
struct Adherence {
    double expected = 0;
    double credited = 0;         // sum of min(done, expected)
    int windows = 0;             // closed windows
    int met = 0;                 // closed windows fully done
    std::optional<Window> open;  // the window holding today, with what is done so far

    std::optional<double> fraction() const {
        if (expected <= 0) return std::nullopt;
        return credited / expected;
    }
};
Adherence adherence_of(const std::vector<Window>& windows, Date today);

// Where `item` stands on `day`, for `plan today`, `plan due` and the line after `log`.
struct DayStatus {
    // resting: `day` is a rest day of the item (whatever its window still expects).
    enum class State { due, done, not_due, resting };
    State state = State::not_due;
    std::optional<Window> window;  // the window holding `day`, with what was done
    double done_that_day = 0;      // of the window's done, the part logged on `day`
    std::optional<Date> next;      // the first day of the next window, when there is one
};
// With the rest days in `counted` (CountedAmounts::add_rest_days).
DayStatus status_on(const PlanItem& item, Date day, const CountedAmounts& counted,
                    Weekday week_start);

}  // namespace tend
