// Tests for src/store/config_file.cpp: settings, custom kinds, problems, and init's template.
#include "store/config_file.h"

#include <doctest/doctest.h>

using namespace tend;
using namespace tend::store;

TEST_CASE("config: no [kinds] means the built-in pelvic-floor profile, sized by [dilators]") {
    const auto parsed = parse_config(
        "[settings]\nname = \"Sam\"\nweek_start = \"sunday\"\n[dilators]\nsizes = 8\n"
        "diameters_mm = [10, 13, 16, 19, 22, 25, 29, 32]\n",
        "tend.toml");
    CHECK(parsed.problems.empty());
    const Config& config = parsed.config;
    CHECK(config.settings.name == "Sam");
    CHECK(config.settings.week_start == std::chrono::Sunday);
    CHECK(config.profile.name == "pelvic-floor");
    CHECK(config.profile.kind("dilate")->field("size")->max == 8.0);
    CHECK(config.settings.dilator_diameters_mm.size() == 8);
}

TEST_CASE("config: custom kinds keep their written order and typed fields") {
    const auto parsed = parse_config(
        "profile = \"blank\"\n"
        "[kinds.walk]\ndescription = \"a walk\"\nprimary = \"km\"\n"
        "fields.km = { type = \"number\", min = 0, max = 100, unit = \"km\" }\n"
        "fields.mood = { type = \"choice\", choices = [\"Good\", \"ok\", \"bad\"] }\n"
        "fields.ache = { type = \"scale\" }\n"
        "[kinds.fsfi]\nfields.score = { type = \"number\", min = 2, max = 36 }\n",
        "tend.toml");
    CHECK(parsed.problems.empty());
    const Profile& profile = parsed.config.profile;
    CHECK(profile.name == "custom");
    REQUIRE(profile.kinds.size() == 3);
    CHECK(profile.kinds[0].name == "note");  // the blank profile's one kind
    CHECK(profile.kinds[1].name == "walk");
    CHECK(profile.kinds[2].name == "fsfi");
    const KindSpec& walk = profile.kinds[1];
    REQUIRE(walk.fields.size() == 3);
    CHECK(walk.fields[0].name == "km");
    CHECK(walk.fields[0].unit == "km");
    CHECK(walk.fields[1].choices == std::vector<std::string>{"good", "ok", "bad"});
    CHECK(walk.fields[2].max == 10.0);
    CHECK(walk.primary == "km");
}

TEST_CASE("config: custom kinds extend the pelvic-floor profile; one of the same name replaces") {
    const Profile builtin = pelvic_floor_profile();
    const auto parsed = parse_config(
        "[kinds.migraine]\nfields.level = { type = \"scale\" }\n"
        "[kinds.dilate]\nprimary = \"size\"\nfields.size = { type = \"int\", min = 1, max = 9 }\n",
        "tend.toml");
    CHECK(parsed.problems.empty());
    const Profile& profile = parsed.config.profile;
    REQUIRE(profile.kinds.size() == builtin.kinds.size() + 1);
    for (std::size_t index = 0; index < builtin.kinds.size(); ++index)
        CHECK(profile.kinds[index].name == builtin.kinds[index].name);
    CHECK(profile.kinds.back().name == "migraine");
    CHECK(profile.kind("dilate")->fields.size() == 1);
    CHECK(profile.kind("dilate")->field("size")->max == 9.0);
    CHECK(profile.kind("kegels") != nullptr);

    const auto wrong = parse_config("profile = \"pelvic\"\n", "tend.toml");
    REQUIRE(wrong.problems.size() == 1);
    CHECK(wrong.problems[0].text() ==
          "tend.toml:1:11: 'profile' must be \"pelvic-floor\" or \"blank\"");
}

TEST_CASE("config: mistakes are located problems") {
    const auto parsed = parse_config(
        "[settings]\nweek_start = \"someday\"\ncolor = \"blue\"\n"
        "[kinds.walk]\nprimary = \"speed\"\nfields.km = { type = \"distance\" }\n"
        "fields.mood = { type = \"choice\" }\n",
        "tend.toml");
    std::vector<std::string> texts;
    for (const auto& problem : parsed.problems)
        texts.push_back(problem.text());
    const std::vector<std::string> expected = {
        "tend.toml:2:14: 'week_start' must be a weekday such as \"monday\" or \"sunday\"",
        "tend.toml:3:9: 'color' must be \"auto\", \"always\" or \"never\"",
        "tend.toml:6:13: field 'km' needs a type: int, number, scale, bool, duration, text or "
        "choice",
        "tend.toml:7:15: choice field 'mood' needs choices = [\"...\", ...]",
        "tend.toml:5:11: primary field 'speed' is not a field of walk",
    };
    CHECK(texts == expected);
}

TEST_CASE("config: a syntax error names line and column") {
    const auto parsed = parse_config("[settings\nname = 1\n", "tend.toml");
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].text().starts_with("tend.toml:1:"));
}

TEST_CASE("config: init's template reads back as the same profile") {
    for (const Profile& profile : {pelvic_floor_profile(), blank_profile()}) {
        CAPTURE(profile.name);
        const auto parsed = parse_config(config_template(profile, Settings{}), "tend.toml");
        CHECK(parsed.problems.empty());
        const Profile& back = parsed.config.profile;
        REQUIRE(back.kinds.size() == profile.kinds.size());
        for (std::size_t index = 0; index < profile.kinds.size(); ++index) {
            const KindSpec& written = profile.kinds[index];
            const KindSpec& read = back.kinds[index];
            CHECK(read.name == written.name);
            CHECK(read.description == written.description);
            CHECK(read.primary == written.primary);
            CHECK(read.progression == written.progression);
            REQUIRE(read.fields.size() == written.fields.size());
            for (std::size_t field = 0; field < written.fields.size(); ++field) {
                CHECK(read.fields[field].name == written.fields[field].name);
                CHECK(read.fields[field].type == written.fields[field].type);
                CHECK(read.fields[field].min == written.fields[field].min);
                CHECK(read.fields[field].max == written.fields[field].max);
                CHECK(read.fields[field].choices == written.fields[field].choices);
                CHECK(read.fields[field].unit == written.fields[field].unit);
                CHECK(read.fields[field].label == written.fields[field].label);
            }
        }
    }
}
