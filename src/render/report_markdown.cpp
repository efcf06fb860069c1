// The visit report as Markdown.
#include "render/report_markdown.h"

#include <fmt/format.h>

#include <cctype>

#include "core/text.h"

namespace tend::render {

namespace {

// True when `text` starts with what a Markdown viewer reads as a named character reference
// ("&amp;", "&copy;"). A plain "&" ("Q&A", "salt & pepper") shows as typed anyway, and a numeric
// one ("&#38;") already can't form, since "#" is escaped.
bool starts_named_reference(std::string_view text) {
    if (!text.starts_with('&')) return false;
    std::size_t end = 1;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end])) != 0)
        ++end;
    return end > 1 && end < text.size() && text[end] == ';';
}

// Characters that format text anywhere in a line.
std::string inline_escaped(std::string_view raw) {
    // Control characters from the files are shown, not passed on to the reader's viewer.
    const std::string text = escape_unsafe(raw, true);
    std::string out;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char character = text[index];
        if (std::string_view("\\`*_[]<>|#~").find(character) != std::string_view::npos ||
            starts_named_reference(std::string_view(text).substr(index)))
            out += '\\';
        out += character;
    }
    return out;
}

// A table cell holds one line, and "|" would end it.
std::string cell_text(std::string_view text) {
    std::string one_line;
    for (const char character : text)
        one_line += character == '\n' || character == '\r' ? ' ' : character;
    return inline_escaped(one_line);
}

void add_table(std::string& out, const Table& table) {
    const auto row_text = [](const std::vector<std::string>& cells) {
        std::string line = "|";
        for (const auto& cell : cells)
            line += " " + cell_text(cell) + " |";
        return line + "\n";
    };
    out += row_text(table.headings);
    std::string rule = "|";
    for (std::size_t column = 0; column < table.headings.size(); ++column)
        rule += column < table.numeric.size() && table.numeric[column] ? "---:|" : "---|";
    out += rule + "\n";
    for (const auto& row : table.rows)
        out += row_text(row);
    out += "\n";
}

void add_bullets(std::string& out, const Bullets& bullets) {
    for (const auto& item : bullets.items) {
        const auto lines = split(item, '\n');
        out += bullets.checklist ? "- [ ] " : "- ";
        out += markdown_escaped(lines[0]) + "\n";
        // Further lines of a note continue the item, indented under it.
        for (std::size_t index = 1; index < lines.size(); ++index)
            out += (bullets.checklist ? "      " : "  ") + markdown_escaped(lines[index]) + "\n";
    }
    out += "\n";
}

}  // namespace

std::string markdown_escaped(std::string_view text) {
    std::string out;
    for (auto line : split(text, '\n')) {
        if (!out.empty()) out += '\n';
        // What would start a list, a numbered list or a heading's underline at a line's start.
        const auto first = line.find_first_not_of(' ');
        if (first != std::string_view::npos) {
            const auto digits_end = line.find_first_not_of("0123456789", first);
            const bool numbered = digits_end != first && digits_end != std::string_view::npos &&
                                  (line[digits_end] == '.' || line[digits_end] == ')');
            if (numbered) {
                out += std::string(line.substr(0, digits_end)) + "\\";
                line.remove_prefix(digits_end);
            } else if (line[first] == '-' || line[first] == '+' || line[first] == '=') {
                out += std::string(line.substr(0, first)) + "\\";
                line.remove_prefix(first);
            }
        }
        out += inline_escaped(line);
    }
    return out;
}

std::string report_markdown(const Document& document) {
    std::string out = "# " + inline_escaped(document.title) + "\n\n";
    // Two spaces end a line without ending the paragraph.
    for (std::size_t index = 0; index < document.lines.size(); ++index)
        out += markdown_escaped(document.lines[index]) +
               (index + 1 < document.lines.size() ? "  \n" : "\n");
    out += "\n";
    for (const auto& section : document.sections) {
        out += "## " + inline_escaped(section.title) + "\n\n";
        for (const auto& block : section.blocks) {
            if (const auto* paragraph = std::get_if<Paragraph>(&block))
                out += markdown_escaped(paragraph->text) + "\n\n";
            else if (const auto* heading = std::get_if<Subheading>(&block))
                out += "### " + inline_escaped(heading->text) + "\n\n";
            else if (const auto* bullets = std::get_if<Bullets>(&block))
                add_bullets(out, *bullets);
            else if (const auto* table = std::get_if<Table>(&block))
                add_table(out, *table);
            else if (const auto* figure = std::get_if<Figure>(&block))
                add_table(out, figure->table);  // the chart's numbers
        }
    }
    // One newline at the end, not a blank line.
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    return out;
}

}  // namespace tend::render
