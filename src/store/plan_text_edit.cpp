// Exact edits of plan.toml text, located by toml++ source regions.
#include "store/plan_text_edit.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "store/toml_problem.h"
#include "tend/error.h"

namespace tend::store {

namespace {

// Byte offsets of the start of each line (index 0 is line 1), after any BOM.
std::vector<std::size_t> line_starts(std::string_view content) {
    std::vector<std::size_t> starts{content.size() - without_bom(content).size()};
    for (std::size_t index = starts[0]; index < content.size(); ++index)
        if (content[index] == '\n') starts.push_back(index + 1);
    return starts;
}

// The byte offset of a 1-based line and column; toml++ counts columns in characters.
std::size_t offset_of(std::string_view content, const std::vector<std::size_t>& starts, int line,
                      int column) {
    std::size_t offset = starts.at(static_cast<std::size_t>(line - 1));
    for (int seen = 1; seen < column && offset < content.size();) {
        ++offset;
        const auto byte = static_cast<unsigned char>(offset < content.size() ? content[offset] : 0);
        if ((byte & 0xC0) != 0x80) ++seen;
    }
    return offset;
}

// The offset just past the end of `line` (its newline included), or the content's end.
std::size_t after_line(std::string_view content, const std::vector<std::size_t>& starts, int line) {
    const auto next = static_cast<std::size_t>(line);
    return next < starts.size() ? starts[next] : content.size();
}

KeyPlace key_place(const toml::key& key, const toml::node& value) {
    return KeyPlace{
        static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column),
        static_cast<int>(value.source().end.line), static_cast<int>(value.source().end.column)};
}

void refuse_inline(const ItemPlace& place) {
    if (place.is_inline)
        throw user_error(
            fmt::format("plan.toml:{}: the item is written as an inline table, which tend does "
                        "not edit",
                        place.header_line),
            "make the change by hand");
}

}  // namespace

ItemPlace place_of(const toml::table& table) {
    ItemPlace place;
    place.header_line = static_cast<int>(table.source().begin.line);
    place.last_line = place.header_line;
    place.is_inline = table.is_inline();
    for (const auto& [key, value] : table) {
        place.last_line = std::max(place.last_line, static_cast<int>(value.source().end.line));
        if (key.str() == "end") place.end = key_place(key, value);
        if (key.str() == "length") place.length = key_place(key, value);
    }
    return place;
}

std::string_view newline_of(std::string_view content) {
    return content.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

std::string with_end_date(const std::string& content, const ItemPlace& place,
                          const std::string& date) {
    refuse_inline(place);
    const auto starts = line_starts(content);
    if (place.end || place.length) {
        const KeyPlace& key = place.end ? *place.end : *place.length;
        const std::size_t from = offset_of(content, starts, key.line, key.key_column);
        const std::size_t to = offset_of(content, starts, key.value_end_line, key.value_end_column);
        return content.substr(0, from) + "end = " + date + content.substr(to);
    }
    const std::size_t at = after_line(content, starts, place.last_line);
    const std::string_view newline = newline_of(content);
    const bool needs_break = at > 0 && content[at - 1] != '\n';
    return content.substr(0, at) + (needs_break ? std::string(newline) : "") + "end = " + date +
           std::string(needs_break ? "" : newline) + content.substr(at);
}

std::string without_item(const std::string& content, const ItemPlace& place) {
    refuse_inline(place);
    const auto starts = line_starts(content);
    const std::size_t from = starts.at(static_cast<std::size_t>(place.header_line - 1));
    std::size_t to = after_line(content, starts, place.last_line);
    // One blank line after the block goes with it, so the blocks around stay evenly spaced.
    const std::size_t blank_end = after_line(content, starts, place.last_line + 1);
    const std::string_view next(content.data() + to, blank_end - to);
    if (!next.empty() && next.find_first_not_of(" \t\r\n") == std::string_view::npos)
        to = blank_end;
    // The last block takes the blank line before it along, so the file doesn't end in one.
    std::size_t keep = from;
    if (to == content.size() && place.header_line >= 2) {
        const std::size_t blank_start = starts.at(static_cast<std::size_t>(place.header_line - 2));
        const std::string_view before(content.data() + blank_start, from - blank_start);
        if (before.find_first_not_of(" \t\r\n") == std::string_view::npos) keep = blank_start;
    }
    return content.substr(0, keep) + content.substr(to);
}

}  // namespace tend::store
