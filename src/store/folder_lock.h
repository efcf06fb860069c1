// An exclusive lock on the journal folder, held for a whole read-modify-write.
#pragma once

#include <filesystem>

namespace tend::store {

// Takes flock(LOCK_EX) on `<folder>/.lock` (created 0600), waiting for other writers; released
// when destroyed, or by the kernel if the process dies.
class FolderLock {
  public:
    explicit FolderLock(const std::filesystem::path& folder);
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    ~FolderLock();

  private:
    int descriptor_;
};

}  // namespace tend::store
