// tend.toml parsing and the commented template for `tend init`.
#include "store/config_file.h"

#include <toml++/toml.h>

#include <algorithm>

#include "core/text.h"
#include "store/file_io.h"
#include "store/toml_depth.h"
#include "store/toml_problem.h"
#include "store/toml_writer.h"
#include "tend/error.h"

namespace tend::store {

namespace {

class ConfigReader {
  public:
    ConfigReader(const std::string& file, std::vector<Problem>& problems)
        : file_(file), problems_(problems) {}

    void report(const toml::node& node, std::string message, Severity severity = Severity::error) {
        problems_.push_back(problem_at(file_, node.source(), std::move(message), severity));
    }

    void read_settings(const toml::table& root, Settings& settings) {
        if (const auto* table = root["settings"].as_table()) {
            if (const auto* node = table->get("name")) read_string(*node, settings.name, "name");
            if (const auto* node = table->get("week_start")) read_week_start(*node, settings);
            if (const auto* node = table->get("color")) read_color(*node, settings);
        }
        // Outcomes name kinds, which are read after the settings: see read_outcomes.
        if (const auto* table = root["dilators"].as_table()) {
            if (const auto* node = table->get("sizes"))
                read_int(*node, settings.dilator_sizes, 1, 20, "sizes");
            if (const auto* node = table->get("diameters_mm")) read_diameters(*node, settings);
        }
        if (const auto* table = root["flags"].as_table()) {
            if (const auto* node = table->get("persistent_pain_level"))
                read_int(*node, settings.persistent_pain_level, 0, 10, "persistent_pain_level");
            if (const auto* node = table->get("persistent_pain_days"))
                read_int(*node, settings.persistent_pain_days, 1, 31, "persistent_pain_days");
            if (const auto* node = table->get("gap_days"))
                read_int(*node, settings.gap_days, 1, 365, "gap_days");
        }
        if (const auto* table = root["reminders"].as_table())
            if (const auto* node = table->get("times")) read_times(*node, settings);
        if (const auto* table = root["git"].as_table())
            if (const auto* node = table->get("autocommit")) {
                if (const auto* flag = node->as_boolean())
                    settings.git_autocommit = flag->get();
                else
                    report(*node, "'autocommit' must be true or false");
            }
    }

    // `profile = "pelvic-floor"` (the default), "migraine", "physio", "gut" or "blank": the
    // kinds that [kinds] extends.
    Profile read_base_profile(const toml::table& root, const Settings& settings) {
        const toml::node* node = root.get("profile");
        if (!node) return pelvic_floor_profile(settings);
        const auto name = node->value<std::string>();
        if (auto profile = name ? builtin_profile(*name, settings) : std::nullopt) return *profile;
        report(*node, name ? fmt::format("unknown profile '{}' - a profile is one of {}", *name,
                                         quoted_list(builtin_profile_names()))
                           : fmt::format("'profile' must be one of {}",
                                         quoted_list(builtin_profile_names())));
        return pelvic_floor_profile(settings);
    }

    std::vector<KindSpec> read_kinds(const toml::table& kinds, const Settings& settings) {
        std::vector<std::pair<const toml::key*, const toml::node*>> ordered;
        for (auto&& [key, node] : kinds)
            ordered.emplace_back(&key, &node);
        sort_by_source(ordered);
        std::vector<KindSpec> result;
        for (const auto& [key, node] : ordered) {
            const auto* table = node->as_table();
            if (!table) {
                report(*node, fmt::format("kind '{}' must be a table such as [kinds.{}]",
                                          key->str(), key->str()));
                continue;
            }
            if (!is_valid_name(key->str())) {
                report(*node,
                       fmt::format("kind name '{}' must be lowercase letters, digits, '-' or '_'",
                                   key->str()));
                continue;
            }
            result.push_back(read_kind(std::string(key->str()), *table, settings));
        }
        return result;
    }

  private:
    template <typename Pairs>
    static void sort_by_source(Pairs& pairs) {
        std::sort(pairs.begin(), pairs.end(), [](const auto& left, const auto& right) {
            const auto& a = left.second->source().begin;
            const auto& b = right.second->source().begin;
            return a.line != b.line ? a.line < b.line : a.column < b.column;
        });
    }

    static bool is_valid_name(std::string_view name) {
        return !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
               name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") ==
                   std::string_view::npos;
    }

    void read_string(const toml::node& node, std::string& target, std::string_view name) {
        if (const auto value = node.value<std::string>())
            target = *value;
        else
            report(node, fmt::format("'{}' must be a string", name));
    }

