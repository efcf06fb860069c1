// The one error type for mistakes a user can fix, and tend's exit codes.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace tend {

// Exit codes, the same for every subcommand (documented in docs/cli.md and `tend --help`).
// Like grep: 1 is a plain "no" answer, not a failure; anything from 2 up is an error.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int no = 1;            // `plan due`: nothing due; `check`: problems found
inline constexpr int user_error = 2;    // bad input, bad usage, or a journal file to fix
inline constexpr int system_error = 3;  // the system failed: I/O, permissions, disk full, bug
// The change was saved, but standard output failed after it (a full disk under `> out`, a
// closed stdout), so its confirmation is missing: running the command again would log twice.
inline constexpr int saved_but_output_failed = 4;
}  // namespace exit_code

// A mistake the user can fix: bad input, an unknown kind, a broken hand edit.
// The message is one lowercase line, context first ("journal/2026-11.toml:7:3: expected '='");
// the optional hint is a second thought shown after it ("did you mean 'dilate'?").
class user_error : public std::runtime_error {
  public:
    explicit user_error(const std::string& message, std::string hint = {})
        : std::runtime_error(message), hint_(std::move(hint)) {}

    const std::string& hint() const noexcept { return hint_; }

  private:
    std::string hint_;
};

}  // namespace tend
