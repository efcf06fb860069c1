// Schedule windows of plan items, what was done in them, and adherence.
#include "tend/adherence.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/text.h"
#include "tend/history.h"

namespace tend {

namespace {

using std::chrono::days;

double per_window(const PlanItem& item) {
    return item.total ? item.total->at_least : item.schedule.times;
}

bool scheduled_on(const PlanItem& item, Date day) {
    if (item.schedule.unit != Schedule::Unit::weekdays) return true;
    const auto& listed = item.schedule.weekdays;
    return std::find(listed.begin(), listed.end(), Weekday{day}) != listed.end();
}

Date last_in_force(const PlanItem& item, Date last) {
    return item.end ? std::min(last, *item.end) : last;
}

// The week holding `week_first`, clipped to the item's dates; a part week expects pro rata.
std::optional<Window> week_window(const PlanItem& item, Date week_first) {
    const Date first = std::max(week_first, item.start);
    const Date last = last_in_force(item, week_first + days{6});
    if (last < first) return std::nullopt;
    const double share = static_cast<double>((last - first).count() + 1) / 7.0;
    const double expected =
        item.total ? per_window(item) * share : std::round(per_window(item) * share);
    if (expected <= 0) return std::nullopt;
    return Window{first, last, expected, 0, std::nullopt};
}

// The index-th window of an "every N days" item, anchored at its start.
Window interval_window(const PlanItem& item, long index) {
    const int interval = item.schedule.interval_days;
    const Date first = item.start + days{index * interval};
    return Window{first, last_in_force(item, first + days{interval - 1}), per_window(item), 0,
                  std::nullopt};
}

// The window of `item` that holds `day`, before anything is counted.
std::optional<Window> bare_window_on(const PlanItem& item, Date day, Weekday week_start) {
    if (!item.in_force_on(day)) return std::nullopt;
    switch (item.schedule.unit) {
        case Schedule::Unit::day:
        case Schedule::Unit::weekdays:
            if (!scheduled_on(item, day)) return std::nullopt;
            return Window{day, day, per_window(item), 0, std::nullopt};
        case Schedule::Unit::every_n_days:
            return interval_window(item, (day - item.start).count() / item.schedule.interval_days);
        case Schedule::Unit::week:
            return week_window(item, start_of_week(day, week_start));
    }
    return std::nullopt;
}

// The most days one window of `item` can have.
long longest_window(const PlanItem& item) {
    switch (item.schedule.unit) {
        case Schedule::Unit::every_n_days:
            return item.schedule.interval_days;
        case Schedule::Unit::week:
            return 7;
        default:
            return 1;
    }
}

// Windows whose first day lies in [from, to], in order.
std::vector<Window> bare_windows(const PlanItem& item, Date from, Date to, Weekday week_start) {
    std::vector<Window> windows;
    switch (item.schedule.unit) {
        case Schedule::Unit::day:
        case Schedule::Unit::weekdays:
            for (Date day = from; day <= to; day += days{1})
                if (scheduled_on(item, day))
                    windows.push_back({day, day, per_window(item), 0, std::nullopt});
            break;
        case Schedule::Unit::every_n_days: {
            const long interval = item.schedule.interval_days;
            for (long index = ((from - item.start).count() + interval - 1) / interval;
                 item.start + days{index * interval} <= to; ++index)
                windows.push_back(interval_window(item, index));
            break;
        }
        case Schedule::Unit::week:
            for (Date week = start_of_week(from, week_start); week <= to; week += days{7})
                if (const auto window = week_window(item, week);
                    window && from <= window->first && window->first <= to)
                    windows.push_back(*window);
            break;
    }
    return windows;
}

// `window` with the item's rest days taken out, as a week the item covers in part: none when
// every day of it rests, or when what is left of a week expects nothing.
std::optional<Window> without_rest(const PlanItem& item, Window window,
                                   const CountedAmounts& counted) {
    const long length = (window.last - window.first).count() + 1;
    const long resting = counted.rest_days_between(window.first, window.last);
    if (resting == 0) return window;
    if (resting >= length) return std::nullopt;
    std::vector<Date> due_days;
    for (Date day = window.first; day <= window.last; day += days{1})
        if (!counted.rests_on(day)) due_days.push_back(day);
    window.due_anchor = due_days[(due_days.size() - 1) / 2];
    if (item.schedule.unit == Schedule::Unit::week) {
        const double share = static_cast<double>(length - resting) / 7.0;
        window.expected =
            item.total ? per_window(item) * share : std::round(per_window(item) * share);
        if (window.expected <= 0) return std::nullopt;
    }
    return window;
}

}  // namespace

bool Rest::rests(const PlanItem& item) const {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), item.kind) != kinds.end();
}

