// `tend kinds`: the kinds of entry and their fields.
#include <fmt/format.h>

#include "cli/context.h"
#include "tend/error.h"
#include "tend/field_value.h"

namespace tend::cli {

namespace {

std::string field_summary(const FieldSpec& field, const KindSpec& kind) {
    std::string text = fmt::format("{:<11} {:<9}", field.name, field_type_name(field.type));
    const std::string allowed = describe_allowed(field);
    if (field.type != FieldType::text && field.type != FieldType::boolean) text += " " + allowed;
    std::vector<std::string> roles;
    if (field.name == kind.primary) roles.emplace_back("primary");
    if (field.name == kind.progression) roles.emplace_back("progression");
    if (!roles.empty()) text += fmt::format("  ({})", fmt::join(roles, ", "));
    while (text.ends_with(' '))  // a text field has nothing after its padded type
        text.pop_back();
    return text;
}

int run_kinds(Context& context) {
    const Config& config = context.journal().config();
    fmt::print("{} profile: {} kinds\n", config.profile.name, config.profile.kinds.size());
    for (const auto& kind : config.profile.kinds) {
        fmt::print("\n{:<11} {}\n", kind.name, kind.description);
        for (const auto& field : kind.fields)
            fmt::print("  {}\n", field_summary(field, kind));
    }
    return exit_code::ok;
}

}  // namespace

Command add_kinds_command(CLI::App& app) {
    CLI::App* command =
        app.add_subcommand("kinds", "List the kinds of entry with their fields, types and ranges");
    add_examples(*command,
                 "  tend kinds\n"
                 "  tend --dir examples/pelvic-floor kinds");
    return {command, [](Context& context) { return run_kinds(context); }};
}

}  // namespace tend::cli
