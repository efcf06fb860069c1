// The visit report as one self-contained HTML file.
#include "render/report_html.h"

#include <fmt/format.h>

#include <cctype>

#include "render/svg_chart.h"

namespace tend::render {

namespace {

constexpr std::string_view style = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       line-height: 1.45; max-width: 48rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #bbb; margin-top: 1.75rem; }
h3 { font-size: 1rem; margin-bottom: 0.25rem; }
header p { margin: 0; color: #555; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left;
         vertical-align: top; }
th { border-bottom: 2px solid #999; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
li { white-space: pre-line; }
ul.checklist { list-style: none; padding-left: 0.5rem; }
ul.checklist li::before { content: "\2610\00a0"; }
svg.chart { display: block; width: 100%; max-width: 40rem; height: auto; margin: 0.5rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
details summary { color: #555; }
.figure { display: flex; flex-wrap: wrap; align-items: flex-start; column-gap: 1.5rem; }
.figure svg.chart { flex: 1 1 20rem; max-width: 30rem; }
.figure table { margin-top: 0.5rem; }
.figure th, .figure td { white-space: nowrap; }
@media print {
  section.glance + section { break-before: page; page-break-before: always; }
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.3; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, tr, li, svg.chart, .figure { break-inside: avoid; page-break-inside: avoid; }
  .figure { flex-wrap: nowrap; }
  .figure svg.chart { flex: 0 0 10cm; width: 10cm; }
  h2 { margin: 0.9rem 0 0.4rem; } h3 { margin: 0.6rem 0 0.1rem; }
  table { margin: 0.25rem 0 0.5rem; font-size: 8.5pt; }
  th, td { padding: 0.05rem 0.5rem; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  svg.chart { max-width: 16cm; }
  svg.chart.timeline { width: 10cm; }
  details { display: none; }
  section.glance p, section.glance ul { margin: 0.15rem 0 0.3rem; }
  section.glance h3 { margin: 0.45rem 0 0.1rem; }
  p.fine { font-size: 8.5pt; }
}
)";

void add_table(std::string& out, const Table& table) {
    const auto cell_class = [&](std::size_t column) {
        return column < table.numeric.size() && table.numeric[column] ? R"( class="n")" : "";
    };
    out += "<div class=\"table\"><table>\n";
    if (!table.caption.empty()) out += "<caption>" + html_escaped(table.caption) + "</caption>\n";
    out += "<thead><tr>";
    for (std::size_t column = 0; column < table.headings.size(); ++column)
        out +=
            fmt::format("<th{}>{}</th>", cell_class(column), html_escaped(table.headings[column]));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (std::size_t column = 0; column < row.size(); ++column)
            out += fmt::format("<td{}>{}</td>", cell_class(column), html_escaped(row[column]));
        out += "</tr>\n";
    }
    out += "</tbody>\n</table></div>\n";
}

void add_block(std::string& out, const Block& block) {
    if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
        out += (paragraph->fine_print ? "<p class=\"fine\">" : "<p>") +
               html_escaped(paragraph->text) + "</p>\n";
    } else if (const auto* heading = std::get_if<Subheading>(&block)) {
        out += "<h3>" + html_escaped(heading->text) + "</h3>\n";
    } else if (const auto* bullets = std::get_if<Bullets>(&block)) {
        out += bullets->checklist ? "<ul class=\"checklist\">\n" : "<ul>\n";
        for (const auto& item : bullets->items)
            out += "<li>" + html_escaped(item) + "</li>\n";
        out += "</ul>\n";
    } else if (const auto* table = std::get_if<Table>(&block)) {
        add_table(out, *table);
    } else if (const auto* chart = std::get_if<Chart>(&block)) {
        out += svg_chart(*chart);
    } else if (const auto* figure = std::get_if<Figure>(&block);
               figure && figure->chart.style == Chart::Style::timeline) {
        // The timeline spans the page; its dates fold away (and stay folded on paper).
        out += svg_chart(figure->chart) + "<details><summary>" +
               html_escaped(figure->table.caption) + "</summary>\n";
        add_table(out, figure->table);
        out += "</details>\n";
    } else if (figure) {
        out += "<div class=\"figure\">\n" + svg_chart(figure->chart);
        add_table(out, figure->table);
        out += "</div>\n";
    }
}

// Text as a CSS string's content: every character but letters, digits and spaces as a hex
// escape, so no quote, backslash, "<" or "&" can end the string, the style element or the XML.
std::string css_string(std::string_view text) {
    std::string out = "\"";
    for (const char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        if (std::isalnum(byte) || character == ' ' || byte >= 0x80)
            out += character;
        else
            out += fmt::format("\\{:x} ", byte);
    }
    return out + "\"";
}

// Printed pages: 15 mm margins, the person and the period at the top of every page, "page n of
// N" at the bottom (CSS page margin boxes).
std::string page_style(const Document& document) {
    return fmt::format(
        "@page {{ margin: 15mm;\n"
        "  @top-left {{ content: {}; font: 8pt system-ui, sans-serif; color: #444; }}\n"
        "  @bottom-right {{ content: \"page \" counter(page) \" of \" counter(pages);"
        " font: 8pt system-ui, sans-serif; color: #444; }} }}\n",
        css_string(document.running_head));
}

}  // namespace

std::string report_html(const Document& document) {
    std::string out =
        "<!DOCTYPE html>\n"
        "<html lang=\"en\">\n"
        "<head>\n"
        "<meta charset=\"utf-8\" />\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        "<meta name=\"generator\" content=\"tend\" />\n";
    out += "<title>" + html_escaped(document.title) + "</title>\n";
    out += "<style>" + std::string(style) + page_style(document) +
           "</style>\n</head>\n<body>\n<header>\n";
    out += "<h1>" + html_escaped(document.title) + "</h1>\n";
    for (const auto& line : document.lines)
        out += "<p>" + html_escaped(line) + "</p>\n";
    out += "</header>\n";
    for (std::size_t index = 0; index < document.sections.size(); ++index) {
        const Section& section = document.sections[index];
        // The first section is page 1, "At a glance": what follows starts on a new page.
        out += (index == 0 ? "<section class=\"glance\">\n<h2>" : "<section>\n<h2>") +
               html_escaped(section.title) + "</h2>\n";
        for (const auto& block : section.blocks)
            add_block(out, block);
        out += "</section>\n";
    }
    return out + "</body>\n</html>\n";
}

}  // namespace tend::render
