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

    std::string_view display_name() const { return label.empty() ? name : label; }
    bool is_numeric() const {
        return type == FieldType::integer || type == FieldType::number ||
               type == FieldType::scale || type == FieldType::duration;
    }
};

struct KindSpec {
    std::string name;
    std::string description;
    std::vector<FieldSpec> fields;
    std::string primary;      // the field a bare value fills: `tend log pain 6`
    std::string progression;  // an int field whose highest value marks progress (dilator size)

    const FieldSpec* field(std::string_view field_name) const;
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
};

struct Profile {
    std::string name;  // "pelvic-floor", "blank" or "custom"
    std::vector<KindSpec> kinds;

    const KindSpec* kind(std::string_view kind_name) const;
    std::vector<std::string> kind_names() const;
};

struct Config {
    Settings settings;
    Profile profile;
};

// The built-in pelvic-floor profile (shared/domain.md), sized for `settings`.
Profile pelvic_floor_profile(const Settings& settings = {});
// A profile with only the `note` kind, for people who define their own kinds.
Profile blank_profile();

// Finds a kind by exact name or unique prefix ("dil" -> dilate). Throws user_error for an
// unknown kind (with a did-you-mean hint) or an ambiguous prefix (listing the candidates).
const KindSpec& resolve_kind(const Profile& profile, std::string_view typed);
// The same for a field of `kind` ("min" -> minutes).
const FieldSpec& resolve_field(const KindSpec& kind, std::string_view typed);

}  // namespace tend
