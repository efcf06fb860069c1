// Text and JSON for entries.
#include "render/entry_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"

namespace tend::render {

namespace {

std::string describe_value(const FieldSpec& field, const FieldValue& value, const KindSpec& kind,
                           const Settings& settings) {
    std::string shown = format_field_value(field, value);
    if (field.name == kind.progression) {
        const auto* size = std::get_if<std::int64_t>(&value);
        if (size && *size >= 1 &&
            static_cast<std::size_t>(*size) <= settings.dilator_diameters_mm.size())
            shown += fmt::format(
                " ({} mm)", settings.dilator_diameters_mm[static_cast<std::size_t>(*size - 1)]);
    }
    // A duration named "minutes" reads well on its own: "15 min".
    if (field.type == FieldType::duration && field.name == "minutes") return shown;
    return fmt::format("{} {}", field.display_name(), shown);
}

}  // namespace

std::string describe_values(const Entry& entry, const Config& config) {
    const KindSpec* kind = config.profile.kind(entry.kind);
    std::string text;
    for (const auto& [name, value] : entry.fields) {
        const FieldSpec* field = kind ? kind->field(name) : nullptr;
        if (!text.empty()) text += " · ";
        text += field ? describe_value(*field, value, *kind, config.settings) : name;
    }
    return text;
}

std::string entry_line(const Entry& entry, const Config& config) {
    std::string line =
        fmt::format("{}  {:<9}", format_time_of_day(entry.at.local_second_of_day()), entry.kind);
    const std::string values = describe_values(entry, config);
    if (!values.empty()) line += " " + values;
    for (const auto& tag : entry.tags)
        line += fmt::format("  @{}", tag);
    // The note is set apart by a dash, so that "size 3" typed as a note never reads as a field.
    const auto note_lines = split(entry.note, '\n');
    if (!entry.note.empty())
        line +=
            fmt::format("{}— {}", values.empty() && entry.tags.empty() ? " " : "  ", note_lines[0]);
    for (std::size_t index = 1; index < note_lines.size(); ++index)
        line += fmt::format("\n{:19}{}", "", note_lines[index]);
    while (line.ends_with(' '))
        line.pop_back();
    // Text from the files (a note, a tag, a text field) never reaches the terminal as raw
    // control characters: an ESC could rewrite the screen.
    return escape_unsafe(line, true);
}

std::string entries_by_day(const std::vector<Entry>& entries, const Config& config) {
    // By the day each was written on, in time order within a day: an entry logged at +14:00 is
    // earlier in time than one written on the day before it, and must not open a day twice.
    std::vector<const Entry*> ordered;
    ordered.reserve(entries.size());
    for (const auto& entry : entries)
        ordered.push_back(&entry);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Entry* left, const Entry* right) {
        return left->at.local_date() < right->at.local_date();
    });
    std::string text;
    std::optional<Date> current_day;
    for (const Entry* pointer : ordered) {
        const Entry& entry = *pointer;
        const Date day = entry.at.local_date();
        if (day != current_day) {
            if (current_day) text += "\n";
            text += format_day_heading(day) + "\n";
            current_day = day;
        }
        text += "  " + entry_line(entry, config) + "\n";
    }
    return text;
}

Json entry_json(const Entry& entry) {
    Json fields = Json::object();
    for (const auto& field : entry.fields) {
        std::visit([&](const auto& held) { fields.set(field.first, Json(held)); }, field.second);
    }
    Json tags = Json::array();
    for (const auto& tag : entry.tags)
        tags.push(tag);
    Json json = Json::object();
    json.set("at", format_iso(entry.at))
        .set("date", format_date(entry.at.local_date()))
        .set("time", format_time_of_day(entry.at.local_second_of_day()))
        .set("kind", entry.kind)
        .set("fields", std::move(fields))
        .set("tags", std::move(tags))
        .set("note", entry.note);
    return json;
}

}  // namespace tend::render
