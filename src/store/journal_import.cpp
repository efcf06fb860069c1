// Importing entries into the journal: only what it doesn't hold yet, into this device's files.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "store/import_file.h"
#include "store/journal.h"
#include "tend/error.h"

namespace tend::store {

namespace {

// How many times each identity is in `entries`.
std::map<std::uint64_t, std::size_t> counts_of(const std::vector<Entry>& entries) {
    std::map<std::uint64_t, std::size_t> counts;
    for (const auto& entry : entries)
        ++counts[identity_of(entry)];
    return counts;
}

// The same for entries the journal holds. One that a CSV export changes (a control character in
// its note, a tag with a space, written by hand or by another program) counts under the identity
// of how the CSV reads back too, so that importing that export adds nothing.
std::map<std::uint64_t, std::size_t> held_counts_of(const std::vector<Entry>& entries) {
    std::map<std::uint64_t, std::size_t> counts;
    for (const auto& entry : entries) {
        const auto identity = identity_of(entry);
        ++counts[identity];
        if (const auto through_csv = identity_of(as_read_from_csv(entry)); through_csv != identity)
            ++counts[through_csv];
    }
    return counts;
}

}  // namespace

Journal::ImportCount Journal::import_entries(const std::vector<Entry>& entries,
                                             const OffsetAtLocal& offset_at_local, bool dry_run) {
    std::map<std::string, std::vector<Entry>> by_month;
    for (const auto& entry : entries)
        by_month[month_key(entry.at.local_date())].push_back(entry);
    ImportCount count;
    if (by_month.empty()) return count;
    const MonthFileName any_file = own_file(by_month.begin()->first);  // checks the device name
    std::unique_ptr<Storage::Lock> lock;
    if (!dry_run) {
        storage_->make_private_folder(root_, root_.string());
        storage_->make_private_folder(journal_folder(), "journal");
        lock = storage_->lock(root_);
        storage_->remove_stale_temporary_files(journal_folder());
    }
    for (const auto& [month, month_entries] : by_month) {
        const Date first = *parse_iso_date(month + "-01");
        // What the month holds: an entry counts as often as the one file that holds it most.
        const auto held =
            held_counts_of(load(Period{first, last_of_month(first)}, offset_at_local));
        const MonthFileName file{month, any_file.device};
        const auto own = storage_->read(root_ / file.path(), file.path());
        const auto own_entries = own ? entries_before_append(file, *own) : std::vector<Entry>{};
        if (!own_entries)
            throw user_error(fmt::format("{} has entries with errors, so nothing of {} was "
                                         "imported",
                                         file.path(), month),
                             "fix them first ('tend check' lists them), then import again");
        const auto in_own_file = held_counts_of(*own_entries);
        // Each identity the import holds n times is new as often as n exceeds what the month
        // holds; then this device's file is brought up to n copies, so that the month (the
        // file that holds an entry most) holds it n times, and a second import adds nothing.
        std::map<std::uint64_t, std::size_t> imported = counts_of(month_entries);
        std::vector<Entry> to_add;
        for (const auto& entry : month_entries) {
            const auto identity = identity_of(entry);
            const auto wanted = imported.find(identity);
            if (wanted->second == 0) continue;  // this identity is done
            const std::size_t n = wanted->second;
            wanted->second = 0;
            const auto found_held = held.find(identity);
            const auto found_own = in_own_file.find(identity);
            const std::size_t month_holds = found_held == held.end() ? 0 : found_held->second;
            const std::size_t file_holds = found_own == in_own_file.end() ? 0 : found_own->second;
            count.added += n > month_holds ? n - month_holds : 0;
            count.already_there += std::min(n, month_holds);
            if (n > month_holds)
                for (std::size_t copy = file_holds; copy < n; ++copy)
                    to_add.push_back(entry);
        }
        if (dry_run || to_add.empty()) continue;
        constexpr int tries = 5;
        std::string addition;
        int tried = 0;
        while (!try_append(to_add, file, addition))
            if (++tried == tries)
                throw user_error(
                    fmt::format("{} kept changing while tend wrote to it, so its entries were "
                                "not imported",
                                file.path()),
                    "another program (a sync tool?) is writing it; import again in a moment");
    }
    return count;
}

}  // namespace tend::store
