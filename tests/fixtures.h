// The one fixtures header of the tests: a fixed "now", the built-in pelvic-floor config, plan
// items and entries written the way a user types them, and the reports computed from entries in
// memory. Every test that needs a config, a zone or a day builds it here, one way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "tend/adherence.h"
#include "tend/civil_time.h"
#include "tend/compact_entry.h"
#include "tend/effect.h"
#include "tend/entry.h"
#include "tend/journal_slice.h"
#include "tend/plan.h"
#include "tend/profile.h"
#include "tend/stats.h"
#include "tend/visit_report.h"

namespace tend::testing {

// A fixed "now" for core tests: Wed 2026-11-25 10:00 at +01:00, with a fixed offset.
inline Instant instant_at(int year, int month, int day, int hour, int minute,
                          std::int32_t offset_seconds = 3600) {
    const std::int64_t local =
        local_seconds_at(*make_date(year, month, day), hour * 3600 + minute * 60);
    return Instant{local - offset_seconds, offset_seconds};
}

inline TimeContext fixed_time(std::int32_t offset_seconds = 3600) {
    return TimeContext{instant_at(2026, 11, 25, 10, 0, offset_seconds),
                       [offset_seconds](std::int64_t) { return offset_seconds; },
                       {}};
}

// The zone of the tests' month files: one hour ahead of UTC all year (Berlin in winter).
inline const OffsetAtLocal berlin_winter = [](std::int64_t) { return 3600; };

inline Date day(int year, int month, int day_of_month) {
    return *make_date(year, month, day_of_month);
}

// Plan items and entries, written the way a user would type them.

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

// The reports computed from entries in memory, the whole journal read in full: what core tests
// compare against (the store reads through Journal::slice_for instead).
inline StatsReport stats_of(const StatsRequest& request, const std::vector<Entry>& entries,
                            const Plan& plan, const Config& config) {
    return compute_stats(request, everything_in(entries, config.profile), plan, config);
}

inline VisitReport visit_report_of(const ExportRequest& request, const std::vector<Entry>& entries,
                                   const Plan& plan, const Config& config) {
    return compute_visit_report(request, everything_in(entries, config.profile), plan, config);
}

inline EffectReport effect_of(const EffectRequest& request, const std::vector<Entry>& entries,
                              const Config& config) {
    return compare_effect(request, everything_in(entries, config.profile), config);
}

// The default period of the visit notes when `entries` hold the whole journal.
inline ExportPeriod default_period_of(const std::vector<Entry>& entries, const Profile& profile,
                                      Date today) {
    return default_export_period(entries, History{}, profile, today);
}

}  // namespace tend::testing
