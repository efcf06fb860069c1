// The visit report as JSON: every entry of the period, losslessly, and the stats summary.
#pragma once

#include "render/json.h"
#include "tend/visit_report.h"

namespace tend::render {

// {"period", "generated", "name", "notes", "entries": [...], "summary": {stats --json}}.
// Entries keep every field with its TOML type, their tags and note (both left empty with
// --no-notes); docs/json.md. Page 1's fields and kinds carry their words from `config`'s
// profile ("words": "pain during sex").
Json visit_report_json(const VisitReport& report, const Config& config);

}  // namespace tend::render
