// What a report reads of the journal: the summary of everything before (History) and the
// entries of the span read in full, as one value built by one store call
// (store::Journal::slice_for). The rule of what must be read in full lives here, once.
#pragma once

#include <optional>
#include <vector>

#include "tend/civil_time.h"
#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/history.h"
#include "tend/period.h"

namespace tend {

// How far before its period a report looks.
enum class LookBack {
    period,           // only the period's own days (the weekly rows compare nothing)
    previous_period,  // and the period of the same length before it (the summary's comparison)
    everything,       // every entry since the first (the effect of a factor)
};

struct SliceRequest {
    Period period;  // as asked: open ends are closed at the first entry and at today
    // No period asked: from the day after the last visit before today, else the last 30 days
    // (the visit notes' default). `period` is then ignored.
    bool since_last_visit = false;
    LookBack look_back = LookBack::previous_period;
    bool full_entries = false;  // entries with notes and tags (export), else compact (stats)
    // With full_entries: in full only the entries read_in_full_for_notes keeps (the visit notes
    // then stream the period's entries themselves, ExportRequest::list_entries).
    bool notes_only_in_full = false;
};

// The first day a report must read in full when the days it needs (days_read_in_full of what it
// measures) start on `look_back`: the first of that month, but never after the first of today's
// month, so that the months before, read as their History, hold only days before today.
Date first_day_read_in_full(Date look_back, Date today);

struct JournalSlice {
    explicit JournalSlice(const Profile& profile) : compact(profile) {}

    Period period;                   // the period, bounded (by the first entry and today)
    std::optional<Date> last_visit;  // for since_last_visit: the visit the period follows
    History before;                  // every day before `read_from`, summarised
    std::optional<Date> read_from;   // the first day read in full; none: from the first entry
    // The entries from `read_from` to the period's end, in time order: compact always, and in
    // full too when the request asked for full entries (with notes_only_in_full, only those).
    std::vector<Entry> entries;
    CompactEntries compact;
};

// A slice of entries already in memory (time order), all read in full, in both forms: for tests
// and for entries that come from elsewhere than a journal folder. The slice's compact entries
// refer to `profile`, which must outlive it.
JournalSlice everything_in(const std::vector<Entry>& entries, const Profile& profile);

}  // namespace tend
