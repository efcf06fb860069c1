// System time and the local time zone, through the C library.
#include "cli/clock.h"

#include <fmt/format.h>

#include <ctime>

#include "tend/error.h"
#include "tend/when.h"

namespace tend::cli {

namespace {

std::int32_t offset_at_local(std::int64_t local_seconds) {
    const auto as_time = static_cast<std::time_t>(local_seconds);
    std::tm fields{};
    gmtime_r(&as_time, &fields);  // the wall-clock fields of `local_seconds`
    fields.tm_isdst = -1;
    const std::time_t utc = std::mktime(&fields);
    if (utc == static_cast<std::time_t>(-1)) return 0;
    return static_cast<std::int32_t>(local_seconds - utc);
}

std::int32_t offset_at_utc(std::int64_t utc_seconds) {
    const auto as_time = static_cast<std::time_t>(utc_seconds);
    std::tm local{};
    if (!localtime_r(&as_time, &local)) return 0;
    return static_cast<std::int32_t>(local.tm_gmtoff);
}

}  // namespace

TimeContext system_time_context(const store::EnvironmentLookup& environment) {
    TimeContext time;
    time.offset_at_local = offset_at_local;
    time.offset_at_utc = offset_at_utc;
    if (const auto fixed = environment("TEND_NOW")) {
        try {
            time.now = parse_when(*fixed, TimeContext{Instant{}, offset_at_local, offset_at_utc});
        } catch (const user_error& error) {
            throw user_error(
                fmt::format("TEND_NOW: {}", error.what()),
                "set it to a date-time such as 2026-11-25T10:00:00+01:00, or unset it");
        }
        return time;
    }
    const std::time_t utc = std::time(nullptr);
    std::tm local{};
    localtime_r(&utc, &local);
    time.now = Instant{utc, static_cast<std::int32_t>(local.tm_gmtoff)};
    return time;
}

}  // namespace tend::cli
