// Typed field values: what the user may type for each field type, and how values read back.
#include "tend/field_value.h"

#include <fmt/format.h>
#include <charconv>
#include <cmath>

#include "core/scale.h"
#include "core/text.h"
#include "tend/error.h"

namespace tend {

namespace {

std::string format_bound(double bound) {
    return fmt::format("{}", bound);
}

bool in_range(const FieldSpec& field, double value) {
    return (!field.min || value >= *field.min) && (!field.max || value <= *field.max);
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    std::int64_t value = 0;
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return {};
    return value;
}

std::optional<double> parse_number(std::string_view text) {
    double value = 0;
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty() ||
        !std::isfinite(value))
        return {};
    return value;
}

std::optional<bool> parse_boolean(std::string_view text) {
    const std::string lowered = to_lower(text);
    if (lowered == "yes" || lowered == "y" || lowered == "true" || lowered == "1") return true;
    if (lowered == "no" || lowered == "n" || lowered == "false" || lowered == "0") return false;
    return {};
}

[[noreturn]] void bad_value(const FieldSpec& field, std::string_view text, std::string_view kind) {
    throw user_error(fmt::format("{} must be {}, got '{}'", field.name, kind, text),
                     describe_allowed(field).empty()
                         ? std::string{}
                         : fmt::format("{} takes {}", field.name, describe_allowed(field)));
}

void require_in_range(const FieldSpec& field, double value, std::string_view text) {
    if (!in_range(field, value))
        throw user_error(
            fmt::format("{} must be {}, got {}", field.name, describe_allowed(field), text));
}

std::string choose(const FieldSpec& field, std::string_view text) {
    const std::string lowered = to_lower(text);
    std::vector<std::string> matches;
    for (const auto& choice : field.choices) {
        if (choice == lowered) return choice;
        if (choice.starts_with(lowered)) matches.push_back(choice);
    }
    if (matches.size() == 1 && !lowered.empty()) return matches.front();
    if (matches.size() > 1 && !lowered.empty())
        throw user_error(fmt::format("ambiguous {} '{}': it could be {}", field.name, text,
                                     quoted_list(matches)));
    const auto suggestion = closest_match(lowered, field.choices);
    throw user_error(
        fmt::format("{} must be {}, got '{}'", field.name, describe_allowed(field), text),
        suggestion ? fmt::format("did you mean '{}'?", *suggestion) : std::string{});
}

}  // namespace

std::optional<std::int64_t> parse_duration_minutes(std::string_view text) {
    const std::string lowered = to_lower(text);
    std::string_view rest = lowered;
    std::int64_t minutes = 0;
    const auto take_number = [&]() -> std::optional<int> {
        std::size_t digits = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9')
            ++digits;
        const auto number = parse_digits(rest.substr(0, digits));
        rest.remove_prefix(digits);
        return number;
    };
    const auto first = take_number();
    if (!first) return {};
    if (rest.empty() || rest == "m" || rest == "min") return *first;
    if (rest.front() != 'h') return {};
    rest.remove_prefix(1);
    minutes = std::int64_t{*first} * 60;
    if (rest.empty()) return minutes;
    const auto second = take_number();
    if (!second || *second > 59 || !(rest.empty() || rest == "m" || rest == "min")) return {};
    return minutes + *second;
}

FieldValue parse_field_value(const FieldSpec& field, std::string_view text) {
    switch (field.type) {
        case FieldType::integer:
        case FieldType::scale: {
            const auto value = parse_integer(text);
            if (!value) bad_value(field, text, "a whole number");
            require_in_range(field, static_cast<double>(*value), text);
            return *value;
        }
        case FieldType::number: {
            const auto value = parse_number(text);
            if (!value) bad_value(field, text, "a number");
            require_in_range(field, *value, text);
            return *value;
        }
        case FieldType::duration: {
            const auto value = parse_duration_minutes(text);
            if (!value) bad_value(field, text, "a duration such as 15, 15m, 1h or 1h30m");
            require_in_range(field, static_cast<double>(*value), text);
            return *value;
        }
        case FieldType::boolean: {
            const auto value = parse_boolean(text);
            if (!value) bad_value(field, text, "yes or no");
            return *value;
        }
        case FieldType::choice:
            return choose(field, text);
        case FieldType::text:
            if (text.empty()) bad_value(field, text, "some text");
            if (!is_valid_utf8(text))
                throw user_error(fmt::format("{} is not valid UTF-8 text", field.name));
            if (const auto unsafe = unsafe_character_in(text, false))
                throw user_error(fmt::format("{} contains {}", field.name, *unsafe),
                                 "put longer text in the note");
            return std::string(text);
    }
    return std::string(text);
}