    // A label or a phrase: a string, without the spaces around it (so "  " is none, and the
    // notes fall back to the names rather than print a blank).
    void read_words(const toml::node& node, std::string& target, std::string_view name) {
        read_string(node, target, name);
        target = std::string(trim(target));
    }

    void read_int(const toml::node& node, int& target, int min, int max, std::string_view name) {
        const auto* integer = node.as_integer();
        if (!integer || integer->get() < min || integer->get() > max) {
            report(node, fmt::format("'{}' must be a whole number from {} to {}", name, min, max));
            return;
        }
        target = static_cast<int>(integer->get());
    }

    void read_week_start(const toml::node& node, Settings& settings) {
        const auto text = node.value<std::string>();
        const auto day = text ? parse_weekday(*text) : std::nullopt;
        if (!day)
            report(node, "'week_start' must be a weekday such as \"monday\" or \"sunday\"");
        else
            settings.week_start = *day;
    }

    void read_color(const toml::node& node, Settings& settings) {
        const auto text = node.value<std::string>().value_or("");
        if (text == "auto")
            settings.color = ColorMode::automatic;
        else if (text == "always")
            settings.color = ColorMode::always;
        else if (text == "never")
            settings.color = ColorMode::never;
        else
            report(node, "'color' must be \"auto\", \"always\" or \"never\"");
    }

    void read_diameters(const toml::node& node, Settings& settings) {
        const auto* list = node.as_array();
        settings.dilator_diameters_mm.clear();
        if (!list) {
            report(node, "'diameters_mm' must be a list of numbers, smallest first");
            return;
        }
        for (const auto& item : *list) {
            const auto value = item.value<double>();
            if (!value || *value <= 0)
                report(item, "each diameter must be a positive number of millimetres");
            else
                settings.dilator_diameters_mm.push_back(*value);
        }
    }

    void read_times(const toml::node& node, Settings& settings) {
        const auto* list = node.as_array();
        if (!list || list->empty()) {
            report(node, "'times' must be a list of times such as [\"08:00\", \"20:00\"]");
            return;
        }
        settings.reminder_times.clear();
        for (const auto& item : *list) {
            const auto text = item.value<std::string>();
            const auto seconds = text ? parse_clock_time(*text) : std::nullopt;
            if (!seconds)
                report(item, "each reminder time must be \"HH:MM\"");
            else
                settings.reminder_times.push_back(*seconds);
        }
    }

  public:
    // `outcomes = ["sex.pain", "dilate.pain"]` in [settings]: numeric fields of the profile's
    // kinds. Nothing when the key is absent.
    std::optional<std::vector<FieldRef>> read_outcomes(const toml::table& root,
                                                       const Profile& profile) {
        const auto* table = root["settings"].as_table();
        const auto* node = table ? table->get("outcomes") : nullptr;
        if (!node) return std::nullopt;
        std::vector<FieldRef> outcomes;
        const auto* list = node->as_array();
        if (!list) {
            report(*node, "'outcomes' must be a list of fields such as [\"sex.pain\"]");
            return outcomes;
        }
        for (const auto& item : *list) {
            const auto text = item.value<std::string>().value_or("");
            const auto dot = text.find('.');
            const KindSpec* kind =
                dot == std::string::npos ? nullptr : profile.kind(text.substr(0, dot));
            const FieldSpec* field = kind ? kind->field(text.substr(dot + 1)) : nullptr;
            if (!field || !field->is_numeric())
                report(item, fmt::format("outcome '{}' must be a numeric field written "
                                         "kind.field, such as \"sex.pain\"",
                                         text));
            else
                outcomes.push_back({kind->name, field->name});
        }
        return outcomes;
    }

