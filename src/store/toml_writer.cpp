// TOML text for new entries.
#include "store/toml_writer.h"

#include <fmt/format.h>

namespace tend::store {

std::string toml_string(std::string_view text) {
    std::string quoted = "\"";
    for (const char character : text) {
        switch (character) {
            case '"':
                quoted += "\\\"";
                break;
            case '\\':
                quoted += "\\\\";
                break;
            case '\n':
                quoted += "\\n";
                break;
            case '\t':
                quoted += "\\t";
                break;
            case '\r':
                quoted += "\\r";
                break;
            case '\b':
                quoted += "\\b";
                break;
            case '\f':
                quoted += "\\f";
                break;
            default: {
                const auto byte = static_cast<unsigned char>(character);
                if (byte < 0x20 || byte == 0x7F)
                    quoted += fmt::format("\\u{:04X}", byte);
                else
                    quoted += character;
            }
        }
    }
    quoted += '"';
    return quoted;
}

std::string toml_key(std::string_view key) {
    const bool bare = !key.empty() && key.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789_-") == std::string_view::npos;
    return bare ? std::string(key) : toml_string(key);
}

std::string toml_value(const FieldValue& value) {
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return fmt::format("{}", *integer);
    if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
    if (const auto* text = std::get_if<std::string>(&value)) return toml_string(*text);
    // Shortest text that reads back as the same double; TOML floats need a '.' or an exponent.
    std::string number = fmt::format("{}", std::get<double>(value));
    if (number.find_first_of(".eE") == std::string::npos) number += ".0";
    return number;
}

std::string entry_block(const Entry& entry, std::string_view newline) {
    std::string block = fmt::format("[[entry]]{}", newline);
    block += fmt::format("at = {}{}", format_iso(entry.at), newline);
    block += fmt::format("kind = {}{}", toml_string(entry.kind), newline);
    for (const auto& [name, value] : entry.fields)
        block += fmt::format("{} = {}{}", toml_key(name), toml_value(value), newline);
    if (!entry.tags.empty()) {
        block += "tags = [";
        for (std::size_t index = 0; index < entry.tags.size(); ++index)
            block += (index > 0 ? ", " : "") + toml_string(entry.tags[index]);
        block += fmt::format("]{}", newline);
    }
    if (!entry.note.empty()) block += fmt::format("note = {}{}", toml_string(entry.note), newline);
    return block;
}

}  // namespace tend::store
