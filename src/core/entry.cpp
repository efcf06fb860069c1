// Entry accessors and ordering.
#include "tend/entry.h"

#include <algorithm>

namespace tend {

const FieldValue* Entry::field(std::string_view name) const {
    for (const auto& [field_name, value] : fields)
        if (field_name == name) return &value;
    return nullptr;
}

void put_in_kind_order(const KindSpec& kind,
                       std::vector<std::pair<std::string, FieldValue>>& fields) {
    std::vector<std::pair<std::string, FieldValue>> ordered;
    ordered.reserve(fields.size());
    for (const auto& spec : kind.fields)
        for (auto& pair : fields)
            if (pair.first == spec.name) ordered.push_back(std::move(pair));
    fields = std::move(ordered);
}

void sort_by_time(std::vector<Entry>& entries) {
    const auto earlier = [](const Entry& left, const Entry& right) {
        return left.at.utc_seconds < right.at.utc_seconds;
    };
    // Journals are nearly always in order already; checking is much cheaper than moving.
    if (std::is_sorted(entries.begin(), entries.end(), earlier)) return;
    std::stable_sort(entries.begin(), entries.end(), earlier);
}

}  // namespace tend
