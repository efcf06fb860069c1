// Installing reminders in the system's scheduler (systemd, cron, Termux) and removing them.
// The files live outside the journal by nature; each is written whole (temporary file and
// rename) and private, and carries a first line by which uninstall knows it.
#include "cli/remind_install.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "store/file_io.h"
#include "store/journal_paths.h"
#include "store/storage.h"
#include "tend/error.h"

extern char** environ;

namespace tend::cli {

namespace {

namespace fs = std::filesystem;

enum class Scheduler { systemd, cron, termux };

constexpr std::string_view termux_job_id = "47383";
constexpr std::string_view wants_link_target = "../tend-remind.timer";
constexpr auto private_file = fs::perms::owner_read | fs::perms::owner_write;

Scheduler scheduler_for(const std::string& chosen) {
    if (chosen == "systemd") return Scheduler::systemd;
    if (chosen == "cron") return Scheduler::cron;
    if (chosen == "termux") return Scheduler::termux;
    if (store::process_environment("TERMUX_VERSION")) return Scheduler::termux;
    if (fs::is_directory("/run/systemd/system")) return Scheduler::systemd;  // sd_booted(3)
    return Scheduler::cron;
}

fs::path config_folder() {
    if (const auto config = store::process_environment("XDG_CONFIG_HOME");
        config && !config->empty())
        return *config;
    const auto home = store::process_environment("HOME");
    if (!home || home->empty())
        throw user_error("HOME is not set, so there is no place for the reminders' files");
    return fs::path(*home) / ".config";
}

fs::path systemd_folder() {
    return config_folder() / "systemd/user";
}

fs::path termux_script_path() {
    return config_folder() / "tend/termux-remind.sh";
}

std::string times_text(const std::vector<int>& times) {
    std::string text;
    for (std::size_t index = 0; index < times.size(); ++index)
        text += (index == 0                  ? ""
                 : index + 1 == times.size() ? " and "
                                             : ", ") +
                render::clock_text(times[index]);
    return fmt::format("Reminders at {}, when a session is still open today.", text);
}

bool written_by_tend(const fs::path& path) {
    const auto content = store::disk().read(path, path.string());
    return content && content->find(render::reminder_file_header) != std::string::npos;
}

// Reminder files live where the scheduler looks (~/.config), outside the journal by nature, but
// are written the one way tend writes: Storage's private, atomic replace, through links.
void write_reminder_file(const fs::path& path, const std::string& content, fs::perms mode) {
    store::disk().make_private_folder(path.parent_path(), path.parent_path().string());
    store::disk().replace(path, content, path.string());
    fs::permissions(path, mode);  // follows a link, as the write did
    fmt::print("wrote {}\n", path.string());
}

// --- crontab, through the crontab command -----------------------------------------------------

bool on_path(std::string_view program) {
    const std::string path = store::process_environment("PATH").value_or("/usr/bin:/bin");
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find(':', start), path.size());
        const fs::path candidate = fs::path(path.substr(start, end - start)) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

void require_crontab() {
    if (!on_path("crontab"))
        throw user_error("there is no crontab command here, so no reminder was set",
                         "install cron, or use 'tend remind install --system systemd'");
}

// The user's crontab as `crontab -l` prints it; empty when there is none.
std::string read_crontab() {
    FILE* pipe = ::popen("crontab -l 2>/dev/null", "r");
    if (pipe == nullptr) throw fmt::system_error(errno, "running crontab -l");
    std::string text;
    char buffer[4096];
    while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe))
        text.append(buffer, read);
    ::pclose(pipe);
    return text;
}

