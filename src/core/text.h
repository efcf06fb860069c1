// Small text helpers shared by the parsers: case folding, digits, splitting, UTF-8, suggestions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tend {

std::string to_lower(std::string_view text);
// Whether two names are equal; at once when both view the same characters (compact entries'
// kind and field names view their profile's, and reports ask with the profile's).
inline bool same_name(std::string_view left, std::string_view right) {
    return left.data() == right.data() ? left.size() == right.size() : left == right;
}
std::string_view trim(std::string_view text);
// Only ASCII digits, at most 9 of them; nothing otherwise.
std::optional<int> parse_digits(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);
bool is_valid_utf8(std::string_view text);
// The characters of `text` that must not reach a terminal or a document raw, each named once
// in the order they first appear: "a control character (U+001B)", "control and invisible
// characters (U+001B, U+200B)"; nothing when all is well. Unsafe are C0 controls (but newline
// and tab when `newlines_allowed`), DEL, C1 controls, and the invisible characters that hide or
// reorder text (bidi overrides and isolates, U+2028/U+2029, zero-width space, U+FEFF, tag
// characters; see is_hiding in text.cpp).
std::optional<std::string> unsafe_character_in(std::string_view text, bool newlines_allowed);
// `text` with each such character written visibly as \xNN or \u{NNNN}, for output; newlines
// and tabs stay when `newlines_allowed`.
std::string escape_unsafe(std::string_view text, bool newlines_allowed);
// `text` on one line (each run of spaces, tabs and line breaks one space) and, when that is longer
// than `characters` code points, cut at the last space within them (at the limit when there is
// none) with "…" after it: shortened("I felt much better today", 12) is "I felt much…".
std::string shortened(std::string_view text, std::size_t characters);
// Edit distance with transpositions (optimal string alignment), for did-you-mean hints.
std::size_t edit_distance(std::string_view left, std::string_view right);
// The closest candidate within a small distance, for "did you mean 'dilate'?".
std::optional<std::string> closest_match(std::string_view typed,
                                         const std::vector<std::string>& candidates);
// `text` as one word for a POSIX shell, for a command tend prints for pasting: as it is when
// every character is plain (letters, digits, and . _ - / + = : , @ %), else in single quotes
// with each ' written '\''. "2026-11.phone.toml" stays; "a $(b)" becomes "'a $(b)'".
std::string shell_quoted(std::string_view text);
// "'a', 'b' or 'c'"
std::string quoted_list(const std::vector<std::string>& items, std::string_view last_joiner = "or");

}  // namespace tend
