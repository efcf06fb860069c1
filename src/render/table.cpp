// Plain text that fits the terminal: tables and wrapped words.
#include "render/table.h"

#include <algorithm>

namespace tend::render {

namespace {

constexpr std::size_t indent = 2;
constexpr std::size_t gap = 2;

std::size_t width_of(const TableColumn& column) {
    std::size_t widest = display_width(column.heading);
    for (const auto& cell : column.cells)
        widest = std::max(widest, display_width(cell));
    return widest;
}

std::string padded(std::string_view text, std::size_t width, bool align_left) {
    const std::string padding(width - std::min(width, display_width(text)), ' ');
    return align_left ? std::string(text) + padding : padding + std::string(text);
}

std::string without_trailing_spaces(std::string line) {
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line;
}

// One part: the first column and columns [first, last).
std::string part_text(const std::vector<TableColumn>& columns,
                      const std::vector<std::size_t>& widths, std::size_t first, std::size_t last) {
    std::vector<std::size_t> shown = {0};
    for (std::size_t index = first; index < last; ++index)
        shown.push_back(index);
    const auto line = [&](auto cell_of) {
        std::string text(indent, ' ');
        for (std::size_t position = 0; position < shown.size(); ++position) {
            const std::size_t index = shown[position];
            if (position > 0) text += std::string(gap, ' ');
            text += padded(cell_of(columns[index]), widths[index], columns[index].align_left);
        }
        return without_trailing_spaces(text) + "\n";
    };
    std::string out =
        line([](const TableColumn& column) -> std::string_view { return column.heading; });
    const std::size_t rows = columns.front().cells.size();
    for (std::size_t row = 0; row < rows; ++row)
        out += line([row](const TableColumn& column) -> std::string_view {
            return row < column.cells.size() ? std::string_view(column.cells[row]) : "";
        });
    return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char byte) {
        return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    }));
}

std::string table_text(const std::vector<TableColumn>& columns, std::size_t width) {
    if (columns.empty()) return "";
    std::vector<std::size_t> widths;
    for (const auto& column : columns)
        widths.push_back(width_of(column));
    std::string out;
    std::size_t first = 1;
    do {
        std::size_t used = indent + widths[0];
        std::size_t last = first;
        while (last < columns.size() && (last == first || used + gap + widths[last] <= width)) {
            used += gap + widths[last];
            ++last;
        }
        if (!out.empty()) out += "\n";
        out += part_text(columns, widths, first, last);
        first = last;
    } while (first < columns.size());
    return out;
}

std::string wrapped_text(std::string_view text, std::string_view first_prefix,
                         std::string_view prefix, std::size_t width) {
    std::string out(first_prefix);
    std::size_t column = display_width(first_prefix);
    bool line_empty = true;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        const std::size_t needed = (line_empty ? 0 : 1) + display_width(word);
        if (!line_empty && column + needed > width) {
            out += "\n";
            out += prefix;
            column = display_width(prefix);
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++column;
        }
        out += word;
        column += display_width(word);
        line_empty = false;
    }
    return out + "\n";
}

}  // namespace tend::render
