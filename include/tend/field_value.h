// Typed field values: parsing what the user typed, checking loaded values, showing them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "tend/profile.h"

namespace tend {

// int, scale, duration (whole minutes) -> int64; number -> double; bool; text and choice -> string.
using FieldValue = std::variant<std::int64_t, double, bool, std::string>;

// Parses a typed value for `field`: "3", "2.5", "yes", "1h30m", "happy-baby".
// Throws user_error naming the field and the allowed values or range.
FieldValue parse_field_value(const FieldSpec& field, std::string_view text);

// "15", "15m", "1h", "1h30m", "90min" to whole minutes; nothing when malformed.
std::optional<std::int64_t> parse_duration_minutes(std::string_view text);

// Checks a value read from a file. Returns a message for a wrong type or out-of-range value
// ("pain must be a whole number from 0 to 10, got 12"), or nothing when it is fine.
// Numbers written as whole TOML integers are accepted for `number` fields.
std::optional<std::string> check_field_value(const FieldSpec& field, const FieldValue& value);

// The value as a person reads it: "15 min", "1 h 30 min", "yes", "2/10", "3 s".
std::string format_field_value(const FieldSpec& field, const FieldValue& value);

// The value as a number for statistics; nothing for text, choice and bool.
std::optional<double> numeric_value(const FieldValue& value);

// "1 h 45 min", "15 min"
std::string format_minutes(std::int64_t minutes);

// A readable range for messages: "0 to 10", "at least 1", "one of gyn, pt, other".
std::string describe_allowed(const FieldSpec& field);

}  // namespace tend
