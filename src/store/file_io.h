// Reading files and writing them safely: private permissions, temp file, fsync, rename.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tend::store {

// The most tend reads from one file (a month of entries is far below it).
inline constexpr std::size_t largest_file_read = std::size_t{256} * 1024 * 1024;

// The whole file, or nothing when it does not exist. Throws fmt::system_error on other
// failures, and user_error when the path is a folder, a link loop, not a regular file (a FIFO,
// a device: never waited on or read without end) or larger than largest_file_read.
std::optional<std::string> read_file_if_exists(const std::filesystem::path& path,
                                               std::string_view display_name);

// Creates `path` and missing parents with mode 0700 (whatever the umask). Existing folders are
// left as they are.
void ensure_private_directory(const std::filesystem::path& path, std::string_view display_name);

// Whether a write must survive a crash of the machine (the journal) or may be lost with it (a
// cache, which checks what it reads and is rebuilt from the journal).
enum class Durability { synced, unsynced };

// Replaces `target` with `content` so that a reader sees either the old file or the new one,
// never a mix: write a temporary file (O_EXCL, 0600) beside it, fsync it, rename it over the
// target, fsync the folder; so that a crash, too, leaves one or the other. `unsynced` skips the
// two fsyncs. Throws fmt::system_error naming `display_name`.
void write_file_atomically(const std::filesystem::path& target, std::string_view content,
                           std::string_view display_name,
                           Durability durability = Durability::synced);

// The same for content made piece by piece: `produce` calls `put` with each piece, which is
// written at once, so a large file needn't be held whole. When `produce` throws, the target is
// left as it was.
using ContentProducer = std::function<void(const std::function<void(std::string_view)>& put)>;
void write_file_atomically(const std::filesystem::path& target, const ContentProducer& produce,
                           std::string_view display_name, Durability durability);

// The same, and the general form behind it. The file written is the one `target` names,
// through symbolic links (the temporary goes beside the linked file, so the link stays); a
// dangling link, or a file with other hard links (a replace would split them), is refused with
// user_error. When `expected` is given the target must still hold those bytes (nothing: not
// exist) right before the rename, after `before_rename` (a test's seam); false, with nothing
// written, when it does not.
bool replace_file(const std::filesystem::path& target, const ContentProducer& produce,
                  std::string_view display_name, Durability durability,
                  const std::optional<std::string>* expected,
                  const std::function<void(const std::filesystem::path&)>& before_rename);

// The file a write of `target` replaces: `target`, or the file its symbolic links lead to.
std::filesystem::path write_target_of(const std::filesystem::path& target,
                                      std::string_view display_name);

// True when `path` is a symbolic link whose file is not inside the folder `root` (or leads
// nowhere): a month file linked out of the journal, e.g. one another device committed as a link
// to a file of this one. Writing through it would put health text outside the journal.
bool links_out_of(const std::filesystem::path& path, const std::filesystem::path& root);

// The names of the entries in `folder` (not "." and ".."), in no order; none when it cannot be
// read. Plain readdir: listing a journal of 120 month files on every command must cost nothing.
std::vector<std::string> names_in(const std::filesystem::path& folder);

// Removes temporary files left in `folder` by a writer that was killed: those whose name
// carries the id of a process that no longer runs. A live writer's file is never touched, so
// this is safe with or without the folder lock (an editor open on a note, a cache being saved).
void remove_stale_temporary_files(const std::filesystem::path& folder);

// Writes a file the person named (export -o): a regular or new file atomically; anything else
// (a FIFO, /dev/stdout, a device) in place, never replaced. Refuses (user_error) a path that is,
// or links to, one of the files of the journal at `journal_root`: a report typed over
// journal/2026-11.toml or plan.toml would replace what the person wrote.
void write_named_output(const std::filesystem::path& path, std::string_view content,
                        const std::filesystem::path& journal_root);
// The same for content made piece by piece (a long export): when `produce` throws, a regular
// file at `path` is left as it was (a FIFO or a device has what was written so far).
void write_named_output(const std::filesystem::path& path, const ContentProducer& produce,
                        const std::filesystem::path& journal_root);

// True for the names write_file_atomically uses for its temporary files.
bool is_temporary_file_name(std::string_view name);

}  // namespace tend::store
