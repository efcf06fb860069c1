// Plan items and entries for core tests, written the way a user would type them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/time_fixture.h"
#include "tend/adherence.h"
#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend::testing {

// An item as `tend plan add KIND WORDS...` would make it, checked against the built-in profile.
inline PlanItem plan_item(const std::string& kind, const std::vector<std::string>& words,
                          Date start, std::optional<Date> end = std::nullopt) {
    PlanWords parsed = parse_plan_words(words);
    PlanItem item;
    item.kind = kind;
    item.schedule = parsed.schedule;
    item.conditions = parsed.conditions;
    item.total = parsed.total;
    item.start = start;
    item.end = end;
    check_plan_item(item, pelvic_floor_profile());
    return item;
}

// An entry of `kind` at a local time (+01:00) with integer fields.
inline Entry entry_on(const std::string& kind, Date date, int hour = 9,
                      std::vector<std::pair<std::string, std::int64_t>> fields = {}) {
    Entry entry;
    const auto [year, month, day_number] = std::tuple{year_of(date), month_of(date), day_of(date)};
    entry.at = instant_at(year, month, day_number, hour, 0);
    entry.kind = kind;
    for (auto& [name, value] : fields)
        entry.fields.emplace_back(name, FieldValue{value});
    return entry;
}

// The built-in pelvic-floor profile with default settings (weeks start on Monday).
inline Config builtin_config() {
    Config config;
    config.profile = pelvic_floor_profile(config.settings);
    return config;
}

// `count` entries of `kind` on `date`, an hour apart.
inline void add_sessions(std::vector<Entry>& entries, const std::string& kind, Date date,
                         int count) {
    for (int session = 0; session < count; ++session)
        entries.push_back(entry_on(kind, date, 8 + session));
}

// What `item` counts of `entries`, written in full as tests write them: the counting functions
// read compact entries, as reports do.
inline CountedAmounts counted(const PlanItem& item, const std::vector<Entry>& entries) {
    return CountedAmounts(item, compact(entries, builtin_config().profile).entries());
}

// Whether `item` counts `entry` (PlanItem::counts of its compact form).
inline bool counts(const PlanItem& item, const Entry& entry) {
    const Config config = builtin_config();
    const CompactEntries one = compact({entry}, config.profile);
    return item.counts(one.entries().front());
}

}  // namespace tend::testing
