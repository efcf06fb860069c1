// The journal folder: its settings, its month files, reading periods and appending entries.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/month_cache.h"
#include "store/month_file.h"
#include "store/problem.h"
#include "store/storage.h"
#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/history.h"
#include "tend/journal_slice.h"
#include "tend/period.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend::store {

// The entries of a month as the union of its files, each a multiset: an entry stored in several
// files (two devices' files, a copy) is taken once, while one file's repeats (three kegels
// sessions logged at 21:00) stay, as many times as the file that holds it most.
class MonthUnion {
  public:
    // Starts reading the next file of `month`; a new month starts afresh.
    void start_file(const std::string& month);
    // Whether an entry with this identity, the next in the file, is new to the month.
    bool keep(std::uint64_t identity);

  private:
    struct Seen {
        std::uint64_t identity;
        int in_earlier;    // the most times one earlier file holds it
        int in_this_file;  // how often the file being read held it so far
    };
    std::string month_;
    std::vector<Seen> earlier_;             // by identity
    std::vector<std::uint64_t> this_file_;  // the identities of the file being read
};

class Journal {
  public:
    // Opens the journal at `root` and loads its tend.toml (or the built-in profile). The folder
    // need not exist yet: it is created by the first write.
    explicit Journal(std::filesystem::path root);
    // Every file is read and written through `storage` (tests pass a MemoryStorage). `device`
    // names this device (else this_device() finds it when a write needs it).
    Journal(std::filesystem::path root, Config config, Storage& storage = disk(),
            std::optional<std::string> device = std::nullopt);

    const std::filesystem::path& root() const { return root_; }
    const Config& config() const { return config_; }
    std::filesystem::path journal_folder() const { return root_ / "journal"; }
    // This device's name (store/device.h); user_error when it can't name a file. Only writes
    // need it: reading takes every device's files.
    std::string device() const;
    // This device's file of `month`, the only month file it appends to.
    MonthFileName own_file(const std::string& month) const;

    // Every month file, by month, the plain "2026-11.toml" first, then by device.
    std::vector<MonthFileName> month_files() const;
    // The months that have a file, oldest first ("2026-10", "2026-11").
    std::vector<std::string> months() const;

    // What a report reads (the one read path): the summary of the months before the span it must
    // read in full, and that span's entries, for `plan`'s items. The span is the days the report
    // measures (with the previous period unless it looks back only on itself) widened to its
    // plan windows (days_read_in_full), from the first of their month (first_day_read_in_full).
    // A default visit report finds its period here too, reading each month's history once.
    // Stops with user_error at the first file that has an error.
    JournalSlice slice_for(const SliceRequest& request, const Plan& plan, Date today,
                           const OffsetAtLocal& offset_at_local) const;

    // The entries whose local date lies in `period`, in time order. Stops with user_error at the
    // first file that has an error (FILE:LINE:COL: message).
    std::vector<Entry> load(const Period& period, const OffsetAtLocal& offset_at_local) const;
    // The same, a month at a time: `each` gets every entry of `period` once, in the order `load`
    // returns them, in pieces of about a month (an entry is held back while one of the next
    // month, in another time zone, could still come before it). Memory is bounded by a month.
    void load_month_by_month(const Period& period, const OffsetAtLocal& offset_at_local,
                             const std::function<void(std::vector<Entry>&)>& each) const;
    // The same without notes, tags and lines, in a fraction of the memory: what reports read.
    // The entries refer to this journal's profile.
    CompactEntries load_compact(const Period& period, const OffsetAtLocal& offset_at_local) const;
    // The same a month at a time: `each` gets each month's entries (of every file), in time
    // order, months in order; an entry logged in another time zone at a month's end may come
    // before the last of the month before. Memory is bounded by a month (stats --effect).
    void load_compact_month_by_month(const Period& period, const OffsetAtLocal& offset_at_local,
                                     const std::function<void(const CompactEntries&)>& each) const;

    // What the months before `month` ("2026-11") hold for the reports, for `plan`: built from
    // each month's entries once, then kept in the cache with the month. Stops with user_error
    // at the first file that has an error. When those months end before `today`, the history
    // is settled at their end (History::settle) and kept whole in the cache too, so that the
    // next report that starts in `month` reads one small record however long the journal is.
    History history_before(const std::string& month, const Plan& plan,
                           const OffsetAtLocal& offset_at_local, Date today) const;
    // The same, month by month, oldest first ("2026-10" and its History).
    std::vector<std::pair<std::string, History>> histories_before(
        const std::string& month, const Plan& plan, const OffsetAtLocal& offset_at_local) const;

    // From now on, every month file read must be as it was the first time it was read: a
    // command that reads the journal twice (an export's report, then its entries) stops with
    // user_error when a file changed, appeared or went away in between (a second terminal's
    // `tend log`, a sync tool), rather than write figures that disagree with its own list.
    void read_as_one_snapshot() const;

