// Numbers as every renderer writes them: one decimal at most, percentages whole.
#pragma once

#include <string>

namespace tend::render {

// 2.5 -> "2.5", 3.0 -> "3", 2.46 -> "2.5", -1.25 -> "-1.3".
std::string format_number(double value);

// 0.857 -> "86%".
std::string format_percent(double fraction);

}  // namespace tend::render
