// `tend undo`: take back the entry `tend log` added last; an older one only when confirmed.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/context.h"
#include "core/text.h"
#include "render/entry_text.h"
#include "store/month_file.h"
#include "store/undo_log.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

// An entry logged this long ago or less is taken back without asking: the typo just made.
constexpr std::int64_t recent_seconds = 3600;

struct UndoOptions {
    bool dry_run = false;
    bool yes = false;
};

// "Wed 25 Nov 2026 21:43  dilate    size 3", from the block's text.
std::string describe(const store::LoggedBlock& block, Context& context) {
    const Config& config = context.journal().config();
    const auto parsed = store::parse_month_file(block.text, "the removed entry", config,
                                                context.time().offset_at_local, {});
    if (parsed.entries.empty()) return "the last entry";
    return fmt::format("{} {}", format_day_heading(parsed.entries[0].at.local_date()),
                       render::entry_line(parsed.entries[0], config));
}

bool logged_recently(const store::LoggedBlock& block, const TimeContext& time) {
    return block.logged_utc && time.now.utc_seconds - *block.logged_utc <= recent_seconds;
}

// Asks on the terminal whether to remove an older entry; nothing when there is no terminal.
std::optional<bool> ask_on_terminal(const std::string& what) {
    if (!::isatty(STDIN_FILENO) || !::isatty(STDERR_FILENO)) return std::nullopt;
    fmt::print(stderr, "The last entry was logged more than an hour ago:\n  {}\nRemove it? [y/N] ",
               what);
    std::fflush(stderr);
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    answer = to_lower(trim(answer));
    return answer == "y" || answer == "yes";
}

// One writer per file: undo changes only this device's month files (and a plain one from before
// devices). The record can name another device's file when a sync tool carried .undo.toml over.
void refuse_other_device(const store::LoggedBlock& last, const std::string& device) {
    const auto file = store::parse_month_file_name(std::string_view(last.file).substr(8));
    if (!file || file->device.empty() || file->device == device) return;
    throw user_error(
        fmt::format("the last logged entry is in {}, the file of the device '{}', and this is "
                    "'{}', so nothing was removed",
                    last.file, file->device, device),
        fmt::format("undo it on that device, or remove it there with 'tend edit {}'", file->key()));
}

int run_undo(const UndoOptions& options, Context& context) {
    const store::LoggedBlock last =
        store::undo_last_log(context.root(), context.journal().config(), /*dry_run=*/true);
    refuse_other_device(last, context.journal().device());
    const std::string what = describe(last, context);
    if (options.dry_run) {
        fmt::print("would remove: {}\n", what);
        return exit_code::ok;
    }
    if (options.yes || logged_recently(last, context.time())) {
        // Whatever is last by now was logged even later, so it too needs no question.
        const auto removed =
            store::undo_last_log(context.root(), context.journal().config(), /*dry_run=*/false);
        fmt::print("removed: {}\n", describe(removed, context));
        return exit_code::ok;
    }
    const auto answer = ask_on_terminal(what);
    if (!answer)
        throw user_error(
            fmt::format("the last entry was logged more than an hour ago: {}", trim(what)),
            "to remove it, run 'tend undo --yes'");
    if (!*answer) {
        fmt::print("nothing was removed\n");
        return exit_code::no;
    }
    store::undo_last_log(context.root(), context.journal().config(), /*dry_run=*/false, &last);
    fmt::print("removed: {}\n", what);
    return exit_code::ok;
}

}  // namespace

Command add_undo_command(CLI::App& app) {
    auto options = std::make_shared<UndoOptions>();
    CLI::App* command = app.add_subcommand(
        "undo", "Remove the entry 'tend log' added most recently (asks if over an hour ago)");
    command->add_flag("--dry-run,-n", options->dry_run, "Only say what would be removed");
    command->add_flag("--yes,-y", options->yes,
                      "Remove it even if it was logged more than an hour ago, without asking");
    add_examples(*command,
                 "  tend undo --dry-run\n"
                 "  tend undo");
    return {command, [options](Context& context) { return run_undo(*options, context); }};
}

}  // namespace tend::cli
