// The one door through which tend reads and writes its files: real disk or, in tests, memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/file_io.h"

namespace tend::store {

// Every write of a journal, plan, cache or undo file goes through a Storage, so that the
// promises of docs/reliability.md (parse before rename, compare before replace, private files,
// stay inside the folder) are kept in one place and tests can run them in memory, as ninja's
// DiskInterface does.
class Storage {
  public:
    // Held until destroyed.
    class Lock {
      public:
        virtual ~Lock() = default;
    };

    virtual ~Storage() = default;

    // The whole file, or nothing when it does not exist. Throws fmt::system_error on other
    // failures and user_error for a folder.
    virtual std::optional<std::string> read(const std::filesystem::path& path,
                                            std::string_view display_name) = 0;

    // Replaces `target` so that a reader sees the old file or the new one, never a mix (see
    // write_file_atomically). When `expected` is given, the target must still hold exactly
    // those bytes (nothing: not exist) right before the rename: compare before replace, for
    // programs that don't take tend's lock (a sync tool, git, an editor). Returns false, with
    // nothing written, when it does not.
    virtual bool replace(const std::filesystem::path& target, const ContentProducer& produce,
                         std::string_view display_name, Durability durability,
                         const std::optional<std::string>* expected) = 0;

    // Appends `bytes` to the file `target`, which must exist (never created, never a link), and
    // returns the offset they begin at; nothing when there is no such file or another writer's
    // bytes came between. Unsynced: only for caches, whose readers check every byte they read.
    virtual std::optional<std::uint64_t> append(const std::filesystem::path& target,
                                                std::string_view bytes,
                                                std::string_view display_name) = 0;

    // Creates `path` and its missing parents, private (0700).
    virtual void make_private_folder(const std::filesystem::path& path,
                                     std::string_view display_name) = 0;
    // The names in `folder`, in no order; none when it cannot be read.
    virtual std::vector<std::string> names_in(const std::filesystem::path& folder) = 0;
    // Removes a file; nothing when it does not exist.
    virtual void remove(const std::filesystem::path& path) = 0;
    // The exclusive folder lock for a read-modify-write.
    virtual std::unique_ptr<Lock> lock(const std::filesystem::path& folder) = 0;
    // Removes temporary files left by killed writers (only tend's own names).
    virtual void remove_stale_temporary_files(const std::filesystem::path& folder) = 0;

    // The whole of `content` in one piece.
    bool replace(const std::filesystem::path& target, std::string_view content,
                 std::string_view display_name, Durability durability = Durability::synced,
                 const std::optional<std::string>* expected = nullptr) {
        return replace(
            target, [&](const auto& put) { put(content); }, display_name, durability, expected);
    }
};

// The real file system. `before_rename`, when set, runs right before each compare-and-rename:
// the seam through which tests change a file at the worst moment.
class DiskStorage final : public Storage {
  public:
    using Storage::replace;
    std::optional<std::string> read(const std::filesystem::path& path,
                                    std::string_view display_name) override;
    bool replace(const std::filesystem::path& target, const ContentProducer& produce,
                 std::string_view display_name, Durability durability,
                 const std::optional<std::string>* expected) override;
    std::optional<std::uint64_t> append(const std::filesystem::path& target, std::string_view bytes,
                                        std::string_view display_name) override;
    void make_private_folder(const std::filesystem::path& path,
                             std::string_view display_name) override;
    std::vector<std::string> names_in(const std::filesystem::path& folder) override;
    void remove(const std::filesystem::path& path) override;
    std::unique_ptr<Lock> lock(const std::filesystem::path& folder) override;
    void remove_stale_temporary_files(const std::filesystem::path& folder) override;

    std::function<void(const std::filesystem::path& target)> before_rename;
    // How many synced replaces were done: changes the person keeps (a month, the plan, an undo),
    // not caches. A failure after one must not say "nothing was changed".
    int durable_writes = 0;
};

// The process's disk.
DiskStorage& disk();

// Files in memory, for tests: no locks needed, no sleeps, and `before_rename` to play another
// program writing at the worst moment.
class MemoryStorage final : public Storage {
  public:
    using Storage::replace;
    std::optional<std::string> read(const std::filesystem::path& path,
                                    std::string_view display_name) override;
    bool replace(const std::filesystem::path& target, const ContentProducer& produce,
                 std::string_view display_name, Durability durability,
                 const std::optional<std::string>* expected) override;
    std::optional<std::uint64_t> append(const std::filesystem::path& target, std::string_view bytes,
                                        std::string_view display_name) override;
    void make_private_folder(const std::filesystem::path& path,
                             std::string_view display_name) override;
    std::vector<std::string> names_in(const std::filesystem::path& folder) override;
    void remove(const std::filesystem::path& path) override;
    std::unique_ptr<Lock> lock(const std::filesystem::path& folder) override;
    void remove_stale_temporary_files(const std::filesystem::path&) override {}

    // Sets a file directly, as another program would.
    void put(const std::filesystem::path& path, std::string content);
    bool has(const std::filesystem::path& path) const;

    std::function<void(const std::filesystem::path& target)> before_rename;
    int replaced = 0;  // how many replaces were done

  private:
    std::map<std::filesystem::path, std::string> files_;
    std::set<std::filesystem::path> folders_;
};

}  // namespace tend::store
