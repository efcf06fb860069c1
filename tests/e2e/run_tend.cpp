// Process helpers for end-to-end tests.
#include "e2e/run_tend.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tend::testing {

namespace {

std::vector<std::string> environment_for(const RunOptions& options,
                                         const std::filesystem::path& home) {
    std::map<std::string, std::string> variables = {
        {"PATH", "/usr/bin:/bin"}, {"HOME", home.string()},
        {"TZ", "Europe/Berlin"},   {"TEND_NOW", "2026-11-25T10:00:00+01:00"},
        {"TEND_DEVICE", "laptop"}, {"LANG", "C.UTF-8"},
    };
    if (const char* asan = std::getenv("ASAN_OPTIONS")) variables["ASAN_OPTIONS"] = asan;
    if (const char* ubsan = std::getenv("UBSAN_OPTIONS")) variables["UBSAN_OPTIONS"] = ubsan;
    for (const auto& [name, value] : options.environment) {
        if (value.empty())
            variables.erase(name);
        else
            variables[name] = value;
    }
    std::vector<std::string> result;
    for (const auto& [name, value] : variables)
        result.push_back(name + "=" + value);
    return result;
}

// Forks tend with stdin/stdout/stderr redirected to files; returns the child's pid.
// `program` is a full path; its arguments follow. Empty `program`: tend (under TEND_TEST_WRAPPER).
// An empty `working_folder` keeps the test's own.
pid_t start(const std::string& program, const std::vector<std::string>& arguments,
            const RunOptions& options, const std::filesystem::path& input,
            const std::filesystem::path& output, const std::filesystem::path& error,
            const std::filesystem::path& working_folder = {}) {
    std::vector<std::string> argv_storage;
    if (program.empty()) {
        if (const char* wrapper = std::getenv("TEND_TEST_WRAPPER")) {
            std::istringstream words(wrapper);
            for (std::string word; words >> word;)
                argv_storage.push_back(word);
        }
        argv_storage.push_back(TEND_BINARY);
    } else {
        argv_storage.push_back(program);
    }
    argv_storage.insert(argv_storage.end(), arguments.begin(), arguments.end());
    const auto environment = environment_for(options, std::filesystem::temp_directory_path());
    std::vector<char*> argv;
    for (auto& argument : argv_storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    std::vector<std::string> environment_storage = environment;
    std::vector<char*> envp;
    for (auto& variable : environment_storage)
        envp.push_back(variable.data());
    envp.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::umask(static_cast<mode_t>(options.umask));
        const int in = ::open(input.c_str(), O_RDONLY);
        const int out = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(error.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0) ::_exit(127);
        if (!working_folder.empty() && ::chdir(working_folder.c_str()) != 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (options.file_size_limit) {
            const rlimit limit{*options.file_size_limit, *options.file_size_limit};
            if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(127);
        }
        if (options.user_id && (::setgid(*options.user_id) != 0 || ::setuid(*options.user_id) != 0))
            ::_exit(127);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

}  // namespace

TempFolder::TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tend-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempFolder::~TempFolder() {
    std::error_code error;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, error);
    std::filesystem::remove_all(path_, error);
}

namespace {

RunResult run_and_wait(const std::string& program, const std::vector<std::string>& arguments,
                       const RunOptions& options, const std::filesystem::path& working_folder) {
    TempFolder io;
    write_text(io / "stdin", options.stdin_text);
    const pid_t pid = start(program, arguments, options, io / "stdin", io / "stdout", io / "stderr",
                            working_folder);
    RunResult result;
    result.exit_code = wait_for(pid);
    result.out = read_text(io / "stdout");
    result.err = read_text(io / "stderr");
    return result;
}

}  // namespace

RunResult run_tend(const std::vector<std::string>& arguments, const RunOptions& options) {
    return run_and_wait({}, arguments, options, {});
}

RunResult run_tend_in(const std::filesystem::path& working_folder,
                      const std::vector<std::string>& arguments, const RunOptions& options) {
    return run_and_wait({}, arguments, options, working_folder);
}

RunResult run_bash(const std::string& script, const std::filesystem::path& working_folder,
                   const RunOptions& options) {
    return run_and_wait("/bin/bash", {"-c", script}, options, working_folder);
}

int start_tend(const std::vector<std::string>& arguments, const RunOptions& options) {
    return start({}, arguments, options, "/dev/null", "/dev/null", "/dev/null");
}

int wait_for_tend(int process_id) {
    return wait_for(process_id);
}

std::vector<int> run_tend_many(int count, const std::vector<std::string>& arguments,
                               const RunOptions& options) {
    TempFolder io;
    write_text(io / "stdin", options.stdin_text);
    std::vector<pid_t> children;
    for (int index = 0; index < count; ++index) {
        const std::string suffix = std::to_string(index);
        children.push_back(start({}, arguments, options, io / "stdin", io / ("out" + suffix),
                                 io / ("err" + suffix)));
    }
    std::vector<int> codes;
    for (const pid_t pid : children)
        codes.push_back(wait_for(pid));
    return codes;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
}

unsigned permissions_of(const std::filesystem::path& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return 0;
    return status.st_mode & 07777;
}

std::map<std::string, std::string> snapshot(const std::filesystem::path& folder) {
    std::map<std::string, std::string> files;
    std::error_code error;
    for (const auto& item : std::filesystem::recursive_directory_iterator(folder, error))
        if (item.is_regular_file())
            files[std::filesystem::relative(item.path(), folder).string()] = read_text(item.path());
    return files;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t position = haystack.find(needle); position != std::string::npos;
         position = haystack.find(needle, position + needle.size()))
        ++count;
    return count;
}

ShellResult output_of(const std::string& command) {
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return {};
    ShellResult result;
    char buffer[4096];
    while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe))
        result.out.append(buffer, read);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

bool on_path(const std::string& program) {
    return output_of("command -v '" + program + "' > /dev/null 2>&1").exit_code == 0;
}

}  // namespace tend::testing
