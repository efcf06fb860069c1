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
    REQUIRE(profile.kinds.size() == 4);
    CHECK(profile.kinds[0].name == "note");  // the blank profile's kinds: notes and rest days
    CHECK(profile.kinds[1].name == "skip");
    CHECK(profile.kinds[1].role == KindRole::rest);
    CHECK(profile.kinds[2].name == "walk");
    CHECK(profile.kinds[3].name == "fsfi");
    const KindSpec& walk = profile.kinds[2];
    REQUIRE(walk.fields.size() == 3);
    CHECK(walk.fields[0].name == "km");
    CHECK(walk.fields[0].unit == "km");
    CHECK(walk.fields[1].choices == std::vector<std::string>{"good", "ok", "bad"});
    CHECK(walk.fields[2].max == 10.0);
    CHECK(walk.primary == "km");
}

TEST_CASE("config: custom kinds extend the pelvic-floor profile, one of the same name replaces") {
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
          "tend.toml:1:11: unknown profile 'pelvic' - a profile is one of 'pelvic-floor', "
          "'migraine', 'physio', 'gut' or 'blank'");
    const auto not_a_name = parse_config("profile = 3\n", "tend.toml");
    REQUIRE(not_a_name.problems.size() == 1);
    CHECK(not_a_name.problems[0].text() ==
          "tend.toml:1:11: 'profile' must be one of 'pelvic-floor', 'migraine', 'physio', 'gut' "
          "or 'blank'");
}

TEST_CASE("config: profile = NAME selects a built-in profile, its kinds and its outcomes") {
    for (const std::string name : {"migraine", "physio", "gut"}) {
        CAPTURE(name);
        const auto parsed =
            parse_config("profile = \"" + name + "\"\n[settings]\nname = \"Robin\"\n", "tend.toml");
        CHECK(parsed.problems.empty());
        const Profile built_in = *builtin_profile(name);
        const Profile& profile = parsed.config.profile;
        CHECK(profile.name == name);
        CHECK(profile.kind_names() == built_in.kind_names());
        CHECK(profile.outcomes == built_in.outcomes);
        CHECK(parsed.config.settings.name == "Robin");
    }
}

