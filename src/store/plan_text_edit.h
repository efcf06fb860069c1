// Small, exact edits of plan.toml text: every byte outside the edited lines stays as written.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>

namespace tend::store {

// A key = value pair's place: the key's start and the value's end (1-based, toml++ columns).
struct KeyPlace {
    int line = 0;
    int key_column = 0;
    int value_end_line = 0;
    int value_end_column = 0;  // one past the value's last character
};

// Where an [[item]] table's text lies.
struct ItemPlace {
    int header_line = 0;
    int last_line = 0;       // the last line any of its values reaches
    bool is_inline = false;  // written as { ... } in an array: tend does not edit those
    std::optional<KeyPlace> end;
    std::optional<KeyPlace> length;
};

ItemPlace place_of(const toml::table& table);

// "\r\n" when the text already uses CRLF line endings, else "\n".
std::string_view newline_of(std::string_view content);

// The content with the item's end set to `date`: the `end` value replaced, else the `length`
// pair replaced by `end = DATE`, else a line `end = DATE` added after the item's last line.
std::string with_end_date(const std::string& content, const ItemPlace& place,
                          const std::string& date);

// The content without the item: its header through its last line, and one blank line after.
std::string without_item(const std::string& content, const ItemPlace& place);

}  // namespace tend::store
