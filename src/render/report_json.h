// The visit report as JSON: every entry of the period, losslessly, and the stats summary.
#pragma once

#include "render/json.h"
#include "tend/visit_report.h"

namespace tend::render {

// {"period", "generated", "name", "notes", "entries": [...], "summary": {stats --json}}.
// Entries keep every field with its TOML type, their tags and note (both left empty with
// --no-notes); docs/json.md.
Json visit_report_json(const VisitReport& report);

}  // namespace tend::render
