// The profile: the kinds of entry a journal holds and their typed fields, plus the settings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tend/civil_time.h"

namespace tend {

enum class FieldType { integer, number, scale, boolean, duration, text, choice };

// "int", "number", "scale", "bool", "duration", "text", "choice".
std::string_view field_type_name(FieldType type);
std::optional<FieldType> parse_field_type(std::string_view name);

struct FieldSpec {
    std::string name;
    FieldType type = FieldType::text;
    std::optional<double> min;  // inclusive bounds for int, number, scale and duration
    std::optional<double> max;
    std::vector<std::string> choices;  // for choice
    std::string label;                 // shown instead of the name, e.g. "pain"
    std::string unit;                  // shown after the value, e.g. "mm"
    // The field in clinical words with its kind, for the visit notes: "pain during sex" for
    // sex.pain, "dilator size" for dilate.size. Empty: the kind's words and the field's
    // ("sex pain"). Written as it reads mid-sentence; the notes capitalize a line's start.
    std::string phrase{};
    // Which way is better, from `better = "higher"` or `"lower"`; unset: told by the name
    // (higher_is_better in stats_parts.h).
    std::optional<bool> higher_is_better{};

    std::string_view display_name() const { return label.empty() ? name : label; }
    bool is_numeric() const {
        return type == FieldType::integer || type == FieldType::number ||
               type == FieldType::scale || type == FieldType::duration;
    }
};

// What a kind is for, when the reports should know: a visit to a clinician (reports default to
// "since the last visit"), a procedure (days since it), a question for the next visit, a
// medication (listed with the procedures), the menstrual cycle, a rest day (`tend skip`: plan
// items named in its `items` field, or all, are not due on its days). Most kinds have none.
enum class KindRole { none, visit, procedure, question, medication, cycle, rest };

// "visit", "procedure", "question", "medication", "cycle", "rest" ("" for none).
std::string_view kind_role_name(KindRole role);
// The role named `name`; nothing for an unknown name (and for "").
std::optional<KindRole> parse_kind_role(std::string_view name);
// The role names a kind may declare, for messages: "visit", "procedure", ...
std::vector<std::string> kind_role_names();

struct KindSpec {
    std::string name;
    std::string description;
    std::vector<FieldSpec> fields;
    std::string primary;      // the field a bare value fills: `tend log pain 6`
    std::string progression;  // an int field whose highest value marks progress (dilator size)
    KindRole role = KindRole::none;
    // The kind in clinical words, for the visit notes: "dilator" for dilate, "medication" for
    // med. Empty: its name.
    std::string label{};

    const FieldSpec* field(std::string_view field_name) const;
    std::string_view display_name() const { return label.empty() ? name : label; }
};

// A numeric field of a kind, named "kind.field" in tend.toml, JSON and on the command line
// ("sex.pain").
struct FieldRef {
    std::string kind;
    std::string field;
    std::string name() const { return kind + "." + field; }
    friend bool operator==(const FieldRef&, const FieldRef&) = default;
};

enum class ColorMode { automatic, always, never };

struct Settings {
    std::string name;  // the person's name on reports; empty for none
    Weekday week_start = std::chrono::Monday;
    ColorMode color = ColorMode::automatic;
    // The dilator set: number of sizes and optional diameters, smallest first.
    int dilator_sizes = 6;
    std::vector<double> dilator_diameters_mm;
    // Flag thresholds (used by stats): pain >= persistent_pain_level on >= persistent_pain_days.
    int persistent_pain_level = 6;
    int persistent_pain_days = 3;
    int gap_days = 4;
    // Times of day (seconds) for reminders of "N times a day" items in calendar exports.
    std::vector<int> reminder_times = {8 * 3600, 13 * 3600, 20 * 3600};
    // [git] autocommit: commit after every change tend makes, when the journal is a git
    // repository (docs/sync.md).
    bool git_autocommit = false;
};

struct Profile {
    std::string name;  // a built-in profile's name (builtin_profile_names) or "custom"
    std::vector<KindSpec> kinds;
    // The headline outcomes, most important first: the first with values is the summary's
    // trend. Empty: the scale fields that rate pain (named or labelled "pain").
    std::vector<FieldRef> outcomes;

    const KindSpec* kind(std::string_view kind_name) const;
    std::vector<std::string> kind_names() const;
    // The role of the kind named `kind_name` (none for a kind the profile doesn't declare).
    KindRole role_of(std::string_view kind_name) const;
    // The names of the kinds with `role`, in profile order: what a report scans entries for.
    std::vector<std::string_view> kinds_with_role(KindRole role) const;
};

struct Config {
    Settings settings;
    Profile profile;
};

// The built-in pelvic-floor profile (shared/domain.md), sized for `settings`.
Profile pelvic_floor_profile(const Settings& settings = {});
// A migraine diary: attacks with severity 0-3, acute and preventive medication, the cycle.
Profile migraine_profile();
// A physiotherapy programme for a knee or back: exercises with sets, reps, load and pain before
// and after, range of motion, a 0-100 function score.
Profile physio_profile();
// A gut diary: symptom scores, stool form on the Bristol scale (1-7), meals and triggers.
Profile gut_profile();
// A profile with only the `note` kind, for people who define their own kinds.
Profile blank_profile();
// Adds the built-in rest kind `skip` (role rest; fields `items`, the plan kinds it rests, none
// for all, and `days`, how many days from its date, 1 when absent) to a profile that has no kind
// with the role rest, so that every journal can hold the rest days `tend skip` writes.
void add_rest_kind(Profile& profile);

// The names `profile =` and `tend init --profile` take, in the order they are listed:
// pelvic-floor, migraine, physio, gut and blank.
const std::vector<std::string>& builtin_profile_names();
// The built-in profile called `name` (sized for `settings`); nothing for an unknown name.
std::optional<Profile> builtin_profile(std::string_view name, const Settings& settings = {});

// Finds a kind by exact name or unique prefix ("dil" -> dilate). Throws user_error for an
// unknown kind (with a did-you-mean hint) or an ambiguous prefix (listing the candidates).
const KindSpec& resolve_kind(const Profile& profile, std::string_view typed);
// The same for a field of `kind` ("min" -> minutes).
const FieldSpec& resolve_field(const KindSpec& kind, std::string_view typed);

}  // namespace tend
