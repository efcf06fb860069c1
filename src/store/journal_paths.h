// Where the journal folder is: --dir, $TEND_DIR, $XDG_DATA_HOME/tend, ~/.local/share/tend.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace tend::store {

// Reads an environment variable; nothing when unset or empty.
using EnvironmentLookup = std::function<std::optional<std::string>(const char* name)>;

// The journal folder, first of: `dir_option`, $TEND_DIR, $XDG_DATA_HOME/tend,
// $HOME/.local/share/tend. Throws user_error when none can be found.
std::filesystem::path locate_journal(const std::optional<std::string>& dir_option,
                                     const EnvironmentLookup& environment);

// The process environment, for locate_journal.
std::optional<std::string> process_environment(const char* name);

}  // namespace tend::store
