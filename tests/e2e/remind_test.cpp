// `tend remind`: the reminder text, and installing reminders for systemd, cron and Termux in a
// temporary HOME, with stand-ins for crontab, notify-send and termux-job-scheduler.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

namespace fs = std::filesystem;

// A HOME with a journal (data/) whose plan asks for kegels 3 times a day, done once today,
// and stand-in programs in bin/ that record how they were called in HOME/calls.txt.
struct Home {
    TempFolder folder;
    Home() {
        tend({"plan", "add", "kegels", "3/day", "--from", "2026-11-01"});
        tend({"log", "kegels", "--at", "08:00"});
        fake("notify-send");
        fake("termux-job-scheduler");
        fake("termux-notification");
        // crontab -l / - / -r on HOME/crontab.txt, as the real one does on the spool.
        write_text(folder / "bin/crontab",
                   "#!/bin/sh\n"
                   "case \"$1\" in\n"
                   "  -l) [ -f \"$HOME/crontab.txt\" ] || { echo 'no crontab' >&2; exit 1; }\n"
                   "      cat \"$HOME/crontab.txt\" ;;\n"
                   "  -) cat > \"$HOME/crontab.txt\" ;;\n"
                   "  -r) rm \"$HOME/crontab.txt\" ;;\n"
                   "esac\n");
        ::chmod((folder / "bin/crontab").c_str(), 0755);
    }
    void fake(const std::string& name) {
        write_text(folder / ("bin/" + name), "#!/bin/sh\nprintf '" + name +
                                                 "' >> \"$HOME/calls.txt\"\n"
                                                 "for a in \"$@\"; do printf ' [%s]' \"$a\" >> "
                                                 "\"$HOME/calls.txt\"; done\n"
                                                 "echo >> \"$HOME/calls.txt\"\n");
        ::chmod((folder / ("bin/" + name)).c_str(), 0755);
    }
    RunResult tend(const std::vector<std::string>& arguments) const {
        std::vector<std::string> all = arguments;
        all.insert(all.end(), {"--dir", (folder / "data").string()});
        return run_tend(all, RunOptions{"",
                                        {{"HOME", folder.path().string()},
                                         {"XDG_CONFIG_HOME", (folder / "config").string()},
                                         {"PATH", (folder / "bin").string() + ":/usr/bin:/bin"}},
                                        077,
                                        {},
                                        {}});
    }
    // Every file below HOME except the journal and the stand-ins.
    std::map<std::string, std::string> outside_journal() const {
        auto files = snapshot(folder.path());
        std::erase_if(files, [](const auto& file) {
            return file.first.starts_with("data/") || file.first.starts_with("bin/");
        });
        return files;
    }
};

const std::string open_text =
    "Still open today, whenever it suits you:\nkegels: 1 of 3 today — 2 to go\n";

}  // namespace

TEST_CASE("e2e remind: prints what is still open today, and nothing once it is done") {
    Home home;
    const auto open = home.tend({"remind"});
    CHECK(open.exit_code == 0);
    CHECK(open.out == open_text);
    CHECK(open.err == "");
    home.tend({"log", "kegels", "--at", "09:00"});
    home.tend({"log", "kegels", "--at", "09:30"});
    const auto done = home.tend({"remind"});
    CHECK(done.exit_code == 1);
    CHECK(done.out == "");
    CHECK(done.err == "");
}

