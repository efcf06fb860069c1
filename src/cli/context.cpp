// The shared context of subcommands.
#include "cli/context.h"

#include <fmt/format.h>
#include <unistd.h>

#include <limits>

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

std::size_t print_problems(const std::vector<store::Problem>& problems) {
    std::size_t errors = 0;
    for (const auto& problem : problems) {
        fmt::print("{}\n", problem.text());
        if (problem.severity == store::Severity::error) ++errors;
    }
    return errors;
}

}  // namespace tend::cli
