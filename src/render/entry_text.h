// Entries as text for people (show, log's confirmation) and as JSON for scripts.
#pragma once

#include <string>
#include <vector>

#include "render/json.h"
#include "tend/entry.h"
#include "tend/profile.h"

namespace tend::render {

// The field values as a person reads them: "size 3 (22 mm) · 15 min · pain 2/10".
std::string describe_values(const Entry& entry, const Config& config);

// One line for an entry: "08:00  dilate   size 3 · 15 min · pain 2/10  @evening  felt easier".
// Notes with several lines continue on indented lines.
std::string entry_line(const Entry& entry, const Config& config);

// Entries grouped under a heading per day ("Wed 25 Nov 2026"), blank line between days.
std::string entries_by_day(const std::vector<Entry>& entries, const Config& config);

// {"at": "...", "date": "...", "time": "08:00", "kind": "dilate", "fields": {...}, "tags": [...],
//  "note": "..."}; fields keep their TOML types.
Json entry_json(const Entry& entry);

}  // namespace tend::render
