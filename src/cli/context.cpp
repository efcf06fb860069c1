// The shared context of subcommands.
#include "cli/context.h"

#include <fmt/format.h>
#include <unistd.h>

#include <limits>
#include <map>
#include <set>

#include "cli/clock.h"
#include "core/text.h"
#include "store/journal_paths.h"
#include "store/plan_file.h"

namespace tend::cli {

Context::Context(const GlobalOptions& options)
    : options_(options),
      time_(system_time_context(store::process_environment)),
      root_(store::locate_journal(options.dir, store::process_environment)) {}

store::Journal& Context::journal() {
    if (!journal_) journal_.emplace(root());
    return *journal_;
}

const std::filesystem::path& Context::root() {
    if (!root_checked_) store::check_journal_location(root_);
    root_checked_ = true;
    return root_;
}

const Plan& Context::plan() {
    if (!plan_) plan_ = store::load_plan(root(), journal().config());
    return *plan_;
}

bool Context::use_color() {
    if (options_.color == "always") return true;
    if (options_.color == "never") return false;
    if (store::process_environment("NO_COLOR")) return false;
    const ColorMode setting = journal().config().settings.color;
    if (setting == ColorMode::always) return true;
    if (setting == ColorMode::never) return false;
    return ::isatty(STDOUT_FILENO) == 1;
}

CLI::Validator file_name() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return text.empty() ? "needs a file name (or - for standard output), got ''" : "";
        },
        "FILE");
}

CLI::Validator whole_number(int low, int high) {
    return CLI::Validator(
        [low, high](std::string& text) -> std::string {
            const auto value = parse_digits(text);
            if (value && *value >= low && *value <= high) return {};
            const std::string range = high == std::numeric_limits<int>::max()
                                          ? fmt::format("from {} up", low)
                                          : fmt::format("from {} to {}", low, high);
            return fmt::format("must be a whole number {}, got '{}'", range, text);
        },
        "N");
}

void add_examples(CLI::App& app, std::string_view examples) {
    app.footer(fmt::format("Examples:\n{}", examples));
}

namespace {

// What a problem says without the value that broke it: "size must be from 1 to 3" for
// "size must be from 1 to 3, got 4", so that entries broken by one cause are seen together.
// Errors and warnings are told apart.
std::string cause_of(const store::Problem& problem) {
    const auto got = problem.message.find(", got ");
    return (problem.severity == store::Severity::warning ? "warning: " : "") +
           problem.message.substr(0, got);
}

bool about_an_entry(const store::Problem& problem) {
    // A note (an entry stored twice) breaks no rule, so it is never grouped as one.
    return problem.severity != store::Severity::info && problem.line > 0 &&
           problem.file.starts_with("journal/");
}

}  // namespace

std::size_t print_problems(const std::vector<store::Problem>& problems) {
    // Many entries in the month files with the same problem almost always have one cause: a
    // change to tend.toml (fewer dilator sizes, a field renamed). Say that once, with the fix,
    // instead of blaming each past entry on a line of its own.
    constexpr std::size_t many = 3;
    std::map<std::string, std::size_t> entries_with;
    for (const auto& problem : problems)
        if (about_an_entry(problem)) ++entries_with[cause_of(problem)];
    std::size_t errors = 0;
    std::set<std::string> said;
    for (const auto& problem : problems) {
        if (problem.severity == store::Severity::error) ++errors;
        const auto group =
            about_an_entry(problem) ? entries_with.find(cause_of(problem)) : entries_with.end();
        if (group == entries_with.end() || group->second < many) {
            fmt::print("{}\n", problem.text());
            continue;
        }
        if (!said.insert(group->first).second) continue;
        fmt::print(
            "{}:{}:{}: {} entries break one rule: {} - if tend.toml changed lately, "
            "change it back; otherwise fix them by hand, starting here\n",
            problem.file, problem.line, problem.column, group->second,
            store::on_one_line(group->first));
    }
    return errors;
}

}  // namespace tend::cli
