// The home programme a therapist prescribes: plan items with a kind, a schedule and dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tend/civil_time.h"
#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/profile.h"
#include "tend/schedule.h"

namespace tend {

// One prescription: "kegels 3/day for 3w", "dilate daily minutes>=10", "massage every 2d".
struct PlanItem {
    std::string kind;
    Schedule schedule;
    std::vector<Condition> conditions;  // every one must hold for an entry to count
    std::optional<Total> total;         // a total of a field instead of a count of sessions
    Date start{};
    std::optional<Date> end;  // the last day in force (inclusive); none while open-ended
    std::string length;       // "3w" as the user wrote it, when the end came from a length
    std::string name;         // shown instead of the kind, e.g. "Kegels (Dr Lee)"
    std::string note;         // the therapist's words
    int line = 0;             // where its [[item]] starts in plan.toml, for messages

    bool in_force_on(Date day) const { return start <= day && (!end || day <= *end); }
    bool has_ended_before(Date day) const { return end && *end < day; }
    // True when `entry` is of this item's kind and meets every condition (a missing field fails).
    bool counts(const CompactEntry& entry) const;
    // What an entry adds to its window: 1 session, or the value of the total's field.
    double amount_of(const CompactEntry& entry) const;
    // The name when set, else the kind.
    const std::string& label() const { return name.empty() ? kind : name; }
};

struct Plan {
    std::vector<PlanItem> items;  // in file order; an item's number is its index + 1
};

// "3w", "8w", "30d", "1d" to a number of days (at most ten years); nothing otherwise.
std::optional<int> parse_length_days(std::string_view text);
// The last day of an item of `days` days that starts on `start`: "3w" from 6 Oct ends 26 Oct.
Date end_after_length(Date start, int days);

// Checks `item` against the profile and makes its field names canonical ("min" -> minutes):
// the kind exists, condition and total fields are numeric fields of that kind, the schedule
// suits the total, and the end is not before the start. Throws user_error with a hint.
void check_plan_item(PlanItem& item, const Profile& profile);

// The words of `tend plan add KIND ...` after the kind: schedule words ("every 2d", "3/week"),
// conditions ("minutes>=10") and a total ("total minutes>=120/day", as two words or one).
// Without schedule words a total per day means daily and a total per week means weekly.
struct PlanWords {
    Schedule schedule;
    std::vector<Condition> conditions;
    std::optional<Total> total;
};
PlanWords parse_plan_words(const std::vector<std::string>& words);

// A date for --from/--until/--on: YYYY-MM-DD, today, tomorrow or yesterday.
Date parse_plan_date(std::string_view text, Date today);

}  // namespace tend
