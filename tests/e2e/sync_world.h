// A folder of devices for the sync tests: each device a journal folder, a bare repository
// `remote.git` as their shared remote, and git isolated from the configuration of whoever runs
// the tests.
#pragma once

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "e2e/run_tend.h"

namespace tend::testing {

struct GitWorld {
    TempFolder folder;

    GitWorld() { std::filesystem::create_directory(folder / "home"); }

    // tend's and git's environment on `device`: its name in TEND_DEVICE, a HOME of its own,
    // no system or global git configuration, a fixed name for commits and "main" as the
    // first branch. `anonymous`: git knows no name and may not guess one.
    std::map<std::string, std::string> environment(const std::string& device,
                                                   bool anonymous = false) const {
        std::map<std::string, std::string> variables = {
            {"HOME", (folder / "home").string()},
            {"GIT_CONFIG_NOSYSTEM", "1"},
            {"GIT_CONFIG_GLOBAL", (folder / "home/gitconfig").string()},
            {"GIT_CONFIG_COUNT", "2"},
            {"GIT_CONFIG_KEY_0", "init.defaultBranch"},
            {"GIT_CONFIG_VALUE_0", "main"},
            {"GIT_CONFIG_KEY_1", "user.useConfigOnly"},
            {"GIT_CONFIG_VALUE_1", "true"},
            {"TEND_DEVICE", device},
        };
        if (!anonymous)
            for (const auto* role : {"AUTHOR", "COMMITTER"}) {
                variables[fmt::format("GIT_{}_NAME", role)] = "Test";
                variables[fmt::format("GIT_{}_EMAIL", role)] = "test@example.org";
            }
        return variables;
    }

    // `tend --dir DEVICE ARGUMENTS...` from the world's folder.
    RunResult tend(const std::string& device, std::vector<std::string> arguments,
                   RunOptions options = {}, bool anonymous = false) const {
        arguments.insert(arguments.begin(), {"--dir", device});
        for (const auto& [name, value] : environment(device, anonymous))
            options.environment.emplace(name, value);
        return run_tend_in(folder.path(), arguments, options);
    }
    // `tend --dir DIR ARGUMENTS...` from `working_folder`, as `device`, with the umask most
    // systems give (022), under which git alone would make files others can read.
    RunResult tend_in(const std::filesystem::path& working_folder, const std::string& device,
                      std::vector<std::string> arguments, const std::string& dir) const {
        arguments.insert(arguments.begin(), {"--dir", dir});
        RunOptions options;
        options.environment = environment(device);
        options.umask = 022;
        return run_tend_in(working_folder, arguments, options);
    }
    // tend, which must succeed.
    void add(const std::string& device, std::vector<std::string> arguments) const {
        const auto result = tend(device, std::move(arguments));
        REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    }
    // `git COMMAND` (a line of bash) run in the device's folder.
    RunResult git(const std::string& device, const std::string& command) const {
        RunOptions options;
        options.environment = environment(device);
        return run_bash("git " + command, folder / device, options);
    }
    std::string remote() const { return (folder / "remote.git").string(); }

    // `first` starts a journal, commits it and pushes it to remote.git; `second` clones it
    // with `tend git clone URL .`. Both then have origin/main as their upstream.
    void start_shared(const std::string& first, const std::string& second) const {
        RunOptions options;
        options.environment = environment(first);
        REQUIRE(run_bash("git init -q --bare remote.git", folder.path(), options).exit_code == 0);
        add(first, {"init"});
        add(first, {"git", "init", "-q"});
        add(first, {"sync"});
        add(first, {"git", "remote", "add", "origin", remote()});
        add(first, {"git", "push", "-q", "-u", "origin", "main"});
        add(second, {"git", "clone", "-q", remote(), "."});
    }
};

}  // namespace tend::testing
