// Compact entries: fields in blocks that never move, names shared with the profile.
#include "tend/compact_entry.h"

#include <algorithm>
#include <numeric>

#include "core/text.h"

namespace tend {

namespace {

constexpr std::size_t fields_per_block = 4096;

}  // namespace

std::optional<double> numeric_value(const CompactValue& value) {
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*integer);
    if (const auto* number = std::get_if<double>(&value)) return *number;
    return std::nullopt;
}

CompactValue compact_value(const FieldValue& value) {
    return std::visit([](const auto& held) { return CompactValue(held); }, value);
}

const CompactValue* CompactEntry::field(std::string_view name) const {
    for (const auto& one : fields)
        if (same_name(one.name, name)) return &one.value;
    return nullptr;
}

KindRole role_of(const CompactEntry& entry, const Profile& profile) {
    return entry.spec ? entry.spec->role : profile.role_of(entry.kind);
}

std::string_view CompactEntries::kind_name(std::string_view kind) {
    if (last_kind_ && last_kind_->name == kind) return last_kind_->name;
    last_kind_ = profile_->kind(kind);
    if (last_kind_) return last_kind_->name;
    return kept(kind);
}

std::string_view CompactEntries::field_name(std::string_view field) {
    if (!last_kind_) return kept(field);
    // Fields come in their kind's order: the next one is most often the one after the last.
    const auto& fields = last_kind_->fields;
    for (std::size_t index = next_field_; index < fields.size(); ++index) {
        if (fields[index].name != field) continue;
        next_field_ = index + 1;
        return fields[index].name;
    }
    if (const FieldSpec* spec = last_kind_->field(field)) return spec->name;
    return kept(field);
}

std::string_view CompactEntries::kept(std::string_view text) {
    return texts_.emplace_back(text);
}

void CompactEntries::add_entry(Instant at, std::string_view kind) {
    const std::string_view name = kind_name(kind);
    next_field_ = 0;
    entries_.push_back(CompactEntry{at, name, last_kind_, {}});
}

void CompactEntries::add_field(std::string_view name, const CompactValue& value) {
    CompactEntry& entry = entries_.back();
    const std::size_t count = entry.fields.size();
    if (block_used_ == block_size_) {
        // The entry's fields so far move along, so that they stay in one block.
        block_size_ = std::max(fields_per_block, 2 * (count + 1));
        auto block = std::make_unique<CompactField[]>(block_size_);
        std::move(blocks_.empty() ? nullptr : blocks_.back().get() + block_used_ - count,
                  blocks_.empty() ? nullptr : blocks_.back().get() + block_used_, block.get());
        blocks_.push_back(std::move(block));
        block_used_ = count;
    }
    CompactField* block = blocks_.back().get();
    const auto* text = std::get_if<std::string_view>(&value);
    block[block_used_++] = CompactField{field_name(name), text ? kept(*text) : value};
    entry.fields = std::span<const CompactField>(block + block_used_ - count - 1, count + 1);
}

void CompactEntries::set_identity(std::uint64_t identity) {
    identities_.resize(entries_.size());
    identities_.back() = identity;
}

std::uint64_t CompactEntries::identity(std::size_t index) const {
    return index < identities_.size() ? identities_[index] : 0;
}

void CompactEntries::add(const Entry& entry) {
    add_entry(entry.at, entry.kind);
    for (const auto& [name, value] : entry.fields)
        add_field(name, compact_value(value));
}

void CompactEntries::sort_by_time() {
    const auto earlier = [](const CompactEntry& left, const CompactEntry& right) {
        return left.at.utc_seconds < right.at.utc_seconds;
    };
    if (std::is_sorted(entries_.begin(), entries_.end(), earlier)) return;
    if (identities_.empty()) {
        std::stable_sort(entries_.begin(), entries_.end(), earlier);
        return;
    }
    // Identities move with their entries.
    identities_.resize(entries_.size());
    std::vector<std::size_t> order(entries_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t left, std::size_t right) {
        return earlier(entries_[left], entries_[right]);
    });
    std::vector<CompactEntry> entries;
    std::vector<std::uint64_t> identities;
    entries.reserve(order.size());
    identities.reserve(order.size());
    for (const std::size_t index : order) {
        entries.push_back(entries_[index]);
        identities.push_back(identities_[index]);
    }
    entries_ = std::move(entries);
    identities_ = std::move(identities);
}

void CompactEntries::truncate(std::size_t count) {
    if (count < entries_.size()) entries_.resize(count);
    if (count < identities_.size()) identities_.resize(count);
}

CompactEntries compact(const std::vector<Entry>& entries, const Profile& profile) {
    CompactEntries compacted(profile);
    compacted.reserve(entries.size());
    for (const auto& entry : entries)
        compacted.add(entry);
    return compacted;
}

}  // namespace tend
