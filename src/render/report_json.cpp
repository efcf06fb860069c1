// The visit report as JSON.
#include "render/report_json.h"

#include "render/entry_text.h"
#include "render/stats_json.h"

namespace tend::render {

Json visit_report_json(const VisitReport& report) {
    Json json = Json::object();
    json.set("period", period_json(report.period));
    json.set("generated", format_date(report.generated));
    json.set("name", report.name);
    json.set("notes", report.notes);
    Json entries = Json::array();
    for (const auto& entry : report.entries)
        entries.push(entry_json(entry));
    json.set("entries", std::move(entries));
    json.set("summary", stats_json(report.stats));
    return json;
}

}  // namespace tend::render
