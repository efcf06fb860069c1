// Problems located by toml++ source regions.
#pragma once

#include <toml++/toml.h>

#include <string>

#include "store/problem.h"

namespace tend::store {

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
