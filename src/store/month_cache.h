// A disposable cache of parsed month files (<root>/.cache/months.bin, an index of the bytes in
// .cache/blobs.bin), one record per file keyed
// by its name without ".toml" ("2026-11", "2026-11.phone"; the methods call it `month`), so that
// commands over years of entries do not parse every TOML file again. The month files stay the only
// source of truth: a cached month is used while its file has the same size, modification and
// change times, inode and device as when it was cached (the stamp), or, when the stamp differs
// (a copied or restored folder, a file a sync tool or git touched), while the file's bytes have
// the same size and hash; and only while the profile and tend's version are the same. Deleting
// the cache is always safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/cache_codec.h"
#include "store/storage.h"
#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/history.h"
#include "tend/period.h"
#include "tend/profile.h"

namespace tend::store {

// The stamp of `path`, or nothing when it cannot be read.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);
// The same for a path as text: thirty years of month files are stamped without making a
// std::filesystem::path of each.
std::optional<FileStamp> stamp_of(const char* path);

// The system clock in nanoseconds since 1970: files are stamped with it, not with TEND_NOW.
std::int64_t real_time_ns();

class MonthCache {
  public:
    // Opens the cache of the journal at `root` and reads its index; `context` identifies what
    // parsing depends on (tend.toml's content, tend's version). A missing, foreign or damaged
    // cache is empty.
    // `now_ns` tells the time in nanoseconds since 1970 (tests pass a later one).
    MonthCache(std::filesystem::path root, std::uint64_t context,
               std::function<std::int64_t()> now_ns = real_time_ns);
    // The same, writing through `storage`.
    MonthCache(std::filesystem::path root, std::uint64_t context, Storage& storage,
               std::function<std::int64_t()> now_ns = real_time_ns);
    MonthCache(const MonthCache&) = delete;
    MonthCache& operator=(const MonthCache&) = delete;
    ~MonthCache();

    // The entries of `month` when cached for a file with this stamp (read and decoded only now,
    // so a command that needs one month reads one month).
    std::optional<std::vector<Entry>> find(const std::string& month, const FileStamp& stamp);

    // Adds the entries of `month` whose day lies in `period` to `into` (with their identities
    // when asked to), when cached for a file with this stamp; false (and nothing added) otherwise.
    bool find_compact(const std::string& month, const FileStamp& stamp, const Period& period,
                      CompactEntries& into, Identities identities);

    // Remembers a month just parsed from a file with this stamp and, when given, these bytes.
    // A file changed too recently to trust its stamp (a write within the same clock tick would
    // keep the modification time) is remembered by its bytes only; without them, not at all.
    void remember(const std::string& month, const FileStamp& stamp,
                  const std::vector<Entry>& entries,
                  std::optional<ContentKey> content = std::nullopt);

    // Whether a file with this stamp changed long enough ago that its stamp can be trusted.
    bool settled(const FileStamp& stamp) const;

    // Whether `month` is cached for a file with these bytes; if so, it is from now on cached for
    // this stamp too (find, find_compact, find_history), and the stamp is kept once it settled.
    bool confirm(const std::string& month, const FileStamp& stamp, const ContentKey& content);
    // Whether `month` is cached for a file with this stamp (without confirm: by its stamp).
    bool holds(const std::string& month, const FileStamp& stamp) {
        return cached(month, stamp) != nullptr;
    }

    // The entries of `month` when its file holds exactly `content` and tend wrote it last. The
    // month file tend wrote last is kept whole with its entries (.cache/latest.bin), so that a
    // month just written is known by its bytes while its stamp is too new to trust.
    // latest.bin is read once per MonthCache, however many months ask.
    std::optional<std::vector<Entry>> find_latest(const std::string& month,
                                                  std::string_view content);
    // Remembers the month file tend just wrote. Never fails.
    void remember_latest(const std::string& month, std::string_view content,
                         const std::vector<Entry>& entries);

    // Forgets months whose file is gone.
    void keep_only(std::vector<std::string> months);

    // Writes the cache when it changed: the months remembered since are appended to blobs.bin
    // and the index rewritten, so a command that changed one month writes about one month (and
    // the small index); when more than half of blobs.bin would be bytes nobody reads, it is
    // written anew with the live ones. Never fails: a cache that cannot be written (a read-only
    // folder, a full disk) is simply not there next time.
    void save();

