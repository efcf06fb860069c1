// Unit tests of the built-in profiles (src/core/builtin_profile.cpp): their names, and for
// migraine, physio and gut the kinds, fields, ranges, roles and outcomes docs/profiles.md lists.
#include <doctest/doctest.h>

#include "core/scale.h"
#include "core/stats_parts.h"
#include "tend/error.h"
#include "tend/profile.h"

using namespace tend;

namespace {

// The kinds of `profile` with `role`, as strings for comparison.
std::vector<std::string> with_role(const Profile& profile, KindRole role) {
    std::vector<std::string> names;
    for (const auto name : profile.kinds_with_role(role))
        names.emplace_back(name);
    return names;
}

const FieldSpec& field_of(const Profile& profile, std::string_view kind, std::string_view field) {
    const KindSpec* spec = profile.kind(kind);
    REQUIRE(spec != nullptr);
    const FieldSpec* found = spec->field(field);
    REQUIRE(found != nullptr);
    return *found;
}

}  // namespace

TEST_CASE("profiles: five built-in names, each found by builtin_profile, nothing else") {
    CHECK(builtin_profile_names() ==
          std::vector<std::string>{"pelvic-floor", "migraine", "physio", "gut", "blank"});
    for (const auto& name : builtin_profile_names()) {
        CAPTURE(name);
        const auto profile = builtin_profile(name);
        REQUIRE(profile.has_value());
        CHECK(profile->name == name);
        // Every kind can be resolved by its own name, and its primary field is one of its fields.
        for (const auto& kind : profile->kinds) {
            CHECK(&resolve_kind(*profile, kind.name) == profile->kind(kind.name));
            if (!kind.primary.empty()) CHECK(kind.field(kind.primary) != nullptr);
        }
        // Every outcome is a scale field of one of the profile's kinds.
        for (const auto& outcome : profile->outcomes)
            CHECK(field_of(*profile, outcome.kind, outcome.field).type == FieldType::scale);
    }
    CHECK_FALSE(builtin_profile("migrane").has_value());
    CHECK_FALSE(builtin_profile("").has_value());
    CHECK_FALSE(builtin_profile("custom").has_value());
    Settings eight_sizes;
    eight_sizes.dilator_sizes = 8;
    CHECK(builtin_profile("pelvic-floor", eight_sizes)->kind("dilate")->field("size")->max == 8.0);
}

TEST_CASE("profiles: migraine has attacks on a 0-3 scale, two kinds of medication and the cycle") {
    const Profile profile = migraine_profile();
    CHECK(profile.kind_names() == std::vector<std::string>{"migraine", "acute", "preventive",
                                                           "relax", "cardio", "period", "procedure",
                                                           "visit", "question", "note", "skip"});
    const FieldSpec& severity = field_of(profile, "migraine", "severity");
    CHECK(severity.type == FieldType::scale);
    CHECK(severity.min == 0.0);
    CHECK(severity.max == 3.0);
    CHECK(profile.kind("migraine")->primary == "severity");
    const FieldSpec& hours = field_of(profile, "migraine", "hours");
    CHECK(hours.type == FieldType::number);
    CHECK(hours.max == 72.0);
    CHECK(hours.unit == "h");
    CHECK(field_of(profile, "migraine", "aura").type == FieldType::boolean);
    CHECK(field_of(profile, "migraine", "trigger").type == FieldType::text);
    // Relief is better when higher; severity when lower. 0.6 points on 0-3 is meaningful.
    const FieldSpec& relief = field_of(profile, "acute", "relief");
    CHECK(relief.max == 3.0);
    CHECK(higher_is_better(relief));
    CHECK_FALSE(higher_is_better(severity));
    CHECK(meaningful_change(severity, -0.6) == 1);
    CHECK(meaningful_change(severity, -0.5) == 0);
    CHECK(meaningful_change(severity, 1.0) == -1);

    CHECK(with_role(profile, KindRole::medication) ==
          std::vector<std::string>{"acute", "preventive"});
    CHECK(with_role(profile, KindRole::visit) == std::vector<std::string>{"visit"});
    CHECK(with_role(profile, KindRole::procedure) == std::vector<std::string>{"procedure"});
    CHECK(with_role(profile, KindRole::question) == std::vector<std::string>{"question"});
    CHECK(with_role(profile, KindRole::cycle) == std::vector<std::string>{"period"});
    CHECK(profile.role_of("migraine") == KindRole::none);
    CHECK(field_of(profile, "visit", "with").choices ==
          std::vector<std::string>{"neurologist", "gp", "nurse", "other"});
    CHECK(profile.outcomes == std::vector<FieldRef>{{"migraine", "severity"}});
    // Typing: a unique prefix finds the kind; "p" could be three.
    CHECK(resolve_kind(profile, "mig").name == "migraine");
    CHECK(resolve_kind(profile, "prev").name == "preventive");
    CHECK_THROWS_WITH_AS(resolve_kind(profile, "p"),
                         "ambiguous kind 'p': it could be 'preventive', 'period' or 'procedure'",
                         user_error);
}

