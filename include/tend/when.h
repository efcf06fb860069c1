// Parsing WHEN, the moment an entry happened: "now", "21:30", "yesterday 21:30", "2h ago", ...
#pragma once

#include <string_view>

#include "tend/civil_time.h"

namespace tend {

// Resolves a WHEN text against `time`. Accepted forms (case-insensitive):
//   now | HH:MM | today [HH:MM] | yesterday [HH:MM] | WEEKDAY [HH:MM] (the most recent past
//   one, never today) | YYYY-MM-DD [HH:MM] | YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM] | N{m,h,d} ago
// A day without a time means 12:00 on that day ("today" alone means now).
// Throws user_error naming the text when it cannot be read. Future times are not refused here;
// see refuse_future().
Instant parse_when(std::string_view text, const TimeContext& time);

// Throws user_error when `at` is more than `tolerance_seconds` after now.
void refuse_future(const Instant& at, const TimeContext& time, int tolerance_seconds = 300);

}  // namespace tend
