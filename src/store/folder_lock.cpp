// flock-based folder lock.
#include "store/folder_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>

namespace tend::store {

FolderLock::FolderLock(const std::filesystem::path& folder) {
    const auto path = folder / ".lock";
    descriptor_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (descriptor_ < 0) throw fmt::system_error(errno, "can't lock the journal folder");
    ::fchmod(descriptor_, 0600);
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
