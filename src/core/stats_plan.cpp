// The plan in the summary: adherence per item, a day-by-day strip, overall adherence, streaks.
#include <algorithm>

#include "core/stats_parts.h"

namespace tend {

namespace {

using std::chrono::days;

// The mark of `day` in a strip of `period`. A day of a window that belongs to a neighbouring
// period shows nothing due here, so the strip says what the row's numbers count.
DayMark mark_for(const PlanItem& item, Date day, const Period& period,
                 const CountedAmounts& amounts, Weekday week_start, Date today) {
    if (day > today) return DayMark::to_come;
    const double on_day = amounts.between(day, day);
    const auto window = due_window_on(item, day, week_start, amounts);
    // A rest day shows as one, unless a session on it counts in its window (a week's) here.
    if (item.in_force_on(day) && amounts.rests_on(day) &&
        (!window || on_day <= 0 || !period.contains(window->anchor())))
        return DayMark::rest;
    if (!window || !period.contains(window->anchor())) return DayMark::not_due;
    // The window holding today is "so far", done or not: no row counts it yet.
    if (window->last >= today && on_day > 0) return DayMark::partly;
    if (window->first == window->last) {
        if (window->met()) return DayMark::done;
        if (window->done > 0) return DayMark::partly;
        return day == today ? DayMark::to_come : DayMark::missed;
    }
    if (on_day > 0) return window->met() ? DayMark::done : DayMark::partly;
    if (day == window->last && !window->met() && day < today) return DayMark::missed;
    return DayMark::not_due;
}

// The streak as it stood on `through`: today, or the last day of a period that has ended. A
// report's slice may hold nothing after the period's end, so a run counted on to today would read
// the days after a past period as missed, and each period asked would say another number.
Streak streak_of(const PlanItem& item, const CountedAmounts& counted, Date through, Date today,
                 const std::optional<SettledRun>& settled) {
    const DailyRun run = daily_run(item, counted, through, today, settled);
    return Streak{item.label(), run.current, run.longest, through, through >= today};
}

}  // namespace

std::pair<double, double> in_sessions(const PlanItem& item, const std::vector<Window>& windows,
                                      Date today) {
    if (!item.total) {
        const Adherence adherence = adherence_of(windows, today);
        return {adherence.expected, adherence.credited};
    }
    double expected = 0;
    double credited = 0;
    for (const auto& window : windows) {
        if (window.last >= today) continue;  // open or still to come: not counted yet
        expected += 1;
        credited += window.fulfilment();
    }
    return {expected, credited};
}

std::vector<std::vector<Window>> add_plan_sections(StatsReport& report, const StatsRequest& request,
                                                   const std::vector<CompactEntry>& entries,
                                                   const History& earlier, const Plan& plan,
                                                   const Config& config) {
    const std::vector<std::pair<Date, double>> nothing_earlier;
    std::vector<std::vector<Window>> item_windows;
    const Weekday week_start = config.settings.week_start;
    const Date today = request.today;
    double expected = 0;
    double credited = 0;
    double previous_expected = 0;
    double previous_credited = 0;
    const auto rests = rests_in(entries, config.profile);
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        const PlanItem& item = plan.items[index];
        if (!wanted_kind(request, item.kind)) continue;
        CountedAmounts counted(
            item, index < earlier.counted.size() ? earlier.counted[index] : nothing_earlier,
            entries);
        if (index < earlier.rested.size()) counted.add_rest_days(earlier.rested[index]);
        counted.add_rest_days(rest_days_of(item, rests));
        auto windows = windows_for(item, request.period, counted, week_start, today);
        // "was" is the previous period's own figure: items that ended before this one count too.
        std::optional<double> previous_fraction;
        Adherence previous;
        if (request.previous) {
            const auto before = windows_for(item, *request.previous, counted, week_start, today);
            previous = adherence_of(before, today);
            previous_fraction = previous.fraction();
            const auto [before_expected, before_credited] = in_sessions(item, before, today);
            previous_expected += before_expected;
            previous_credited += before_credited;
        }
        if (windows.empty()) continue;
        ItemSummary summary{index + 1,
                            item.label(),
                            item.kind,
                            item.total ? item.total->field : std::string{},
                            adherence_of(windows, today),
                            previous_fraction,
                            {},
                            previous};
        const auto [item_expected, item_credited] = in_sessions(item, windows, today);
        expected += item_expected;
        credited += item_credited;
        for (Date day = *request.period.from; day <= *request.period.to; day += days{1})
            summary.days.push_back(mark_for(item, day, request.period, counted, week_start, today));
        report.items.push_back(std::move(summary));
        item_windows.push_back(std::move(windows));
        const Date through = std::min(today, *request.period.to);
        if (is_daily(item) && item.in_force_on(through))
            report.streaks.push_back(
                streak_of(item, counted, through, today, earlier.settled_run(index)));
    }
    if (expected > 0) report.adherence = credited / expected;
    if (previous_expected > 0) report.previous_adherence = previous_credited / previous_expected;
    return item_windows;
}

}  // namespace tend
