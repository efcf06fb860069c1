// Small inline SVG charts for the HTML report: no scripts, no fonts or images to fetch.
#pragma once

#include <string>

#include "render/report_document.h"

namespace tend::render {

// An <svg> element with a title, a dated x axis over the chart's period and a labelled y axis.
// points_and_line: each value as a dot and the weekly mean as a line; steps: a step line through
// the sessions, with step backs marked. Coordinates are rounded to 0.1 so output is stable.
std::string svg_chart(const Chart& chart);

// Text escaped for HTML and XML: & < > " '.
std::string html_escaped(std::string_view text);

}  // namespace tend::render
