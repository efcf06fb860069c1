// An exclusive lock on the journal folder, held for a whole read-modify-write.
#pragma once

#include <filesystem>

namespace tend::store {

// Takes flock(LOCK_EX) on the folder itself, waiting for other writers; released when
// destroyed, or by the kernel if the process dies. Locking the folder, not a lock file in it,
// means a refused command leaves no trace on disk.
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
