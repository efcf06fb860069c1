// A linear scan of TOML text for nesting depth, skipping strings and comments.
#include "store/toml_depth.h"

#include <fmt/format.h>

namespace tend::store {

std::optional<Problem> nesting_problem(std::string_view content, const std::string& display_name) {
    int line = 1;
    int column = 0;
    int brackets = 0;  // open [ and { around this point
    int dots = 0;      // dots in the current key (or value, which never holds many)
    for (std::size_t index = 0; index < content.size(); ++index) {
        const char character = content[index];
        ++column;
        const auto too_deep = [&] {
            return Problem{display_name, line, column,
                           fmt::format("nested more than {} levels deep; tend reads no deeper",
                                       deepest_nesting)};
        };
        switch (character) {
            case '\n':
                ++line;
                column = 0;
                dots = 0;
                break;
            case '#':  // a comment, to the line's end
                while (index + 1 < content.size() && content[index + 1] != '\n')
                    ++index;
                break;
            case '"':
            case '\'': {
                // A string, basic or literal, single- or multi-line; escapes only in basic ones.
                const bool multiline = content.substr(index, 3) == std::string(3, character);
                const std::string_view end = content.substr(index, multiline ? 3 : 1);
                std::size_t at = index + end.size();
                while (at < content.size() && content.substr(at, end.size()) != end) {
                    if (character == '"' && content[at] == '\\') ++at;
                    if (at < content.size() && content[at] == '\n') {
                        ++line;
                        column = 0;
                    } else {
                        ++column;
                    }
                    ++at;
                }
                // Quotes closing a multi-line string may be followed by one or two more.
                at += end.size();
                while (multiline && at < content.size() && content[at] == character)
                    ++at;
                column += static_cast<int>(end.size());
                index = at - 1;
                break;
            }
            case '[':
            case '{':
                if (++brackets > deepest_nesting) return too_deep();
                dots = 0;
                break;
            case ']':
            case '}':
                if (brackets > 0) --brackets;
                break;
            case '.':
                if (++dots > deepest_nesting) return too_deep();
                break;
            case '=':
            case ',':
                dots = 0;
                break;
            default:
                break;
        }
    }
    return std::nullopt;
}

}  // namespace tend::store
