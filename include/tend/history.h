// What the reports need to know of the months before the entries they are given, so that a
// week's summary need not read ten years of entries: the store builds it per month (and caches
// it with the month), and joins the months in time order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tend/civil_time.h"
#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend {

struct History {
    struct Progression {
        std::string kind;
        std::int64_t highest = 0;
        std::int64_t last = 0;  // the value of the last entry of the kind that had one
        friend bool operator==(const Progression&, const Progression&) = default;
    };
    struct Procedure {
        std::string name;  // its `name` field, or "procedure"
        Date last{};
        friend bool operator==(const Procedure&, const Procedure&) = default;
    };
    struct Visit {
        Date day{};
        std::optional<std::string> with;
        friend bool operator==(const Visit&, const Visit&) = default;
    };

    std::optional<Date> first_day;         // the first day with an entry
    std::vector<Progression> progression;  // kinds with a progression field, as first seen
    std::vector<Procedure> procedures;     // each name once, in the order first seen
    std::optional<Visit> last_visit;
    std::vector<Entry> open_questions;  // unanswered, after the last visit
    // Per plan item, by index: what its entries count, summed per day, in date order.
    std::vector<std::vector<std::pair<Date, double>>> counted;

    // Adds what a later stretch of the journal holds.
    void append(const History& later);
    const Progression* progression_of(std::string_view kind) const;
    friend bool operator==(const History&, const History&) = default;
};

// The history of `entries` (in time order, usually one month's) for `plan`'s items.
History history_of(const std::vector<Entry>& entries, const Plan& plan, const Profile& profile);

// The text of a text field, when `value` is one (helpers shared by the reports).
std::optional<std::string_view> text_of(const FieldValue* value);
std::optional<std::string_view> text_of(const CompactValue* value);

// A procedure's name (its `name` field, else "procedure"); a question answered (`answered`).
template <typename AnyEntry>
std::string procedure_name(const AnyEntry& entry) {
    return std::string(text_of(entry.field("name")).value_or("procedure"));
}
bool answered(const Entry& entry);

}  // namespace tend
