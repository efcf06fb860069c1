// Reading JSON, enough for tend's own exports (`tend export --format json`, `show --json`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tend::store {

struct JsonMember;

struct JsonValue {
    enum class Type { null, boolean, integer, number, string, array, object };
    Type type = Type::null;
    bool flag = false;
    std::int64_t whole = 0;  // an integer: no fraction, no exponent, within 64 bits
    double number = 0;
    std::string text;
    std::vector<JsonValue> items;
    // In file order. Not a std::pair: a pair of an incomplete type is refused by clang 14.
    std::vector<JsonMember> members;

    // The member `name` of an object, or nothing.
    const JsonValue* member(std::string_view name) const;
};

struct JsonMember {
    std::string first;  // the name
    JsonValue second;   // the value
};

// Parses `text` (RFC 8259; at most 64 levels deep). Throws user_error at the first mistake:
// "export.json:3:7: expected ',' or '}'".
JsonValue parse_json(std::string_view text, const std::string& display_name);

}  // namespace tend::store
