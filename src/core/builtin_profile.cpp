// The built-in profiles: pelvic-floor (see shared/domain.md), migraine, physio, gut and blank.
// docs/profiles.md describes each, with the sources of its scales.
#include "tend/profile.h"

#include <utility>

#include "tend/adherence.h"

namespace tend {

namespace {

FieldSpec scale(std::string name, std::string label = {}) {
    return FieldSpec{std::move(name), FieldType::scale, 0, 10, {}, std::move(label), {}};
}
// A scale with its own range: migraine severity 0-3, a function score 0-100.
FieldSpec scale_of(std::string name, double min, double max, std::string label = {}) {
    return FieldSpec{std::move(name), FieldType::scale, min, max, {}, std::move(label), {}};
}
FieldSpec number(std::string name, double min, double max, std::string unit = {}) {
    return FieldSpec{std::move(name), FieldType::number, min, max, {}, {}, std::move(unit)};
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

// Every profile but blank ends with these: questions for the next visit, and free notes.
void add_question_and_note(std::vector<KindSpec>& kinds) {
    kinds.push_back({"question",
                     "something to ask at the next visit (the note is the question)",
                     {boolean("answered")},
                     "",
                     "",
                     KindRole::question});
    kinds.push_back({"note", "anything else (the note is the entry)", {}, "", "", KindRole::none});
}

// Gives kind `kind_name` its words for the visit notes: its label and its fields' phrases.
void say_in_words(Profile& profile, std::string_view kind_name, std::string label,
                  std::vector<std::pair<std::string_view, std::string>> phrases) {
    for (auto& kind : profile.kinds) {
        if (kind.name != kind_name) continue;
        kind.label = std::move(label);
        for (auto& [field_name, phrase] : phrases)
            for (auto& field : kind.fields)
                if (field.name == field_name) field.phrase = std::move(phrase);
    }
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
    add_question_and_note(kinds);
    // Pain during sex is what most users care about; dilating is the way there.
    profile.outcomes = {{"sex", "pain"}, {"dilate", "pain"}};
    // The notes are read by a gynaecologist or physical therapist: their words, not the log's.
    say_in_words(profile, "dilate", "dilator",
                 {{"size", "dilator size"},
                  {"minutes", "minutes dilating"},
                  {"pain", "pain while dilating"},
                  {"anxiety", "anxiety while dilating"},
                  {"overnight", "dilator overnight"}});
    say_in_words(profile, "relax", "relaxation", {});
    say_in_words(profile, "massage", "", {{"pain", "pain during massage"}});
    say_in_words(profile, "sex", "",
                 {{"pain", "pain during sex"},
                  {"anxiety", "anxiety about sex"},
                  {"penetration", "penetration possible"},
                  {"comfort", "comfort during sex"}});
    say_in_words(profile, "pain", "pain outside sessions", {{"level", "pain outside sessions"}});
    say_in_words(profile, "med", "medication", {});
    add_rest_kind(profile);
    return profile;
}

Profile migraine_profile() {
    Profile profile{"migraine", {}, {}};
    auto& kinds = profile.kinds;
    // Severity on the 4-point scale of headache diaries and trials: 0 none, 1 mild, 2 moderate,
    // 3 severe (IHS guidelines, Tfelt-Hansen et al. 2012). Attacks last up to 72 hours (ICHD-3).
    kinds.push_back({"migraine",
                     "a migraine or headache attack",
                     {scale_of("severity", 0, 3), number("hours", 0, 72, "h"), boolean("aura"),
                      text("trigger")},
                     "severity",
                     "",
                     KindRole::none});
    // Relief two hours after taking it, on the same 0-3 scale read the other way: 3 is pain-free.
    kinds.push_back({"acute",
                     "a medicine taken for an attack, and how much it helped",
                     {text("name"), text("dose"), scale_of("relief", 0, 3)},
                     "name",
                     "",
                     KindRole::medication});
    kinds.push_back({"preventive",
                     "a medicine taken every day to have fewer attacks",
                     {text("name"), text("dose")},
                     "name",
                     "",
                     KindRole::medication});
    kinds.push_back({"relax",
                     "relaxation, breathing or biofeedback",
                     {duration()},
                     "minutes",
                     "",
                     KindRole::none});
    kinds.push_back({"cardio",
                     "walking, cycling, swimming...",
                     {duration(), text("activity")},
                     "minutes",
                     "",
                     KindRole::none});
    kinds.push_back(
        {"period", "menstruation", {integer("flow", 0, 3)}, "flow", "", KindRole::cycle});
    kinds.push_back({"procedure",
                     "a treatment such as a nerve block or Botox",
                     {text("name"), integer("units", 0, 1000)},
                     "name",
                     "",
                     KindRole::procedure});
    kinds.push_back({"visit",
                     "an appointment about the headaches",
                     {choice("with", {"neurologist", "gp", "nurse", "other"})},
                     "with",
                     "",
                     KindRole::visit});
    add_question_and_note(kinds);
    profile.outcomes = {{"migraine", "severity"}};
    add_rest_kind(profile);
    return profile;
}

Profile physio_profile() {
    Profile profile{"physio", {}, {}};
    auto& kinds = profile.kinds;
    // Pain on the 0-10 numeric rating scale, before and after the exercise.
    kinds.push_back({"exercise",
                     "an exercise of the programme, such as squats or bridges",
                     {text("name"), integer("sets", 1, 20), integer("reps", 1, 100),
                      number("load", 0, 500, "kg"), scale("before", "pain before"),
                      scale("after", "pain after")},
                     "name",
                     "",
                     KindRole::none});
    kinds.push_back({"stretch",
                     "a stretch or mobility exercise",
                     {text("name"), duration()},
                     "name",
                     "",
                     KindRole::none});
    kinds.push_back({"cardio",
                     "walking, cycling, swimming...",
                     {duration(), text("activity")},
                     "minutes",
                     "",
                     KindRole::none});
    kinds.push_back({"rom",
                     "range of motion, such as how far the knee bends",
                     {text("movement"), integer("degrees", -30, 180, "°")},
                     "degrees",
                     "",
                     KindRole::none});
    // One self-rated number for everyday function, as the Single Assessment Numeric Evaluation
    // asks it: 0 can't do daily activities, 100 as before the injury.
    kinds.push_back({"function",
                     "how well the knee or back works day to day, 0 to 100",
                     {scale_of("score", 0, 100, "function")},
                     "score",
                     "",
                     KindRole::none});
    kinds.push_back({"pain",
                     "pain outside the exercises",
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
                     "an operation or injection",
                     {text("name")},
                     "name",
                     "",
                     KindRole::procedure});
    kinds.push_back({"visit",
                     "a physiotherapy or doctor's appointment",
                     {choice("with", {"physio", "surgeon", "gp", "other"}), text("exam")},
                     "with",
                     "",
                     KindRole::visit});
    add_question_and_note(kinds);
    profile.outcomes = {{"function", "score"}, {"exercise", "after"}, {"pain", "level"}};
    add_rest_kind(profile);
    return profile;
}

Profile gut_profile() {
    Profile profile{"gut", {}, {}};
    auto& kinds = profile.kinds;
    // Each symptom on the 0-10 numeric rating scale, for the day or since the last entry.
    kinds.push_back({"gut",
                     "how the gut felt: pain, bloating and nausea, 0 to 10",
                     {scale("pain"), scale("bloating"), scale("nausea")},
                     "pain",
                     "",
                     KindRole::none});
    // Stool form on the Bristol Stool Form Scale (Lewis & Heaton 1997): 1 hard lumps to
    // 7 watery; 3 and 4 are the usual middle.
    kinds.push_back({"stool",
                     "a bowel movement: Bristol type 1 (hard) to 7 (watery)",
                     {integer("form", 1, 7), boolean("urgency")},
                     "form",
                     "",
                     KindRole::none});
    kinds.push_back({"meal",
                     "a meal or snack and what was in it",
                     {text("foods"), choice("size", {"small", "normal", "large"})},
                     "foods",
                     "",
                     KindRole::none});
    kinds.push_back({"trigger",
                     "something that may set symptoms off, such as stress or a late meal",
                     {text("what")},
                     "what",
                     "",
                     KindRole::none});
    kinds.push_back({"relax",
                     "relaxation, breathing or gut-directed hypnotherapy",
                     {duration()},
                     "minutes",
                     "",
                     KindRole::none});
    kinds.push_back({"med",
                     "a medicine or supplement taken",
                     {text("name"), text("dose")},
                     "name",
                     "",
                     KindRole::medication});
    kinds.push_back({"procedure",
                     "a test or treatment such as a colonoscopy",
                     {text("name")},
                     "name",
                     "",
                     KindRole::procedure});
    kinds.push_back({"visit",
                     "an appointment about the gut",
                     {choice("with", {"gp", "gastro", "dietitian", "other"})},
                     "with",
                     "",
                     KindRole::visit});
    kinds.push_back(
        {"period", "menstruation", {integer("flow", 0, 3)}, "flow", "", KindRole::cycle});
    add_question_and_note(kinds);
    profile.outcomes = {{"gut", "pain"}, {"gut", "bloating"}};
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

const std::vector<std::string>& builtin_profile_names() {
    static const std::vector<std::string> names = {"pelvic-floor", "migraine", "physio", "gut",
                                                   "blank"};
    return names;
}

std::optional<Profile> builtin_profile(std::string_view name, const Settings& settings) {
    if (name == "pelvic-floor") return pelvic_floor_profile(settings);
    if (name == "migraine") return migraine_profile();
    if (name == "physio") return physio_profile();
    if (name == "gut") return gut_profile();
    if (name == "blank") return blank_profile();
    return std::nullopt;
}

}  // namespace tend
