// One journal entry: when, what kind, its field values, an optional note and tags.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tend/civil_time.h"
#include "tend/field_value.h"
#include "tend/profile.h"

namespace tend {

struct Entry {
    Instant at;
    std::string kind;
    std::vector<std::pair<std::string, FieldValue>> fields;  // in the kind's field order
    std::string note;
    std::vector<std::string> tags;
    // The line of its [[entry]] in its month file (0 for an entry not read from a file).
    int line = 0;

    const FieldValue* field(std::string_view name) const;
    friend bool operator==(const Entry&, const Entry&) = default;
};

// Puts `fields` in the order `kind` declares them (toml++ and the command line give other orders).
void put_in_kind_order(const KindSpec& kind,
                       std::vector<std::pair<std::string, FieldValue>>& fields);

// Orders entries by time; entries at the same second keep file order (stable).
void sort_by_time(std::vector<Entry>& entries);

}  // namespace tend