TEST_CASE("config: custom kinds extend the gut profile, and keep its roles without any role") {
    // No kind declares a role, so a replaced kind keeps the gut profile's role for its name.
    const auto parsed = parse_config(
        "profile = \"gut\"\n"
        "[kinds.sleep]\nfields.hours = { type = \"number\", min = 0, max = 16 }\n"
        "[kinds.visit]\nfields.with = { type = \"choice\", choices = [\"gp\", \"nurse\"] }\n",
        "tend.toml");
    CHECK(parsed.problems.empty());
    const Profile& profile = parsed.config.profile;
    CHECK(profile.kinds.size() == gut_profile().kinds.size() + 1);
    CHECK(profile.kinds.back().name == "sleep");
    CHECK(profile.kind("stool") != nullptr);
    CHECK(profile.kind("dilate") == nullptr);
    CHECK(profile.role_of("visit") == KindRole::visit);
    CHECK(profile.kind("visit")->field("with")->choices == std::vector<std::string>{"gp", "nurse"});
    CHECK(profile.outcomes == std::vector<FieldRef>{{"gut", "pain"}, {"gut", "bloating"}});
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

TEST_CASE("config: a kind's label and a field's phrase are the visit notes' words") {
    const auto parsed = parse_config(
        "[kinds.sex]\nlabel = \"intercourse\"\n"
        "fields.pain = { type = \"scale\", phrase = \"pain during sex\" }\n"
        "fields.comfort = { type = \"scale\" }\n",
        "tend.toml");
    CHECK(parsed.problems.empty());
    const KindSpec& sex = *parsed.config.profile.kind("sex");
    CHECK(sex.label == "intercourse");
    CHECK(sex.display_name() == "intercourse");
    CHECK(sex.field("pain")->phrase == "pain during sex");
    CHECK(sex.field("comfort")->phrase.empty());
    // A kind written without them keeps its name: journals without labels keep their words.
    CHECK(parsed.config.profile.kind("kegels")->label.empty());
    // The built-in profile says them in a clinician's words.
    const Profile built_in = pelvic_floor_profile();
    CHECK(built_in.kind("dilate")->display_name() == "dilator");
    CHECK(built_in.kind("med")->display_name() == "medication");
    CHECK(built_in.kind("dilate")->field("size")->phrase == "dilator size");
    CHECK(built_in.kind("sex")->field("pain")->phrase == "pain during sex");
    CHECK(built_in.kind("sex")->field("penetration")->phrase == "penetration possible");
}

TEST_CASE("config: an ill-typed label or phrase, or an unknown field setting, is an error") {
    const auto parsed = parse_config(
        "[kinds.walk]\nlabel = 3\n"
        "fields.km = { type = \"number\", phrase = [\"km\"] }\n"
        "fields.ache = { type = \"scale\", phrse = \"aching legs\" }\n"
        "fields.mood = { type = \"text\", unit = 1, label = true }\n",
        "tend.toml");
    std::vector<std::string> texts;
    for (const auto& problem : parsed.problems) {
        CHECK(problem.severity == Severity::error);
        texts.push_back(problem.text());
    }
    const std::vector<std::string> expected = {
        "tend.toml:2:9: 'label' must be a string",
        "tend.toml:3:41: 'phrase' must be a string",
        "tend.toml:4:41: unknown setting 'phrse' for field 'ache' - a field takes type, min, "
        "max, choices, label, unit, phrase and better",
        "tend.toml:5:50: 'label' must be a string",
        "tend.toml:5:39: 'unit' must be a string",
    };
    CHECK(texts == expected);
}

TEST_CASE("config: a field's better says which way is better, and is written back") {
    const auto parsed = parse_config(
        "[kinds.fsfi]\nfields.score = { type = \"int\", min = 2, max = 36, better = "
        "\"higher\" }\nfields.strain = { type = \"scale\", better = \"lower\" }\n"
        "fields.other = { type = \"scale\" }\n"
        "fields.up = { type = \"scale\", better = \"up\" }\nfields.yes = { type = \"scale\", "
        "better = true }\n",
        "tend.toml");
    std::vector<std::string> texts;
    for (const auto& problem : parsed.problems)
        texts.push_back(problem.text());
    const std::vector<std::string> expected = {
        "tend.toml:5:40: 'better' of field 'up' must be \"higher\" or \"lower\"",
        "tend.toml:6:41: 'better' of field 'yes' must be \"higher\" or \"lower\"",
    };
    CHECK(texts == expected);
    const KindSpec& fsfi = *parsed.config.profile.kind("fsfi");
    CHECK(fsfi.field("score")->higher_is_better == std::optional<bool>(true));
    CHECK(fsfi.field("strain")->higher_is_better == std::optional<bool>(false));
    CHECK(fsfi.field("other")->higher_is_better == std::nullopt);
    const std::string written = config_template(parsed.config.profile, Settings{});
    CHECK(written.find("fields.score = { type = \"int\", min = 2, max = 36, better = "
                       "\"higher\" }\n") != std::string::npos);
    CHECK(written.find("fields.strain = { type = \"scale\", better = \"lower\" }\n") !=
          std::string::npos);
}

TEST_CASE("config: a blank label or phrase is none, so the notes keep the names") {
    const auto parsed = parse_config(
        "[kinds.walk]\nlabel = \"   \"\nfields.km = { type = \"scale\", phrase = \" \\t \", "
        "label = \"  distance \" }\n",
        "tend.toml");
    CHECK(parsed.problems.empty());
    const KindSpec& walk = *parsed.config.profile.kind("walk");
    CHECK(walk.display_name() == "walk");
    CHECK(walk.field("km")->phrase == "");
    CHECK(walk.field("km")->label == "distance");
}

TEST_CASE("config: a syntax error names line and column") {
    const auto parsed = parse_config("[settings\nname = 1\n", "tend.toml");
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].text().starts_with("tend.toml:1:"));
}

TEST_CASE("config: init's template reads back as the same profile") {
    for (const auto& name : builtin_profile_names()) {
        const Profile profile = *builtin_profile(name);
        CAPTURE(profile.name);
        const std::string text = config_template(profile, Settings{});
        CHECK(text.find("\nprofile = \"" + name + "\"") != std::string::npos);
        // Only the profile with a dilator set describes one.
        CHECK((text.find("\n[dilators]\n") != std::string::npos) == (name == "pelvic-floor"));
        const auto parsed = parse_config(text, "tend.toml");
        CHECK(parsed.problems.empty());
        const Profile& back = parsed.config.profile;
        CHECK(back.outcomes == profile.outcomes);
        REQUIRE(back.kinds.size() == profile.kinds.size());
        for (std::size_t index = 0; index < profile.kinds.size(); ++index) {
            const KindSpec& written = profile.kinds[index];
            const KindSpec& read = back.kinds[index];
            CHECK(read.name == written.name);
            CHECK(read.description == written.description);
            CHECK(read.primary == written.primary);
            CHECK(read.progression == written.progression);
            CHECK(read.role == written.role);
            CHECK(read.label == written.label);
            REQUIRE(read.fields.size() == written.fields.size());
            for (std::size_t field = 0; field < written.fields.size(); ++field) {
                CHECK(read.fields[field].name == written.fields[field].name);
                CHECK(read.fields[field].type == written.fields[field].type);
                CHECK(read.fields[field].min == written.fields[field].min);
                CHECK(read.fields[field].max == written.fields[field].max);
                CHECK(read.fields[field].choices == written.fields[field].choices);
                CHECK(read.fields[field].unit == written.fields[field].unit);
                CHECK(read.fields[field].label == written.fields[field].label);
                CHECK(read.fields[field].phrase == written.fields[field].phrase);
                CHECK(read.fields[field].higher_is_better ==
                      written.fields[field].higher_is_better);
            }
        }
    }
}

