// Reading TOML files: a leading UTF-8 byte order mark skipped, problems located by toml++
// source regions.
#pragma once

#include <toml++/toml.h>

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

}  // namespace tend::store
