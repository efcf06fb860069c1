// `tend init`: write a commented tend.toml with a chosen profile.
#include <fmt/format.h>

#include "cli/context.h"
#include "core/text.h"
#include "store/config_file.h"
#include "store/file_io.h"
#include "store/storage.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

struct InitOptions {
    std::string profile = "pelvic-floor";
};

int run_init(const InitOptions& options, Context& context) {
    const Settings settings;
    const std::optional<Profile> chosen = builtin_profile(to_lower(options.profile), settings);
    if (!chosen) {
        const std::string profiles =
            fmt::format("the profiles are {}", quoted_list(builtin_profile_names(), "and"));
        const auto suggestion = closest_match(to_lower(options.profile), builtin_profile_names());
        throw user_error(
            fmt::format("unknown profile '{}'", options.profile),
            suggestion ? fmt::format("did you mean '{}'? ({})", *suggestion, profiles) : profiles);
    }
    const Profile& profile = *chosen;
    const auto& root = context.root();
    const auto path = root / "tend.toml";
    if (std::filesystem::exists(path))
        throw user_error(fmt::format("{} already exists, so nothing was changed", path.string()),
                         "edit it by hand, or move it away first");
    store::Storage& storage = store::disk();
    storage.make_private_folder(root, root.string());
    storage.make_private_folder(root / "journal", "journal");
    const auto lock = storage.lock(root);
    // Written only where there is still no file, even one another program made meanwhile.
    const std::optional<std::string> absent;
    if (!storage.replace(path, store::config_template(profile, settings), "tend.toml",
                         store::Durability::synced, &absent))
        throw user_error(fmt::format("{} already exists, so nothing was changed", path.string()));
    fmt::print("wrote {} with the {} profile; edit it to change kinds and settings\n",
               path.string(), profile.name);
    return exit_code::ok;
}

}  // namespace

Command add_init_command(CLI::App& app) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* command = app.add_subcommand("init", "Write tend.toml with a profile you can edit");
    command->add_option("--profile", options->profile,
                        "pelvic-floor (default), migraine, physio, gut or blank");
    add_examples(*command,
                 "  tend init\n"
                 "  tend --dir ~/migraine-diary init --profile migraine\n"
                 "  tend --dir ~/notes/tend init --profile blank");
    return {command, [options](Context& context) { return run_init(*options, context); }};
}

}  // namespace tend::cli
