// A fixed "now" for core tests: Wed 2026-11-25 10:00 at +01:00, with a fixed offset.
#pragma once

#include "tend/civil_time.h"

namespace tend::testing {

inline Instant instant_at(int year, int month, int day, int hour, int minute,
                          std::int32_t offset_seconds = 3600) {
    const Date date = *make_date(year, month, day);
    const std::int64_t local =
        std::int64_t{date.time_since_epoch().count()} * 86400 + hour * 3600 + minute * 60;
    return Instant{local - offset_seconds, offset_seconds};
}

inline TimeContext fixed_time(std::int32_t offset_seconds = 3600) {
    return TimeContext{instant_at(2026, 11, 25, 10, 0, offset_seconds),
                       [offset_seconds](std::int64_t) { return offset_seconds; },
                       {}};
}

inline Date day(int year, int month, int day_of_month) {
    return *make_date(year, month, day_of_month);
}

}  // namespace tend::testing
