// The real disk behind Storage, and the in-memory one for tests.
#include "store/storage.h"

#include <fmt/format.h>

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
