// JSON text.
#include "render/json.h"

#include <fmt/format.h>
#include <cmath>
#include <stdexcept>

namespace tend::render {

Json& Json::set(std::string key, Json value) {
    std::get<Object>(value_).emplace_back(std::move(key), std::move(value));
    return *this;
}

Json& Json::push(Json value) {
    std::get<Array>(value_).push_back(std::move(value));
    return *this;
}

std::string Json::dump() const {
    std::string out;
    dump_to(out, 0);
    return out;
}

void Json::dump_to(std::string& out, int depth) const {
    const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string closing_indent(static_cast<std::size_t>(depth) * 2, ' ');
    if (std::holds_alternative<std::nullptr_t>(value_)) {
        out += "null";
    } else if (const auto* flag = std::get_if<bool>(&value_)) {
        out += *flag ? "true" : "false";
    } else if (const auto* integer = std::get_if<std::int64_t>(&value_)) {
        out += fmt::format("{}", *integer);
    } else if (const auto* number = std::get_if<double>(&value_)) {
        out += std::isfinite(*number) ? fmt::format("{}", *number) : "null";
    } else if (const auto* text = std::get_if<std::string>(&value_)) {
        out += json_string(*text);
    } else if (const auto* array = std::get_if<Array>(&value_)) {
        if (array->empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (std::size_t index = 0; index < array->size(); ++index) {
            out += indent;
            (*array)[index].dump_to(out, depth + 1);
            out += index + 1 < array->size() ? ",\n" : "\n";
        }
        out += closing_indent + "]";
    } else {
        const auto& object = std::get<Object>(value_);
        if (object.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        for (std::size_t index = 0; index < object.size(); ++index) {
            out += indent + json_string(object[index].first) + ": ";
            object[index].second.dump_to(out, depth + 1);
            out += index + 1 < object.size() ? ",\n" : "\n";
        }
        out += closing_indent + "}";
    }
}

StreamedJson::StreamedJson(const Json& object, std::string_view key, Sink sink)
    : object_(std::get<Json::Object>(object.value_)), sink_(std::move(sink)) {
    while (key_index_ < object_.size() && object_[key_index_].first != key)
        ++key_index_;
    if (key_index_ == object_.size()) throw std::logic_error("StreamedJson: no such key");
    buffer_ += "{\n";
    for (std::size_t index = 0; index < key_index_; ++index) {
        buffer_ += "  " + json_string(object_[index].first) + ": ";
        object_[index].second.dump_to(buffer_, 1);
        buffer_ += ",\n";
    }
    buffer_ += "  " + json_string(key) + ": ";
}

void StreamedJson::add(const Json& item) {
    buffer_ += items_++ == 0 ? "[\n    " : ",\n    ";
    item.dump_to(buffer_, 2);
    flush_when_full();
}

void StreamedJson::finish() {
    buffer_ += items_ == 0 ? "[]" : "\n  ]";
    for (std::size_t index = key_index_ + 1; index < object_.size(); ++index) {
        buffer_ += ",\n  " + json_string(object_[index].first) + ": ";
        object_[index].second.dump_to(buffer_, 1);
    }
    buffer_ += "\n}";
    sink_(buffer_);
    buffer_.clear();
}

void StreamedJson::flush_when_full() {
    if (buffer_.size() < std::size_t{64} * 1024) return;
    sink_(buffer_);
    buffer_.clear();
}

std::string json_string(std::string_view text) {
    std::string quoted = "\"";
    for (const char character : text) {
        switch (character) {
            case '"':
                quoted += "\\\"";
                break;
            case '\\':
                quoted += "\\\\";
                break;
            case '\n':
                quoted += "\\n";
                break;
            case '\r':
                quoted += "\\r";
                break;
            case '\t':
                quoted += "\\t";
                break;
            case '\b':
                quoted += "\\b";
                break;
            case '\f':
                quoted += "\\f";
                break;
            default:
                if (static_cast<unsigned char>(character) < 0x20)
                    quoted += fmt::format("\\u{:04x}", static_cast<unsigned char>(character));
                else
                    quoted += character;
        }
    }
    quoted += '"';
    return quoted;
}

Json period_json(const Period& period) {
    Json json = Json::object();
    json.set("from", period.from ? Json(format_date(*period.from)) : Json());
    json.set("to", period.to ? Json(format_date(*period.to)) : Json());
    return json;
}

Json rounded(double value, int decimals) {
    // Decimals don't matter that far up, and scaling 1e308 would make it inf.
    if (!std::isfinite(value) || std::abs(value) >= 1e15) return Json(value);
    const double scale = std::pow(10.0, decimals);
    return Json(std::round(value * scale) / scale);
}

}  // namespace tend::render
