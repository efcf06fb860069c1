// Files in the journal folder that are not month files: phone inboxes, and copies a sync tool
// or a merge left beside the month files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "store/storage.h"

namespace tend::store {

// The most an inbox may hold: some years of lines. A larger one is not read (every command
// reads it), and `tend import` takes it instead.
inline constexpr std::size_t largest_inbox = 4 * 1024 * 1024;

// "inbox.txt" and "inbox.NAME.txt" (one per phone, or Syncthing's conflict copy) and
// "inbox (... conflicted copy ...).txt" (Dropbox's and Nextcloud's) in the journal folder,
// sorted.
std::vector<std::string> inbox_file_names(const std::filesystem::path& root, Storage& storage);

// The text of the inbox `name`. Throws user_error, one line, for a link (it could lead to any
// file of yours), for anything but a plain file, and for more than largest_inbox bytes.
std::string read_inbox(const std::filesystem::path& root, const std::string& name,
                       Storage& storage);

// The record of which inbox lines were filed (docs/format.md): journal/inbox-filed.DEVICE.txt,
// one per device, so that it syncs with the month files and never has two writers. A line in
// any device's record is never filed again, whatever becomes of its entry.
std::string inbox_record_name(const std::string& device);

// The keys (inbox_line_key, tend/inbox_line.h) of the inbox lines every device filed: the union
// of journal/inbox-filed.*.txt. A record that can't be read counts as empty.
std::unordered_set<std::string> filed_inbox_lines(const std::filesystem::path& root,
                                                  Storage& storage);

// Adds `keys` to the end of this device's record (never rewriting what it holds), under the
// folder lock and compare before replace.
void record_filed_inbox_lines(const std::filesystem::path& root, const std::string& device,
                              const std::vector<std::string>& keys, Storage& storage);

// Whether `file_name` in journal/ is a copy of a month file that tend does not read: a sync
// tool's conflict copy ("2026-11.sync-conflict-20261121-142233-ABCDEFG.toml", "2026-11 (Sam's
// conflicted copy 2026-11-21).toml"), a merge's "*.orig", or a near miss such as "2026-11.TOML".
bool is_stray_copy(std::string_view file_name);

// The stray copies in journal/, as "journal/NAME", sorted.
std::vector<std::string> stray_copies(const std::filesystem::path& root, Storage& storage);

}  // namespace tend::store
