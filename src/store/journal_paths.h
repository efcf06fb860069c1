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

// Throws user_error, one clear line, when `root` or its journal/ is there but can't be a folder:
// a file, or a link to nothing. A missing folder is fine (the first write creates it).
void check_journal_location(const std::filesystem::path& root);

// The process environment, for locate_journal.
std::optional<std::string> process_environment(const char* name);

}  // namespace tend::store
