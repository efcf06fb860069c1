// The record of what `tend log` appended, so `tend undo` can take back exactly that text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/storage.h"
#include "tend/profile.h"

namespace tend::store {

struct LoggedBlock {
    std::string file;  // "journal/2026-11.toml"
    std::string text;  // the exact bytes appended, separator and [[entry]] block
    std::optional<std::int64_t> logged_utc;  // when `log` appended it (none in older records)
};

// `.undo.toml` in the journal folder, tend's own file (safe to delete): the last few appended
// blocks, newest last. Callers hold the folder lock.
class UndoLog {
  public:
    explicit UndoLog(std::filesystem::path root, Storage& storage = disk())
        : root_(std::move(root)), storage_(&storage) {}

    void record(const std::string& file, const std::string& text,
                std::optional<std::int64_t> logged_utc) const;
    std::optional<LoggedBlock> last() const;
    void forget_last() const;

  private:
    std::vector<LoggedBlock> read() const;
    void write(const std::vector<LoggedBlock>& blocks) const;

    std::filesystem::path root_;
    Storage* storage_;
};

// Removes the most recently logged entry: under the folder lock, the month file must still end
// with the exact text `log` appended, and without it must read back as its other entries. With
// `dry_run` nothing changes. With `expected` (what a dry run returned and the user confirmed),
// refuses when the last block is another one by now. Returns the removed block. Throws
// user_error when there is nothing to undo or the file changed since (also while it was being
// replaced). A record naming anything but a month file of the journal (a damaged or planted
// .undo.toml) is ignored.
LoggedBlock undo_last_log(const std::filesystem::path& root, const Config& config, bool dry_run,
                          const LoggedBlock* expected = nullptr, Storage& storage = disk());

}  // namespace tend::store
