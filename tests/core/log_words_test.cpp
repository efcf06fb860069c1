// Tests for src/core/log_words.cpp and the kind/field lookup in src/core/profile.cpp.
#include "tend/log_words.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "fixtures.h"
#include "tend/error.h"

using namespace tend;
using namespace tend::testing;

namespace {
// LogWords points into the profile, so the config outlives every parse.
const Config& config_for_tests() {
    static const Config config = builtin_config();
    return config;
}

LogWords parse(std::vector<std::string> words) {
    return parse_log_words(config_for_tests(), words);
}

std::string error_of(std::vector<std::string> words) {
    try {
        (void)parse(std::move(words));
    } catch (const user_error& error) {
        return error.hint().empty() ? std::string(error.what())
                                    : fmt::format("{} - {}", error.what(), error.hint());
    }
    return "accepted";
}

std::int64_t integer(const LogWords& words, const char* name) {
    for (const auto& [field, value] : words.fields)
        if (field == name) return std::get<std::int64_t>(value);
    FAIL("no field " << name);
    return -1;
}
}  // namespace

TEST_CASE("log words: the quick form from the README") {
    const auto words = parse({"dilate", "3", "min=15", "pain=2"});
    CHECK(words.kind->name == "dilate");
    REQUIRE(words.fields.size() == 3);
    CHECK(words.fields[0].first == "size");
    CHECK(integer(words, "size") == 3);
    CHECK(integer(words, "minutes") == 15);
    CHECK(integer(words, "pain") == 2);
    CHECK(words.note.empty());
}

TEST_CASE("log words: prefixes for kinds and fields - fields come out in profile order") {
    const auto words = parse({"dil", "p=2", "s=3", "min=1h"});
    CHECK(words.kind->name == "dilate");
    REQUIRE(words.fields.size() == 3);
    CHECK(words.fields[0].first == "size");
    CHECK(words.fields[1].first == "minutes");
    CHECK(words.fields[2].first == "pain");
    CHECK(integer(words, "minutes") == 60);
}

TEST_CASE("log words: a bare value fills the primary field - other words form the note") {
    const auto pain = parse({"pain", "6", "sharp", "after", "walking", "@evening"});
    CHECK(integer(pain, "level") == 6);
    CHECK(pain.note == "sharp after walking");
    REQUIRE(pain.tags.size() == 1);
    CHECK(pain.tags[0] == "evening");

    const auto word_first = parse({"pain", "sharp", "after", "walking"});
    CHECK(word_first.fields.empty());
    CHECK(word_first.note == "sharp after walking");

    const auto note = parse({"note", "a", "calm", "day"});
    CHECK(note.note == "a calm day");

    const auto question = parse({"question", "can", "I", "use", "lidocaine?"});
    CHECK(question.note == "can I use lidocaine?");
}

TEST_CASE("log words: tags are kept once - a lone dash asks for the note on stdin") {
    const auto words = parse({"kegels", "@morning", "@morning", "@home", "-"});
    REQUIRE(words.tags.size() == 2);
    CHECK(words.tags[1] == "home");
    CHECK(words.note_from_stdin);
}

