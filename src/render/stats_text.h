// The weekly summary for the terminal, fitted to 80 columns; colour is optional decoration.
#pragma once

#include <string>

#include "tend/stats.h"

namespace tend::render {

// Symbols carry the meaning without colour: ● done, ◐ partly, ○ missed, · not due.
std::string stats_text(const StatsReport& report, const Config& config, bool color);

}  // namespace tend::render
