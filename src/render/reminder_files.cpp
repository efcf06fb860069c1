// The files and lines `tend remind install` writes for each scheduler.
#include "render/reminder_files.h"

#include <fmt/format.h>

#include <algorithm>

namespace tend::render {

namespace {

// A word in a systemd command line: double-quoted, with specifiers (%) and variables ($) kept
// literal (systemd.service(5), "Command lines").
std::string systemd_quoted(std::string_view word) {
    std::string quoted = "\"";
    for (const char character : word) {
        if (character == '"' || character == '\\') quoted += '\\';
        if (character == '%' || character == '$') quoted += character;
        quoted += character;
    }
    return quoted + "\"";
}

// In a crontab, an unescaped % ends the command (crontab(5)).
std::string cron_escaped(std::string_view text) {
    std::string escaped;
    for (const char character : text) {
        if (character == '%') escaped += '\\';
        escaped += character;
    }
    return escaped;
}

std::vector<int> sorted_unique(std::vector<int> times) {
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

}  // namespace

std::string clock_text(int second_of_day) {
    return fmt::format("{:02}:{:02}", second_of_day / 3600, second_of_day / 60 % 60);
}

std::string shell_quoted(std::string_view word) {
    std::string quoted = "'";
    for (const char character : word)
        quoted += character == '\'' ? std::string("'\\''") : std::string(1, character);
    return quoted + "'";
}

std::string systemd_service(const ReminderCommand& command) {
    return fmt::format(
        "{}\n"
        "[Unit]\n"
        "Description=tend: a reminder when a session of the plan is still open today\n"
        "Documentation=man:tend(1)\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        "ExecStart={} --dir {} remind --notify\n",
        reminder_file_header, systemd_quoted(command.tend), systemd_quoted(command.journal));
}

std::string systemd_timer(const std::vector<int>& times) {
    std::string calendar;
    for (const int time : sorted_unique(times))
        calendar += fmt::format("OnCalendar=*-*-* {}:{:02}\n", clock_text(time), time % 60);
    return fmt::format(
        "{}\n"
        "[Unit]\n"
        "Description=tend: reminders at the times in tend.toml\n"
        "Documentation=man:tend(1)\n"
        "\n"
        "[Timer]\n"
        "{}"
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n",
        reminder_file_header, calendar);
}

std::vector<std::string> crontab_lines(const std::vector<int>& times,
                                       const ReminderCommand& command, unsigned user_id) {
    std::vector<std::string> lines;
    for (const int time : sorted_unique(times))
        lines.push_back(fmt::format(
            "{} {} * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{}/bus {} --dir {} remind "
            "--notify {}",
            time / 60 % 60, time / 3600, user_id, cron_escaped(shell_quoted(command.tend)),
            cron_escaped(shell_quoted(command.journal)), crontab_marker));
    return lines;
}

std::string termux_script(const std::vector<int>& times, const ReminderCommand& command) {
    std::string minutes;
    for (const int time : sorted_unique(times))
        minutes += fmt::format("{}{}", minutes.empty() ? "" : " ", time / 60);
    return fmt::format(
        "#!/data/data/com.termux/files/usr/bin/sh\n"
        "{}\n"
        "# termux-job-scheduler runs this every 15 minutes; it notifies in the quarter of an\n"
        "# hour after each reminder time (minutes after midnight: {}).\n"
        "now=$(( $(date +%-H) * 60 + $(date +%-M) ))\n"
        "for time in {}; do\n"
        "    if [ \"$now\" -ge \"$time\" ] && [ \"$now\" -lt $((time + 15)) ]; then\n"
        "        exec {} --dir {} remind --notify --notifier termux\n"
        "    fi\n"
        "done\n",
        reminder_file_header, minutes, minutes, shell_quoted(command.tend),
        shell_quoted(command.journal));
}

}  // namespace tend::render
