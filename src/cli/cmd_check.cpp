// `tend check`: validate tend.toml, every month file and plan.toml, reporting FILE:LINE:COL
// problems.
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "store/config_file.h"
#include "store/file_io.h"
#include "store/plan_file.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

int run_check(Context& context) {
    // tend.toml is checked on its own here, so a broken one is listed instead of stopping us.
    Config config;
    config.profile = pelvic_floor_profile(config.settings);
    std::vector<store::Problem> problems;
    if (const auto content =
            store::read_file_if_exists(context.root() / "tend.toml", "tend.toml")) {
        auto parsed = store::parse_config(*content, "tend.toml");
        problems = parsed.problems;
        if (!store::has_errors(parsed.problems)) config = parsed.config;
    }
    const store::Journal journal(context.root(), config);
    const auto journal_problems =
        journal.check(context.time().offset_at_local, context.time().today());
    problems.insert(problems.end(), journal_problems.begin(), journal_problems.end());
    const auto plan_problems = store::check_plan_file(context.root(), config);
    problems.insert(problems.end(), plan_problems.begin(), plan_problems.end());
    // The inbox is read, not filed: check writes nothing.
    const auto inbox = inbox_state(context, config);
    problems.insert(problems.end(), inbox.bad_lines.begin(), inbox.bad_lines.end());

    const std::size_t errors = print_problems(problems);
    if (inbox.waiting > 0)
        fmt::print(
            "note: the inbox has {} line{} not filed yet; 'tend show' (or any command that "
            "logs) files {}\n",
            inbox.waiting, inbox.waiting == 1 ? "" : "s", inbox.waiting == 1 ? "it" : "them");
    const auto warnings = static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(), [](const store::Problem& problem) {
            return problem.severity == store::Severity::warning;
        }));
    const std::size_t files = journal.month_files().size();
    const bool has_plan = std::filesystem::exists(context.root() / store::plan_file_name);
    const std::string checked =
        fmt::format("checked {} month file{}{}", files, files == 1 ? "" : "s",
                    has_plan ? " and plan.toml" : "");
    if (errors == 0) {
        fmt::print(
            "{}: all good{}\n", checked,
            warnings ? fmt::format(" ({} warning{})", warnings, warnings == 1 ? "" : "s") : "");
        return exit_code::ok;
    }
    fmt::print("{}: {} problem{} to fix by hand\n", checked, errors, errors == 1 ? "" : "s");
    return exit_code::no;
}

}  // namespace

Command add_check_command(CLI::App& app) {
    CLI::App* command =
        app.add_subcommand("check", "Check tend.toml, every month file and plan.toml for problems");
    add_examples(*command,
                 "  tend check\n"
                 "  tend --dir ~/journal-copy check");
    return {command, [](Context& context) { return run_check(context); }};
}

}  // namespace tend::cli
