// The visit report as Markdown: headings, lists and tables with header rows, no raw HTML.
#pragma once

#include <string>

#include "render/report_document.h"

namespace tend::render {

// Charts are left out: the table beside each one holds its numbers.
std::string report_markdown(const Document& document);

// Text with Markdown's special characters escaped, so that "*" or "<b>" in a note shows as typed.
std::string markdown_escaped(std::string_view text);

}  // namespace tend::render
