// Entry accessors and ordering.
#include "tend/entry.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <variant>

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

EntryIdentity::EntryIdentity(Instant at, std::string_view kind) {
    bytes(&at.utc_seconds, sizeof at.utc_seconds);
    bytes(&at.offset_seconds, sizeof at.offset_seconds);
    text(kind);
}

void EntryIdentity::bytes(const void* data, std::size_t size) {
    const auto* byte = static_cast<const unsigned char*>(data);
    for (std::size_t index = 0; index < size; ++index) {
        hash_ ^= byte[index];
        hash_ *= 1099511628211ULL;
    }
}

// Length first, so that "ab"+"c" and "a"+"bc" differ.
void EntryIdentity::text(std::string_view value) {
    const std::uint64_t size = value.size();
    bytes(&size, sizeof size);
    bytes(value.data(), value.size());
}

void EntryIdentity::field(std::string_view name, std::int64_t whole) {
    text(name);
    bytes("i", 1);
    bytes(&whole, sizeof whole);
}

// A number field written as 3 or as 3.0 is the same value.
void EntryIdentity::field(std::string_view name, double number) {
    if (std::trunc(number) == number && std::fabs(number) < 9e18) {
        field(name, static_cast<std::int64_t>(number));
        return;
    }
    text(name);
    bytes("d", 1);
    bytes(&number, sizeof number);
}

void EntryIdentity::field(std::string_view name, bool flag) {
    text(name);
    bytes(flag ? "y" : "n", 1);
}

void EntryIdentity::field(std::string_view name, std::string_view value) {
    text(name);
    bytes("t", 1);
    text(value);
}

void EntryIdentity::note(std::string_view note) {
    bytes("N", 1);
    text(note);
}

void EntryIdentity::tag(std::string_view tag) {
    bytes("T", 1);
    text(tag);
}

std::uint64_t identity_of(const Entry& entry) {
    EntryIdentity identity(entry.at, entry.kind);
    for (const auto& field : entry.fields) {
        // Not a structured binding: clang 14 (the fuzz build) can't capture one in a lambda.
        const std::string& name = field.first;
        std::visit(
            [&](const auto& held) {
                using Held = std::decay_t<decltype(held)>;
                if constexpr (std::is_same_v<Held, std::string>)
                    identity.field(name, std::string_view(held));
                else
                    identity.field(name, held);
            },
            field.second);
    }
    identity.note(entry.note);
    for (const auto& tag : entry.tags)
        identity.tag(tag);
    return identity.value();
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
