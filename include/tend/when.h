// Parsing WHEN, the moment an entry happened: "now", "21:30", "yesterday 21:30", "2h ago", ...
#pragma once

#include <string_view>

#include "tend/civil_time.h"

namespace tend {

// Resolves a WHEN text against `time`. Accepted forms (case-insensitive), TIME being 24-hour
// (21:30, 8:00) or 12-hour (9pm, 8:30am, 8 pm):
//   now | TIME | today [TIME] | yesterday [TIME] | WEEKDAY [TIME] (the most recent past
//   one, never today) | YYYY-MM-DD [TIME] | YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM] |
//   SPAN ago (2h, 1h30m, 90 min, 2 days, an hour)
// A day without a time means 12:00 on that day ("today" alone means now). A wall time the
// clocks skipped (spring forward) is refused; one they showed twice (autumn) is the first.
// Throws user_error naming the text when it cannot be read. Future times are not refused here;
// see refuse_future().
Instant parse_when(std::string_view text, const TimeContext& time);

// Throws user_error when `at` is more than `tolerance_seconds` after now.
void refuse_future(const Instant& at, const TimeContext& time, int tolerance_seconds = 300);

}  // namespace tend
