// The built-in profiles: pelvic-floor (see shared/domain.md) and blank.
#include "tend/profile.h"

#include "tend/adherence.h"

namespace tend {

namespace {

FieldSpec scale(std::string name, std::string label = {}) {
    return FieldSpec{std::move(name), FieldType::scale, 0, 10, {}, std::move(label), {}};
}
FieldSpec duration(std::string name = "minutes") {
    return FieldSpec{std::move(name), FieldType::duration, 0, 1440, {}, {}, {}};
}
FieldSpec integer(std::string name, std::optional<double> min, std::optional<double> max,
                  std::string unit = {}) {
    return FieldSpec{std::move(name), FieldType::integer, min, max, {}, {}, std::move(unit)};
}
FieldSpec text(std::string name) {
    return FieldSpec{std::move(name), FieldType::text, {}, {}, {}, {}, {}};
}
FieldSpec boolean(std::string name) {
    return FieldSpec{std::move(name), FieldType::boolean, {}, {}, {}, {}, {}};
}
FieldSpec choice(std::string name, std::vector<std::string> choices) {
    return FieldSpec{std::move(name), FieldType::choice, {}, {}, std::move(choices), {}, {}};
}

}  // namespace

Profile pelvic_floor_profile(const Settings& settings) {
    Profile profile{"pelvic-floor", {}, {}};
    auto& kinds = profile.kinds;
    kinds.push_back({"dilate",
                     "dilator session",
                     {integer("size", 1, settings.dilator_sizes), duration(), scale("pain"),
                      scale("anxiety"), boolean("overnight")},
                     "size",
                     "size",
                     KindRole::none});
    kinds.push_back({"kegels",
                     "pelvic-floor contractions",
                     {integer("sets", 1, 20), integer("reps", 1, 100), integer("hold", 1, 60, "s")},
                     "reps",
                     "",
                     KindRole::none});
    kinds.push_back({"relax",
                     "reverse kegels, breathing, down-training",
                     {duration()},
                     "minutes",
                     "",
                     KindRole::none});
    kinds.push_back({"massage",
                     "internal or perineal massage",
                     {duration(), scale("pain")},
                     "minutes",
                     "",
                     KindRole::none});
    kinds.push_back({"stretch",
                     "stretches such as happy baby",
                     {choice("pose", {"happy-baby", "child", "cat-cow", "butterfly", "pigeon",
                                      "figure-four", "deep-squat", "other"}),
                      duration()},
                     "pose",
                     "",
                     KindRole::none});
    kinds.push_back({"cardio",
                     "walking, cycling, swimming...",
                     {duration(), text("activity")},
                     "minutes",
                     "",
                     KindRole::none});
    kinds.push_back({"sex",
                     "intimacy and how it felt",
                     {scale("pain"), scale("anxiety"), boolean("penetration"), scale("comfort")},
                     "pain",
                     "",
                     KindRole::none});
    kinds.push_back({"pain",
                     "pain outside sessions",
                     {scale("level", "pain"), text("location"), text("trigger")},
                     "level",
                     "",
                     KindRole::none});
    kinds.push_back({"med",
                     "a medicine taken",
                     {text("name"), text("dose")},
                     "name",
                     "",
                     KindRole::medication});
    kinds.push_back({"procedure",
                     "a treatment such as Botox",
                     {text("name"), integer("units", 0, 1000)},
                     "name",
                     "",
                     KindRole::procedure});
    kinds.push_back({"visit",
                     "a doctor or physical therapy appointment",
                     {choice("with", {"gyn", "pt", "other"}), text("exam")},
                     "with",
                     "",
                     KindRole::visit});
    kinds.push_back(
        {"period", "menstruation", {integer("flow", 0, 3)}, "flow", "", KindRole::cycle});
    kinds.push_back({"question",
                     "something to ask at the next visit (the note is the question)",
                     {boolean("answered")},
                     "",
                     "",
                     KindRole::question});
    kinds.push_back({"note", "anything else (the note is the entry)", {}, "", "", KindRole::none});
    // Pain during sex is what most users care about; dilating is the way there.
    profile.outcomes = {{"sex", "pain"}, {"dilate", "pain"}};
    add_rest_kind(profile);
    return profile;
}

Profile blank_profile() {
    Profile profile{"blank", {}, {}};
    profile.kinds.push_back(
        {"note", "anything else (the note is the entry)", {}, "", "", KindRole::none});
    add_rest_kind(profile);
    return profile;
}

void add_rest_kind(Profile& profile) {
    if (!profile.kinds_with_role(KindRole::rest).empty()) return;
    // A name of its own: "rest" would be read as a kind where people write reasons.
    if (profile.kind("skip")) return;
    profile.kinds.push_back({"skip",
                             "a rest day (tend skip): items rest, all when none; the note is the "
                             "reason",
                             {text("items"), integer("days", 1, longest_rest_days)},
                             "",
                             "",
                             KindRole::rest});
}

}  // namespace tend
