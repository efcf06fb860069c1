// Entry accessors and ordering.
#include "tend/entry.h"

#include <algorithm>

namespace tend {

const FieldValue* Entry::field(std::string_view name) const {
    for (const auto& [field_name, value] : fields)
        if (field_name == name) return &value;
    return nullptr;
}

void sort_by_time(std::vector<Entry>& entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& left, const Entry& right) {
        return left.at.utc_seconds < right.at.utc_seconds;
    });
}

}  // namespace tend
