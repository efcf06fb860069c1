// `tend edit [PERIOD]`: a month file in the user's editor, saved only when nobody else wrote it
// meanwhile, then checked at once.
#include <fmt/format.h>
#include <unistd.h>

#include "cli/context.h"
#include "cli/editor.h"
#include "store/file_io.h"
#include "store/folder_lock.h"
#include "store/month_file.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

// Saves `edited` over the month file unless it changed since `original` was read (a `tend log`
// from another terminal); then the edit stays in its copy for the person to merge.
bool save_if_unchanged(const std::filesystem::path& root, const std::string& name,
                       const std::string& original, const std::string& edited,
                       const std::filesystem::path& copy) {
    const store::FolderLock lock(root);
    const auto current = store::read_file_if_exists(root / name, name).value_or("");
    if (current != original)
        throw user_error(
            fmt::format("{} changed while you edited it, so your edit was not saved", name),
            fmt::format("it is kept in {}: copy your changes over, then delete it",
                        copy.filename().string()));
    if (edited == original) return false;
    store::write_file_atomically(root / name, edited, name);
    return true;
}

int run_edit(const std::string& period_text, Context& context) {
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    const Period period = period_text.empty()
                              ? Period{today, today}
                              : parse_period(period_text, today, config.settings.week_start);
    const std::string month = month_key(period.from.value_or(period.to.value_or(today)));
    const std::string name = store::Journal::month_file_name(month);
    const std::filesystem::path root = context.root();
    const auto original = store::read_file_if_exists(root / name, name);
    if (!original)
        throw user_error(fmt::format("there is no {} yet", name),
                         "'tend log' starts a month; 'tend edit' opens months that have entries");

    // The editor works on a private copy, so a crash or a concurrent log cannot mix the two.
    const auto copy = root / fmt::format(".edit-{}.toml", month);
    store::write_file_atomically(copy, *original, copy.filename().string());
    try {
        run_editor(copy, fmt::format("so {} is unchanged", name));
    } catch (...) {
        std::filesystem::remove(copy);
        throw;
    }
    const std::string edited =
        store::read_file_if_exists(copy, copy.filename().string()).value_or("");
    const bool saved = save_if_unchanged(root, name, *original, edited, copy);
    std::filesystem::remove(copy);

    const auto parsed =
        store::parse_month_file(edited, name, config, context.time().offset_at_local, month);
    const std::size_t errors = print_problems(parsed.problems);
    const std::string what = saved ? "saved " + name : "no changes to " + name;
    if (errors == 0) {
        fmt::print("{}: all good\n", what);
        return exit_code::ok;
    }
    fmt::print("{}: {} problem{} to fix by hand ('tend edit {}' opens it again)\n", what, errors,
               errors == 1 ? "" : "s", month);
    return exit_code::no;
}

}  // namespace

Command add_edit_command(CLI::App& app) {
    auto period = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "edit", "Open a month file in $VISUAL or $EDITOR, then check it (default: this month)");
    command
        ->add_option("period", *period,
                     "PERIOD: its first day's month is opened (default: this month)")
        ->option_text("PERIOD");
    add_examples(*command,
                 "  tend edit\n"
                 "  tend edit last-month\n"
                 "  tend edit 2026-10");
    return {command, [period](Context& context) { return run_edit(*period, context); }};
}

}  // namespace tend::cli
