// Tests for src/store/month_file.cpp and src/store/toml_writer.cpp: entries in, entries out.
#include "store/month_file.h"

#include <doctest/doctest.h>

#include "fixtures.h"
#include "store/toml_writer.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

namespace {

MonthFile parse(std::string_view text, std::optional<std::string> month = std::string("2026-11")) {
    return parse_month_file(text, "journal/2026-11.toml", builtin_config(), berlin_winter, month);
}
}  // namespace

TEST_CASE("month file: a written entry reads back identical, whatever its note holds") {
    Entry entry;
    entry.at = tend::testing::instant_at(2026, 11, 20, 8, 0);
    entry.kind = "dilate";
    entry.fields = {{"size", std::int64_t{3}}, {"minutes", std::int64_t{15}}, {"overnight", true}};
    entry.tags = {"evening", "new-set"};
    entry.note =
        "quotes \" backslash \\ newline\nand tab\t, emoji 🌷, accents é, control \x01 and \x7f";
    const std::string block = entry_block(entry);
    const auto parsed = parse(block);
    // The control characters read back as written; `check` only warns about them.
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].text() ==
          "journal/2026-11.toml:8:8: warning: control characters (U+0001, U+007F) in the text; "
          "tend shows them escaped");
    REQUIRE(parsed.entries.size() == 1);
    const Entry& back = parsed.entries[0];
    CHECK(back.at == entry.at);
    CHECK(back.kind == "dilate");
    CHECK(back.note == entry.note);
    CHECK(back.tags == entry.tags);
    REQUIRE(back.fields.size() == 3);
    CHECK(std::get<std::int64_t>(back.fields[0].second) == 3);
    CHECK(std::get<bool>(back.fields[2].second) == true);
    CHECK(back.line == 1);
}

TEST_CASE("month file: the block tend writes is plain, readable TOML") {
    Entry entry;
    entry.at = tend::testing::instant_at(2026, 11, 20, 8, 0);
    entry.kind = "pain";
    entry.fields = {{"level", std::int64_t{4}}, {"location", std::string("left side")}};
    entry.note = "after a long walk";
    CHECK(entry_block(entry) ==
          "[[entry]]\nat = 2026-11-20T08:00:00+01:00\nkind = \"pain\"\nlevel = 4\nlocation = "
          "\"left side\"\n"
          "note = \"after a long walk\"\n");
    CHECK(toml_value(FieldValue{2.0}) == "2.0");
    CHECK(toml_value(FieldValue{61.5}) == "61.5");
    CHECK(toml_key("my field") == "\"my field\"");
}

TEST_CASE("month file: hand edits with comments, CRLF, a BOM and any order are read") {
    const std::string text =
        "\xEF\xBB\xBF# my journal\r\n"
        "[[entry]] # evening\r\n"
        "kind = \"pain\"   # typed by hand\r\n"
        "at = 2026-11-21T21:00:00+01:00\r\n"
        "level = 3\r\n"
        "\r\n"
        "[[entry]]\r\n"
        "at = 2026-11-20T08:00:00\r\n"  // no offset: the local one is assumed
        "kind = \"note\"\r\n"
        "note = '''a literal\r\nmultiline note'''\r\n";
    const auto parsed = parse(text);
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.entries.size() == 2);
    CHECK(format_iso(parsed.entries[1].at) == "2026-11-20T08:00:00+01:00");
    CHECK(parsed.entries[1].note == "a literal\nmultiline note");
    CHECK(parsed.entries[0].line == 2);
}

TEST_CASE("month file: a syntax error is one problem with line and column") {
    const auto parsed = parse("[[entry]]\nat = 2026-11-20T08:00:00+01:00\nkind \"pain\"\n");
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.entries.empty());
    CHECK(parsed.problems[0].line == 3);
    CHECK(parsed.problems[0].column == 6);
    CHECK(parsed.problems[0].text().starts_with("journal/2026-11.toml:3:6: "));
}

// toml++ 3.3 reaches a branch it marks unreachable for U+FB26 to U+FEFE where whitespace may stand
// (marzer/tomlplusplus#295); tend's build must still report them as the syntax errors they are,
// and keep them where they are text.
TEST_CASE("month file: Arabic presentation forms outside strings are a syntax error, inside kept") {
    const std::string letter = "\xEF\xBB\x80";  // U+FEC0
    const auto bare = parse(letter);
    REQUIRE(bare.problems.size() == 1);
    CHECK(bare.problems[0].text() ==
          "journal/2026-11.toml:1:1: Error while parsing root table: expected keys, tables, "
          "whitespace or comments, saw '" +
              letter + "'");
    const auto after_value =
        parse("[[entry]]\nat = 2026-11-20T08:00:00+01:00 " + letter + "\nkind = \"pain\"\n");
    REQUIRE(after_value.problems.size() == 1);
    CHECK(after_value.problems[0].line == 2);
    CHECK(after_value.problems[0].column == 32);
    const auto in_note = parse(
        "[[entry]]\nat = 2026-11-20T08:00:00+01:00\nkind = \"pain\"\nnote = \"" + letter + "\"\n");
    CHECK(in_note.problems.empty());
    REQUIRE(in_note.entries.size() == 1);
    CHECK(in_note.entries[0].note == letter);
}

