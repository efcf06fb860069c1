// The plan as an iCalendar file (RFC 5545) so a phone calendar can remind the user.
#pragma once

#include <string>
#include <string_view>

#include "tend/civil_time.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend::render {

// A VCALENDAR with one recurring VEVENT (and a VALARM) per item that has not ended before
// `today`, and one per daily slot for "N times a day" items, at the settings' reminder times.
// Times are floating (local wherever the phone is). Lines end in CRLF and are folded at 75
// octets; UIDs are stable across exports so re-importing updates events instead of doubling them.
// The calendar has no METHOD: it is a file to import, not an iTIP message (RFC 5546).
std::string plan_calendar(const Plan& plan, const Config& config, const Instant& now);

// RFC 5545 TEXT escaping: backslash, semicolon, comma and newline.
std::string ics_text(std::string_view text);
// Folds one content line (without its CRLF) into lines of at most 75 octets, never inside a
// UTF-8 character; continuation lines start with a space. The result ends in CRLF.
std::string ics_folded(std::string_view line);

}  // namespace tend::render