// Replaces the user's crontab with `text`; removes it when nothing is left.
void write_crontab(const std::string& text) {
    const bool remove = text.find_first_not_of(" \n") == std::string::npos;
    FILE* pipe = ::popen(remove ? "crontab -r 2>/dev/null" : "crontab -", "w");
    if (pipe == nullptr) throw fmt::system_error(errno, "running crontab");
    if (!remove) std::fwrite(text.data(), 1, text.size(), pipe);
    const int status = ::pclose(pipe);
    if (!remove && (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
        throw user_error("crontab did not take the new lines, so no reminder changed");
}

// The crontab without tend's lines; `removed` counts them.
std::string without_tend_lines(const std::string& crontab, std::size_t& removed) {
    std::string kept;
    for (std::size_t start = 0; start < crontab.size();) {
        const std::size_t end = std::min(crontab.find('\n', start), crontab.size());
        const std::string line = crontab.substr(start, end - start);
        if (line.ends_with(render::crontab_marker))
            ++removed;
        else
            kept += line + "\n";
        start = end + 1;
    }
    return kept;
}

// --- install, one function per scheduler ------------------------------------------------------

int install_systemd(const ReminderInstallOptions& options, const std::vector<int>& times,
                    const render::ReminderCommand& command) {
    const fs::path folder = systemd_folder();
    const fs::path link = folder / "timers.target.wants/tend-remind.timer";
    const std::string service = render::systemd_service(command);
    const std::string timer = render::systemd_timer(times);
    if (options.dry_run) {
        fmt::print("would write {}:\n{}\nwould write {}:\n{}\nwould link {} -> {}\n",
                   (folder / "tend-remind.service").string(), service,
                   (folder / "tend-remind.timer").string(), timer, link.string(),
                   wants_link_target);
        return exit_code::ok;
    }
    write_reminder_file(folder / "tend-remind.service", service, private_file);
    write_reminder_file(folder / "tend-remind.timer", timer, private_file);
    // What `systemctl --user enable` does, without needing a running user manager.
    store::disk().make_private_folder(link.parent_path(), link.parent_path().string());
    if (!fs::is_symlink(link)) fs::create_symlink(wants_link_target, link);
    fmt::print(
        "linked {}\n{} They start with your next login, or now with:\n"
        "  systemctl --user daemon-reload && systemctl --user start tend-remind.timer\n",
        link.string(), times_text(times));
    return exit_code::ok;
}

int install_cron(const ReminderInstallOptions& options, const std::vector<int>& times,
                 const render::ReminderCommand& command) {
    const auto lines = render::crontab_lines(times, command, ::getuid());
    if (options.dry_run) {
        fmt::print("would add to your crontab (replacing any lines ending in '{}'):\n",
                   render::crontab_marker);
        for (const auto& line : lines)
            fmt::print("{}\n", line);
        return exit_code::ok;
    }
    require_crontab();
    std::size_t removed = 0;
    std::string crontab = without_tend_lines(read_crontab(), removed);
    for (const auto& line : lines)
        crontab += line + "\n";
    write_crontab(crontab);
    fmt::print("added {} line{} to your crontab ('crontab -l' shows them)\n{}\n", lines.size(),
               lines.size() == 1 ? "" : "s", times_text(times));
    return exit_code::ok;
}

int install_termux(const ReminderInstallOptions& options, const std::vector<int>& times,
                   const render::ReminderCommand& command) {
    const fs::path script = termux_script_path();
    const std::string content = render::termux_script(times, command);
    const std::vector<std::string> schedule = {"termux-job-scheduler",
                                               "--job-id",
                                               std::string(termux_job_id),
                                               "--script",
                                               script.string(),
                                               "--period-ms",
                                               "900000",
                                               "--persisted",
                                               "true"};
    if (options.dry_run) {
        std::string schedule_text;
        for (const auto& word : schedule)
            schedule_text += (schedule_text.empty() ? "" : " ") + render::shell_quoted(word);
        fmt::print("would write {}:\n{}\nwould run {}\n", script.string(), content, schedule_text);
        return exit_code::ok;
    }
    write_reminder_file(script, content, fs::perms::owner_all);
    if (run_program(schedule) != 0)
        throw user_error("termux-job-scheduler could not schedule the reminders",
                         "install the Termux:API app and 'pkg install termux-api'");
    fmt::print("scheduled the job with termux-job-scheduler (job {})\n{}\n", termux_job_id,
               times_text(times));
    return exit_code::ok;
}

}  // namespace

int run_program(const std::vector<std::string>& arguments) {
    std::vector<char*> argv;
    for (const auto& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    if (::posix_spawnp(&child, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    while (::waitpid(child, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int install_reminders(const ReminderInstallOptions& options, std::vector<int> times,
                      const render::ReminderCommand& command) {
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    switch (scheduler_for(options.system)) {
        case Scheduler::systemd:
            return install_systemd(options, times, command);
        case Scheduler::cron:
            return install_cron(options, times, command);
        case Scheduler::termux:
            return install_termux(options, times, command);
    }
    return exit_code::ok;
}

int uninstall_reminders(const ReminderInstallOptions& options) {
    const Scheduler scheduler = scheduler_for(options.system);
    const std::string verb = options.dry_run ? "would remove" : "removed";
    std::vector<std::string> done;
    const auto remove_file = [&](const fs::path& path) {
        const bool ours = fs::is_symlink(path) ? fs::read_symlink(path) == wants_link_target
                                               : written_by_tend(path);
        if (!ours) return;
        if (!options.dry_run) fs::remove(path);
        done.push_back(fmt::format("{} {}", verb, path.string()));
    };
    if (scheduler == Scheduler::systemd) {
        const fs::path folder = systemd_folder();
        remove_file(folder / "timers.target.wants/tend-remind.timer");
        remove_file(folder / "tend-remind.timer");
        remove_file(folder / "tend-remind.service");
        std::error_code ignored;  // the folder stays when it holds anything else
        if (!options.dry_run) fs::remove(folder / "timers.target.wants", ignored);
    }
    if (scheduler == Scheduler::cron && on_path("crontab")) {
        std::size_t removed = 0;
        const std::string kept = without_tend_lines(read_crontab(), removed);
        if (removed > 0 && !options.dry_run) write_crontab(kept);
        if (removed > 0)
            done.push_back(fmt::format("{} {} line{} from your crontab", verb, removed,
                                       removed == 1 ? "" : "s"));
    }
    if (scheduler == Scheduler::termux && written_by_tend(termux_script_path())) {
        if (!options.dry_run)
            run_program(
                {"termux-job-scheduler", "--cancel", "--job-id", std::string(termux_job_id)});
        done.push_back(fmt::format("{} the termux-job-scheduler job {}",
                                   options.dry_run ? "would cancel" : "cancelled", termux_job_id));
        remove_file(termux_script_path());
    }
    for (const auto& line : done)
        fmt::print("{}\n", line);
    if (done.empty()) fmt::print("no reminders of tend's were found, so nothing was removed\n");
    return exit_code::ok;
}

}  // namespace tend::cli
