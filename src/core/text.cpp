// Small text helpers shared by the parsers.
#include "core/text.h"

#include <fmt/format.h>
#include <algorithm>

namespace tend {

std::string to_lower(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char character) {
        return static_cast<char>(character >= 'A' && character <= 'Z' ? character + 32 : character);
    });
    return lowered;
}

std::string_view trim(std::string_view text) {
    const auto is_space = [](char character) {
        return character == ' ' || character == '\t' || character == '\n' || character == '\r';
    };
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

std::optional<int> parse_digits(std::string_view text) {
    if (text.empty() || text.size() > 9) return {};
    int value = 0;
    for (const char character : text) {
        if (character < '0' || character > '9') return {};
        value = value * 10 + (character - '0');
    }
    return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

std::string shortened(std::string_view text, std::size_t characters) {
    std::string line;
    for (const char character : text) {
        const bool space =
            character == ' ' || character == '\t' || character == '\n' || character == '\r';
        if (!space)
            line += character;
        else if (!line.empty() && line.back() != ' ')
            line += ' ';
    }
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    // Count code points: a UTF-8 continuation byte (10xxxxxx) starts none.
    std::size_t count = 0;
    std::size_t cut = line.size();
    for (std::size_t index = 0; index < line.size(); ++index) {
        if ((static_cast<unsigned char>(line[index]) & 0xC0) == 0x80) continue;
        if (count == characters) {
            cut = index;
            break;
        }
        ++count;
    }
    if (cut == line.size()) return line;
    const std::size_t space = line.rfind(' ', cut);
    if (space != std::string::npos && space > 0) cut = space;
    line.resize(cut);
    while (!line.empty() && (line.back() == ' ' || line.back() == ',' || line.back() == ';'))
        line.pop_back();
    return line + "…";
}

bool is_valid_utf8(std::string_view text) {
    std::size_t index = 0;
    while (index < text.size()) {
        const auto lead = static_cast<unsigned char>(text[index]);
        std::size_t length = 0;
        std::uint32_t code_point = 0;
        if (lead < 0x80) {
            ++index;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2;
            code_point = lead & 0x1Fu;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            code_point = lead & 0x0Fu;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            code_point = lead & 0x07u;
        } else {
            return false;
        }
        if (index + length > text.size()) return false;
        for (std::size_t offset = 1; offset < length; ++offset) {
            const auto continuation = static_cast<unsigned char>(text[index + offset]);
            if ((continuation & 0xC0) != 0x80) return false;
            code_point = (code_point << 6) | (continuation & 0x3Fu);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
        const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code_point < smallest[length] || code_point > 0x10FFFF ||
            (code_point >= 0xD800 && code_point <= 0xDFFF))
            return false;
        index += length;
    }
    return true;
}

std::size_t edit_distance(std::string_view left, std::string_view right) {
    const std::size_t rows = left.size() + 1;
    const std::size_t columns = right.size() + 1;
    std::vector<std::size_t> table(rows * columns);
    const auto cell = [&](std::size_t row, std::size_t column) -> std::size_t& {
        return table[row * columns + column];
    };
    for (std::size_t row = 0; row < rows; ++row)
        cell(row, 0) = row;
    for (std::size_t column = 0; column < columns; ++column)
        cell(0, column) = column;
    for (std::size_t row = 1; row < rows; ++row) {
        for (std::size_t column = 1; column < columns; ++column) {
            const std::size_t cost = left[row - 1] == right[column - 1] ? 0 : 1;
            cell(row, column) = std::min({cell(row - 1, column) + 1, cell(row, column - 1) + 1,
                                          cell(row - 1, column - 1) + cost});
            if (row > 1 && column > 1 && left[row - 1] == right[column - 2] &&
                left[row - 2] == right[column - 1])
                cell(row, column) = std::min(cell(row, column), cell(row - 2, column - 2) + 1);
        }
    }
    return cell(rows - 1, columns - 1);
}

std::optional<std::string> closest_match(std::string_view typed,
                                         const std::vector<std::string>& candidates) {
    const std::string lowered = to_lower(typed);
    const std::size_t allowed =
        std::max<std::size_t>(1, std::min<std::size_t>(2, lowered.size() / 3));
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (const auto& candidate : candidates) {
        const std::size_t distance = edit_distance(lowered, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string quoted_list(const std::vector<std::string>& items, std::string_view last_joiner) {
    std::string joined;
    for (std::size_t index = 0; index < items.size(); ++index) {
        if (index > 0)
            joined += index + 1 == items.size() ? fmt::format(" {} ", last_joiner) : ", ";
        joined += fmt::format("'{}'", items[index]);
    }
    return joined;
}

namespace {

// One character of text: its code point, its length in bytes (at least 1) and whether it must
// not reach a terminal or a document raw.
struct Scanned {
    char32_t code = 0;
    std::size_t length = 1;
    bool unsafe = false;
};

// Decodes the UTF-8 character at `text[index]`; a stray byte is itself, one byte long.
Scanned decode_at(std::string_view text, std::size_t index) {
    const auto at = [&](std::size_t offset) {
        return index + offset < text.size() ? static_cast<unsigned char>(text[index + offset]) : 0u;
    };
    const unsigned byte = at(0);
    const auto continuation = [&](std::size_t offset) { return (at(offset) & 0xC0u) == 0x80u; };
    if (byte >= 0xC2 && byte <= 0xDF && continuation(1))
        return {((byte & 0x1Fu) << 6) | (at(1) & 0x3Fu), 2};
    if (byte >= 0xE0 && byte <= 0xEF && continuation(1) && continuation(2))
        return {((byte & 0x0Fu) << 12) | ((at(1) & 0x3Fu) << 6) | (at(2) & 0x3Fu), 3};
    if (byte >= 0xF0 && byte <= 0xF4 && continuation(1) && continuation(2) && continuation(3))
        return {((byte & 0x07u) << 18) | ((at(1) & 0x3Fu) << 12) | ((at(2) & 0x3Fu) << 6) |
                    (at(3) & 0x3Fu),
                4};
    return {byte, 1};
}

bool is_control(char32_t code) {
    return code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F);
}

// Characters that show nothing, or move text, yet change what a line says: bidirectional
// overrides and isolates (U+202A-U+202E, U+2066-U+2069), the line and paragraph separators
// (U+2028, U+2029), zero-width space (U+200B), word joiner and invisible operators
// (U+2060-U+2064), deprecated format characters (U+206A-U+206F), the byte order mark
// (U+FEFF), interlinear annotations (U+FFF9-U+FFFB), the Mongolian vowel separator (U+180E)
// and tag characters (U+E0000-U+E007F) outside a flag. Joiners (U+200C, U+200D) stay: emoji
// and Persian text need them.
bool is_hiding(char32_t code) {
    return (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
           code == 0x2028 || code == 0x2029 || code == 0x200B ||
           (code >= 0x2060 && code <= 0x2064) || (code >= 0x206A && code <= 0x206F) ||
           code == 0xFEFF || (code >= 0xFFF9 && code <= 0xFFFB) || code == 0x180E ||
           (code >= 0xE0000 && code <= 0xE007F);
}

// The character at `text[index]`, unsafe or not. A subdivision flag (U+1F3F4, tag letters,
// U+E007F: the flags of England, Scotland, Wales) is one safe piece.
Scanned scan_at(std::string_view text, std::size_t index, bool newlines_allowed) {
    Scanned scanned = decode_at(text, index);
    if (scanned.code == 0x1F3F4) {
        std::size_t end = index + scanned.length;
        while (end < text.size()) {
            const Scanned tag = decode_at(text, end);
            if (tag.code < 0xE0020 || tag.code > 0xE007F) break;
            end += tag.length;
            if (tag.code == 0xE007F) return {scanned.code, end - index, false};
        }
        return scanned;
    }
    if (newlines_allowed && (scanned.code == '\n' || scanned.code == '\t')) return scanned;
    scanned.unsafe = is_control(scanned.code) || is_hiding(scanned.code);
    return scanned;
}

std::string code_name(char32_t code) {
    return fmt::format("U+{:04X}", static_cast<unsigned>(code));
}

}  // namespace

std::optional<std::string> unsafe_character_in(std::string_view text, bool newlines_allowed) {
    std::vector<char32_t> found;  // each character once, in the order they first appear
    for (std::size_t index = 0; index < text.size();) {
        const Scanned scanned = scan_at(text, index, newlines_allowed);
        if (scanned.unsafe && std::find(found.begin(), found.end(), scanned.code) == found.end())
            found.push_back(scanned.code);
        index += scanned.length;
    }
    if (found.empty()) return std::nullopt;
    const bool controls = std::all_of(found.begin(), found.end(), is_control);
    const bool hiding = std::none_of(found.begin(), found.end(), is_control);
    std::string codes;
    for (const char32_t code : found)
        codes += (codes.empty() ? "" : ", ") + code_name(code);
    if (found.size() == 1)
        return fmt::format("{} ({})", controls ? "a control character" : "an invisible character",
                           codes);
    return fmt::format("{} ({})",
                       controls ? "control characters"
                       : hiding ? "invisible characters"
                                : "control and invisible characters",
                       codes);
}

std::string escape_unsafe(std::string_view text, bool newlines_allowed) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t index = 0; index < text.size();) {
        const Scanned scanned = scan_at(text, index, newlines_allowed);
        if (!scanned.unsafe)
            out += text.substr(index, scanned.length);
        else
            out += scanned.code < 0x100
                       ? fmt::format("\\x{:02X}", static_cast<unsigned>(scanned.code))
                       : fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(scanned.code));
        index += scanned.length;
    }
    return out;
}

std::string shell_quoted(std::string_view text) {
    const auto plain = [](char character) {
        return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
               (character >= '0' && character <= '9') ||
               std::string_view("._-/+=:,@%").find(character) != std::string_view::npos;
    };
    if (!text.empty() && std::all_of(text.begin(), text.end(), plain) && text.front() != '-')
        return std::string(text);
    std::string quoted = "'";
    for (const char character : text) {
        if (character == '\'')
            quoted += "'\\''";
        else
            quoted += character;
    }
    return quoted + "'";
}

}  // namespace tend
