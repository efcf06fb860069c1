// Which device this is: the name in its own month files (journal/2026-11.<device>.toml).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/journal_paths.h"

namespace tend::store {

// A device name: 1 to 32 of a-z, 0-9, '-' and '_', starting with a letter or digit. Lowercase
// only, so that two names never share a file on a case-insensitive folder (a phone's card).
bool is_device_name(std::string_view name);

// The device's name, first of: $TEND_DEVICE; the first line of the setting file
// ($XDG_CONFIG_HOME/tend/device, else ~/.config/tend/device: outside the journal folder, so a
// sync tool never carries it to another device); the host name, lowercased and cut at its
// first dot. Throws user_error (one line, with the fix) for a name that is not is_device_name.
std::string this_device(const EnvironmentLookup& environment);

// Where the setting file is, for messages and docs; nothing without HOME or XDG_CONFIG_HOME.
std::optional<std::string> device_setting_path(const EnvironmentLookup& environment);

}  // namespace tend::store
