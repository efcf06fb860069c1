// A problem found in a journal file, reported as FILE:LINE:COL: message.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace tend::store {

// info: worth knowing, nothing to fix (an entry stored in two files, counted once).
enum class Severity { error, warning, info };

// `text` on one line: control characters (a newline toml++ quotes from the file, a tab in a
// hand-typed key) shown as \n, \t or \xNN, so each problem stays one FILE:LINE:COL line.
inline std::string on_one_line(std::string_view text) {
    std::string line;
    line.reserve(text.size());
    for (const char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        if (character == '\n') {
            line += "\\n";
        } else if (character == '\t') {
            line += "\\t";
        } else if (byte < 0x20 || byte == 0x7F) {
            line += fmt::format("\\x{:02X}", byte);
        } else {
            line += character;
        }
    }
    // C1 controls and bidirectional overrides too, which a terminal would act on.
    return escape_unsafe(line, false);
}

struct Problem {
    std::string file;  // relative to the journal folder: "journal/2026-11.toml"
    int line = 0;      // 1-based; 0 when the problem is about the whole file
    int column = 0;
    std::string message;
    Severity severity = Severity::error;

    // "journal/2026-11.toml:7:3: expected '='" ("warning: " before the message for warnings).
    std::string text() const {
        const std::string where = line > 0 ? fmt::format("{}:{}:{}", file, line, column) : file;
        return fmt::format("{}: {}{}", where,
                           severity == Severity::warning ? "warning: "
                           : severity == Severity::info  ? "note: "
                                                         : "",
                           on_one_line(message));
    }
};

inline bool has_errors(const std::vector<Problem>& problems) {
    for (const auto& problem : problems)
        if (problem.severity == Severity::error) return true;
    return false;
}

}  // namespace tend::store
