// The trend view for the terminal (`stats --weekly`): one row per week, fitted to 80 columns.
#pragma once

#include <string>

#include "tend/stats.h"

namespace tend::render {

// Two tables under the period's heading: entries, adherence and sessions of each plan kind;
// then pain per context (mean/highest) and the highest progression value.
std::string weekly_text(const StatsReport& report);

}  // namespace tend::render
