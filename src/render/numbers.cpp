// Numbers and short dates as every renderer writes them.
#include "render/numbers.h"

#include <fmt/format.h>

#include <cmath>

namespace tend::render {

std::string format_number(double value) {
    if (!std::isfinite(value)) return "?";
    // Rounding to tenths would multiply past the largest double (1e308 * 10 is inf).
    if (std::abs(value) >= 1e15) return fmt::format("{}", value);
    const double tenths = std::round(value * 10) / 10;
    // Whole numbers without a decimal point; beyond what an integer holds exactly, fmt's
    // shortest form (1e+20), never a cast (undefined behaviour past 2^63).
    if (std::abs(tenths) >= 1e15) return fmt::format("{}", tenths);
    if (tenths == std::floor(tenths)) return fmt::format("{}", static_cast<long long>(tenths));
    return fmt::format("{:.1f}", tenths);
}

std::string format_percent(double fraction) {
    const double percent = std::round(fraction * 100);
    if (std::abs(percent) >= 1e15) return fmt::format("{}%", percent);
    return fmt::format("{}%", static_cast<long long>(percent));
}

std::string format_points(double difference) {
    const std::string size = format_number(std::abs(difference));
    return size == "1" ? "1 point" : size + " points";
}

std::string format_date_in(Date date, const Period& period) {
    if (year_of(*period.from) == year_of(*period.to)) return format_short_date(date);
    return fmt::format("{} {}", format_short_date(date), year_of(date));
}

std::string format_days(Date first, Date last) {
    if (last == first) return format_short_date(first);
    if (month_of(first) == month_of(last) && year_of(first) == year_of(last))
        return fmt::format("{}-{}", day_of(first), format_short_date(last));
    return fmt::format("{} - {}", format_short_date(first), format_short_date(last));
}

}  // namespace tend::render