    // The history of `month` made for the plan with `plan_key`, when cached for this stamp.
    std::optional<History> find_history(const std::string& month, const FileStamp& stamp,
                                        std::uint64_t plan_key);
    // Remembers the history of a month whose entries are cached with this stamp.
    void remember_history(const std::string& month, const FileStamp& stamp, std::uint64_t plan_key,
                          const History& history);

    // What a settled history of the months before `month` depends on: the plan (run_key) and
    // each of those month files (`files`: their names without ".toml" and stamps), by the entries
    // cached for them. None when one of them is not cached for its stamp.
    std::optional<std::uint64_t> past_digest(
        const std::string& month, std::uint64_t run_key,
        const std::vector<std::pair<std::string, FileStamp>>& files);
    // The settled history of the months before `month`, when remembered with this digest. A few
    // are kept (reports that start in different months), the last ones remembered.
    std::optional<History> find_past(const std::string& month, std::uint64_t digest);
    void remember_past(const std::string& month, std::uint64_t digest, const History& history);

  private:
    struct Blob {
        std::uint64_t offset = 0;  // in the cache file; unused when `fresh`
        std::uint64_t size = 0;
        std::uint64_t checksum = 0;        // checksum_of the bytes, checked on every read
        std::optional<std::string> fresh;  // encoded in this process, not yet written
    };
    struct Month {
        FileStamp stamp;
        bool stamp_usable = false;   // matches by stamp alone (in this process)
        bool stamp_settled = false;  // kept in the file (else zeros: matched by content only)
        std::optional<ContentKey> content;
        Blob entries;
        std::uint64_t plan_key = 0;
        Blob history;  // size 0: none
    };
    struct Past {
        std::string month;
        std::uint64_t digest = 0;
        Blob history;
    };
    // The month cached for a file with this stamp, or none.
    Month* cached(const std::string& month, const FileStamp& stamp);
    // Every blob the cache holds, in the order they are written.
    std::vector<Blob*> blobs();
    // Takes the months of months.bin when it is whole and describes the open blobs.bin.
    void read_index(std::string_view bytes);
    // Appends the blobs made in this process to blobs.bin; false when the file should be
    // compacted instead (or can't be appended to).
    bool append_fresh_blobs();
    // Writes blobs.bin anew with every month's blobs, under a new generation.
    void compact();
    void write_index();
    // A blob's bytes, valid until the next call.
    std::optional<std::string_view> read_blob(const Blob& blob);
    bool read_at(std::uint64_t offset, std::string& buffer) const;

    Storage* storage_;
    // False when .cache is not a plain folder of the journal (a link that may lead out of it).
    bool usable_ = true;
    std::filesystem::path path_;  // months.bin
    std::filesystem::path blobs_path_;
    std::filesystem::path latest_path_;
    int descriptor_ = -1;  // blobs.bin, open for the whole command; -1 when there is none
    std::uint64_t file_size_ = 0;
    std::uint64_t generation_ = 0;  // blobs.bin's, read from its head
    bool blobs_readable_ = false;   // blobs.bin is open and has a head
    std::string buffer_;
    std::optional<std::optional<std::string>> latest_;  // latest.bin's bytes, once read
    std::uint64_t context_ = 0;
    std::function<std::int64_t()> now_ns_;
    std::map<std::string, Month> months_;
    std::vector<Past> pasts_;  // the oldest remembered first
    bool changed_ = false;
};

// What a month's history depends on besides its entries: which entries each plan item counts,
// what it adds up (kind, conditions, total), and when it is in force (its rest days), as a hash.
std::uint64_t plan_key(const Plan& plan);

// What a settled history depends on besides its months (History::settle): plan_key, and each
// item's schedule and what a window expects, which decide its runs.
std::uint64_t run_key(const Plan& plan);

// What parsing a month depends on, as a hash: every kind (with its role) and field of the
// profile (names, types, ranges, choices) and tend's version. A cache made under another context is
// not used.
std::uint64_t cache_context(const Config& config);

}  // namespace tend::store