TEST_CASE("config: a kind's role and the outcomes say what the reports look for") {
    const auto parsed = parse_config(
        "[settings]\noutcomes = [\"migraine.severity\", \"migraine.hours\"]\n"
        "[kinds.migraine]\nfields.severity = { type = \"scale\" }\n"
        "fields.hours = { type = \"number\" }\n"
        "[kinds.neuro]\nrole = \"visit\"\n[kinds.ask]\nrole = \"question\"\n"
        "[kinds.nerve-block]\nrole = \"procedure\"\n[kinds.triptan]\nrole = \"medication\"\n"
        "[kinds.cycle]\nrole = \"cycle\"\n[kinds.visit]\nrole = \"\"\n",
        "tend.toml");
    CHECK(parsed.problems.empty());
    const Profile& profile = parsed.config.profile;
    CHECK(profile.outcomes ==
          std::vector<FieldRef>{{"migraine", "severity"}, {"migraine", "hours"}});
    CHECK(profile.role_of("migraine") == KindRole::none);
    CHECK(profile.role_of("neuro") == KindRole::visit);
    CHECK(profile.role_of("ask") == KindRole::question);
    CHECK(profile.role_of("nerve-block") == KindRole::procedure);
    CHECK(profile.role_of("triptan") == KindRole::medication);
    CHECK(profile.role_of("cycle") == KindRole::cycle);
    CHECK(profile.role_of("visit") == KindRole::none);  // role = "": none, whatever its name
    CHECK(profile.kinds_with_role(KindRole::visit) == std::vector<std::string_view>{"neuro"});
}

TEST_CASE("config: an unknown role or outcome is an error that lists what is allowed") {
    const auto parsed = parse_config(
        "[settings]\noutcomes = [\"migraine.aura\", \"headache.severity\", \"severity\"]\n"
        "[kinds.migraine]\nrole = \"appointment\"\nfields.aura = { type = \"bool\" }\n",
        "tend.toml");
    std::vector<std::string> texts;
    for (const auto& problem : parsed.problems)
        texts.push_back(problem.text());
    const std::vector<std::string> expected = {
        "tend.toml:4:8: unknown role 'appointment' of kind migraine - a role is one of 'visit', "
        "'procedure', 'question', 'medication', 'cycle' or 'rest' (or \"\" for none)",
        "tend.toml:2:13: outcome 'migraine.aura' must be a numeric field written kind.field, "
        "such as \"sex.pain\"",
        "tend.toml:2:30: outcome 'headache.severity' must be a numeric field written "
        "kind.field, such as \"sex.pain\"",
        "tend.toml:2:51: outcome 'severity' must be a numeric field written kind.field, such as "
        "\"sex.pain\"",
    };
    CHECK(texts == expected);
    CHECK(parsed.config.profile.outcomes.empty());
}

TEST_CASE("config: a tend.toml from before roles keeps the built-in meaning of its kinds") {
    // Written by an older `tend init`: no role anywhere and no outcomes.
    const auto parsed = parse_config(
        "[kinds.sex]\nfields.pain = { type = \"scale\" }\n"
        "[kinds.visit]\nfields.with = { type = \"text\" }\n[kinds.med]\n[kinds.question]\n"
        "[kinds.walk]\nfields.pain = { type = \"scale\" }\n",
        "tend.toml");
    CHECK(parsed.problems.empty());
    const Profile& profile = parsed.config.profile;
    CHECK(profile.role_of("visit") == KindRole::visit);
    CHECK(profile.role_of("med") == KindRole::medication);
    CHECK(profile.role_of("question") == KindRole::question);
    CHECK(profile.role_of("walk") == KindRole::none);
    // Its kinds extend the built-in ones, so dilate.pain is there too and both are kept.
    CHECK(profile.outcomes == std::vector<FieldRef>{{"sex", "pain"}, {"dilate", "pain"}});

    // One role said anywhere: the file speaks for itself, names give nothing.
    const auto declared =
        parse_config("[kinds.visit]\n[kinds.appointment]\nrole = \"visit\"\n", "tend.toml");
    CHECK(declared.problems.empty());
    CHECK(declared.config.profile.role_of("visit") == KindRole::none);
    CHECK(declared.config.profile.role_of("appointment") == KindRole::visit);
}
