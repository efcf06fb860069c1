// Reading a line of a phone inbox: "2026-11-21 21:30 dilate 3 min=15 pain=2 first time size 3".
#pragma once

#include <optional>
#include <string_view>

#include "tend/civil_time.h"
#include "tend/entry.h"
#include "tend/profile.h"

namespace tend {

// The entry a line of an inbox file stands for: a date and a time first (2026-11-21 21:30,
// 2026-11-21 9pm, or 2026-11-21T21:30:00+01:00), then the words of `tend log` (kind, value,
// FIELD=VALUE, @tags, note words). Nothing for a line to skip: blank, a `#` comment, or a line
// dated more than five minutes after now (it waits until its time, up to two days ahead).
// Throws user_error, one line, for anything else: a missing date, an unknown kind, a bad value,
// a time more than two days ahead, a lone "-" (there is no standard input to read).
std::optional<Entry> entry_of_inbox_line(std::string_view line, const Config& config,
                                         const TimeContext& time);

}  // namespace tend
