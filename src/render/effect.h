// What helps (`stats --effect`), for the terminal and as JSON (docs/json.md).
#pragma once

#include <string>

#include "render/json.h"
#include "tend/effect.h"

namespace tend::render {

// Both sides' means and days, the difference in plain words, and what the comparison cannot
// tell; "not enough days to compare yet" while a side has fewer than three days.
std::string effect_text(const EffectReport& report, const Config& config);

Json effect_json(const EffectReport& report);

}  // namespace tend::render
