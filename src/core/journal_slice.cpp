// The rule of what a report reads in full; the slice itself is built by the store.
#include "tend/journal_slice.h"

#include <algorithm>

namespace tend {

Date first_day_read_in_full(Date look_back, Date today) {
    return first_of_month(std::min(look_back, today));
}

}  // namespace tend
