// Tests for src/render/ics.cpp: RFC 5545 text escaping and line folding.
#include "render/ics.h"

#include <doctest/doctest.h>

using namespace tend::render;

TEST_CASE("ics: text escapes backslash, semicolon, comma and newline") {
    CHECK(ics_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf");
}

TEST_CASE("ics: lines fold at 75 octets and never inside a UTF-8 character") {
    CHECK(ics_folded("SUMMARY:short") == "SUMMARY:short\r\n");
    const std::string long_line(160, 'x');
    CHECK(ics_folded(long_line) == std::string(75, 'x') + "\r\n " + std::string(74, 'x') + "\r\n " +
                                       std::string(11, 'x') + "\r\n");
    // 74 ASCII octets, then a two-octet "ü": it cannot fit on the first line, so it moves down.
    const std::string umlaut = std::string(74, 'a') + "\xC3\xBC" + "b";
    CHECK(ics_folded(umlaut) == std::string(74, 'a') + "\r\n \xC3\xBC" + "b\r\n");
}
