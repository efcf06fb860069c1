// Files in the journal folder that are not month files: phone inboxes, and copies a sync tool
// or a merge left beside the month files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "store/storage.h"

namespace tend::store {

// The most an inbox may hold: some years of lines. A larger one is not read (every command
// reads it), and `tend import` takes it instead.
inline constexpr std::size_t largest_inbox = 4 * 1024 * 1024;

// "inbox.txt" and "inbox.NAME.txt" (one per phone, or a sync tool's copy) in the journal
// folder, sorted.
std::vector<std::string> inbox_file_names(const std::filesystem::path& root, Storage& storage);

// The text of the inbox `name`. Throws user_error, one line, for a link (it could lead to any
// file of yours), for anything but a plain file, and for more than largest_inbox bytes.
std::string read_inbox(const std::filesystem::path& root, const std::string& name,
                       Storage& storage);

// Whether `file_name` in journal/ is a copy of a month file that tend does not read: a sync
// tool's conflict copy ("2026-11.sync-conflict-20261121-142233-ABCDEFG.toml", "2026-11 (Sam's
// conflicted copy 2026-11-21).toml"), a merge's "*.orig", or a near miss such as "2026-11.TOML".
bool is_stray_copy(std::string_view file_name);

// The stray copies in journal/, as "journal/NAME", sorted.
std::vector<std::string> stray_copies(const std::filesystem::path& root, Storage& storage);

}  // namespace tend::store
