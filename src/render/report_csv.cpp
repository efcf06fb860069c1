// Entries as CSV (RFC 4180).
#include "render/report_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/text.h"

namespace tend::render {

namespace {

std::vector<std::string> field_columns(const Config& config,
                                       const std::vector<std::string>& kinds) {
    std::vector<std::string> columns;
    for (const auto& kind : config.profile.kinds) {
        if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), kind.name) == kinds.end())
            continue;
        for (const auto& field : kind.fields)
            if (std::find(columns.begin(), columns.end(), field.name) == columns.end())
                columns.push_back(field.name);
    }
    return columns;
}

// Whether `text` is a plain finite number ("-3", "2.5", "-1e+20"), which a spreadsheet reads
// as a number, not a formula.
bool is_plain_number(std::string_view text) {
    if (text.starts_with('+')) text.remove_prefix(1);
    if (text.empty() || text.find_first_not_of("0123456789.eE+-") != std::string_view::npos)
        return false;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc{} && end == text.data() + text.size() && std::isfinite(value);
}

}  // namespace

std::string spreadsheet_safe(std::string text) {
    // OWASP's list: a cell starting with one of these runs as a formula in a spreadsheet, so it
    // gets a leading apostrophe, which keeps it text. Plain numbers stay numbers.
    // Spreadsheets skip leading white space before they look (" =1+1" runs too), so what
    // counts is the first character after it.
    std::string_view rest = text;
    while (true) {
        if (!rest.empty() &&
            std::string_view(" \t\r\n\v\f").find(rest[0]) != std::string_view::npos)
            rest.remove_prefix(1);
        else if (rest.starts_with("\xC2\xA0") || rest.starts_with("\xE3\x80\x80"))
            rest.remove_prefix(rest.starts_with("\xC2") ? 2 : 3);  // no-break, ideographic space
        else
            break;
    }
    const bool formula = !rest.empty() &&
                         std::string_view("=+-@").find(rest[0]) != std::string_view::npos &&
                         !is_plain_number(rest);
    // A text that starts with an apostrophe gets one more, so that `tend import` can always
    // take the first apostrophe away and read the text as it was.
    if (formula || text.starts_with('\t') || text.starts_with('\r') || text.starts_with('\''))
        text.insert(0, "'");
    return escape_unsafe(text, true);
}

namespace {

std::string value_text(const FieldValue& value) {
    if (const auto* whole = std::get_if<std::int64_t>(&value)) return fmt::format("{}", *whole);
    if (const auto* number = std::get_if<double>(&value))
        return spreadsheet_safe(fmt::format("{}", *number));
    if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
    return spreadsheet_safe(std::get<std::string>(value));
}

std::string row_text(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t index = 0; index < cells.size(); ++index) {
        if (index > 0) line += ',';
        line += csv_field(cells[index]);
    }
    return line + "\r\n";
}

}  // namespace

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = "\"";
    for (const char character : text) {
        if (character == '"') quoted += '"';
        quoted += character;
    }
    return quoted + "\"";
}

std::string entries_csv(const std::vector<Entry>& entries, const Config& config,
                        const std::vector<std::string>& kinds) {
    const EntriesCsv csv(config, kinds);
    std::string out = csv.heading();
    for (const auto& entry : entries)
        out += csv.row(entry);
    return out;
}

EntriesCsv::EntriesCsv(const Config& config, const std::vector<std::string>& kinds)
    : fields_(field_columns(config, kinds)) {}

std::string EntriesCsv::heading() const {
    std::vector<std::string> heading = {"date", "time", "kind"};
    for (const auto& field : fields_)
        heading.push_back(spreadsheet_safe(field));
    heading.push_back("tags");
    heading.push_back("note");
    // The instant with its UTC offset, to the second, so that `tend import` reads back exactly
    // the entry (date and time above are for people and spreadsheets).
    heading.push_back("at");
    return "\xEF\xBB\xBF" + row_text(heading);
}

std::string EntriesCsv::row(const Entry& entry) const {
    std::vector<std::string> cells = {format_date(entry.at.local_date()),
                                      format_time_of_day(entry.at.local_second_of_day()),
                                      spreadsheet_safe(entry.kind)};
    for (const auto& field : fields_) {
        const FieldValue* value = entry.field(field);
        cells.push_back(value ? value_text(*value) : "");
    }
    std::string tags;
    for (const auto& tag : entry.tags)
        tags += (tags.empty() ? "" : " ") + tag;
    cells.push_back(spreadsheet_safe(tags));
    cells.push_back(spreadsheet_safe(entry.note));
    cells.push_back(format_iso(entry.at));
    return row_text(cells);
}

}  // namespace tend::render
