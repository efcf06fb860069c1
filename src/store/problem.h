// A problem found in a journal file, reported as FILE:LINE:COL: message.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

namespace tend::store {

enum class Severity { error, warning };

struct Problem {
    std::string file;  // relative to the journal folder: "journal/2026-11.toml"
    int line = 0;      // 1-based; 0 when the problem is about the whole file
    int column = 0;
    std::string message;
    Severity severity = Severity::error;

    // "journal/2026-11.toml:7:3: expected '='" ("warning: " before the message for warnings).
    std::string text() const {
        const std::string where = line > 0 ? fmt::format("{}:{}:{}", file, line, column) : file;
        return fmt::format("{}: {}{}", where, severity == Severity::warning ? "warning: " : "",
                           message);
    }
};

inline bool has_errors(const std::vector<Problem>& problems) {
    for (const auto& problem : problems)
        if (problem.severity == Severity::error) return true;
    return false;
}

}  // namespace tend::store
