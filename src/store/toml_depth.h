// Refusing TOML nested too deep for the parser, before it parses (a stack overflow otherwise).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/problem.h"

namespace tend::store {

// How deep tend reads: arrays and inline tables inside each other, or the parts of one dotted
// key or table header ([a.b.c]). tend's own files need four.
inline constexpr int deepest_nesting = 64;

// The place where `content` first nests deeper than deepest_nesting, as a FILE:LINE:COL problem,
// or nothing. A scan of the text that skips strings and comments; toml++ recurses once per
// level, and tens of thousands of levels overflow its stack.
std::optional<Problem> nesting_problem(std::string_view content, const std::string& display_name);

}  // namespace tend::store
