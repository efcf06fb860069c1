// Small text helpers shared by the parsers: case folding, digits, splitting, UTF-8, suggestions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tend {

std::string to_lower(std::string_view text);
std::string_view trim(std::string_view text);
// Only ASCII digits, at most 9 of them; nothing otherwise.
std::optional<int> parse_digits(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);
bool is_valid_utf8(std::string_view text);
// The first character of `text` that must not reach a terminal or a document raw: C0 controls
// (but newline and tab when `newlines_allowed`), DEL, C1 controls and the bidirectional
// overrides and isolates (U+202A-U+202E, U+2066-U+2069), as "U+001B"; nothing when all is well.
std::optional<std::string> unsafe_character_in(std::string_view text, bool newlines_allowed);
// `text` with each such character written visibly as \xNN or \u{NNNN}, for output; newlines
// and tabs stay when `newlines_allowed`.
std::string escape_unsafe(std::string_view text, bool newlines_allowed);
// Edit distance with transpositions (optimal string alignment), for did-you-mean hints.
std::size_t edit_distance(std::string_view left, std::string_view right);
// The closest candidate within a small distance, for "did you mean 'dilate'?".
std::optional<std::string> closest_match(std::string_view typed,
                                         const std::vector<std::string>& candidates);
// "'a', 'b' or 'c'"
std::string quoted_list(const std::vector<std::string>& items, std::string_view last_joiner = "or");

}  // namespace tend
