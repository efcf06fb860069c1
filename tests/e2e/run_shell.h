// Running a line of sh as a person types it, with `tend` the built binary: for the write-path
// tests, which need redirections (> /dev/full, >&-), pipes and environment words.
#pragma once

#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "e2e/run_tend.h"

namespace tend::testing {

// Runs `line` in sh from `folder` (also HOME), with tend's test environment and `environment`
// ("NAME=value ..."); `tend` is the built binary, and so is $TEND.
inline RunResult run_shell(const std::string& line, const std::filesystem::path& folder,
                           const std::string& environment = {}) {
    TempFolder io;
    write_text(io / "script", "tend() { \"$TEND\" \"$@\"; }\n" + line + "\n");
    const char* asan = std::getenv("ASAN_OPTIONS");
    const std::string command = fmt::format(
        "cd '{}' && env -i PATH=/usr/bin:/bin HOME='{}' TZ=Europe/Berlin "
        "TEND_NOW=2026-11-25T10:00:00+01:00 TEND_DEVICE=laptop LANG=C.UTF-8 TEND='{}' {} {} sh "
        "'{}' > '{}' 2> '{}'",
        folder.string(), folder.string(), TEND_BINARY,
        asan ? fmt::format("ASAN_OPTIONS='{}'", asan) : "", environment, (io / "script").string(),
        (io / "out").string(), (io / "err").string());
    RunResult result;
    const int status = std::system(command.c_str());
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_text(io / "out");
    result.err = read_text(io / "err");
    return result;
}

}  // namespace tend::testing
