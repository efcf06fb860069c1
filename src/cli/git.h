// Running the person's own git in the journal folder: tend has no network code of its own.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "tend/error.h"

namespace tend::cli {

// What a git run left: its exit code (128 + the signal when one ended it) and, when asked for,
// what it printed.
struct GitResult {
    int exit_code = -1;
    std::string output;
};

// How git's output is handled.
enum class GitOutput {
    shown,     // straight to tend's standard output and error (`tend git`)
    captured,  // standard output and error together, into GitResult::output (errors to show)
    data,      // standard output into GitResult::output, standard error discarded (queries)
};

// Runs `git -C ROOT ARGUMENTS...` directly (fork and exec, no shell: every argument reaches git
// as one word) and waits for it. git runs with umask 077, so what it creates is private like
// the rest of the journal, and without the variables that would point it at another repository
// (GIT_DIR, GIT_WORK_TREE, ...); GIT_CEILING_DIRECTORIES stops it from taking a repository
// around the journal folder for the journal's own. Throws user_error when git can't be started.
GitResult run_git(const std::filesystem::path& root, const std::vector<std::string>& arguments,
                  GitOutput output);

// git did not do what tend asked: one line of tend's (the message and a hint), then git's own
// message as git printed it. The exit code is exit_code::user_error when the person has
// something to fix (a conflict, no upstream), exit_code::system_error otherwise.
class git_failed : public user_error {
  public:
    git_failed(const std::string& message, std::string hint, std::string git_message, int exit_code)
        : user_error(message, std::move(hint)),
          git_message_(std::move(git_message)),
          exit_code_(exit_code) {}
    const std::string& git_message() const noexcept { return git_message_; }
    int exit_code() const noexcept { return exit_code_; }

  private:
    std::string git_message_;
    int exit_code_;
};

// Prints "tend: MESSAGE - HINT" and git's message under it, on standard error.
void print_git_failure(const git_failed& failure);

// Whether the journal folder is a git repository of its own (it holds .git).
bool is_git_repository(const std::filesystem::path& root);

// What a commit of the journal did: its message, or empty when there was nothing to commit.
struct JournalCommit {
    std::string message;  // "tend: 3 entries"
};

// Stages everything git keeps of the journal (after writing .gitignore and .gitattributes when
// they are missing) and commits it with a message that counts entries and names no kind:
// "tend: 3 entries", "tend: 1 entry, 1 taken back, plan.toml". The caller holds the journal's
// folder lock, so that no tend write lands half-way. Throws git_failed, with git's own message,
// when a merge is unfinished or git fails.
JournalCommit commit_journal(const std::filesystem::path& root);

}  // namespace tend::cli
