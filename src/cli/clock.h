// The shell's clock: the one place that reads the system time and time zone.
#pragma once

#include "store/journal_paths.h"
#include "tend/civil_time.h"

namespace tend::cli {

// Now, from the system clock, or from $TEND_NOW (an ISO date-time with offset, such as
// 2026-11-25T10:00:00+01:00) so that tests and documentation examples are reproducible.
// Offsets for other times come from the system time zone ($TZ), DST included.
TimeContext system_time_context(const store::EnvironmentLookup& environment);

}  // namespace tend::cli