TEST_CASE("profiles: physio has exercises with load and pain before and after, and a 0-100 score") {
    const Profile profile = physio_profile();
    CHECK(profile.kind_names() == std::vector<std::string>{"exercise", "stretch", "cardio", "rom",
                                                           "function", "pain", "med", "procedure",
                                                           "visit", "question", "note", "skip"});
    const KindSpec& exercise = *profile.kind("exercise");
    CHECK(exercise.primary == "name");
    CHECK(field_of(profile, "exercise", "sets").max == 20.0);
    CHECK(field_of(profile, "exercise", "reps").max == 100.0);
    const FieldSpec& load = field_of(profile, "exercise", "load");
    CHECK(load.type == FieldType::number);
    CHECK(load.unit == "kg");
    const FieldSpec& before = field_of(profile, "exercise", "before");
    const FieldSpec& after = field_of(profile, "exercise", "after");
    CHECK(before.display_name() == "pain before");
    CHECK(after.display_name() == "pain after");
    CHECK(scale_max(after) == 10.0);
    CHECK_FALSE(higher_is_better(after));
    // Range of motion: negative for a knee that doesn't straighten fully.
    const FieldSpec& degrees = field_of(profile, "rom", "degrees");
    CHECK(degrees.type == FieldType::integer);
    CHECK(degrees.min == -30.0);
    CHECK(degrees.max == 180.0);
    CHECK(degrees.unit == "°");
    // The function score: 0-100, better when higher, 20 points meaningful.
    const FieldSpec& score = field_of(profile, "function", "score");
    CHECK(score.type == FieldType::scale);
    CHECK(scale_min(score) == 0.0);
    CHECK(scale_max(score) == 100.0);
    CHECK(score.display_name() == "function");
    CHECK(higher_is_better(score));
    CHECK(meaningful_change(score, 22) == 1);
    CHECK(meaningful_change(score, 19) == 0);
    CHECK(meaningful_change(score, -20) == -1);
    CHECK(is_pain_field(field_of(profile, "pain", "level")));

    CHECK(with_role(profile, KindRole::visit) == std::vector<std::string>{"visit"});
    CHECK(with_role(profile, KindRole::procedure) == std::vector<std::string>{"procedure"});
    CHECK(with_role(profile, KindRole::medication) == std::vector<std::string>{"med"});
    CHECK(with_role(profile, KindRole::question) == std::vector<std::string>{"question"});
    CHECK(with_role(profile, KindRole::cycle).empty());
    CHECK(field_of(profile, "visit", "with").choices ==
          std::vector<std::string>{"physio", "surgeon", "gp", "other"});
    CHECK(profile.outcomes ==
          std::vector<FieldRef>{{"function", "score"}, {"exercise", "after"}, {"pain", "level"}});
    CHECK(resolve_kind(profile, "ex").name == "exercise");
    CHECK(resolve_field(exercise, "aft").name == "after");
}

TEST_CASE("profiles: gut has symptom scales, Bristol stool form 1-7, meals and triggers") {
    const Profile profile = gut_profile();
    CHECK(profile.kind_names() == std::vector<std::string>{"gut", "stool", "meal", "trigger",
                                                           "relax", "med", "procedure", "visit",
                                                           "period", "question", "note", "skip"});
    for (const std::string name : {"pain", "bloating", "nausea"}) {
        CAPTURE(name);
        const FieldSpec& field = field_of(profile, "gut", name);
        CHECK(field.type == FieldType::scale);
        CHECK(scale_max(field) == 10.0);
        CHECK_FALSE(higher_is_better(field));
    }
    const FieldSpec& form = field_of(profile, "stool", "form");
    CHECK(form.type == FieldType::integer);
    CHECK(form.min == 1.0);
    CHECK(form.max == 7.0);
    CHECK(profile.kind("stool")->primary == "form");
    CHECK(field_of(profile, "stool", "urgency").type == FieldType::boolean);
    CHECK(field_of(profile, "meal", "size").choices ==
          std::vector<std::string>{"small", "normal", "large"});
    CHECK(profile.kind("trigger")->primary == "what");

    CHECK(with_role(profile, KindRole::visit) == std::vector<std::string>{"visit"});
    CHECK(with_role(profile, KindRole::procedure) == std::vector<std::string>{"procedure"});
    CHECK(with_role(profile, KindRole::medication) == std::vector<std::string>{"med"});
    CHECK(with_role(profile, KindRole::question) == std::vector<std::string>{"question"});
    CHECK(with_role(profile, KindRole::cycle) == std::vector<std::string>{"period"});
    CHECK(field_of(profile, "visit", "with").choices ==
          std::vector<std::string>{"gp", "gastro", "dietitian", "other"});
    CHECK(profile.outcomes == std::vector<FieldRef>{{"gut", "pain"}, {"gut", "bloating"}});
    CHECK_THROWS_WITH_AS(resolve_kind(profile, "m"),
                         "ambiguous kind 'm': it could be 'meal' or 'med'", user_error);
    CHECK(resolve_kind(profile, "st").name == "stool");  // "s" could be skip too
}
