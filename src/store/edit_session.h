// `tend edit` as a session: its own copy of the month, saved only over what it started from.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "store/storage.h"

namespace tend::store {

// One edit of one month file. Each session has its own copy (.edit-YYYY-MM-PID.toml beside
// tend.toml), so two `tend edit`s of a month never share one. A copy that was not saved (the
// month changed meanwhile, the text did not read back) stays where it is, and no later session
// starts on that month until the person has dealt with it: an edit is never lost or overwritten.
class EditSession {
  public:
    // Starts an edit of the month file `month` names: "2026-11" (journal/2026-11.toml) or
    // "2026-11.phone" (journal/2026-11.phone.toml). Throws user_error when the month has no file
    // yet, or when an earlier session's copy of it is still kept.
    EditSession(std::filesystem::path root, const std::string& month, Storage& storage = disk());

    const std::filesystem::path& copy() const { return copy_; }
    // "journal/2026-11.toml"
    const std::string& month_file() const { return month_file_; }
    // What the month file held when the session started.
    const std::string& original() const { return *original_; }
    // What the copy holds now. Throws user_error when the copy vanished (never empty content).
    std::string edited() const;
    // Saves `edited` over the month file under the lock, unless the month changed since the
    // session started (then user_error, and the copy is kept). Returns false when there was
    // nothing to save. The copy is removed after a save.
    bool save(const std::string& edited);
    // Removes the copy: the session ends without saving.
    void discard();
    // Leaves the copy where it is, for the person to carry over.
    std::string keep_message() const;

  private:
    std::filesystem::path root_;
    std::string month_file_;
    std::filesystem::path copy_;
    std::optional<std::string> original_;
    Storage* storage_;
};

// The kept copy of an earlier edit of `month` whose session has ended, if any.
std::optional<std::string> kept_edit_of(const std::filesystem::path& root, const std::string& month,
                                        Storage& storage = disk());

}  // namespace tend::store
