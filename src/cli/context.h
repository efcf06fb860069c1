// What every subcommand shares: global options, the clock, the journal, output settings.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/journal.h"
#include "tend/civil_time.h"
#include "tend/plan.h"

namespace tend::cli {

struct GlobalOptions {
    std::optional<std::string> dir;
    std::string color = "auto";
};

class Context {
  public:
    explicit Context(const GlobalOptions& options);

    const TimeContext& time() const { return time_; }
    // The journal folder; user_error when it, or its journal/, is a file or a dangling link.
    const std::filesystem::path& root();
    // The journal, opened (tend.toml loaded) on first use.
    store::Journal& journal();
    // The plan in plan.toml (empty when there is none), loaded on first use.
    const Plan& plan();
    // Colour for standard output: --color, then NO_COLOR, then tend.toml, then "is a terminal".
    bool use_color();

  private:
    GlobalOptions options_;
    TimeContext time_;
    std::filesystem::path root_;
    bool root_checked_ = false;
    std::optional<store::Journal> journal_;
    std::optional<Plan> plan_;
};

// A subcommand: its CLI11 app and what to run when it was chosen.
struct Command {
    CLI::App* app = nullptr;
    std::function<int(Context&)> run;
};

// Each subcommand registers itself on the main app (one file each, src/cli/cmd_*.cpp).
Command add_log_command(CLI::App& app);
Command add_skip_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_undo_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_init_command(CLI::App& app);
Command add_kinds_command(CLI::App& app);
Command add_plan_command(CLI::App& app);
Command add_stats_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_edit_command(CLI::App& app);
Command add_remind_command(CLI::App& app);
Command add_completions_command(CLI::App& app);
Command add_questions_command(CLI::App& app);
Command add_sync_command(CLI::App& app);
Command add_git_command(CLI::App& app);
Command add_import_command(CLI::App& app);
// The hidden `__complete LINE` that completion scripts call (cmd_completions.cpp).
Command add_complete_command(CLI::App& app);

// With `[git] autocommit = true` in tend.toml and a journal that is a git repository: after a
// command that changed the journal, commits the change ("tend: 1 entry"). When git fails, says
// so under the command's own output; the change itself stays saved.
void commit_after_write(Context& context);

// `tend plan today`, also what bare `tend` shows.
int run_plan_today(Context& context);
// What `plan`, `plan today` and bare `tend` say when there is no plan yet.
inline constexpr std::string_view no_plan_line =
    "No plan yet. Add your home programme with 'tend plan add' (see 'tend plan add --help').";
// `tend plan due`: exit_code::ok when something is still due today, exit_code::no when not.
int run_plan_due(Context& context, bool quiet);
// The plan status of `entry`'s kind on its day once it is logged, for log's confirmation: one
// line per item of that kind ("plan: kegels 3 of 3 today — done"); empty when the kind is not
// in the plan. Computed before the entry is appended, from what the journal holds then.
std::string plan_status_after_log(Context& context, const Entry& entry);

// Prints each problem as FILE:LINE:COL: message (check, edit); returns how many are errors.
std::size_t print_problems(const std::vector<store::Problem>& problems);

// Ends a subcommand's help with real examples (one per line).
void add_examples(CLI::App& app, std::string_view examples);

// Accepts a whole number from `low` to `high`; otherwise says so in words
// ("-n: must be a whole number from 1 up, got 'many'").
CLI::Validator whole_number(int low, int high);
// For -o FILE: an empty name (an unset $OUT in a script) is refused rather than read as
// standard output, where private notes would scroll past or land in a log.
CLI::Validator file_name();

}  // namespace tend::cli