TEST_CASE(
    "e2e remind: --notify hands the text to notify-send, or termux-notification, only "
    "when something is open") {
    Home home;
    CHECK(home.tend({"remind", "--notify"}).exit_code == 0);
    CHECK(home.tend({"remind", "--notifier", "termux", "--notify"}).exit_code == 0);
    CHECK(read_text(home.folder / "calls.txt") ==
          "notify-send [--app-name=tend] [tend] [" + open_text.substr(0, open_text.size() - 1) +
              "]\n"
              "termux-notification [--title] [tend] [--content] [" +
              open_text.substr(0, open_text.size() - 1) + "]\n");
    home.tend({"log", "kegels", "2", "--at", "09:00"});
    home.tend({"log", "kegels", "--at", "09:30"});
    fs::remove(home.folder / "calls.txt");
    const auto quiet = home.tend({"remind", "--notify"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out == "");
    CHECK_FALSE(fs::exists(home.folder / "calls.txt"));
}

TEST_CASE("e2e remind: systemd units, dry run first, installed and uninstalled back to nothing") {
    Home home;
    write_text(home.folder / "data/tend.toml", "[reminders]\ntimes = [\"07:30\", \"19:00\"]\n");
    const std::string units = (home.folder / "config/systemd/user").string();
    const std::string service =
        "# Written by 'tend remind install'; 'tend remind uninstall' removes it.\n"
        "[Unit]\n"
        "Description=tend: a reminder when a session of the plan is still open today\n"
        "Documentation=man:tend(1)\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        "ExecStart=\"" +
        std::string(TEND_BINARY) + "\" --dir \"" + (home.folder / "data").string() +
        "\" remind --notify\n";
    const std::string timer =
        "# Written by 'tend remind install'; 'tend remind uninstall' removes it.\n"
        "[Unit]\n"
        "Description=tend: reminders at the times in tend.toml\n"
        "Documentation=man:tend(1)\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=*-*-* 07:30:00\n"
        "OnCalendar=*-*-* 19:00:00\n"
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n";

    const auto dry = home.tend({"remind", "install", "--system", "systemd", "--dry-run"});
    CHECK(dry.exit_code == 0);
    CHECK(dry.out == "would write " + units + "/tend-remind.service:\n" + service + "\n" +
                         "would write " + units + "/tend-remind.timer:\n" + timer + "\n" +
                         "would link " + units +
                         "/timers.target.wants/tend-remind.timer -> ../tend-remind.timer\n");
    CHECK(home.outside_journal().empty());

    const auto installed = home.tend({"remind", "install", "--system", "systemd"});
    CHECK(installed.exit_code == 0);
    CHECK(installed.out ==
          "wrote " + units + "/tend-remind.service\nwrote " + units +
              "/tend-remind.timer\nlinked " + units +
              "/timers.target.wants/tend-remind.timer\n"
              "Reminders at 07:30 and 19:00, when a session is still open today. They start with "
              "your next login, or now with:\n"
              "  systemctl --user daemon-reload && systemctl --user start tend-remind.timer\n");
    CHECK(home.outside_journal() ==
          std::map<std::string, std::string>{{"config/systemd/user/tend-remind.service", service},
                                             {"config/systemd/user/tend-remind.timer", timer}});
    CHECK(permissions_of(units + "/tend-remind.service") == 0600);
    CHECK(fs::read_symlink(units + "/timers.target.wants/tend-remind.timer") ==
          "../tend-remind.timer");
    // Installing again (new times, say) replaces the files instead of failing.
    CHECK(home.tend({"remind", "install", "--system", "systemd"}).exit_code == 0);

    if (on_path("systemd-analyze")) {
        const auto verify =
            output_of("systemd-analyze verify --man=no '" + units + "/tend-remind.timer' '" +
                      units + "/tend-remind.service' 2>&1");
        CHECK(verify.out == "");
        CHECK(verify.exit_code == 0);
    } else {
        MESSAGE("systemd-analyze is not installed: the units were not verified");
    }

    const auto removed = home.tend({"remind", "uninstall", "--system", "systemd"});
    CHECK(removed.exit_code == 0);
    CHECK(removed.out == "removed " + units + "/timers.target.wants/tend-remind.timer\nremoved " +
                             units + "/tend-remind.timer\nremoved " + units +
                             "/tend-remind.service\n");
    CHECK(home.outside_journal().empty());
    CHECK_FALSE(fs::exists(fs::symlink_status(units + "/timers.target.wants/tend-remind.timer")));
    CHECK_FALSE(fs::exists(units + "/timers.target.wants"));
    CHECK(home.tend({"remind", "uninstall", "--system", "systemd"}).out ==
          "no reminders of tend's were found, so nothing was removed\n");
}

TEST_CASE("e2e remind: uninstall leaves a unit of the same name that tend did not write") {
    Home home;
    const fs::path own = home.folder / "config/systemd/user/tend-remind.service";
    write_text(own, "[Service]\nExecStart=/bin/true\n");
    CHECK(home.tend({"remind", "uninstall", "--system", "systemd"}).out ==
          "no reminders of tend's were found, so nothing was removed\n");
    CHECK(read_text(own) == "[Service]\nExecStart=/bin/true\n");
}

TEST_CASE(
    "e2e remind: a crontab line per time, and uninstall leaves the user's own lines as they "
    "were") {
    Home home;
    const std::string uid = std::to_string(::getuid());
    const std::string line_start = " * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/" + uid +
                                   "/bus '" + std::string(TEND_BINARY) + "' --dir '" +
                                   (home.folder / "data").string() +
                                   "' remind --notify # tend remind\n";
    const std::string lines = "0 8" + line_start + "0 13" + line_start + "0 20" + line_start;

    SUBCASE("from no crontab back to none") {
        const auto dry = home.tend({"remind", "install", "-n", "--system", "cron"});
        CHECK(dry.out ==
              "would add to your crontab (replacing any lines ending in '# tend "
              "remind'):\n" +
                  lines);
        CHECK(home.outside_journal().empty());
        const auto installed = home.tend({"remind", "install", "--system", "cron"});
        CHECK(installed.exit_code == 0);
        CHECK(installed.out ==
              "added 3 lines to your crontab ('crontab -l' shows them)\n"
              "Reminders at 08:00, 13:00 and 20:00, when a session is still "
              "open today.\n");
        CHECK(read_text(home.folder / "crontab.txt") == lines);
        CHECK(home.tend({"remind", "install", "--system", "cron"}).exit_code == 0);
        CHECK(read_text(home.folder / "crontab.txt") == lines);  // replaced, not doubled
        const auto removed = home.tend({"remind", "uninstall", "--system", "cron"});
        CHECK(removed.out == "removed 3 lines from your crontab\n");
        CHECK(home.outside_journal().empty());
    }
    SUBCASE("the user's own crontab") {
        const std::string own = "MAILTO=me\n# backups\n15 3 * * * /usr/local/bin/backup\n";
        write_text(home.folder / "crontab.txt", own);
        CHECK(home.tend({"remind", "install", "--system", "cron"}).exit_code == 0);
        CHECK(read_text(home.folder / "crontab.txt") == own + lines);
        CHECK(home.tend({"remind", "uninstall", "--system", "cron"}).exit_code == 0);
        CHECK(read_text(home.folder / "crontab.txt") == own);
    }
}

TEST_CASE("e2e remind: a Termux job that runs a script every 15 minutes") {
    Home home;
    const std::string script = (home.folder / "config/tend/termux-remind.sh").string();
    const std::string schedule = "'termux-job-scheduler' '--job-id' '47383' '--script' '" + script +
                                 "' '--period-ms' '900000' '--persisted' 'true'";
    const auto dry = home.tend({"remind", "install", "--system", "termux", "--dry-run"});
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.starts_with("would write " + script +
                              ":\n#!/data/data/com.termux/files/usr/bin/sh\n"));
    CHECK(dry.out.find("for time in 480 780 1200; do\n") != std::string::npos);
    CHECK(dry.out.find("        exec '" + std::string(TEND_BINARY) + "' --dir '" +
                       (home.folder / "data").string() + "' remind --notify --notifier termux\n") !=
          std::string::npos);
    CHECK(dry.out.ends_with("\nwould run " + schedule + "\n"));
    CHECK(home.outside_journal().empty());

    CHECK(home.tend({"remind", "install", "--system", "termux"}).exit_code == 0);
    CHECK(permissions_of(script) == 0700);
    CHECK(dry.out.find(read_text(script)) != std::string::npos);
    CHECK(read_text(home.folder / "calls.txt") ==
          "termux-job-scheduler [--job-id] [47383] [--script] [" + script +
              "] [--period-ms] [900000] [--persisted] [true]\n");
    fs::remove(home.folder / "calls.txt");

    const auto removed = home.tend({"remind", "uninstall", "--system", "termux"});
    CHECK(removed.out == "cancelled the termux-job-scheduler job 47383\nremoved " + script + "\n");
    CHECK(read_text(home.folder / "calls.txt") ==
          "termux-job-scheduler [--cancel] [--job-id] [47383]\n");
    fs::remove(home.folder / "calls.txt");
    CHECK(home.outside_journal().empty());
}

TEST_CASE("e2e remind: a journal path with a newline is refused before anything is written") {
    Home home;
    const std::string odd = (home.folder / "a\nb").string();
    const auto result =
        run_tend({"remind", "install", "--system", "systemd", "--dir", odd},
                 RunOptions{"",
                            {{"HOME", home.folder.path().string()},
                             {"XDG_CONFIG_HOME", (home.folder / "config").string()}},
                            077,
                            {},
                            {}});
    CHECK(result.exit_code == 2);
    CHECK(result.err == "tend: the path '" + (home.folder / "a b").string() +
                            "' holds a control character, which a scheduler's file cannot carry "
                            "- move the journal to a folder with a plain name\n");
    CHECK(home.outside_journal().empty());
}
