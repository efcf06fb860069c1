// The weekly summary for the terminal, fitted to 80 columns; colour is optional decoration.
#pragma once

#include <string>

#include "tend/stats.h"

namespace tend::render {

// The period's dates, and the entries and days logged against the period before; a friendly
// line instead when nothing was logged.
std::string stats_heading(const StatsReport& report);

// Symbols carry the meaning without colour: ● done, ◐ partly, ○ missed, · not due, - rest.
std::string stats_text(const StatsReport& report, const Config& config, bool color);

// The last visit as the summary names it: "visit (pt)", or "visit" when it says with whom.
std::string visit_words(const Milestone& visit);

}  // namespace tend::render
