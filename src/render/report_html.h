// The visit report as one self-contained HTML file: inline CSS and SVG, no scripts, nothing to
// fetch; readable on a phone and printable on A4 and US Letter. Well-formed XML as well.
#pragma once

#include <string>

#include "render/report_document.h"

namespace tend::render {

std::string report_html(const Document& document);

}  // namespace tend::render
