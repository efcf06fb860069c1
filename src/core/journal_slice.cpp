// The rule of what a report reads in full; the slice itself is built by the store.
#include "tend/journal_slice.h"

#include <algorithm>

namespace tend {

Date first_day_read_in_full(Date look_back, Date today) {
    return first_of_month(std::min(look_back, today));
}

JournalSlice everything_in(const std::vector<Entry>& entries, const Profile& profile) {
    JournalSlice slice(profile);
    slice.entries = entries;
    slice.compact = compact(entries, profile);
    return slice;
}

}  // namespace tend
