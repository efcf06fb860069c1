// flock-based folder lock, taken on the folder itself.
#include "store/folder_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>
#include <cerrno>

namespace tend::store {

FolderLock::FolderLock(const std::filesystem::path& folder) {
    descriptor_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor_ < 0) throw fmt::system_error(errno, "can't lock the journal folder");
    while (::flock(descriptor_, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        const int error = errno;
        ::close(descriptor_);
        throw fmt::system_error(error, "can't lock the journal folder");
    }
}

FolderLock::~FolderLock() {
    ::close(descriptor_);
}

}  // namespace tend::store