std::optional<Rest> rest_of(const CompactEntry& entry, const Profile& profile) {
    if (role_of(entry, profile) != KindRole::rest) return std::nullopt;
    Rest rest;
    rest.first = entry.at.local_date();
    long length = 1;
    if (const auto* value = entry.field("days"))
        if (const auto* count = std::get_if<std::int64_t>(value))
            length = std::clamp<long>(static_cast<long>(*count), 1, longest_rest_days);
    rest.last = rest.first + days{length - 1};
    if (const auto items = text_of(entry.field("items"))) {
        std::string list(*items);
        std::replace(list.begin(), list.end(), ',', ' ');
        for (const auto word : split(list, ' '))
            if (!trim(word).empty()) rest.kinds.emplace_back(trim(word));
    }
    return rest;
}

std::vector<Rest> rests_in(const std::vector<CompactEntry>& entries, const Profile& profile) {
    std::vector<Rest> rests;
    for (const auto& entry : entries)
        if (auto rest = rest_of(entry, profile)) rests.push_back(std::move(*rest));
    return rests;
}

std::vector<Date> rest_days_of(const PlanItem& item, const std::vector<Rest>& rests) {
    std::vector<Date> rest_days;
    for (const auto& rest : rests) {
        if (!rest.rests(item)) continue;
        for (Date day = rest.first; day <= rest.last; day += days{1})
            if (item.in_force_on(day)) rest_days.push_back(day);
    }
    std::sort(rest_days.begin(), rest_days.end());
    rest_days.erase(std::unique(rest_days.begin(), rest_days.end()), rest_days.end());
    return rest_days;
}

void CountedAmounts::add_rest_days(const std::vector<Date>& rest_days) {
    rest_days_.insert(rest_days_.end(), rest_days.begin(), rest_days.end());
    std::sort(rest_days_.begin(), rest_days_.end());
    rest_days_.erase(std::unique(rest_days_.begin(), rest_days_.end()), rest_days_.end());
}

bool CountedAmounts::rests_on(Date day) const {
    return std::binary_search(rest_days_.begin(), rest_days_.end(), day);
}

long CountedAmounts::rest_days_between(Date first, Date last) const {
    return std::upper_bound(rest_days_.begin(), rest_days_.end(), last) -
           std::lower_bound(rest_days_.begin(), rest_days_.end(), first);
}

CountedAmounts::CountedAmounts(const PlanItem& item, const std::vector<CompactEntry>& entries) {
    count(item, entries);
}

CountedAmounts::CountedAmounts(const PlanItem& item,
                               const std::vector<std::pair<Date, double>>& earlier,
                               const std::vector<CompactEntry>& entries)
    : amounts_(earlier) {
    count(item, entries);
}

std::vector<std::pair<Date, double>> CountedAmounts::per_day() const {
    std::vector<std::pair<Date, double>> sums;
    for (const auto& [day, amount] : amounts_) {
        if (sums.empty() || sums.back().first != day)
            sums.emplace_back(day, amount);
        else
            sums.back().second += amount;
    }
    return sums;
}

void CountedAmounts::count(const PlanItem& item, const std::vector<CompactEntry>& entries) {
    // What came before is in date order already (a History's days, or nothing): the entries'
    // amounts are sorted on their own and merged in, so a week's summary on thirty years of
    // history does not sort thirty years of days again.
    const auto by_day = [](const auto& left, const auto& right) {
        return left.first < right.first;
    };
    const auto earlier = static_cast<std::ptrdiff_t>(amounts_.size());
    if (!std::is_sorted(amounts_.begin(), amounts_.end(), by_day))
        std::stable_sort(amounts_.begin(), amounts_.end(), by_day);
    for (const auto& entry : entries)
        if (item.counts(entry)) amounts_.emplace_back(entry.at.local_date(), item.amount_of(entry));
    const auto added = amounts_.begin() + earlier;
    std::stable_sort(added, amounts_.end(), by_day);
    std::inplace_merge(amounts_.begin(), added, amounts_.end(), by_day);
}

double CountedAmounts::between(Date first, Date last) const {
    const auto begin = std::lower_bound(
        amounts_.begin(), amounts_.end(), first,
        [](const std::pair<Date, double>& amount, Date day) { return amount.first < day; });
    double sum = 0;
    for (auto it = begin; it != amounts_.end() && it->first <= last; ++it)
        sum += it->second;
    return sum;
}

std::optional<Window> window_on(const PlanItem& item, Date day, Weekday week_start) {
    return bare_window_on(item, day, week_start);
}

