// Reading a line of a phone inbox: "2026-11-21 21:30 dilate 3 min=15 pain=2 first time size 3".
#pragma once

#include <optional>
#include <string>
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
// a time more than two days ahead, a lone "-" (there is no standard input to read), and
// whatever else `tend log` refuses (check_entry_as_logged).
std::optional<Entry> entry_of_inbox_line(std::string_view line, const Config& config,
                                         const TimeContext& time);

// What the record of filed inbox lines keeps of a line: 16 hex digits of the 64-bit FNV-1a hash
// of its text, without the spaces, tabs and carriage return around it ("2026-11-21 21:30 dilate
// 3" -> "3c6e0b8a9d2f4e71"). The text alone, not the time it stands for, so the same line has
// the same key in every time zone and on every device. Nothing for a blank line or a comment.
std::optional<std::string> inbox_line_key(std::string_view line);

}  // namespace tend
