// `tend git ARGS...`: the person's git, run in the journal folder (as `pass git` does).
#include <fmt/format.h>

#include <filesystem>

#include "cli/context.h"
#include "cli/git.h"
#include "store/git_files.h"
#include "store/storage.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

int run_git_command(Context& context, const std::vector<std::string>& arguments) {
    const std::filesystem::path& root = context.root();
    const std::string first = arguments.empty() ? "" : arguments.front();
    std::error_code ignored;
    if (!std::filesystem::exists(root, ignored)) {
        // A new device starts here: `tend git init`, or `tend git clone URL .` into the folder
        // tend will use, made private first like every journal folder.
        if (first != "init" && first != "clone")
            throw user_error(fmt::format("there is no journal at {} yet", root.string()),
                             "'tend git clone URL .' copies another device's journal there, "
                             "'tend git init' starts a repository (docs/sync.md)");
        store::disk().make_private_folder(root, "the journal folder");
    }
    const GitResult result = run_git(root, arguments, GitOutput::shown);
    if (result.exit_code == 0 && first == "init") {
        const auto written = store::write_missing_git_files(root, store::disk());
        if (!written.empty())
            fmt::print(
                "tend wrote {}: git keeps the settings, the plan, the month files and "
                "the inboxes (docs/sync.md)\n",
                fmt::join(written, " and "));
    }
    return result.exit_code < 0 ? exit_code::system_error : result.exit_code;
}

}  // namespace

Command add_git_command(CLI::App& app) {
    CLI::App* command = app.add_subcommand(
        "git", "Run git in the journal folder; every word after 'git' goes to git as typed");
    // Everything after `git` is git's, --help and --dir included: nothing falls through to
    // tend's own options, and a word like `log` or `init` is not tend's command. So it has no
    // help of its own to show examples in: docs/sync.md and `tend sync --help` show them.
    command->fallthrough(false);
    command->prefix_command();
    command->allow_extras();
    command->set_help_flag();
    return {command,
            [command](Context& context) { return run_git_command(context, command->remaining()); }};
}

}  // namespace tend::cli
