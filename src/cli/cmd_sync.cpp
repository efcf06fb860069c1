// `tend sync`: commit what tend wrote, pull, push, through the person's own git.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "cli/git.h"
#include "store/git_files.h"
#include "store/storage.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

namespace fs = std::filesystem;

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

// The upstream branch ("origin/main"), or nothing when the branch has none.
std::string upstream_of(const fs::path& root) {
    const auto result =
        run_git(root, {"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"},
                GitOutput::data);
    return result.exit_code == 0 ? trimmed(result.output) : "";
}

bool configured(const fs::path& root, const std::string& key) {
    return run_git(root, {"config", "--get", key}, GitOutput::data).exit_code == 0;
}

std::string head_of(const fs::path& root) {
    return trimmed(
        run_git(root, {"rev-parse", "--verify", "--quiet", "HEAD"}, GitOutput::data).output);
}

// Entries the month files gained from `from` to `to` (commits).
int entries_between(const fs::path& root, const std::string& from, const std::string& to) {
    if (from.empty() || from == to) return 0;
    return store::entries_added_in(run_git(root,
                                           {"diff", "--no-color", "--no-ext-diff", "--no-renames",
                                            "-U0", from, to, "--", "journal"},
                                           GitOutput::data)
                                       .output);
}

std::string entries(int count) {
    return fmt::format("{} {}", count, count == 1 ? "entry" : "entries");
}

// git pull with git's default merge, unless the person chose otherwise in their git config:
// without a choice, git 2.33 and later refuse to pull into a branch that has commits of its
// own, which is every device's branch here.
void pull(const fs::path& root) {
    std::vector<std::string> arguments = {"pull", "--quiet", "--no-edit"};
    if (!configured(root, "pull.rebase") && !configured(root, "pull.ff"))
        arguments.emplace_back("--no-rebase");
    const auto result = run_git(root, arguments, GitOutput::captured);
    if (result.exit_code == 0) return;
    const std::string unmerged =
        trimmed(run_git(root, {"diff", "--name-only", "--diff-filter=U"}, GitOutput::data).output);
    if (!unmerged.empty()) {
        const std::string first = unmerged.substr(0, unmerged.find('\n'));
        throw git_failed(
            fmt::format("'git pull' stopped at a conflict in {}; your entries are committed",
                        first),
            fmt::format("fix {} by hand (docs/sync.md says how), then 'tend git add {}' and "
                        "'tend sync'",
                        first, first),
            result.output, exit_code::user_error);
    }
    throw git_failed("'git pull' failed, so nothing was sent; your entries are committed",
                     "git said:", result.output, exit_code::system_error);
}

int run_sync(Context& context) {
    const fs::path& root = context.root();
    if (!is_git_repository(root))
        throw user_error(fmt::format("the journal at {} is not a git repository", root.string()),
                         "'tend git init' starts one, or a sync folder carries it instead "
                         "(docs/sync.md)");
    file_inbox(context);  // so that the commit carries the phone's new lines as entries
    try {
        // No tend write lands in the middle of the commit or the merge; a `tend log` meanwhile
        // waits. The push, which changes nothing here, goes without the lock.
        auto lock = store::disk().lock(root);
        const JournalCommit commit = commit_journal(root);
        if (!commit.message.empty()) fmt::print("committed: {}\n", commit.message);
        const auto remotes = run_git(root, {"remote"}, GitOutput::data);
        if (trimmed(remotes.output).empty()) {
            fmt::print(
                "no remote to sync with, so the journal was only committed - "
                "'tend git remote add origin URL' adds one (docs/sync.md)\n");
            return exit_code::ok;
        }
        const std::string upstream = upstream_of(root);
        if (upstream.empty())
            throw git_failed("this branch has no upstream to pull from and push to",
                             "push it once with 'tend git push -u origin HEAD' (or the name of "
                             "your remote instead of origin)",
                             "", exit_code::user_error);
        const std::string before_pull = head_of(root);
        pull(root);
        lock.reset();
        const int received = entries_between(root, before_pull, head_of(root));
        const std::string remote_head = trimmed(
            run_git(root, {"rev-parse", "--verify", "--quiet", "@{upstream}"}, GitOutput::data)
                .output);
        const int sent = entries_between(root, remote_head, head_of(root));
        if (remote_head != head_of(root)) {
            const auto pushed = run_git(root, {"push", "--quiet"}, GitOutput::captured);
            if (pushed.exit_code != 0)
                throw git_failed("'git push' failed; your entries are committed",
                                 "run 'tend sync' again later; git said:", pushed.output,
                                 exit_code::system_error);
        }
        if (sent == 0 && received == 0)
            fmt::print("synced with {}: no new entries either way\n", upstream);
        else
            fmt::print("synced with {}: {} sent, {} received\n", upstream, entries(sent),
                       entries(received));
        return exit_code::ok;
    } catch (const git_failed& failure) {
        print_git_failure(failure);
        return failure.exit_code();
    }
}

}  // namespace

void commit_after_write(Context& context) {
    if (store::disk().durable_writes == 0 || !is_git_repository(context.root())) return;
    try {
        if (!context.journal().config().settings.git_autocommit) return;
        const auto lock = store::disk().lock(context.root());
        commit_journal(context.root());
    } catch (const git_failed& failure) {
        print_git_failure(git_failed(
            fmt::format("saved, but [git] autocommit could not commit it: {}", failure.what()),
            fmt::format("'tend sync' commits it later; {}", failure.hint()), failure.git_message(),
            failure.exit_code()));
    } catch (const user_error&) {
        // tend.toml has an error to fix: the command that wrote has said what it had to.
    }
}

Command add_sync_command(CLI::App& app) {
    CLI::App* command = app.add_subcommand(
        "sync", "Commit the journal's changes, pull, and push, with your own git (docs/sync.md)");
    add_examples(*command,
                 "  tend git init                  # the first time; tend sync then commits\n"
                 "  tend git remote add origin me@example.org:tend.git\n"
                 "  tend git push -u origin HEAD   # once; from then on:\n"
                 "  tend sync\n"
                 "  tend git clone me@example.org:tend.git .   # another device, its first time");
    return {command, [](Context& context) { return run_sync(context); }};
}

}  // namespace tend::cli
