// Running the person's own git in the journal folder, and committing what tend wrote.
#include "cli/git.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>
#include <sstream>

#include "core/text.h"
#include "store/file_io.h"
#include "store/git_files.h"
#include "store/storage.h"

extern char** environ;

namespace tend::cli {

namespace {

namespace fs = std::filesystem;

// Variables that would make git act on another repository than the journal's.
constexpr std::array repository_variables = {
    "GIT_DIR",        "GIT_WORK_TREE",        "GIT_INDEX_FILE",
    "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",  "GIT_PREFIX",
};

std::vector<std::string> environment_for_git(const fs::path& root) {
    std::vector<std::string> result;
    std::string ceiling = fs::absolute(root).lexically_normal().parent_path().string();
    for (char** variable = environ; *variable != nullptr; ++variable) {
        const std::string_view text = *variable;
        const std::string_view name = text.substr(0, text.find('='));
        if (std::find(repository_variables.begin(), repository_variables.end(), name) !=
            repository_variables.end())
            continue;
        if (name == "GIT_CEILING_DIRECTORIES") {
            ceiling += ":" + std::string(text.substr(name.size() + 1));
            continue;
        }
        result.emplace_back(text);
    }
    result.push_back("GIT_CEILING_DIRECTORIES=" + ceiling);
    return result;
}

std::vector<char*> pointers_to(std::vector<std::string>& words) {
    std::vector<char*> pointers;
    for (auto& word : words)
        pointers.push_back(word.data());
    pointers.push_back(nullptr);
    return pointers;
}

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_git(char** argv, char** envp, int output, GitOutput mode, int exec_error) {
    ::umask(077);
    if (mode != GitOutput::shown) {
        ::dup2(output, STDOUT_FILENO);
        if (mode == GitOutput::captured) {
            ::dup2(output, STDERR_FILENO);
        } else {
            const int null = ::open("/dev/null", O_WRONLY);
            if (null >= 0) ::dup2(null, STDERR_FILENO);
        }
    }
    ::execvpe("git", argv, envp);
    const int error = errno;
    [[maybe_unused]] const auto written = ::write(exec_error, &error, sizeof error);
    ::_exit(127);
}

std::string read_all(int descriptor) {
    std::string text;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(descriptor, buffer, sizeof buffer);
        if (got > 0) {
            text.append(buffer, static_cast<std::size_t>(got));
            continue;
        }
        if (got < 0 && errno == EINTR) continue;
        return text;
    }
}

int wait_for(pid_t child) {
    int status = 0;
    while (::waitpid(child, &status, 0) < 0)
        if (errno != EINTR) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

// Lines of `text`, without their ends.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : ", ") + word;
    return text;
}

// Runs git for tend's own use; git_failed, with git's message, when it exits non-zero.
std::string git_or_fail(const fs::path& root, const std::vector<std::string>& arguments,
                        const std::string& what) {
    auto result = run_git(root, arguments, GitOutput::captured);
    if (result.exit_code != 0)
        throw git_failed(fmt::format("'git {}' failed{}", arguments.front(), what),
                         "git said:", result.output, exit_code::system_error);
    return result.output;
}

}  // namespace

void print_git_failure(const git_failed& failure) {
    std::string line = fmt::format("tend: {}", failure.what());
    if (!failure.hint().empty()) line += fmt::format(" - {}", failure.hint());
    std::replace(line.begin(), line.end(), '\n', ' ');
    std::string message = failure.git_message();
    if (!message.empty() && message.back() != '\n') message += '\n';
    std::fflush(stdout);
    std::fputs((line + "\n" + message).c_str(), stderr);
}

