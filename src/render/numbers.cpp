// Numbers as every renderer writes them.
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

}  // namespace tend::render