TEST_CASE("month file: each problem in an entry is located, and bad entries are left out") {
    const std::string text =
        "[[entry]]\n"                       // 1
        "at = 2026-11-20T08:00:00+01:00\n"  // 2
        "kind = \"dilte\"\n"                // 3
        "\n"
        "[[entry]]\n"                       // 5
        "at = 2026-11-20T09:00:00+01:00\n"  // 6
        "kind = \"dilate\"\n"               // 7
        "pain = 14\n"                       // 8
        "mood = \"fine\"\n"                 // 9
        "\n"
        "[[entry]]\n"          // 11
        "kind = \"kegels\"\n"  // 12
        "\n"
        "[[entry]]\n"                       // 14
        "at = 2026-10-31T23:00:00+01:00\n"  // 15
        "kind = \"note\"\n"                 // 16
        "\n"
        "[[entry]]\n"         // 18
        "at = 2026-11-22\n"   // 19
        "kind = \"relax\"\n"  // 20
        "tags = \"calm\"\n"   // 21
        "\n"
        "[[entry]]\n"                       // 23
        "at = 2026-11-23T08:00:00+01:00\n"  // 24
        "kind = \"relax\"\n"                // 25
        "minutes = 10\n";
    const auto parsed = parse(text);
    std::vector<std::string> texts;
    for (const auto& problem : parsed.problems)
        texts.push_back(problem.text());
    const std::vector<std::string> expected = {
        "journal/2026-11.toml:3:8: unknown kind 'dilte' (did you mean 'dilate'?)",
        "journal/2026-11.toml:9:1: warning: unknown field 'mood' for dilate (kept, but not used)",
        "journal/2026-11.toml:8:8: pain must be from 0 to 10, got 14",
        "journal/2026-11.toml:11:1: entry has no 'at' (when it happened)",
        "journal/2026-11.toml:15:6: this entry is dated 2026-10-31 but the file is for 2026-11; "
        "move it to "
        "journal/2026-10.toml",
        "journal/2026-11.toml:19:6: 'at' needs a time as well as a date, e.g. "
        "2026-11-20T08:00:00+01:00",
        "journal/2026-11.toml:21:8: 'tags' must be a list of strings, e.g. [\"evening\"]",
    };
    CHECK(texts == expected);
    REQUIRE(parsed.entries.size() == 1);
    CHECK(parsed.entries[0].kind == "relax");
}

TEST_CASE("month file: other top-level keys are kept and reported as warnings") {
    const auto parsed =
        parse("title = \"mine\"\n[[entry]]\nat = 2026-11-20T08:00:00+01:00\nkind = \"note\"\n");
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].severity == Severity::warning);
    CHECK(parsed.problems[0].text() ==
          "journal/2026-11.toml:1:1: warning: unknown key 'title' (kept; tend reads only [[entry]] "
          "tables)");
    CHECK(parsed.entries.size() == 1);
}

TEST_CASE("month file: names are YYYY-MM.toml") {
    CHECK(month_of_file_name("2026-11.toml") == "2026-11");
    CHECK_FALSE(month_of_file_name("2026-13.toml").has_value());
    CHECK_FALSE(month_of_file_name("2026-1.toml").has_value());
    CHECK_FALSE(month_of_file_name("notes.toml").has_value());
    CHECK_FALSE(month_of_file_name(".2026-11.toml.tmp-1-0").has_value());
}

TEST_CASE("month file: month_shape counts [[entry]] tables and names shapes log can't add to") {
    const auto shape = [](std::string_view text) {
        return month_shape(text, "journal/2026-11.toml");
    };
    CHECK(shape("").entries == 0);
    CHECK_FALSE(shape("# only a comment\n").problem);
    CHECK(shape("[[entry]]\nkind = \"relax\"\n[[entry]]\nkind = \"relax\"\n").entries == 2);
    const auto inline_array = shape("entry = [ { kind = \"relax\" } ]\n");
    REQUIRE(inline_array.problem);
    CHECK(inline_array.problem->text() ==
          "journal/2026-11.toml:1:9: 'entry' is written as an inline array; write each entry as "
          "an [[entry]] table, as tend does, so that 'tend log' can add to this file");
    const auto one_table = shape("[entry]\nkind = \"relax\"\n");
    REQUIRE(one_table.problem);
    CHECK(one_table.problem->text() ==
          "journal/2026-11.toml:1:1: 'entry' must be written as [[entry]] tables");
    const auto broken = shape("[[entry]\n");
    REQUIRE(broken.problem);
    CHECK(broken.problem->text().starts_with("journal/2026-11.toml:1:"));
}
