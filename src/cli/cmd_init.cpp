// `tend init`: write a commented tend.toml with a chosen profile.
#include <fmt/format.h>

#include "cli/context.h"
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
    const auto& root = context.root();
    const auto path = root / "tend.toml";
    if (std::filesystem::exists(path))
        throw user_error(fmt::format("{} already exists, so nothing was changed", path.string()),
                         "edit it by hand, or move it away first");
    const Settings settings;
    const Profile profile =
        options.profile == "blank" ? blank_profile() : pelvic_floor_profile(settings);
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
    command->add_option("--profile", options->profile, "pelvic-floor (default) or blank")
        ->check(CLI::IsMember({"pelvic-floor", "blank"}));
    add_examples(*command,
                 "  tend init\n"
                 "  tend --dir ~/notes/tend init --profile blank");
    return {command, [options](Context& context) { return run_init(*options, context); }};
}

}  // namespace tend::cli
