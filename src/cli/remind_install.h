// Installing reminders in the system's scheduler (systemd, cron, Termux) and removing them.
#pragma once

#include <string>
#include <vector>

#include "render/reminder_files.h"

namespace tend::cli {

struct ReminderInstallOptions {
    bool dry_run = false;  // print what would be written or removed, change nothing
    std::string system;    // "systemd", "cron", "termux"; empty: what runs this machine
};

// Writes the scheduler's files (or crontab lines) for reminders at `times` (seconds of the
// day) that run `command`, and says what it wrote; with dry_run, prints them exactly instead.
int install_reminders(const ReminderInstallOptions& options, std::vector<int> times,
                      const render::ReminderCommand& command);

// Removes what install_reminders wrote, and only that; says what it removed.
int uninstall_reminders(const ReminderInstallOptions& options);

// Runs `arguments` (the program found on PATH) and waits: its exit code, or -1 when it could
// not start or did not exit normally.
int run_program(const std::vector<std::string>& arguments);

}  // namespace tend::cli
