// Reading month files, JSON and CSV exports and inbox files into entries for `tend import`.
#include "store/import_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/text.h"
#include "store/json_reader.h"
#include "store/month_file.h"
#include "tend/error.h"
#include "tend/field_value.h"
#include "tend/inbox_line.h"
#include "tend/log_words.h"
#include "tend/when.h"

namespace tend::store {

namespace {

// A mistake in the line `line` of the file (0: the whole file).
[[noreturn]] void stop(const std::string& name, std::size_t line, const std::string& message,
                       const std::string& hint = {}) {
    const std::string where = line > 0 ? fmt::format("{}:{}", name, line) : name;
    throw user_error(fmt::format("{}: {}, so nothing was imported", where, message), hint);
}

// An entry from its parts, checked against the profile (as a month file's entries are) and as
// `tend log` checks what it adds.
Entry checked_entry(Instant at, std::string_view kind_name,
                    std::vector<std::pair<std::string, FieldValue>> fields,
                    std::vector<std::string> tags, std::string note, const Config& config,
                    const TimeContext& time) {
    const KindSpec* kind = config.profile.kind(kind_name);
    if (!kind) throw user_error(fmt::format("unknown kind '{}'", escape_unsafe(kind_name, false)));
    for (auto& [name, value] : fields) {
        const FieldSpec* field = kind->field(name);
        if (!field)
            throw user_error(fmt::format("the kind {} has no field '{}'", kind->name,
                                         escape_unsafe(name, false)));
        if (field->type == FieldType::number)
            if (const auto* whole = std::get_if<std::int64_t>(&value))
                value = static_cast<double>(*whole);
        if (const auto problem = check_field_value(*field, value)) throw user_error(*problem);
    }
    put_in_kind_order(*kind, fields);
    Entry entry{at, kind->name, std::move(fields), std::move(note), std::move(tags), 0};
    check_entry_as_logged(entry, config, time);
    return entry;
}

std::vector<Entry> month_file_entries(std::string_view content, const std::string& name,
                                      const Config& config, const TimeContext& time) {
    auto parsed = parse_month_file(content, name, config, time.offset_at_local, std::nullopt);
    for (const auto& problem : parsed.problems)
        if (problem.severity == Severity::error)
            throw user_error(problem.text() + ", so nothing was imported",
                             "fix the file by hand, then import it again");
    for (const auto& entry : parsed.entries) {
        try {
            check_entry_as_logged(entry, config, time);
        } catch (const user_error& error) {
            stop(name, static_cast<std::size_t>(entry.line), error.what(), error.hint());
        }
    }
    return std::move(parsed.entries);
}

std::vector<Entry> inbox_entries(std::string_view content, const std::string& name,
                                 const Config& config, const TimeContext& time) {
    std::vector<Entry> entries;
    std::size_t number = 0;
    for (const auto line : split(content, '\n')) {
        ++number;
        try {
            if (auto entry = entry_of_inbox_line(line, config, time))
                entries.push_back(std::move(*entry));
        } catch (const user_error& error) {
            stop(name, number, error.what(), error.hint());
        }
    }
    return entries;
}

std::string json_string(const JsonValue* value, std::string_view what) {
    if (!value || value->type != JsonValue::Type::string)
        throw user_error(fmt::format("an entry's '{}' must be a string", what));
    return value->text;
}

FieldValue json_field_value(const JsonValue& value, std::string_view name) {
    switch (value.type) {
        case JsonValue::Type::integer:
            return value.whole;
        case JsonValue::Type::number:
            return value.number;
        case JsonValue::Type::boolean:
            return value.flag;
        case JsonValue::Type::string:
            return value.text;
        default:
            throw user_error(fmt::format("the field '{}' must be a number, true/false or a string",
                                         escape_unsafe(name, false)));
    }
}

Entry json_entry(const JsonValue& item, const Config& config, const TimeContext& time) {
    if (item.type != JsonValue::Type::object) throw user_error("an entry must be an object");
    const Instant at = parse_when(json_string(item.member("at"), "at"), time);
    std::vector<std::pair<std::string, FieldValue>> fields;
    if (const auto* members = item.member("fields")) {
        if (members->type != JsonValue::Type::object)
            throw user_error("an entry's 'fields' must be an object");
        for (const auto& [name, value] : members->members)
            fields.emplace_back(name, json_field_value(value, name));
    }
    std::vector<std::string> tags;
    if (const auto* list = item.member("tags")) {
        if (list->type != JsonValue::Type::array)
            throw user_error("an entry's 'tags' must be a list");
        for (const auto& tag : list->items)
            tags.push_back(json_string(&tag, "tags"));
    }
    std::string note = item.member("note") ? json_string(item.member("note"), "note") : "";
    return checked_entry(at, json_string(item.member("kind"), "kind"), std::move(fields),
                         std::move(tags), std::move(note), config, time);
}

std::vector<Entry> json_entries(std::string_view content, const std::string& name,
                                const Config& config, const TimeContext& time) {
    const JsonValue document = parse_json(content, name);
    const JsonValue* list = document.member("entries");
    if (!list || list->type != JsonValue::Type::array)
        stop(name, 0, "there is no \"entries\" list",
             "import reads what 'tend export --format json' and 'tend show --json' write");
    std::vector<Entry> entries;
    for (std::size_t index = 0; index < list->items.size(); ++index) {
        try {
            entries.push_back(json_entry(list->items[index], config, time));
        } catch (const user_error& error) {
            stop(name, 0, fmt::format("entry {}: {}", index + 1, error.what()), error.hint());
        }
    }
    return entries;
}

// RFC 4180 rows, each with the line it starts on.
std::vector<std::pair<std::size_t, std::vector<std::string>>> csv_rows(std::string_view text,
                                                                       const std::string& name) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
    std::size_t line = 1;
    std::size_t position = 0;
    while (position < text.size()) {
        std::vector<std::string> cells;
        const std::size_t row_line = line;
        while (true) {
            std::string cell;
            if (position < text.size() && text[position] == '"') {
                ++position;
                while (true) {
                    if (position >= text.size())
                        stop(name, row_line, "a quoted value is not closed");
                    const char character = text[position++];
                    if (character == '"') {
                        if (position < text.size() && text[position] == '"') {
                            cell += '"';
                            ++position;
                            continue;
                        }
                        break;
                    }
                    if (character == '\n') ++line;
                    cell += character;
                }
            } else {
                while (position < text.size() && text[position] != ',' && text[position] != '\r' &&
                       text[position] != '\n')
                    cell += text[position++];
            }
            cells.push_back(std::move(cell));
            if (position < text.size() && text[position] == ',') {
                ++position;
                continue;
            }
            break;
        }
        if (position < text.size() && text[position] == '\r') ++position;
        if (position < text.size() && text[position] == '\n') ++position;
        ++line;
        rows.emplace_back(row_line, std::move(cells));
    }
    return rows;
}

// A text cell as tend wrote it: a leading apostrophe is always tend's (spreadsheet_safe adds
// one to every cell that starts with a formula character, a tab, a return or an apostrophe).
std::string csv_text(std::string_view cell) {
    if (cell.starts_with('\'')) cell.remove_prefix(1);
    return std::string(cell);
}

// The columns every export has, beside one column per field.
bool is_entry_column(std::string_view title) {
    return title == "date" || title == "time" || title == "at" || title == "kind" ||
           title == "tags" || title == "note";
}

bool is_field_of_any_kind(std::string_view title, const Config& config) {
    for (const auto& kind : config.profile.kinds)
        if (kind.field(title)) return true;
    return false;
}

std::string joined_list(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::vector<Entry> csv_entries(std::string_view content, const std::string& name,
                               const Config& config, const TimeContext& time,
                               std::vector<std::string>& notes) {
    const auto rows = csv_rows(content, name);
    if (rows.empty()) return {};
    const auto& heading = rows.front().second;
    std::map<std::string, std::size_t> column;
    for (std::size_t index = 0; index < heading.size(); ++index)
        column.emplace(csv_text(heading[index]), index);
    for (const auto* required : {"kind", "tags", "note"})
        if (!column.contains(required))
            stop(name, 1, fmt::format("there is no '{}' column", required),
                 "import reads what 'tend export --format csv' writes");
    if (!column.contains("at") && !(column.contains("date") && column.contains("time")))
        stop(name, 1, "there is no 'at' column (nor 'date' and 'time')",
             "import reads what 'tend export --format csv' writes");
    std::vector<std::string> unknown;
    for (const auto& heading_cell : heading)
        if (const auto title = csv_text(heading_cell);
            !is_entry_column(title) && !is_field_of_any_kind(title, config))
            unknown.push_back(fmt::format("'{}'", escape_unsafe(title, false)));
    if (!unknown.empty())
        notes.push_back(fmt::format(
            "{}: the column{} {} {} no field of any kind in this journal, so {} left out",
            escape_unsafe(name, false), unknown.size() == 1 ? "" : "s", joined_list(unknown),
            unknown.size() == 1 ? "is" : "are", unknown.size() == 1 ? "it was" : "they were"));
    std::vector<Entry> entries;
    for (std::size_t index = 1; index < rows.size(); ++index) {
        // Not a structured binding: clang 14 (the fuzz build) can't capture one in a lambda.
        const auto& line = rows[index].first;
        const auto& cells = rows[index].second;
        if (cells.size() == 1 && cells.front().empty()) continue;  // a blank line
        if (cells.size() != heading.size())
            stop(name, line,
                 fmt::format("the row has {} values and the heading {}", cells.size(),
                             heading.size()));
        const auto cell = [&](const std::string& column_name) -> const std::string& {
            return cells[column.at(column_name)];
        };
        try {
            const std::string when =
                column.contains("at") ? cell("at") : cell("date") + " " + cell("time");
            const Instant at = parse_when(when, time);
            const std::string kind_name = csv_text(cell("kind"));
            const KindSpec* kind = config.profile.kind(kind_name);
            if (!kind)
                throw user_error(fmt::format("unknown kind '{}'", escape_unsafe(kind_name, false)));
            std::vector<std::pair<std::string, FieldValue>> fields;
            for (const auto& [column_name, column_index] : column) {
                const std::string& value = cells[column_index];
                if (value.empty() || is_entry_column(column_name)) continue;
                const FieldSpec* field = kind->field(column_name);
                if (!field) {
                    if (!is_field_of_any_kind(column_name, config)) continue;  // noted above
                    throw user_error(fmt::format("the kind {} has no field '{}'", kind->name,
                                                 escape_unsafe(column_name, false)),
                                     "leave that cell empty in rows of this kind");
                }
                const bool text =
                    field->type == FieldType::text || field->type == FieldType::choice;
                fields.emplace_back(field->name,
                                    parse_field_value(*field, text ? csv_text(value) : value));
            }
            std::vector<std::string> tags;
            const std::string tag_words = csv_text(cell("tags"));
            for (const auto tag : split(tag_words, ' '))
                if (!tag.empty()) tags.emplace_back(tag);
            entries.push_back(checked_entry(at, kind->name, std::move(fields), std::move(tags),
                                            csv_text(cell("note")), config, time));
        } catch (const user_error& error) {
            stop(name, line, error.what(), error.hint());
        }
    }
    return entries;
}

}  // namespace

ImportFormat import_format_of(std::string_view file_name) {
    const std::string lower = to_lower(file_name);
    if (lower.ends_with(".json")) return ImportFormat::json;
    if (lower.ends_with(".csv")) return ImportFormat::csv;
    if (lower.ends_with(".txt")) return ImportFormat::inbox;
    return ImportFormat::month_file;
}

ImportRead entries_to_import(std::string_view content, const std::string& display_name,
                             ImportFormat format, const Config& config, const TimeContext& time) {
    ImportRead read;
    switch (format) {
        case ImportFormat::json:
            read.entries = json_entries(content, display_name, config, time);
            break;
        case ImportFormat::csv:
            read.entries = csv_entries(content, display_name, config, time, read.notes);
            break;
        case ImportFormat::inbox:
            read.entries = inbox_entries(content, display_name, config, time);
            break;
        case ImportFormat::month_file:
            read.entries = month_file_entries(content, display_name, config, time);
            break;
    }
    return read;
}

Entry as_read_from_csv(Entry entry) {
    entry.note = escape_unsafe(entry.note, true);
    for (auto& [name, value] : entry.fields)
        if (auto* text = std::get_if<std::string>(&value)) *text = escape_unsafe(*text, true);
    std::vector<std::string> tags;
    for (const auto& tag : entry.tags)
        for (const auto word : split(tag, ' '))
            if (!word.empty()) tags.emplace_back(word);
    entry.tags = std::move(tags);
    return entry;
}

}  // namespace tend::store
