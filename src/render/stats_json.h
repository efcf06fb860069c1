// The weekly summary as JSON (docs/json.md), for scripts and the export.
#pragma once

#include "render/json.h"
#include "tend/stats.h"

namespace tend::render {

Json stats_json(const StatsReport& report);

}  // namespace tend::render
