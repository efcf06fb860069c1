// Numbers and short dates as every renderer writes them: one decimal at most, percentages
// whole, the year only when a period spans more than one.
#pragma once

#include <string>

#include "tend/period.h"

namespace tend::render {

// 2.5 -> "2.5", 3.0 -> "3", 2.46 -> "2.5", -1.25 -> "-1.3".
std::string format_number(double value);

// 0.857 -> "86%".
std::string format_percent(double fraction);

// A distance on a scale, without its sign: 1 -> "1 point", -2.35 -> "2.4 points".
std::string format_points(double difference);

// A run of days: "14-17 Oct", "30 Oct - 2 Nov", "3 Nov".
std::string format_days(Date first, Date last);

// "7 Oct", or "28 Dec 2026" when `period` spans more than one year.
std::string format_date_in(Date date, const Period& period);

}  // namespace tend::render