    // Every problem in the month files, in file order, and files in journal/ that tend ignores.
    // An entry dated more than a day after `today` is a warning (a typo in the year); only a
    // warning, so a clock set wrong never locks anyone out. (tend.toml is checked by
    // parse_config.)
    std::vector<Problem> check(const OffsetAtLocal& offset_at_local, Date today) const;

    // Appends `entry` to its month file as a new [[entry]] block, under the folder lock and
    // through an atomic replace; the existing text is kept byte for byte. Refuses (user_error)
    // when the month file does not parse, or would not read back as its entries plus this one.
    // When another program replaces the file meanwhile, the entry is appended to its new
    // content instead. Records the block for `undo`: when only that record
    // cannot be written (a full disk), the entry is still saved and the reason is returned, so
    // the caller can say that `undo` will not reach it. `logged_utc` (now) goes in that record,
    // so undo can tell an entry just logged from an older one.
    [[nodiscard]] std::optional<std::string> append(
        const Entry& entry, std::optional<std::int64_t> logged_utc = std::nullopt);

    // What an import did (or, dry, would do): entries new to the journal, and entries it
    // already held (in any file of their month).
    struct ImportCount {
        std::size_t added = 0;
        std::size_t already_there = 0;
    };
    // Appends those of `entries` that the journal doesn't hold yet to this device's month files:
    // under the folder lock, one atomic replace per month, each checked as `append` is. Entries
    // are matched by identity, as reads match them (MonthUnion): importing the same file twice
    // adds nothing. With `dry_run` nothing is written. Not recorded for `undo`. A month already
    // written stays written if a later month fails; importing again adds only what is missing.
    ImportCount import_entries(const std::vector<Entry>& entries,
                               const OffsetAtLocal& offset_at_local, bool dry_run);

  private:
    // Reads each month file that overlaps `period`: through `from_cache` when the cache holds
    // the month (false when it doesn't after all), else parsed and given to `parsed`. Stops with
    // user_error at the first file that has an error.
    // Each file comes with whether its month has other files: then an entry is taken only when
    // `seen` keeps it (the union of the month's files, see MonthUnion).
    struct FileRead {
        const MonthFileName& name;
        bool shared = false;
        MonthUnion& seen;
        // Whether the entry with this identity is one to take.
        bool takes(std::uint64_t identity) const { return !shared || seen.keep(identity); }
        bool takes(const Entry& entry) const { return !shared || seen.keep(identity_of(entry)); }
        // Adds the cached entries of the file in `period` that it takes to `into`; false, with
        // nothing added, when the cache doesn't hold the file with this stamp.
        bool add_cached(MonthCache& cache, const FileStamp& stamp, const Period& period,
                        CompactEntries& into) const;
    };
    using MonthReader =
        std::function<bool(MonthCache&, const FileRead& file, const FileStamp& stamp)>;
    // A file's entries as parsed, in file order; with the file's stamp when it has one.
    using EntriesReader =
        std::function<void(const FileRead& file, const std::optional<FileStamp>& stamp,
                           const std::vector<Entry>& entries)>;
    void read_months(const Period& period, const OffsetAtLocal& offset_at_local,
                     const MonthReader& from_cache, const EntriesReader& parsed) const;
    // The month file's entries as it stands, for append: from the cache when its stamp matches
    // (it parsed cleanly then), else parsed now. Throws user_error on a TOML syntax error.
    // Nothing when they can't be known exactly (errors in entries, times without an offset).
    std::optional<std::vector<Entry>> entries_before_append(const MonthFileName& file,
                                                            const std::string& content) const;
    MonthCache& cache() const;
    // One try of appending `entries` (all of `file`'s month) to `file`: false when the file
    // changed before it could be replaced. `addition` is what was appended.
    bool try_append(const std::vector<Entry>& entries, const MonthFileName& file,
                    std::string& addition) const;

    std::filesystem::path root_;
    Config config_;
    Storage* storage_;
    std::optional<std::string> device_;
    // A cache is a shortcut, not state: reading through a const journal may fill it.
    mutable std::unique_ptr<MonthCache> cache_;
    // With read_as_one_snapshot: each month file's month and bytes as first read, by file, and
    // the periods read so far (a file of a month read before that wasn't there is new).
    struct Snapshot {
        struct File {
            std::string month;
            std::string path;  // as messages name it
            ContentKey bytes;
        };
        std::map<std::string, File> files;  // by MonthFileName::key
        std::vector<Period> periods;
    };
    mutable std::optional<Snapshot> snapshot_;
    // The month files as slice_for listed them: its reads (the months before, the period) list
    // journal/ once. Set only while it runs; it writes nothing.
    mutable std::optional<std::vector<MonthFileName>> listed_;
    // Throws user_error when `file` (`content` as just read) is not as the snapshot has it.
    void check_snapshot(const MonthFileName& file, const std::optional<std::string>& content) const;
};

}  // namespace tend::store
