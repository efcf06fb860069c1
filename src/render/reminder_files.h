// The files and lines `tend remind install` writes for each scheduler: systemd user units, a
// crontab line per time, a Termux job script. Pure text; cmd_remind.cpp decides where they go.
#pragma once

#include <string>
#include <vector>

namespace tend::render {

// What each scheduler runs: `TEND --dir JOURNAL remind --notify`, with absolute paths.
struct ReminderCommand {
    std::string tend;     // the tend binary
    std::string journal;  // the journal folder
};

// The first line of every file tend writes for reminders; uninstall removes only files that
// start with it, and crontab lines that end with crontab_marker.
inline constexpr std::string_view reminder_file_header =
    "# Written by 'tend remind install'; 'tend remind uninstall' removes it.";
inline constexpr std::string_view crontab_marker = "# tend remind";

// "08:00" for 8 * 3600.
std::string clock_text(int second_of_day);

// tend-remind.service: a oneshot that runs the command.
std::string systemd_service(const ReminderCommand& command);
// tend-remind.timer: OnCalendar= for each time of day (seconds), Persistent=true so a time
// missed while the machine was off fires at the next start.
std::string systemd_timer(const std::vector<int>& times);
// One crontab line per time, "M H * * * ... # tend remind"; `user_id` finds the desktop's
// D-Bus for notify-send, which cron does not pass on.
std::vector<std::string> crontab_lines(const std::vector<int>& times,
                                       const ReminderCommand& command, unsigned user_id);
// The script termux-job-scheduler runs every 15 minutes: it notifies in the quarter of an hour
// after each time (Android runs periodic jobs no more often, and not at set times).
std::string termux_script(const std::vector<int>& times, const ReminderCommand& command);

// Shell quoting: 'it'\''s'.
std::string shell_quoted(std::string_view word);

}  // namespace tend::render