std::optional<Window> due_window_on(const PlanItem& item, Date day, Weekday week_start,
                                    const CountedAmounts& counted) {
    const auto bare = bare_window_on(item, day, week_start);
    if (!bare) return std::nullopt;
    auto window = without_rest(item, *bare, counted);
    if (window) window->done = counted.between(window->first, window->last);
    return window;
}

std::vector<Window> windows_for(const PlanItem& item, const Period& period,
                                const CountedAmounts& counted, Weekday week_start, Date today) {
    const Date open_end = item.end ? std::min(*item.end, today) : today;
    const Date from = std::max(period.from.value_or(item.start), item.start);
    const Date to = last_in_force(item, period.to.value_or(open_end));
    if (to < from) return {};
    // A window that belongs to the period may begin before it: look back one window's length.
    const Date earliest = std::max(item.start, from - days{longest_window(item) - 1});
    std::vector<Window> windows;
    for (const auto& bare : bare_windows(item, earliest, to, week_start)) {
        auto window = without_rest(item, bare, counted);
        if (!window || window->anchor() < from || window->anchor() > to) continue;
        window->done = counted.between(window->first, window->last);
        windows.push_back(*window);
    }
    return windows;
}

bool is_daily(const PlanItem& item) {
    return item.schedule.unit == Schedule::Unit::day ||
           item.schedule.unit == Schedule::Unit::weekdays;
}

DailyRun daily_run(const PlanItem& item, const CountedAmounts& counted, Date through, Date today,
                   const std::optional<SettledRun>& settled) {
    DailyRun run;
    Date first = item.start;
    if (settled && settled->through >= item.start) {
        first = settled->through + days{1};
        run = settled->run;
    }
    const auto& amounts = counted.amounts();
    const auto& rest_days = counted.rest_days();
    auto amount = std::lower_bound(amounts.begin(), amounts.end(), first,
                                   [](const std::pair<Date, double>& counted_day, Date day) {
                                       return counted_day.first < day;
                                   });
    auto rest = std::lower_bound(rest_days.begin(), rest_days.end(), first);
    const double expected = per_window(item);
    const Date last = last_in_force(item, std::min(through, today));
    for (Date day = first; day <= last; day += days{1}) {
        // Summed in the order between() sums, so a fraction adds up to the same double.
        double done = 0;
        for (; amount != amounts.end() && amount->first == day; ++amount)
            done += amount->second;
        while (rest != rest_days.end() && *rest < day)
            ++rest;
        const bool resting = rest != rest_days.end() && *rest == day;
        if (resting || !scheduled_on(item, day)) continue;
        if (done >= expected)
            run.longest = std::max(run.longest, ++run.current);
        else if (day < today)
            run.current = 0;
    }
    return run;
}

Period days_read_in_full(const Plan& plan, const Period& period, Weekday week_start) {
    Period days = period;
    for (const auto& item : plan.items) {
        if (period.from)
            if (const auto window = bare_window_on(item, *period.from, week_start);
                window && window->anchor() >= *period.from)
                days.from = std::min(*days.from, window->first);
        if (period.to)
            if (const auto window = bare_window_on(item, *period.to, week_start);
                window && window->anchor() <= *period.to)
                days.to = std::max(*days.to, window->last);
    }
    return days;
}

Adherence adherence_of(const std::vector<Window>& windows, Date today) {
    Adherence adherence;
    for (const auto& window : windows) {
        if (window.first > today) continue;
        // The window holding today is not missed yet, nor done: it counts once it closes.
        if (window.last >= today) {
            adherence.open = window;
            continue;
        }
        adherence.expected += window.expected;
        adherence.credited += std::min(window.done, window.expected);
        adherence.windows += 1;
        adherence.met += window.met() ? 1 : 0;
    }
    return adherence;
}

DayStatus status_on(const PlanItem& item, Date day, const CountedAmounts& counted,
                    Weekday week_start) {
    DayStatus status;
    status.window = due_window_on(item, day, week_start, counted);
    Date search_from = day + days{1};
    if (status.window) {
        status.done_that_day = counted.between(day, day);
        status.state = status.window->met() ? DayStatus::State::done : DayStatus::State::due;
        search_from = status.window->last + days{1};
    }
    if (item.in_force_on(day) && counted.rests_on(day)) status.state = DayStatus::State::resting;
    if (search_from < item.start) search_from = item.start;
    // The next window starts within a week of the current one, or at the item's start.
    for (Date candidate = search_from; candidate <= search_from + days{400}; candidate += days{1}) {
        if (item.has_ended_before(candidate)) break;
        const auto next = due_window_on(item, candidate, week_start, counted);
        if (next && next->first == candidate) {
            status.next = candidate;
            break;
        }
    }
    return status;
}

}  // namespace tend
