// Looking up kinds and fields by name or unique prefix, with helpful errors.
#include "tend/profile.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "core/text.h"
#include "tend/error.h"

namespace tend {

namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 7> type_names = {{
    {FieldType::integer, "int"},
    {FieldType::number, "number"},
    {FieldType::scale, "scale"},
    {FieldType::boolean, "bool"},
    {FieldType::duration, "duration"},
    {FieldType::text, "text"},
    {FieldType::choice, "choice"},
}};

constexpr std::array<std::pair<KindRole, std::string_view>, 6> role_names = {{
    {KindRole::visit, "visit"},
    {KindRole::procedure, "procedure"},
    {KindRole::question, "question"},
    {KindRole::medication, "medication"},
    {KindRole::cycle, "cycle"},
    {KindRole::rest, "rest"},
}};

// Exact name first, then a unique prefix. `what` is "kind" or "field" for messages.
template <typename Item>
const Item& resolve_by_prefix(const std::vector<Item>& items, std::string_view typed,
                              std::string_view what, std::string_view context,
                              std::string_view list_hint) {
    const std::string lowered = to_lower(typed);
    std::vector<const Item*> matches;
    for (const auto& item : items) {
        if (item.name == lowered) return item;
        if (!lowered.empty() && item.name.starts_with(lowered)) matches.push_back(&item);
    }
    if (matches.size() == 1) return *matches.front();
    std::vector<std::string> names;
    if (matches.size() > 1) {
        for (const auto* match : matches)
            names.push_back(match->name);
        throw user_error(fmt::format("ambiguous {} '{}'{}: it could be {}", what, typed, context,
                                     quoted_list(names)),
                         "type a few more letters");
    }
    for (const auto& item : items)
        names.push_back(item.name);
    const auto suggestion = closest_match(lowered, names);
    const std::string hint = suggestion
                                 ? fmt::format("did you mean '{}'? ({})", *suggestion, list_hint)
                                 : std::string(list_hint);
    throw user_error(fmt::format("unknown {} '{}'{}", what, typed, context), hint);
}

}  // namespace

std::string_view field_type_name(FieldType type) {
    for (const auto& [candidate, name] : type_names)
        if (candidate == type) return name;
    return "text";
}

std::optional<FieldType> parse_field_type(std::string_view name) {
    for (const auto& [type, candidate] : type_names)
        if (candidate == name) return type;
    if (name == "integer") return FieldType::integer;
    if (name == "boolean") return FieldType::boolean;
    return {};
}

std::string_view kind_role_name(KindRole role) {
    for (const auto& [candidate, name] : role_names)
        if (candidate == role) return name;
    return "";
}

std::optional<KindRole> parse_kind_role(std::string_view name) {
    for (const auto& [role, candidate] : role_names)
        if (candidate == name) return role;
    return {};
}

std::vector<std::string> kind_role_names() {
    std::vector<std::string> names;
    for (const auto& [role, name] : role_names)
        names.emplace_back(name);
    return names;
}

const FieldSpec* KindSpec::field(std::string_view field_name) const {
    for (const auto& candidate : fields)
        if (same_name(candidate.name, field_name)) return &candidate;
    return nullptr;
}

const KindSpec* Profile::kind(std::string_view kind_name) const {
    for (const auto& candidate : kinds)
        if (candidate.name == kind_name) return &candidate;
    return nullptr;
}

std::vector<std::string> Profile::kind_names() const {
    std::vector<std::string> names;
    names.reserve(kinds.size());
    for (const auto& kind : kinds)
        names.push_back(kind.name);
    return names;
}

KindRole Profile::role_of(std::string_view kind_name) const {
    const KindSpec* spec = kind(kind_name);
    return spec ? spec->role : KindRole::none;
}

std::vector<std::string_view> Profile::kinds_with_role(KindRole role) const {
    std::vector<std::string_view> names;
    for (const auto& candidate : kinds)
        if (candidate.role == role) names.push_back(candidate.name);
    return names;
}

const KindSpec& resolve_kind(const Profile& profile, std::string_view typed) {
    return resolve_by_prefix(profile.kinds, typed, "kind", "", "'tend kinds' lists them");
}

const FieldSpec& resolve_field(const KindSpec& kind, std::string_view typed) {
    if (kind.fields.empty())
        throw user_error(
            fmt::format("'{}' entries have no fields, so '{}' can't be set", kind.name, typed),
            "write it as part of the note instead");
    std::vector<std::string> names;
    for (const auto& field : kind.fields)
        names.push_back(field.name);
    return resolve_by_prefix(kind.fields, typed, "field", fmt::format(" for {}", kind.name),
                             fmt::format("{} has {}", kind.name, quoted_list(names, "and")));
}

}  // namespace tend
