// The record of what `tend log` appended, so `tend undo` can take back exactly that text.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tend::store {

struct LoggedBlock {
    std::string file;  // "journal/2026-11.toml"
    std::string text;  // the exact bytes appended, separator and [[entry]] block
};

// `.undo.toml` in the journal folder, tend's own file (safe to delete): the last few appended
// blocks, newest last. Callers hold the folder lock.
class UndoLog {
  public:
    explicit UndoLog(std::filesystem::path root) : root_(std::move(root)) {}

    void record(const std::string& file, const std::string& text) const;
    std::optional<LoggedBlock> last() const;
    void forget_last() const;

  private:
    std::vector<LoggedBlock> read() const;
    void write(const std::vector<LoggedBlock>& blocks) const;

    std::filesystem::path root_;
};

// Removes the most recently logged entry: under the folder lock, the month file must still end
// with the exact text `log` appended. With `dry_run` nothing changes. Returns the removed
// [[entry]] text. Throws user_error when there is nothing to undo or the file changed since.
std::string undo_last_log(const std::filesystem::path& root, bool dry_run);

}  // namespace tend::store