std::optional<std::string> check_field_value(const FieldSpec& field, const FieldValue& value) {
    const auto wrong_type = [&](std::string_view expected) {
        return fmt::format("{} must be {}", field.name, expected);
    };
    const auto range_problem = [&](double number) -> std::optional<std::string> {
        if (in_range(field, number)) return {};
        return fmt::format("{} must be {}, got {}", field.name, describe_allowed(field), number);
    };
    switch (field.type) {
        case FieldType::integer:
        case FieldType::scale:
        case FieldType::duration:
            if (!std::holds_alternative<std::int64_t>(value))
                return wrong_type(field.type == FieldType::duration ? "a whole number of minutes"
                                                                    : "a whole number");
            return range_problem(static_cast<double>(std::get<std::int64_t>(value)));
        case FieldType::number: {
            const auto number = numeric_value(value);
            if (!number || std::holds_alternative<bool>(value)) return wrong_type("a number");
            // TOML allows nan and inf; no measurement is either.
            if (!std::isfinite(*number))
                return fmt::format("{} must be a finite number, got {}", field.name, *number);
            return range_problem(*number);
        }
        case FieldType::boolean:
            if (!std::holds_alternative<bool>(value)) return wrong_type("true or false");
            return {};
        case FieldType::text:
            if (!std::holds_alternative<std::string>(value)) return wrong_type("a string");
            return {};
        case FieldType::choice: {
            if (!std::holds_alternative<std::string>(value)) return wrong_type("a string");
            const auto& text = std::get<std::string>(value);
            for (const auto& choice : field.choices)
                if (choice == text) return {};
            return fmt::format("{} must be {}, got '{}'", field.name, describe_allowed(field),
                               text);
        }
    }
    return {};
}

std::optional<double> numeric_value(const FieldValue& value) {
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*integer);
    if (const auto* number = std::get_if<double>(&value)) return *number;
    return {};
}

std::string format_minutes(std::int64_t minutes) {
    if (minutes < 60) return fmt::format("{} min", minutes);
    if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
    return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

std::string format_field_value(const FieldSpec& field, const FieldValue& value) {
    const std::string unit = field.unit.empty() ? std::string{} : " " + field.unit;
    if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "yes" : "no";
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        if (field.type == FieldType::duration) return format_minutes(*integer);
        if (field.type == FieldType::scale)
            return fmt::format("{}/{}", *integer, format_bound(scale_max(field)));
        return fmt::format("{}{}", *integer, unit);
    }
    return fmt::format("{}{}", std::get<double>(value), unit);
}

std::string describe_allowed(const FieldSpec& field) {
    if (field.type == FieldType::choice) {
        std::vector<std::string> choices(field.choices.begin(), field.choices.end());
        return "one of " + quoted_list(choices);
    }
    if (field.type == FieldType::boolean) return "yes or no";
    if (field.type == FieldType::text) return "text";
    if (field.type == FieldType::duration && field.min && field.max)
        return fmt::format("from {} to {}", format_minutes(static_cast<std::int64_t>(*field.min)),
                           format_minutes(static_cast<std::int64_t>(*field.max)));
    if (field.min && field.max)
        return fmt::format("from {} to {}", format_bound(*field.min), format_bound(*field.max));
    if (field.min) return fmt::format("at least {}", format_bound(*field.min));
    if (field.max) return fmt::format("at most {}", format_bound(*field.max));
    return field.type == FieldType::number ? "a number" : "a whole number";
}

}  // namespace tend
