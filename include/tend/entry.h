// One journal entry: when, what kind, its field values, an optional note and tags.
#pragma once

#include <cstdint>
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

// What makes two entries the same entry, wherever each is stored (two devices' month files, a
// sync tool's conflict copy, an export): the same time (instant and offset), kind, fields, note
// and tags, in that order. Fed piece by piece, so that the month cache can hash an entry from
// its bytes without building it; `identity_of` is the same for a whole Entry.
class EntryIdentity {
  public:
    explicit EntryIdentity(Instant at, std::string_view kind);
    void field(std::string_view name, std::int64_t whole);
    void field(std::string_view name, double number);
    void field(std::string_view name, bool flag);
    void field(std::string_view name, std::string_view text);
    void note(std::string_view note);
    void tag(std::string_view tag);
    // The 64-bit hash: equal for the same entry; a different entry collides once in 2^64.
    std::uint64_t value() const { return hash_; }

  private:
    void bytes(const void* data, std::size_t size);
    void text(std::string_view value);
    std::uint64_t hash_ = 14695981039346656037ULL;  // FNV-1a
};

std::uint64_t identity_of(const Entry& entry);

// Orders entries by time; entries at the same second keep file order (stable).
void sort_by_time(std::vector<Entry>& entries);

}  // namespace tend
