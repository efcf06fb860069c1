// Writing TOML text by hand, so new entries are appended without re-serialising the file.
#pragma once

#include <string>
#include <string_view>

#include "tend/entry.h"

namespace tend::store {

// A TOML basic string: "..." with quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view text);
// A bare key when possible (size), else a quoted one ("my field").
std::string toml_key(std::string_view key);
// A field value as TOML: 3, 2.5, true, "text".
std::string toml_value(const FieldValue& value);
// One [[entry]] block, ending with a newline; `newline` is "\n" or "\r\n".
std::string entry_block(const Entry& entry, std::string_view newline = "\n");

}  // namespace tend::store
