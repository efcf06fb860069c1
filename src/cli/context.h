// What every subcommand shares: global options, the clock, the journal, output settings.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "store/journal.h"
#include "tend/civil_time.h"

namespace tend::cli {

struct GlobalOptions {
    std::optional<std::string> dir;
    std::string color = "auto";
};

class Context {
  public:
    explicit Context(const GlobalOptions& options);

    const TimeContext& time() const { return time_; }
    const std::filesystem::path& root() const { return root_; }
    // The journal, opened (tend.toml loaded) on first use.
    const store::Journal& journal();
    // Colour for standard output: --color, then NO_COLOR, then tend.toml, then "is a terminal".
    bool use_color();

  private:
    GlobalOptions options_;
    TimeContext time_;
    std::filesystem::path root_;
    std::optional<store::Journal> journal_;
};

// A subcommand: its CLI11 app and what to run when it was chosen.
struct Command {
    CLI::App* app = nullptr;
    std::function<int(Context&)> run;
};

// Each subcommand registers itself on the main app (one file each, src/cli/cmd_*.cpp).
Command add_log_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_undo_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_init_command(CLI::App& app);
Command add_kinds_command(CLI::App& app);

// Ends a subcommand's help with real examples (one per line).
void add_examples(CLI::App& app, std::string_view examples);

}  // namespace tend::cli
