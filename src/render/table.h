// Plain text that fits the terminal: tables split into parts when wide, words wrapped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tend::render {

struct TableColumn {
    std::string heading;
    std::vector<std::string> cells;  // one per row
    bool align_left = false;         // numbers align right
};

// The columns under their headings, indented by two spaces. When they do not fit in `width`,
// the rest continue in another part below, each part repeating the first column; a column wider
// than `width` on its own still gets a part of its own.
std::string table_text(const std::vector<TableColumn>& columns, std::size_t width = 80);

// Words wrapped to `width`: the first line starts with `first_prefix`, the rest with `prefix`.
// Ends with a newline.
std::string wrapped_text(std::string_view text, std::string_view first_prefix,
                         std::string_view prefix, std::size_t width = 80);

// Columns a text takes on a terminal: UTF-8 code points, so "●" and "–" count as one.
std::size_t display_width(std::string_view text);

}  // namespace tend::render