TEST_CASE("log words: every mistake gets one clear message") {
    CHECK(error_of({}) == "tend log needs a kind - for example: tend log kegels, tend log pain 4");
    CHECK(error_of({"dilte"}) ==
          "unknown kind 'dilte' - did you mean 'dilate'? ('tend kinds' lists them)");
    CHECK(error_of({"zzz"}) == "unknown kind 'zzz' - 'tend kinds' lists them");
    CHECK(error_of({"s"}) ==
          "ambiguous kind 's': it could be 'stretch', 'sex' or 'skip' - type a few more letters");
    CHECK(error_of({"p"}) ==
          "ambiguous kind 'p': it could be 'pain', 'procedure' or 'period' - type a few more "
          "letters");
    CHECK(error_of({"dilate", "sise=3"}) ==
          "unknown field 'sise' for dilate - did you mean 'size'? (dilate has 'size', 'minutes', "
          "'pain', "
          "'anxiety' and 'overnight')");
    CHECK(error_of({"sex", "p=2"}) ==
          "ambiguous field 'p' for sex: it could be 'pain' or 'penetration' - type a few more "
          "letters");
    CHECK(error_of({"dilate", "size=3", "s=4"}) ==
          "size is given twice - 's=4' sets size again; give each field once");
    CHECK(error_of({"dilate", "3", "size=4"}) ==
          "size is given twice - 'size=4' sets size again; give each field once");
    CHECK(error_of({"dilate", "pain=high"}) ==
          "pain must be a whole number, got 'high' - pain takes from 0 to 10");
    CHECK(error_of({"pain", "12"}) == "level must be from 0 to 10, got 12");
    CHECK(error_of({"note", "x=1"}) ==
          "'note' entries have no fields, so 'x' can't be set - write it as part of the note "
          "instead");
    CHECK(error_of({"note", "caf\xc3"}) ==
          "the note is not valid UTF-8 text - check your terminal's encoding");
    CHECK(error_of({"kegels", "@"}) == "a tag needs a name after '@' - for example @evening");
}

TEST_CASE("log words: exact names beat prefixes") {
    Config config = builtin_config();
    config.profile.kinds.push_back({"pains", "", {}, "", ""});
    const std::vector<std::string> words = {"pain", "3"};
    CHECK(parse_log_words(config, words).kind->name == "pain");
}

TEST_CASE("log words: a field typed as two words, before the note starts") {
    const auto dilate = parse({"dilate", "size", "3", "minutes", "15"});
    CHECK(integer(dilate, "size") == 3);
    CHECK(integer(dilate, "minutes") == 15);
    CHECK(dilate.note == "");
    const auto after_value = parse({"dilate", "3", "Pain", "2", "slow", "start"});
    CHECK(integer(after_value, "size") == 3);
    CHECK(integer(after_value, "pain") == 2);
    CHECK(after_value.note == "slow start");
    // Not a value of the field: the words are the note.
    const auto note = parse({"pain", "6", "pain", "after", "walking"});
    CHECK(integer(note, "level") == 6);
    CHECK(note.note == "pain after walking");
    // Once the note has started, field names are words of the note.
    const auto later = parse({"dilate", "3", "slow", "start", "pain", "2"});
    CHECK(later.fields.size() == 1);
    CHECK(later.note == "slow start pain 2");
    CHECK(error_of({"dilate", "size", "3", "size=4"}) ==
          "size is given twice - 'size=4' sets size again; give each field once");
    CHECK(error_of({"dilate", "size", "9"}) == "size must be from 1 to 6, got 9");
}

TEST_CASE("log words: one check for what log, import and the inbox add") {
    const TimeContext time = fixed_time();  // 2026-11-25 10:00 +01:00
    const auto refusal = [&](Entry entry) -> std::string {
        try {
            check_entry_as_logged(entry, config_for_tests(), time);
        } catch (const user_error& error) {
            return error.what();
        }
        return "accepted";
    };
    const Entry fine{instant_at(2026, 11, 24, 21, 30), "relax", {}, "calm\tand\nslow", {"ok"}, 0};
    CHECK(refusal(fine) == "accepted");
    Entry later = fine;
    later.at = instant_at(2026, 11, 25, 10, 4);
    CHECK(refusal(later) == "accepted");  // within five minutes of now
    later.at = instant_at(2031, 1, 1, 8, 0);
    CHECK(refusal(later) == "2031-01-01 08:00 is in the future");
    Entry long_note = fine;
    long_note.note = std::string(longest_note + 1, 'a');
    CHECK(refusal(long_note) ==
          "the note is 100001 bytes long; the most a note can hold is 100000");
    long_note.note.pop_back();
    CHECK(refusal(long_note) == "accepted");
    Entry control = fine;
    control.note = "red \x1b[31m";
    CHECK(refusal(control) == "the note contains a control character (U+001B)");
    Entry tag = fine;
    tag.tags = {"a b"};
    CHECK(refusal(tag) == "the tag '@a b' has a character tags can't hold");
    Entry question = fine;
    question.kind = "question";
    question.note = "  ";
    CHECK(refusal(question) == "a question needs its words");
}
