// Running the built `tend` binary from tests: a temporary journal and a controlled environment.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tend::testing {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

struct RunOptions {
    std::string stdin_text;
    std::map<std::string, std::string> environment;  // added to (or replacing) the defaults
    int umask = 077;
    std::optional<std::uint64_t> file_size_limit;  // bytes, as `ulimit -f` sets it
    std::optional<unsigned> user_id;               // run as this user (and group); needs root
};

// A fresh folder under the system temp folder, removed at the end of the test.
class TempFolder {
  public:
    TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    ~TempFolder();
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

// Runs tend with `arguments`. The environment is clean: PATH, HOME (the temp folder),
// TZ=Europe/Berlin, TEND_NOW=2026-11-25T10:00:00+01:00, TEND_DEVICE=laptop, LANG=C.UTF-8, plus
// options.environment
// (an empty value removes a default). When TEND_TEST_WRAPPER is set, its words come first (the
// first one a full path), so a whole test run can go under "/usr/bin/valgrind -q ...".
RunResult run_tend(const std::vector<std::string>& arguments, const RunOptions& options = {});

// run_tend with `working_folder` as the current folder, as a user types in their own folder.
RunResult run_tend_in(const std::filesystem::path& working_folder,
                      const std::vector<std::string>& arguments, const RunOptions& options = {});

// Runs `script` with /bin/bash -c in `working_folder`, in the same clean environment as run_tend
// (options.environment can put a folder holding a `tend` link first on PATH); for doc examples.
RunResult run_bash(const std::string& script, const std::filesystem::path& working_folder,
                   const RunOptions& options = {});

// Starts tend without waiting, its output discarded; returns the process id for
// wait_for_tend (or a signal first).
int start_tend(const std::vector<std::string>& arguments, const RunOptions& options = {});
// Waits for a process from start_tend: its exit code, or 128 + the signal that ended it.
int wait_for_tend(int process_id);

// Starts `count` tend processes at once with the same arguments and waits for all of them.
// Returns their exit codes.
std::vector<int> run_tend_many(int count, const std::vector<std::string>& arguments,
                               const RunOptions& options = {});

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);
// Permission bits of a file or folder (e.g. 0600).
unsigned permissions_of(const std::filesystem::path& path);
// Every regular file below `folder` with its content, to compare before and after a command.
std::map<std::string, std::string> snapshot(const std::filesystem::path& folder);
// Occurrences of `needle` in `haystack`.
std::size_t count_of(const std::string& haystack, const std::string& needle);

// Runs `command` with sh: its exit code and standard output (standard error is left alone).
struct ShellResult {
    int exit_code = -1;
    std::string out;
};
ShellResult output_of(const std::string& command);
// Whether `program` is on PATH, for tests of tools that are optional (lintian, systemd-analyze).
bool on_path(const std::string& program);

}  // namespace tend::testing
