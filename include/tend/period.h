// PERIOD, a range of local dates shared by every command: today, last-30d, 2026-11, 2026-W47, ...
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tend/civil_time.h"

namespace tend {

// An inclusive range of local dates; a missing side is open ("2026-09.." or "all").
struct Period {
    std::optional<Date> from;
    std::optional<Date> to;

    bool contains(Date date) const { return (!from || *from <= date) && (!to || date <= *to); }
    bool bounded() const { return from && to; }
    // The number of days of a bounded period, both ends included.
    int length() const { return days_between(*from, *to) + 1; }
    friend bool operator==(const Period&, const Period&) = default;
};

// Parses one of: today, yesterday, this-week, last-week, this-month, last-month, last-Nd,
// YYYY, YYYY-MM, YYYY-Www (ISO week), YYYY-MM-DD, FROM..TO (inclusive, either side may be
// empty and each side is itself a date, month, week or keyword), all.
// Throws user_error for anything else, with a hint listing the forms.
Period parse_period(std::string_view text, Date today, Weekday week_start);

// The period with its open ends closed: a missing `from` becomes `first`, a missing `to` becomes
// `last`; a period that would end before it starts becomes the single day it ends on.
Period close_open_ends(Period period, Date first, Date last);

// "2026-11-23 .. 2026-11-29", "since 2026-09-01", "all time".
std::string describe_period(const Period& period);

}  // namespace tend
