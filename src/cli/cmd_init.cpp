// `tend init`: write a commented tend.toml with a chosen profile.
#include <fmt/format.h>

#include "cli/context.h"
#include "store/config_file.h"
#include "store/file_io.h"
#include "store/folder_lock.h"
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
    store::ensure_private_directory(root, root.string());
    store::ensure_private_directory(root / "journal", "journal");
    store::FolderLock lock(root);
    if (std::filesystem::exists(path))
        throw user_error(fmt::format("{} already exists, so nothing was changed", path.string()));
    store::write_file_atomically(path, store::config_template(profile, settings), "tend.toml");
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
