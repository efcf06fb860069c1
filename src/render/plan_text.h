// Plan items and their status as a person reads them: "3 times a day until 14 Dec".
#pragma once

#include <string>

#include "tend/adherence.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend::render {

// The schedule, conditions and total in plain words: "3 times a day", "daily, at least 10 min
// each", "at least 2 h a day", "every other day, with size at least 3".
std::string describe_rules(const PlanItem& item, const Config& config);

// The conditions a session must meet to count, in words: "at least 10 min each", "with size at
// least 3 and at least 10 min each"; empty when there are none.
std::string describe_conditions(const PlanItem& item, const Config& config);

// The dates as seen from `today`: "until 14 Dec", "from 30 Nov for 3 weeks", "6 Oct - 26 Oct",
// "" for an open-ended item already in force.
std::string describe_dates(const PlanItem& item, Date today);

// True when `field` of `kind` is a duration (minutes), so amounts of it read "1 h 45 min".
bool is_duration(const Config& config, const std::string& kind, const std::string& field);

// An amount in the item's unit: "3" sessions, or "1 h 45 min" of a duration total.
std::string format_amount(const PlanItem& item, double amount, const Config& config);

// Where an item stands on `day`, without the label: "2 of 3 today — 1 to go", "done (next:
// tomorrow)", "not due today (next: Fri 27 Nov)". Days are named as seen from `today`. A window
// that closed before today says what it got, never what is "to go": "1 of 3 in the week of
// 2 Nov", "0 of 1 on Tue 3 Nov", "done on Mon 2 Nov".
std::string describe_status(const PlanItem& item, const DayStatus& status, const Config& config,
                            Date day, Date today);

// "today", "tomorrow", "Fri 27 Nov" (with the year when it is not this year's).
std::string relative_day(Date day, Date today);

}  // namespace tend::render
