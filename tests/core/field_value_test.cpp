// Tests for src/core/field_value.cpp: parsing typed values, checking loaded ones, showing them.
#include "tend/field_value.h"

#include <doctest/doctest.h>

#include "tend/error.h"

using namespace tend;

namespace {
const Profile profile = pelvic_floor_profile();
const FieldSpec& field(const char* kind, const char* name) {
    return *profile.kind(kind)->field(name);
}

std::string message_for(const FieldSpec& spec, const char* text) {
    try {
        (void)parse_field_value(spec, text);
    } catch (const user_error& error) {
        return error.what();
    }
    return "accepted";
}
}  // namespace

TEST_CASE("field values: each type parses what people type") {
    CHECK(std::get<std::int64_t>(parse_field_value(field("dilate", "size"), "3")) == 3);
    CHECK(std::get<std::int64_t>(parse_field_value(field("dilate", "pain"), "0")) == 0);
    CHECK(std::get<std::int64_t>(parse_field_value(field("dilate", "minutes"), "15")) == 15);
    CHECK(std::get<std::int64_t>(parse_field_value(field("dilate", "minutes"), "15m")) == 15);
    CHECK(std::get<std::int64_t>(parse_field_value(field("dilate", "minutes"), "1h")) == 60);
    CHECK(std::get<std::int64_t>(parse_field_value(field("dilate", "minutes"), "1h30m")) == 90);
    CHECK(std::get<std::int64_t>(parse_field_value(field("dilate", "minutes"), "1h30")) == 90);
    CHECK(std::get<std::int64_t>(parse_field_value(field("dilate", "minutes"), "90min")) == 90);
    CHECK(std::get<bool>(parse_field_value(field("dilate", "overnight"), "yes")) == true);
    CHECK(std::get<bool>(parse_field_value(field("dilate", "overnight"), "N")) == false);
    CHECK(std::get<bool>(parse_field_value(field("dilate", "overnight"), "1")) == true);
    CHECK(std::get<bool>(parse_field_value(field("dilate", "overnight"), "false")) == false);
    CHECK(std::get<std::string>(parse_field_value(field("visit", "with"), "gyn")) == "gyn");
    CHECK(std::get<std::string>(parse_field_value(field("stretch", "pose"), "happy")) ==
          "happy-baby");
    CHECK(std::get<std::string>(parse_field_value(field("stretch", "pose"), "Child")) == "child");
    CHECK(std::get<std::string>(parse_field_value(field("med", "name"), "diazepam")) == "diazepam");
    FieldSpec weight{"weight", FieldType::number, 0, 300, {}, {}, "kg"};
    CHECK(std::get<double>(parse_field_value(weight, "61.5")) == 61.5);
}

TEST_CASE("field values: wrong types and out-of-range values say what is allowed") {
    CHECK(message_for(field("dilate", "size"), "7") == "size must be from 1 to 6, got 7");
    CHECK(message_for(field("dilate", "size"), "three") ==
          "size must be a whole number, got 'three'");
    CHECK(message_for(field("dilate", "pain"), "11") == "pain must be from 0 to 10, got 11");
    CHECK(message_for(field("dilate", "pain"), "2.5") == "pain must be a whole number, got '2.5'");
    CHECK(message_for(field("dilate", "pain"), "-1") == "pain must be from 0 to 10, got -1");
    CHECK(message_for(field("dilate", "minutes"), "25h") ==
          "minutes must be from 0 min to 24 h, got 25h");
    CHECK(message_for(field("dilate", "minutes"), "1h75m") ==
          "minutes must be a duration such as 15, 15m, 1h or 1h30m, got '1h75m'");
    CHECK(message_for(field("dilate", "overnight"), "maybe") ==
          "overnight must be yes or no, got 'maybe'");
    CHECK(message_for(field("visit", "with"), "dentist") ==
          "with must be one of 'gyn', 'pt' or 'other', got 'dentist'");
    CHECK(message_for(field("stretch", "pose"), "c") ==
          "ambiguous pose 'c': it could be 'child' or 'cat-cow'");
    CHECK(message_for(field("med", "name"), "a\tb") ==
          "name contains a control character (U+0009)");
    CHECK(message_for(field("med", "name"), "\xff") == "name is not valid UTF-8 text");
    FieldSpec weight{"weight", FieldType::number, 0, 300, {}, {}, "kg"};
    CHECK(message_for(weight, "nan") == "weight must be a number, got 'nan'");
    CHECK(message_for(weight, "inf") == "weight must be a number, got 'inf'");
}

TEST_CASE("field values: loaded values are checked for type and range") {
    CHECK_FALSE(
        check_field_value(field("dilate", "pain"), FieldValue{std::int64_t{4}}).has_value());
    CHECK(check_field_value(field("dilate", "pain"), FieldValue{std::int64_t{12}}) ==
          "pain must be from 0 to 10, got 12");
    CHECK(check_field_value(field("dilate", "pain"), FieldValue{std::string("low")}) ==
          "pain must be a whole number");
    CHECK(check_field_value(field("dilate", "minutes"), FieldValue{1.5}) ==
          "minutes must be a whole number of minutes");
    CHECK(check_field_value(field("dilate", "overnight"), FieldValue{std::int64_t{1}}) ==
          "overnight must be true or false");
    CHECK(check_field_value(field("visit", "with"), FieldValue{std::string("dentist")}) ==
          "with must be one of 'gyn', 'pt' or 'other', got 'dentist'");
    FieldSpec weight{"weight", FieldType::number, 0, 300, {}, {}, "kg"};
    CHECK_FALSE(check_field_value(weight, FieldValue{std::int64_t{60}}).has_value());
}

TEST_CASE("field values: shown the way a person reads them") {
    CHECK(format_field_value(field("dilate", "minutes"), FieldValue{std::int64_t{15}}) == "15 min");
    CHECK(format_field_value(field("dilate", "minutes"), FieldValue{std::int64_t{105}}) ==
          "1 h 45 min");
    CHECK(format_field_value(field("dilate", "minutes"), FieldValue{std::int64_t{120}}) == "2 h");
    CHECK(format_field_value(field("dilate", "pain"), FieldValue{std::int64_t{2}}) == "2/10");
    CHECK(format_field_value(field("dilate", "overnight"), FieldValue{true}) == "yes");
    CHECK(format_field_value(field("kegels", "hold"), FieldValue{std::int64_t{3}}) == "3 s");
    FieldSpec weight{"weight", FieldType::number, 0, 300, {}, {}, "kg"};
    CHECK(format_field_value(weight, FieldValue{61.5}) == "61.5 kg");
}
