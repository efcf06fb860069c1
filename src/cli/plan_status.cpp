// Plan item statuses for a day, with the journal read only as far back as the windows reach.
#include "cli/plan_status.h"

#include <algorithm>

namespace tend::cli {

std::vector<ItemStatus> statuses_on(Context& context, Date day, const Entry* adding) {
    const Plan& plan = context.plan();
    const Weekday week_start = context.journal().config().settings.week_start;
    // A rest entry rests up to 31 days from its own date: the entries read reach back that far.
    Date earliest = day - std::chrono::days{longest_rest_days - 1};
    for (const auto& item : plan.items)
        if (const auto window = window_on(item, day, week_start))
            earliest = std::min(earliest, window->first);
    std::vector<ItemStatus> statuses;
    bool any_in_force = false;
    for (const auto& item : plan.items)
        any_in_force = any_in_force || item.in_force_on(day);
    if (!any_in_force) return statuses;
    // Compact entries: a month's worth of rests and sessions, without their notes and tags.
    CompactEntries counted_entries = context.journal().load_compact(
        Period{earliest, std::max(day, context.time().today())}, context.time().offset_at_local);
    if (adding) {
        // After the entries of the same second, as it will be in its month file (a stable sort).
        counted_entries.add(*adding);
        counted_entries.sort_by_time();
    }
    const Profile& profile = context.journal().config().profile;
    const auto rests = rests_in(counted_entries.entries(), profile);
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        const PlanItem& item = plan.items[index];
        if (!item.in_force_on(day)) continue;
        CountedAmounts counted(item, counted_entries.entries());
        counted.add_rest_days(rest_days_of(item, rests));
        statuses.push_back({index + 1, &item, status_on(item, day, counted, week_start)});
    }
    return statuses;
}

}  // namespace tend::cli
