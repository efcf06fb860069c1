// Entries as the reports read them: time, kind and field values, without note, tags or line.
// Statistics over ten years of entries hold every entry at once; this form takes a fraction of
// an Entry's memory and is built without an allocation per entry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tend/civil_time.h"
#include "tend/entry.h"
#include "tend/field_value.h"
#include "tend/profile.h"

namespace tend {

// A field value as a compact entry holds it: text is a view into its container.
using CompactValue = std::variant<std::int64_t, double, bool, std::string_view>;

// The value as a number for statistics; nothing for text and bool (as for a FieldValue).
std::optional<double> numeric_value(const CompactValue& value);

// `value` as a compact value; a text is a view into `value`.
CompactValue compact_value(const FieldValue& value);

struct CompactField {
    std::string_view name;
    CompactValue value;
};

struct CompactEntry {
    Instant at;
    std::string_view kind;
    // The kind as the container's profile declares it; none for a kind it doesn't declare.
    const KindSpec* spec = nullptr;
    std::span<const CompactField> fields;  // in the kind's field order

    // The value of the field `name`, or nothing when the entry has none.
    const CompactValue* field(std::string_view name) const;
};

// The role of the entry's kind: read from its spec, so that reports over ten years don't look the
// kind up by name for every entry; asked of `profile` for a kind the container didn't know.
KindRole role_of(const CompactEntry& entry, const Profile& profile);

// Whether a read records each entry's identity (identity_of in tend/entry.h). Only a shared
// month file's entries need theirs (another device may hold the same entry); hashing each of ten
// years of entries would cost a report a twentieth of its time, and holding it an eighth of the
// entries' memory.
enum class Identities : bool { skip, record };

// Compact entries with the storage of their fields and names. The views stay valid for the
// container's life, also when it is moved; names come from `profile` when it declares them (so
// it must outlive the container), else the container keeps a copy, as it does of text values.
class CompactEntries {
  public:
    explicit CompactEntries(const Profile& profile) : profile_(&profile) {}
    CompactEntries(CompactEntries&&) = default;
    CompactEntries& operator=(CompactEntries&&) = default;

    // Adds an entry; its fields are given one by one with add_field, right after (a text value
    // is copied).
    void add_entry(Instant at, std::string_view kind);
    void add_field(std::string_view name, const CompactValue& value);
    // Records that the entry just added is the one with this identity (see identity_of).
    void set_identity(std::uint64_t identity);
    // What set_identity recorded for entries()[index]; 0 when nothing was.
    std::uint64_t identity(std::size_t index) const;
    // Adds a full entry (without its identity).
    void add(const Entry& entry);
    // Keeps, of the entries from index `first` on, those whose recorded identity `keep` says to
    // (asked in order, once each), in their order.
    template <typename Predicate>
    void keep_from(std::size_t first, Predicate keep) {
        identities_.resize(entries_.size());
        std::size_t kept = first;
        for (std::size_t index = first; index < entries_.size(); ++index)
            if (keep(identities_[index])) {
                entries_[kept] = entries_[index];
                identities_[kept++] = identities_[index];
            }
        entries_.resize(kept);
        identities_.resize(kept);
    }

    // Orders entries by time; entries at the same second keep the order they were added in.
    void sort_by_time();
    // Drops the entries added after the first `count` (a cached month that turned out damaged).
    void truncate(std::size_t count);
    void reserve(std::size_t entries) { entries_.reserve(entries); }

    const std::vector<CompactEntry>& entries() const { return entries_; }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

  private:
    std::string_view kind_name(std::string_view kind);
    std::string_view field_name(std::string_view field);
    std::string_view kept(std::string_view text);

    const Profile* profile_;
    const KindSpec* last_kind_ = nullptr;  // the kind of the entry being added
    std::size_t next_field_ = 0;           // where in last_kind_ its next field likely is
    std::vector<CompactEntry> entries_;
    // By index, as entries_; shorter when the last entries have none recorded (most reads).
    std::vector<std::uint64_t> identities_;
    // Fields live in fixed blocks that never move; an entry's fields are always in one block.
    std::vector<std::unique_ptr<CompactField[]>> blocks_;
    std::size_t block_used_ = 0;
    std::size_t block_size_ = 0;
    std::deque<std::string> texts_;  // text values, and names the profile doesn't declare
};

// The compact form of `entries`; it does not point into them.
CompactEntries compact(const std::vector<Entry>& entries, const Profile& profile);

}  // namespace tend
