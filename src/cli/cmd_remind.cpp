// `tend remind`: what is still open today, as a reminder's text or a notification; `install`
// and `uninstall` hand the times to the system's scheduler (remind_install.cpp).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <filesystem>

#include "cli/context.h"
#include "cli/plan_status.h"
#include "cli/remind_install.h"
#include "render/plan_text.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

struct RemindOptions {
    bool notify = false;
    std::string notifier = "notify-send";
    ReminderInstallOptions install;
};

// What is still open today, one item a line; empty when nothing is. Only the plan's own labels
// appear, so the text names no condition that the user's own plan does not.
std::string reminder_text(Context& context) {
    const Date today = context.time().today();
    std::string lines;
    for (const auto& item : statuses_on(context, today))
        if (item.status.state == DayStatus::State::due)
            lines += fmt::format("\n{}: {}", item.item->label(),
                                 render::describe_status(*item.item, item.status,
                                                         context.journal().config(), today, today));
    return lines.empty() ? "" : "Still open today, whenever it suits you:" + lines;
}

int run_remind(const RemindOptions& options, Context& context) {
    const std::string text = reminder_text(context);
    if (!options.notify) {
        if (!text.empty()) fmt::print("{}\n", text);
        return text.empty() ? exit_code::no : exit_code::ok;
    }
    if (text.empty()) return exit_code::ok;  // nothing open: no notification, and no failure
    const std::vector<std::string> command =
        options.notifier == "termux"
            ? std::vector<std::string>{"termux-notification", "--title", "tend", "--content", text}
            : std::vector<std::string>{"notify-send", "--app-name=tend", "tend", text};
    if (run_program(command) != 0)
        throw user_error(fmt::format("'{}' could not show the reminder", command.front()),
                         "'tend remind' without --notify prints it instead");
    return exit_code::ok;
}

// What the scheduler runs: this tend, on this journal, by absolute paths.
render::ReminderCommand reminder_command(Context& context) {
    char self[PATH_MAX + 1] = {};
    const ssize_t length = ::readlink("/proc/self/exe", self, PATH_MAX);
    const std::string tend =
        length > 0 ? std::string(self, static_cast<std::size_t>(length)) : std::string("tend");
    const std::string journal =
        std::filesystem::absolute(context.root()).lexically_normal().string();
    // A unit file or crontab line is one line per setting: a newline in a path would end it.
    for (const std::string& path : {tend, journal})
        if (std::any_of(path.begin(), path.end(), [](char character) {
                return static_cast<unsigned char>(character) < 0x20;
            }))
            throw user_error(fmt::format("the path '{}' holds a control character, which a "
                                         "scheduler's file cannot carry",
                                         path),
                             "move the journal to a folder with a plain name");
    return {tend, journal};
}

}  // namespace

Command add_remind_command(CLI::App& app) {
    auto options = std::make_shared<RemindOptions>();
    CLI::App* remind = app.add_subcommand(
        "remind", "What is still open today, as a reminder; install reminders in the system");
    remind->require_subcommand(0, 1);
    remind->add_flag("--notify", options->notify,
                     "Show it as a desktop notification (nothing when nothing is open)");
    remind
        ->add_option("--notifier", options->notifier,
                     "What --notify uses: notify-send (default) or termux")
        ->check(CLI::IsMember({"notify-send", "termux"}))
        ->option_text("NAME");
    add_examples(*remind, "  tend remind\n  tend remind --notify\n  tend remind install");

    CLI::App* install = remind->add_subcommand(
        "install", "Reminders at the [reminders] times of tend.toml, in the system's scheduler");
    CLI::App* uninstall =
        remind->add_subcommand("uninstall", "Remove exactly what 'tend remind install' added");
    for (CLI::App* command : {install, uninstall}) {
        command->add_flag("-n,--dry-run", options->install.dry_run,
                          "Print the files and lines, change nothing");
        command
            ->add_option("--system", options->install.system,
                         "systemd, cron or termux (default: what runs this machine)")
            ->check(CLI::IsMember({"systemd", "cron", "termux"}))
            ->option_text("SYSTEM");
    }
    add_examples(*install,
                 "  tend remind install --dry-run\n  tend remind install\n"
                 "  tend remind install --system cron");
    add_examples(*uninstall, "  tend remind uninstall --dry-run\n  tend remind uninstall");

    return {remind, [=](Context& context) {
                if (install->parsed())
                    return install_reminders(options->install,
                                             context.journal().config().settings.reminder_times,
                                             reminder_command(context));
                if (uninstall->parsed()) return uninstall_reminders(options->install);
                return run_remind(*options, context);
            }};
}

}  // namespace tend::cli