  private:
    KindSpec read_kind(std::string name, const toml::table& table, const Settings& settings) {
        KindSpec kind;
        kind.name = std::move(name);
        if (const auto* node = table.get("description"))
            read_string(*node, kind.description, "description");
        if (const auto* node = table.get("label")) read_words(*node, kind.label, "label");
        if (const auto* fields = table["fields"].as_table()) {
            std::vector<std::pair<const toml::key*, const toml::node*>> ordered;
            for (auto&& [key, node] : *fields)
                ordered.emplace_back(&key, &node);
            sort_by_source(ordered);
            for (const auto& [key, node] : ordered)
                if (auto field = read_field(std::string(key->str()), *node))
                    kind.fields.push_back(std::move(*field));
        }
        if (const auto* node = table.get("primary")) {
            read_string(*node, kind.primary, "primary");
            if (!kind.primary.empty() && !kind.field(kind.primary)) {
                report(*node, fmt::format("primary field '{}' is not a field of {}", kind.primary,
                                          kind.name));
                kind.primary.clear();
            }
        }
        if (const auto* node = table.get("progression")) {
            read_string(*node, kind.progression, "progression");
            FieldSpec* field = nullptr;
            for (auto& candidate : kind.fields)
                if (candidate.name == kind.progression) field = &candidate;
            if (!field || field->type != FieldType::integer) {
                report(*node, fmt::format("progression field '{}' must be an int field of {}",
                                          kind.progression, kind.name));
                kind.progression.clear();
            } else if (!field->max) {
                field->max = settings.dilator_sizes;  // the set's size bounds the progression
            }
        }
        if (const auto* node = table.get("role")) {
            declared_roles_ = true;
            const auto text = node->value<std::string>();
            const auto role = text ? parse_kind_role(*text) : std::nullopt;
            if (text && text->empty())
                kind.role = KindRole::none;
            else if (role)
                kind.role = *role;
            else
                report(*node, text ? fmt::format("unknown role '{}' of kind {} - a role is one of "
                                                 "{} (or \"\" for none)",
                                                 *text, kind.name, quoted_list(kind_role_names()))
                                   : fmt::format("'role' of kind {} must be one of {} (or \"\" "
                                                 "for none)",
                                                 kind.name, quoted_list(kind_role_names())));
        }
        for (const auto& [key, node] : table)
            if (key.str() != "description" && key.str() != "label" && key.str() != "fields" &&
                key.str() != "primary" && key.str() != "progression" && key.str() != "role")
                report(
                    node,
                    fmt::format("unknown setting '{}' for kind {} (ignored)", key.str(), kind.name),
                    Severity::warning);
        return kind;
    }

    static bool is_field_setting(std::string_view key) {
        return key == "type" || key == "min" || key == "max" || key == "choices" ||
               key == "label" || key == "unit" || key == "phrase" || key == "better";
    }

    std::optional<FieldSpec> read_field(std::string name, const toml::node& node) {
        const auto* table = node.as_table();
        if (!table) {
            report(node,
                   fmt::format("field '{}' must be a table such as {{ type = \"scale\" }}", name));
            return {};
        }
        if (!is_valid_name(name) || name == "at" || name == "kind" || name == "note" ||
            name == "tags") {
            report(node, fmt::format("'{}' can't be a field name", name), Severity::error);
            return {};
        }
        FieldSpec field;
        field.name = std::move(name);
        const auto type_name = (*table)["type"].value<std::string>();
        const auto type = type_name ? parse_field_type(*type_name) : std::nullopt;
        if (!type) {
            report(
                node,
                fmt::format(
                    "field '{}' needs a type: int, number, scale, bool, duration, text or choice",
                    field.name));
            return {};
        }
        field.type = *type;
        if (field.type == FieldType::scale) field.min = 0, field.max = 10;
        if (field.type == FieldType::duration) field.min = 0, field.max = 1440;
        if (const auto min = (*table)["min"].value<double>()) field.min = *min;
        if (const auto max = (*table)["max"].value<double>()) field.max = *max;
        if (field.min && field.max && *field.min > *field.max)
            report(node, fmt::format("field '{}' has min above max", field.name));
        if (const auto* label = table->get("label")) read_words(*label, field.label, "label");
        if (const auto* unit = table->get("unit")) read_string(*unit, field.unit, "unit");
        if (const auto* phrase = table->get("phrase")) read_words(*phrase, field.phrase, "phrase");
        if (const auto* better = table->get("better")) {
            const auto text = better->value<std::string>();
            if (text && (*text == "higher" || *text == "lower"))
                field.higher_is_better = *text == "higher";
            else
                report(*better, fmt::format("'better' of field '{}' must be \"higher\" or "
                                            "\"lower\"",
                                            field.name));
        }
        for (const auto& [key, value] : *table)
            if (!is_field_setting(key.str()))
                report(value, fmt::format("unknown setting '{}' for field '{}' - a field takes "
                                          "type, min, max, choices, label, unit, phrase and better",
                                          key.str(), field.name));
        if (const auto* choices = (*table)["choices"].as_array())
            for (const auto& choice : *choices)
                if (const auto text = choice.value<std::string>())
                    field.choices.push_back(to_lower(*text));
        if (field.type == FieldType::choice && field.choices.empty()) {
            report(node,
                   fmt::format("choice field '{}' needs choices = [\"...\", ...]", field.name));
            return {};
        }
        return field;
    }

