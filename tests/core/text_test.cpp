// Tests for src/core/text.cpp: which characters may reach a terminal or a document raw.
#include "core/text.h"

#include <doctest/doctest.h>

using namespace tend;

TEST_CASE("text: unsafe characters are named once each, in the order they first appear") {
    CHECK_FALSE(unsafe_character_in("plain text, émoji 🌷", false));
    CHECK(unsafe_character_in("a\x1b[2Jb\x1b", false) == "a control character (U+001B)");
    CHECK(unsafe_character_in("a\x07\x1b\x07", false) == "control characters (U+0007, U+001B)");
    CHECK(unsafe_character_in("a\u200Bb", false) == "an invisible character (U+200B)");
    CHECK(unsafe_character_in("\u2028\uFEFF\u2028", false) ==
          "invisible characters (U+2028, U+FEFF)");
    CHECK(unsafe_character_in("\u202E\x01", false) ==
          "control and invisible characters (U+202E, U+0001)");
    // Newlines and tabs only where text may hold them.
    CHECK_FALSE(unsafe_character_in("a\nb\tc", true));
    CHECK(unsafe_character_in("a\nb", false) == "a control character (U+000A)");
    // C1 controls, whether written as UTF-8 or as a stray byte.
    CHECK(unsafe_character_in("\xC2\x9B", false) == "a control character (U+009B)");
    CHECK(unsafe_character_in("\x9B", false) == "a control character (U+009B)");
}

TEST_CASE("text: escape_unsafe writes hiding characters visibly and keeps joiners and flags") {
    CHECK(escape_unsafe("a\u2029b\u2060c\u00ADd", true) == "a\\u{2029}b\\u{2060}c\u00ADd");
    CHECK(escape_unsafe("x\U000E0041y", true) == "x\\u{E0041}y");
    // A woman health worker (with U+200D joiners) and the flag of Wales (tag characters).
    const std::string worker = "\U0001F469\u200D\u2695\uFE0F";
    const std::string wales =
        "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F";
    CHECK(escape_unsafe(worker + wales, false) == worker + wales);
    // Tag characters not closed as a flag are escaped.
    CHECK(escape_unsafe("\U0001F3F4\U000E0067", false) == "\U0001F3F4\\u{E0067}");
}

TEST_CASE("text: shortened puts a note on one line and cuts it at a word with an ellipsis") {
    struct Case {
        std::string text;
        std::size_t characters;
        std::string expected;
    };
    const Case cases[] = {
        {"I felt much better today", 12, "I felt much…"},
        {"I felt much better today", 24, "I felt much better today"},
        {"two\nlines\t and  spaces ", 40, "two lines and spaces"},
        {"abcdefghij", 4, "abcd…"},                         // one word: cut at the limit
        {"Schmerz, später ruhig", 16, "Schmerz, später…"},  // code points, not bytes
        {"a, b", 2, "a…"},                                  // no comma before the ellipsis
        {"", 5, ""},
    };
    for (const auto& [text, characters, expected] : cases) {
        CAPTURE(text);
        CHECK(shortened(text, characters) == expected);
    }
}
