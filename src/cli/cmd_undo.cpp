// `tend undo`: take back the entry `tend log` added last.
#include <fmt/format.h>

#include "cli/context.h"
#include "render/entry_text.h"
#include "store/month_file.h"
#include "store/undo_log.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

struct UndoOptions {
    bool dry_run = false;
};

int run_undo(const UndoOptions& options, Context& context) {
    const Config& config = context.journal().config();
    const std::string removed = store::undo_last_log(context.root(), config, options.dry_run);
    const auto parsed = store::parse_month_file(removed, "the removed entry", config,
                                                context.time().offset_at_local, {});
    const std::string what =
        parsed.entries.empty()
            ? std::string("the last entry")
            : fmt::format("{} {}", format_day_heading(parsed.entries[0].at.local_date()),
                          render::entry_line(parsed.entries[0], config));
    fmt::print("{} {}\n", options.dry_run ? "would remove:" : "removed:", what);
    return exit_code::ok;
}

}  // namespace

Command add_undo_command(CLI::App& app) {
    auto options = std::make_shared<UndoOptions>();
    CLI::App* command =
        app.add_subcommand("undo", "Remove the entry 'tend log' added most recently");
    command->add_flag("--dry-run,-n", options->dry_run, "Only say what would be removed");
    add_examples(*command,
                 "  tend undo --dry-run\n"
                 "  tend undo");
    return {command, [options](Context& context) { return run_undo(*options, context); }};
}

}  // namespace tend::cli
