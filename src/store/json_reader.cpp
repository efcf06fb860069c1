// A small recursive-descent JSON reader with located errors and a depth limit.
#include "store/json_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string>
#include <unordered_set>

#include "core/text.h"
#include "tend/error.h"

namespace tend::store {

namespace {

constexpr int deepest = 64;

class JsonParser {
  public:
    JsonParser(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    JsonValue document() {
        if (text_.starts_with("\xEF\xBB\xBF")) position_ = 3;
        JsonValue value = parse_value(0);
        skip_space();
        if (position_ != text_.size()) fail("unexpected text after the JSON value");
        return value;
    }

  private:
    [[noreturn]] void fail(std::string_view message) const {
        int line = 1;
        int column = 1;
        for (std::size_t index = 0; index < position_ && index < text_.size(); ++index) {
            if (text_[index] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw user_error(fmt::format("{}:{}:{}: {}", name_, line, column, message),
                         "import reads the JSON that 'tend export --format json' writes");
    }

    void skip_space() {
        while (position_ < text_.size() &&
               std::string_view(" \t\r\n").find(text_[position_]) != std::string_view::npos)
            ++position_;
    }

    bool take(char character) {
        skip_space();
        if (position_ < text_.size() && text_[position_] == character) {
            ++position_;
            return true;
        }
        return false;
    }

    void expect(char character, std::string_view what) {
        if (!take(character)) fail(fmt::format("expected {}", what));
    }

    bool take_word(std::string_view word) {
        if (text_.substr(position_).starts_with(word)) {
            position_ += word.size();
            return true;
        }
        return false;
    }

    JsonValue parse_value(int depth) {
        if (depth > deepest) fail("the JSON is nested too deeply");
        skip_space();
        if (position_ >= text_.size()) fail("the JSON ends too early");
        JsonValue value;
        const char first = text_[position_];
        if (first == '{') {
            ++position_;
            value.type = JsonValue::Type::object;
            if (take('}')) return value;
            // A name given twice would leave one of its values unread, without a word.
            std::unordered_set<std::string> names;
            do {
                skip_space();
                if (position_ >= text_.size() || text_[position_] != '"')
                    fail("expected a member name in quotes");
                const std::size_t name_start = position_;
                std::string name = parse_string();
                if (!names.insert(name).second) {
                    position_ = name_start;
                    fail(fmt::format("the name \"{}\" is given twice in one object",
                                     escape_unsafe(name, false)));
                }
                expect(':', "':'");
                value.members.push_back(JsonMember{std::move(name), parse_value(depth + 1)});
            } while (take(','));
            expect('}', "',' or '}'");
        } else if (first == '[') {
            ++position_;
            value.type = JsonValue::Type::array;
            if (take(']')) return value;
            do
                value.items.push_back(parse_value(depth + 1));
            while (take(','));
            expect(']', "',' or ']'");
        } else if (first == '"') {
            value.type = JsonValue::Type::string;
            value.text = parse_string();
        } else if (take_word("true") || take_word("false")) {
            value.type = JsonValue::Type::boolean;
            value.flag = first == 't';
        } else if (take_word("null")) {
            value.type = JsonValue::Type::null;
        } else {
            parse_number(value);
        }
        return value;
    }

    void parse_number(JsonValue& value) {
        const std::size_t start = position_;
        while (position_ < text_.size() &&
               std::string_view("+-0123456789.eE").find(text_[position_]) != std::string_view::npos)
            ++position_;
        const std::string_view digits = text_.substr(start, position_ - start);
        if (digits.empty()) fail("expected a value");
        const char* end = digits.data() + digits.size();
        if (digits.find_first_of(".eE") == std::string_view::npos) {
            const auto result = std::from_chars(digits.data(), end, value.whole);
            if (result.ec == std::errc{} && result.ptr == end) {
                value.type = JsonValue::Type::integer;
                return;
            }
        }
        const auto result = std::from_chars(digits.data(), end, value.number);
        if (result.ec != std::errc{} || result.ptr != end || !std::isfinite(value.number))
            fail(fmt::format("'{}' is not a number", digits.substr(0, 40)));
        value.type = JsonValue::Type::number;
    }

    unsigned hex4() {
        if (text_.size() - position_ < 4) fail("a \\u escape needs four hex digits");
        unsigned code = 0;
        const auto result =
            std::from_chars(text_.data() + position_, text_.data() + position_ + 4, code, 16);
        if (result.ptr != text_.data() + position_ + 4) fail("a \\u escape needs four hex digits");
        position_ += 4;
        return code;
    }

    static void append_utf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    std::string parse_string() {
        ++position_;  // the opening quote
        std::string out;
        while (true) {
            if (position_ >= text_.size()) fail("a string is not closed");
            const char character = text_[position_++];
            if (character == '"') return out;
            if (static_cast<unsigned char>(character) < 0x20)
                fail("a string holds a control character; JSON writes it as an escape");
            if (character != '\\') {
                out += character;
                continue;
            }
            if (position_ >= text_.size()) fail("a string is not closed");
            const char escaped = text_[position_++];
            switch (escaped) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned code = hex4();
                    if (code >= 0xD800 && code < 0xDC00) {
                        if (!take_word("\\u")) fail("a \\u escape lacks its low surrogate");
                        const unsigned low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail("a \\u escape has a bad surrogate");
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    } else if (code >= 0xDC00 && code < 0xE000) {
                        fail("a \\u escape has a lone surrogate");
                    }
                    append_utf8(out, code);
                    break;
                }
                default:
                    fail(fmt::format("'\\{}' is not a JSON escape", escaped));
            }
        }
    }

    std::string_view text_;
    const std::string& name_;
    std::size_t position_ = 0;
};

}  // namespace

const JsonValue* JsonValue::member(std::string_view name) const {
    for (const auto& [member_name, value] : members)
        if (member_name == name) return &value;
    return nullptr;
}

JsonValue parse_json(std::string_view text, const std::string& display_name) {
    return JsonParser(text, display_name).document();
}

}  // namespace tend::store
