// Tests for src/render/reminder_files.cpp: what each scheduler is given, quoted for it.
#include "render/reminder_files.h"

#include <doctest/doctest.h>

using namespace tend::render;

TEST_CASE("reminder files: the service quotes paths for systemd, % and $ kept literal") {
    const std::string service =
        systemd_service({"/opt/my tend/tend", "/home/a/100% \"me\"/$HOME\\x"});
    CHECK(
        service.ends_with("ExecStart=\"/opt/my tend/tend\" --dir \"/home/a/100%% \\\"me\\\"/"
                          "$$HOME\\\\x\" remind --notify\n"));
}

TEST_CASE("reminder files: the timer has one OnCalendar per time, sorted, without repeats") {
    const std::string timer = systemd_timer({20 * 3600, 8 * 3600 + 30 * 60, 20 * 3600});
    CHECK(timer.find("[Timer]\nOnCalendar=*-*-* 08:30:00\nOnCalendar=*-*-* 20:00:00\n"
                     "Persistent=true\n") != std::string::npos);
}

TEST_CASE("reminder files: crontab lines are shell-quoted, with % escaped for cron") {
    const auto lines =
        crontab_lines({7 * 3600 + 5 * 60}, {"/usr/bin/tend", "/home/o'neil/50%"}, 1000);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] ==
          "5 7 * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus '/usr/bin/tend' "
          "--dir '/home/o'\\''neil/50\\%' remind --notify # tend remind");
}

TEST_CASE("reminder files: the Termux script notifies in the quarter hour after each time") {
    const std::string script = termux_script({13 * 3600, 8 * 3600}, {"/t/tend", "/j"});
    CHECK(
        script.starts_with("#!/data/data/com.termux/files/usr/bin/sh\n# Written by 'tend "
                           "remind install'"));
    CHECK(script.find("for time in 480 780; do\n"
                      "    if [ \"$now\" -ge \"$time\" ] && [ \"$now\" -lt $((time + 15)) ]; "
                      "then\n"
                      "        exec '/t/tend' --dir '/j' remind --notify --notifier termux\n") !=
          std::string::npos);
}

TEST_CASE("reminder files: clock text and shell quoting") {
    CHECK(clock_text(7 * 3600 + 5 * 60) == "07:05");
    CHECK(shell_quoted("it's") == "'it'\\''s'");
}
