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

class Journal {
  public:
    // Opens the journal at `root` and loads its tend.toml (or the built-in profile). The folder
    // need not exist yet: it is created by the first write.
    explicit Journal(std::filesystem::path root);
    // Every file is read and written through `storage` (tests pass a MemoryStorage).
    Journal(std::filesystem::path root, Config config, Storage& storage = disk());

    const std::filesystem::path& root() const { return root_; }
    const Config& config() const { return config_; }
    std::filesystem::path journal_folder() const { return root_ / "journal"; }
    // "journal/2026-11.toml", the name shown in messages.
    static std::string month_file_name(const std::string& month);

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
    // The same without notes, tags and lines, in a fraction of the memory: what reports read.
    // The entries refer to this journal's profile.
    CompactEntries load_compact(const Period& period, const OffsetAtLocal& offset_at_local) const;

    // What the months before `month` ("2026-11") hold for the reports, for `plan`: built from
    // each month's entries once, then kept in the cache with the month. Stops with user_error
    // at the first file that has an error.
    History history_before(const std::string& month, const Plan& plan,
                           const OffsetAtLocal& offset_at_local) const;
    // The same, month by month, oldest first ("2026-10" and its History).
    std::vector<std::pair<std::string, History>> histories_before(
        const std::string& month, const Plan& plan, const OffsetAtLocal& offset_at_local) const;

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

  private:
    // Reads each month file that overlaps `period`: through `from_cache` when the cache holds
    // the month (false when it doesn't after all), else parsed and given to `parsed`. Stops with
    // user_error at the first file that has an error.
    using MonthReader =
        std::function<bool(MonthCache&, const std::string& month, const FileStamp& stamp)>;
    // A month's entries as parsed, in file order; with the file's stamp when it has one.
    using EntriesReader =
        std::function<void(const std::string& month, const std::optional<FileStamp>& stamp,
                           const std::vector<Entry>& entries)>;
    void read_months(const Period& period, const OffsetAtLocal& offset_at_local,
                     const MonthReader& from_cache, const EntriesReader& parsed) const;
    // The month file's entries as it stands, for append: from the cache when its stamp matches
    // (it parsed cleanly then), else parsed now. Throws user_error on a TOML syntax error.
    // Nothing when they can't be known exactly (errors in entries, times without an offset).
    std::optional<std::vector<Entry>> entries_before_append(const std::string& month,
                                                            const std::string& content) const;
    MonthCache& cache() const;
    // One try of append: false when the file changed before it could be replaced.
    bool try_append(const Entry& entry, const std::string& month, std::string& addition) const;

    std::filesystem::path root_;
    Config config_;
    Storage* storage_;
    // A cache is a shortcut, not state: reading through a const journal may fill it.
    mutable std::unique_ptr<MonthCache> cache_;
};

}  // namespace tend::store
