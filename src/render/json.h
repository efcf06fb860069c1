// A small JSON value with ordered keys, and its text; for --json output of every command.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "tend/period.h"

namespace tend::render {

class Json {
  public:
    using Array = std::vector<Json>;
    using Object = std::vector<std::pair<std::string, Json>>;

    Json() : value_(nullptr) {}
    Json(std::nullptr_t) : value_(nullptr) {}
    Json(bool value) : value_(value) {}
    Json(int value) : value_(std::int64_t{value}) {}
    Json(std::int64_t value) : value_(value) {}
    Json(double value) : value_(value) {}
    Json(std::string value) : value_(std::move(value)) {}
    Json(std::string_view value) : value_(std::string(value)) {}
    Json(const char* value) : value_(std::string(value)) {}

    static Json object() { return Json(Object{}); }
    static Json array() { return Json(Array{}); }

    // Adds a key to an object (keys keep the order they were added in).
    Json& set(std::string key, Json value);
    // Appends to an array.
    Json& push(Json value);

    // Pretty text with two-space indentation, ending without a newline.
    std::string dump() const;

  private:
    friend class StreamedJson;
    explicit Json(Array value) : value_(std::move(value)) {}
    explicit Json(Object value) : value_(std::move(value)) {}
    void dump_to(std::string& out, int depth) const;

    std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Array, Object> value_;
};

// An object's text as Json::dump writes it, with the array under one of its keys written an
// item at a time, so that a long array (ten years of entries) is never held whole. The text
// goes to `sink` in pieces of about 64 KiB.
class StreamedJson {
  public:
    using Sink = std::function<void(std::string_view)>;
    // Writes `object`'s keys before `key`; `key`'s own value in `object` is not written.
    StreamedJson(const Json& object, std::string_view key, Sink sink);
    // The next item of the array.
    void add(const Json& item);
    // Closes the array and writes the keys after it.
    void finish();

  private:
    void flush_when_full();

    const Json::Object& object_;
    std::size_t key_index_ = 0;
    Sink sink_;
    std::string buffer_;
    std::size_t items_ = 0;
};

// {"from": "2026-11-23", "to": "2026-11-29"}; an open side is null.
Json period_json(const Period& period);

// A number rounded to `decimals` places, so 0.8571428 is written 0.857.
Json rounded(double value, int decimals);

// "text" with JSON escapes; non-ASCII UTF-8 is kept as it is.
std::string json_string(std::string_view text);

}  // namespace tend::render
