// Reading TOML files: a leading UTF-8 byte order mark skipped, problems located by toml++
// source regions.
#pragma once

#include <toml++/toml.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "store/problem.h"

namespace tend::store {

// A file's text without the UTF-8 byte order mark some editors put first (toml++ rejects it).
inline std::string_view without_bom(std::string_view content) {
    constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
    if (content.starts_with(utf8_bom)) content.remove_prefix(utf8_bom.size());
    return content;
}

inline Problem problem_at(const std::string& file, const toml::source_region& where,
                          std::string message, Severity severity = Severity::error) {
    return Problem{file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                   std::move(message), severity};
}

// The problem a toml++ parse error describes.
inline Problem problem_from(const std::string& file, const toml::parse_error& error) {
    return problem_at(file, error.source(), std::string(error.description()));
}

// The line (from 1) of the first of git's conflict markers in `content`, when it holds one.
inline std::optional<int> conflict_marker_line(std::string_view content) {
    int number = 0;
    std::size_t start = 0;
    while (start <= content.size()) {
        const std::size_t end = std::min(content.find('\n', start), content.size());
        ++number;
        std::string_view line = content.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.starts_with("<<<<<<< ") || line == "<<<<<<<") return number;
        start = end + 1;
    }
    return std::nullopt;
}

// For a file that doesn't parse: when it holds git's conflict markers, the calm line `advice`
// at the first marker instead of the parser's "saw '<'"; otherwise the parser's problem.
inline Problem conflict_or_parse_problem(const std::string& file, const toml::parse_error& error,
                                         std::string_view content, std::string_view advice) {
    if (const auto line = conflict_marker_line(content))
        return Problem{file, *line, 1, std::string(advice), Severity::error};
    return problem_from(file, error);
}

// A shared file (tend.toml, plan.toml) that doesn't parse.
inline Problem shared_file_problem(const std::string& file, const toml::parse_error& error,
                                   std::string_view content) {
    return conflict_or_parse_problem(
        file, error, content,
        "this file holds git's conflict markers (<<<<<<<): two devices changed it before they "
        "synced - keep what both sides need and delete the marker lines, as docs/sync.md says "
        "(\"When tend.toml or plan.toml conflict\")");
}

// A month file that doesn't parse: only an old month file (one without a device name) edited by
// hand on two devices can hold markers, and both sides' entries are still in it.
inline Problem month_file_problem(const std::string& file, const toml::parse_error& error,
                                  std::string_view content) {
    return conflict_or_parse_problem(
        file, error, content,
        "this month file holds git's conflict markers (<<<<<<<): both sides' entries are in it - "
        "keep every [[entry]] both need and delete the marker lines, as docs/sync.md says (\"When "
        "a month file conflicts\")");
}

}  // namespace tend::store