  public:
    // Whether any kind said what it is for (a tend.toml written before roles existed doesn't).
    bool declared_roles() const { return declared_roles_; }

  private:
    const std::string& file_;
    std::vector<Problem>& problems_;
    bool declared_roles_ = false;
};

// A tend.toml written before kinds had roles and the profile outcomes: its kinds named as the
// base profile's keep what the base profile says of them, as they did then.
void keep_built_in_meanings(Profile& profile, const Profile& built_in, bool declared_roles,
                            bool declared_outcomes) {
    // Never the rest role: rest days came after roles, so a kind of its own named skip
    // (a skipping rope) never meant one.
    if (!declared_roles)
        for (auto& kind : profile.kinds)
            if (const KindSpec* same = built_in.kind(kind.name);
                same && same->role != KindRole::rest)
                kind.role = same->role;
    if (!declared_outcomes) {
        // The base profile's outcomes are read again against the kinds as now declared.
        profile.outcomes.clear();
        for (const auto& outcome : built_in.outcomes) {
            const KindSpec* kind = profile.kind(outcome.kind);
            const FieldSpec* field = kind ? kind->field(outcome.field) : nullptr;
            if (field && field->type == FieldType::scale) profile.outcomes.push_back(outcome);
        }
    }
}

std::string field_line(const FieldSpec& field, const KindSpec& kind) {
    std::string attributes = fmt::format("type = \"{}\"", field_type_name(field.type));
    const bool default_range =
        (field.type == FieldType::scale && field.min == 0.0 && field.max == 10.0) ||
        (field.type == FieldType::duration && field.min == 0.0 && field.max == 1440.0);
    if (!default_range) {
        if (field.min) attributes += fmt::format(", min = {}", *field.min);
        if (field.max && field.name != kind.progression)
            attributes += fmt::format(", max = {}", *field.max);
    }
    if (!field.choices.empty()) {
        attributes += ", choices = [";
        for (std::size_t index = 0; index < field.choices.size(); ++index)
            attributes += (index > 0 ? ", " : "") + toml_string(field.choices[index]);
        attributes += "]";
    }
    if (!field.label.empty()) attributes += fmt::format(", label = {}", toml_string(field.label));
    if (!field.unit.empty()) attributes += fmt::format(", unit = {}", toml_string(field.unit));
    if (!field.phrase.empty())
        attributes += fmt::format(", phrase = {}", toml_string(field.phrase));
    if (field.higher_is_better)
        attributes +=
            fmt::format(", better = \"{}\"", *field.higher_is_better ? "higher" : "lower");
    std::string line = fmt::format("fields.{} = {{ {} }}", field.name, attributes);
    if (field.name == kind.progression) line += "  # max: the number of sizes in [dilators]";
    return line + "\n";
}

// A kind of [kinds] replaces the base profile's kind of that name, in its place, or comes after.
void add_or_replace(Profile& profile, KindSpec kind) {
    for (auto& existing : profile.kinds) {
        if (existing.name == kind.name) {
            existing = std::move(kind);
            return;
        }
    }
    profile.kinds.push_back(std::move(kind));
}

// `["sex.pain", "dilate.pain"]`
std::string outcomes_list(const std::vector<FieldRef>& outcomes) {
    std::string list;
    for (const auto& outcome : outcomes)
        list += (list.empty() ? "" : ", ") + toml_string(outcome.name());
    return "[" + list + "]";
}

}  // namespace

ConfigFile parse_config(std::string_view content, const std::string& display_name) {
    ConfigFile result;
    toml::table root;
    if (auto problem = nesting_problem(content, display_name)) {
        result.problems.push_back(std::move(*problem));
        return result;
    }
    try {
        root = toml::parse(content, display_name);
    } catch (const toml::parse_error& error) {
        result.problems.push_back(shared_file_problem(display_name, error, content));
        return result;
    }
    ConfigReader reader(display_name, result.problems);
    reader.read_settings(root, result.config.settings);
    Profile& profile = result.config.profile;
    profile = reader.read_base_profile(root, result.config.settings);
    const Profile base = profile;
    if (const auto* kinds = root["kinds"].as_table()) {
        profile.name = "custom";
        for (auto& kind : reader.read_kinds(*kinds, result.config.settings))
            add_or_replace(profile, std::move(kind));
    }
    const auto outcomes = reader.read_outcomes(root, profile);
    if (outcomes) profile.outcomes = *outcomes;
    if (root["kinds"].as_table()) {
        // Before roles, kind names had the pelvic-floor meanings, whatever the base profile.
        keep_built_in_meanings(profile, base.name == "blank" ? pelvic_floor_profile() : base,
                               reader.declared_roles(), outcomes.has_value());
    }
    add_rest_kind(profile);
    for (auto&& [key, node] : root) {
        const auto name = key.str();
        if (name != "settings" && name != "dilators" && name != "flags" && name != "reminders" &&
            name != "git" && name != "kinds" && name != "profile")
            reader.report(node, fmt::format("unknown section '{}' (ignored)", name),
                          Severity::warning);
    }
    return result;
}

Config load_config(const std::filesystem::path& root) {
    const std::string display_name = "tend.toml";
    const auto content = read_file_if_exists(root / display_name, display_name);
    if (!content) {
        Config config;
        config.profile = pelvic_floor_profile(config.settings);
        return config;
    }
    auto parsed = parse_config(*content, display_name);
    for (const auto& problem : parsed.problems)
        if (problem.severity == Severity::error)
            throw user_error(problem.text(), "fix it by hand, then run 'tend check'");
    return std::move(parsed.config);
}

std::string config_template(const Profile& profile, const Settings& settings) {
    const bool built_in = builtin_profile(profile.name).has_value();
    const std::string name = built_in ? profile.name : "pelvic-floor";
    std::string text = fmt::format(R"(# tend settings and profile ({0} profile).
# Edit freely: `tend check` tells you if something is off. The format is in docs/format.md.

profile = "{0}"  # the built-in kinds that [kinds] below extends (docs/profiles.md)

[settings]
name = ""                 # your name, shown on reports; leave empty for none
week_start = "{1}"     # the first day of your week: "monday", "sunday", ...
color = "auto"            # "auto" (only on a terminal), "always" or "never"
outcomes = {2}  # what matters most, first: the notes' trend
)",
                                   name, to_lower(weekday_name(settings.week_start)),
                                   outcomes_list(profile.outcomes));
    // Only a profile that tracks a dilator set's sizes needs the set described.
    const bool has_progression =
        std::any_of(profile.kinds.begin(), profile.kinds.end(),
                    [](const KindSpec& kind) { return !kind.progression.empty(); });
    if (has_progression)
        text += fmt::format(R"(
[dilators]
sizes = {}                 # how many sizes your set has; `size` goes from 1 to this
diameters_mm = []         # optional, smallest first, e.g. [13, 16, 19, 22, 25, 29]
)",
                            settings.dilator_sizes);
    text += fmt::format(R"(
[flags]
persistent_pain_level = {0}  # pain at or above this level...
persistent_pain_days = {1}   # ...on this many days of a week is worth a check with your doctor
gap_days = {2}               # days without entries before a gentle note in stats

[reminders]
times = ["08:00", "13:00", "20:00"]  # when "N times a day" items remind you in calendar exports

# The kinds of entry you log, besides those of the profile above; a kind written here with the
# name of a built-in one replaces it. Field types: int, number, scale (0-10 unless min/max say
# otherwise), bool (yes/no), duration (15, 15m, 1h30m; stored in minutes), text, choice.
# `primary` is the field a bare value fills: `tend log pain 6`. `role` says what a kind is
# for: "visit", "procedure", "question", "medication", "cycle" or "rest" (see docs/format.md).
# `label` and `phrase` are the words the visit notes use for a kind and a field.
)",
                        settings.persistent_pain_level, settings.persistent_pain_days,
                        settings.gap_days);
    for (const auto& kind : profile.kinds) {
        // Every profile has the rest kind (add_rest_kind); written out, it would only be noise.
        if (kind.role == KindRole::rest) continue;
        text += fmt::format("\n[kinds.{}]\ndescription = {}\n", kind.name,
                            toml_string(kind.description));
        if (!kind.label.empty()) text += fmt::format("label = {}\n", toml_string(kind.label));
        if (!kind.primary.empty()) text += fmt::format("primary = \"{}\"\n", kind.primary);
        if (kind.role != KindRole::none)
            text += fmt::format("role = \"{}\"\n", kind_role_name(kind.role));
        if (!kind.progression.empty())
            text += fmt::format("progression = \"{}\"  # the highest value reached is tracked\n",
                                kind.progression);
        for (const auto& field : kind.fields)
            text += field_line(field, kind);
    }
    return text;
}

}  // namespace tend::store