GitResult run_git(const fs::path& root, const std::vector<std::string>& arguments,
                  GitOutput output) {
    std::vector<std::string> argv_words = {"git", "-C", root.string()};
    argv_words.insert(argv_words.end(), arguments.begin(), arguments.end());
    std::vector<std::string> environment = environment_for_git(root);
    auto argv = pointers_to(argv_words);
    auto envp = pointers_to(environment);

    int output_pipe[2] = {-1, -1};
    int exec_error_pipe[2] = {-1, -1};
    if (::pipe2(exec_error_pipe, O_CLOEXEC) != 0 ||
        (output != GitOutput::shown && ::pipe2(output_pipe, O_CLOEXEC) != 0))
        throw fmt::system_error(errno, "can't start git");
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t child = ::fork();
    if (child < 0) throw fmt::system_error(errno, "can't start git");
    if (child == 0) exec_git(argv.data(), envp.data(), output_pipe[1], output, exec_error_pipe[1]);

    ::close(exec_error_pipe[1]);
    GitResult result;
    if (output != GitOutput::shown) {
        ::close(output_pipe[1]);
        result.output = read_all(output_pipe[0]);
        ::close(output_pipe[0]);
    }
    const std::string exec_error = read_all(exec_error_pipe[0]);
    ::close(exec_error_pipe[0]);
    result.exit_code = wait_for(child);
    if (!exec_error.empty())
        throw user_error("git is not installed here, and tend syncs only through git",
                         "install it (sudo apt install git) or use a sync folder; see "
                         "docs/sync.md");
    return result;
}

bool is_git_repository(const fs::path& root) {
    std::error_code ignored;
    return fs::exists(root / ".git", ignored);
}

JournalCommit commit_journal(const fs::path& root) {
    store::write_missing_git_files(root, store::disk());
    const auto unmerged =
        lines_of(run_git(root, {"diff", "--name-only", "--diff-filter=U"}, GitOutput::data).output);
    if (!unmerged.empty())
        throw git_failed(fmt::format("a merge is unfinished: {} still {} a conflict",
                                     joined(unmerged), unmerged.size() == 1 ? "holds" : "hold"),
                         fmt::format("fix it by hand (docs/sync.md), then 'tend git add {}' "
                                     "and 'tend sync'",
                                     shell_quoted(unmerged.front())),
                         "", exit_code::user_error);
    // A shared file fixed by hand and added may still hold git's markers: they never travel.
    // Month files too, the changed ones (a hand merge of a file two devices shared).
    std::vector<std::string> marked_files = {"tend.toml", "plan.toml"};
    for (const auto& listing :
         {run_git(root, {"diff", "--name-only", "--no-renames", "HEAD", "--", "journal"},
                  GitOutput::data),
          run_git(root, {"ls-files", "--others", "--exclude-standard", "--", "journal"},
                  GitOutput::data)})
        if (listing.exit_code == 0)
            for (const auto& name : lines_of(listing.output))
                if (name.ends_with(".toml")) marked_files.push_back(name);
    for (const auto& shared : marked_files) {
        const auto text = store::read_file_if_exists(root / shared, shared);
        if (!text) continue;
        std::istringstream lines(*text);
        for (std::string line; std::getline(lines, line);)
            if (line.starts_with("<<<<<<< ") || line.starts_with(">>>>>>> ") || line == "=======" ||
                line == "=======\r")
                throw git_failed(fmt::format("{} still holds git's conflict markers "
                                             "(<<<<<<<), so nothing was committed",
                                             shared),
                                 "keep what both sides need, delete the marker lines, check "
                                 "with 'tend check', then 'tend sync' (docs/sync.md)",
                                 "", exit_code::user_error);
    }
    git_or_fail(root, {"add", "--all"}, "");
    const auto staged = lines_of(
        run_git(root, {"diff", "--cached", "--name-only", "--no-renames"}, GitOutput::data).output);
    if (staged.empty()) return {};
    std::vector<std::string> other_files;
    for (const auto& name : staged)
        if (!name.starts_with("journal/")) other_files.push_back(name);
    const std::string journal_diff = run_git(root,
                                             {"diff", "--cached", "--no-color", "--no-ext-diff",
                                              "--no-renames", "-U0", "--", "journal"},
                                             GitOutput::data)
                                         .output;
    JournalCommit commit{store::commit_message(journal_diff, other_files)};
    git_or_fail(root, {"commit", "--quiet", "-m", commit.message}, ", so nothing was committed");
    return commit;
}

}  // namespace tend::cli
