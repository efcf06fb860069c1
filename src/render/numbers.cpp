// Numbers and short dates as every renderer writes them.
#include "render/numbers.h"

#include <fmt/format.h>

#include <cmath>

namespace tend::render {

std::string format_number(double value) {
    const double tenths = std::round(value * 10) / 10;
    if (tenths == std::floor(tenths)) return fmt::format("{}", static_cast<long long>(tenths));
    return fmt::format("{:.1f}", tenths);
}

std::string format_percent(double fraction) {
    return fmt::format("{}%", static_cast<long long>(std::llround(fraction * 100)));
}

std::string format_points(double difference) {
    const std::string size = format_number(std::abs(difference));
    return size == "1" ? "1 point" : size + " points";
}

std::string format_date_in(Date date, const Period& period) {
    if (year_of(*period.from) == year_of(*period.to)) return format_short_date(date);
    return fmt::format("{} {}", format_short_date(date), year_of(date));
}

}  // namespace tend::render
