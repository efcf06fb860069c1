// The real disk behind Storage, and the in-memory one for tests.
#include "store/storage.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "store/folder_lock.h"
#include "tend/error.h"

namespace tend::store {

namespace {

class HeldFolderLock final : public Storage::Lock {
  public:
    explicit HeldFolderLock(const std::filesystem::path& folder) : lock_(folder) {}

  private:
    FolderLock lock_;
};

class NoLock final : public Storage::Lock {};

}  // namespace

std::optional<std::string> DiskStorage::read(const std::filesystem::path& path,
                                             std::string_view display_name) {
    return read_file_if_exists(path, display_name);
}

bool DiskStorage::replace(const std::filesystem::path& target, const ContentProducer& produce,
                          std::string_view display_name, Durability durability,
                          const std::optional<std::string>* expected) {
    const bool replaced =
        replace_file(target, produce, display_name, durability, expected, before_rename);
    if (replaced && durability == Durability::synced) ++durable_writes;
    return replaced;
}

std::optional<std::uint64_t> DiskStorage::append(const std::filesystem::path& target,
                                                 std::string_view bytes,
                                                 std::string_view display_name) {
    // O_NONBLOCK: a FIFO in the file's place must not hang the command (it is then refused).
    const int descriptor =
        ::open(target.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (descriptor < 0) {
        if (errno == ENOENT || errno == ENXIO || errno == ELOOP) return std::nullopt;
        throw fmt::system_error(errno, "can't append to '{}'", display_name);
    }
    struct Closer {
        int descriptor;
        ~Closer() { ::close(descriptor); }
    } closer{descriptor};
    struct stat status {};
    if (::fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
    std::uint64_t start = 0;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t count = ::write(descriptor, bytes.data() + done, bytes.size() - done);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0)
            throw fmt::system_error(count < 0 ? errno : EIO, "can't append to '{}'", display_name);
        // O_APPEND puts each write at the end as it is then: the offset after it tells where
        // it went, and whether another writer's bytes came between two parts.
        const auto end = static_cast<std::uint64_t>(::lseek(descriptor, 0, SEEK_CUR));
        if (done == 0)
            start = end - static_cast<std::uint64_t>(count);
        else if (end != start + done + static_cast<std::uint64_t>(count))
            return std::nullopt;
        done += static_cast<std::size_t>(count);
    }
    return start;
}

void DiskStorage::make_private_folder(const std::filesystem::path& path,
                                      std::string_view display_name) {
    ensure_private_directory(path, display_name);
}

std::vector<std::string> DiskStorage::names_in(const std::filesystem::path& folder) {
    return store::names_in(folder);
}

void DiskStorage::remove(const std::filesystem::path& path) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

std::unique_ptr<Storage::Lock> DiskStorage::lock(const std::filesystem::path& folder) {
    return std::make_unique<HeldFolderLock>(folder);
}

void DiskStorage::remove_stale_temporary_files(const std::filesystem::path& folder) {
    store::remove_stale_temporary_files(folder);
}

DiskStorage& disk() {
    static DiskStorage storage;
    return storage;
}

std::optional<std::string> MemoryStorage::read(const std::filesystem::path& path,
                                               std::string_view display_name) {
    if (folders_.contains(path))
        throw user_error(fmt::format("'{}' is a folder, not a file", display_name));
    const auto found = files_.find(path);
    if (found == files_.end()) return std::nullopt;
    return found->second;
}

bool MemoryStorage::replace(const std::filesystem::path& target, const ContentProducer& produce,
                            std::string_view display_name, Durability,
                            const std::optional<std::string>* expected) {
    if (!folders_.contains(target.parent_path()))
        throw fmt::system_error(ENOENT, "can't write '{}'", display_name);
    std::string content;
    produce([&](std::string_view piece) { content += piece; });
    if (before_rename) before_rename(target);
    if (expected && read(target, display_name) != *expected) return false;
    files_[target] = std::move(content);
    ++replaced;
    return true;
}

std::optional<std::uint64_t> MemoryStorage::append(const std::filesystem::path& target,
                                                   std::string_view bytes, std::string_view) {
    const auto found = files_.find(target);
    if (found == files_.end()) return std::nullopt;
    const std::uint64_t start = found->second.size();
    found->second += bytes;
    return start;
}

void MemoryStorage::make_private_folder(const std::filesystem::path& path,
                                        std::string_view display_name) {
    if (files_.contains(path))
        throw user_error(fmt::format("'{}' is a file, not a folder", display_name));
    for (auto folder = path; !folder.empty() && folder != folder.root_path();
         folder = folder.parent_path())
        folders_.insert(folder);
}

std::vector<std::string> MemoryStorage::names_in(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& [path, content] : files_)
        if (path.parent_path() == folder) names.push_back(path.filename().string());
    for (const auto& path : folders_)
        if (path.parent_path() == folder) names.push_back(path.filename().string());
    return names;
}

void MemoryStorage::remove(const std::filesystem::path& path) {
    files_.erase(path);
}

std::unique_ptr<Storage::Lock> MemoryStorage::lock(const std::filesystem::path&) {
    return std::make_unique<NoLock>();
}

void MemoryStorage::put(const std::filesystem::path& path, std::string content) {
    make_private_folder(path.parent_path(), path.parent_path().string());
    files_[path] = std::move(content);
}

bool MemoryStorage::has(const std::filesystem::path& path) const {
    return files_.contains(path);
}

}  // namespace tend::store
