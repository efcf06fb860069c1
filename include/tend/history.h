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

#include "tend/adherence.h"
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
        std::string name;  // its `name` field, or its kind's name
        Date last{};
        Entry entry;  // the last one: what the notes say was given (its dose, units)
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
    // Questions not answered yet, in time order. They stay open across visits until an answer
    // (`tend questions answer`) names them, in this stretch or a later one.
    std::vector<Entry> open_questions;
    // The answer tags (answer_tag: "answers-...") of this stretch's answers, sorted, each once:
    // joined with a later stretch, they close the questions it answers.
    std::vector<std::string> answers;
    // Per plan item, by index: what its entries count, summed per day, in date order.
    std::vector<std::vector<std::pair<Date, double>>> counted;
    // Per plan item, by index: its rest days (rest_days_of), in date order. A rest entry near a
    // month's end may rest days of the next month: they are here too.
    std::vector<std::vector<Date>> rested;
    // Set once the history is settled (settle): `counted` and `rested` then hold only the days
    // after this one, and `runs` each daily item's run as it stood at its end, so that a streak
    // goes on from there and a week's summary need not walk thirty years of days.
    std::optional<Date> settled_through;
    std::vector<DailyRun> runs;  // per plan item, by index

    // Adds what a later stretch of the journal holds (not a settled one: only the first stretch
    // of a join may be settled).
    void append(const History& later);
    const Progression* progression_of(std::string_view kind) const;
    // The run of plan item `index` at the end of settled_through, when settled.
    std::optional<SettledRun> settled_run(std::size_t index) const;
    friend bool operator==(const History&, const History&) = default;
};

// Settles `history` at the end of `through`, a day before today: each daily item of `plan` gets
// its run as it stood then (the same as daily_run from the item's start), and the days counted
// and rested up to `through` are dropped. Only what the reports need for the days after stays:
// a history of every month before a report's first, settled at their end, is as small after
// thirty years as after one.
void settle(History& history, const Plan& plan, Date through);

// The history of `entries` (in time order, usually one month's) for `plan`'s items.
History history_of(const std::vector<Entry>& entries, const Plan& plan, const Profile& profile);

// The text of a text field, when `value` is one (helpers shared by the reports).
std::optional<std::string_view> text_of(const FieldValue* value);
std::optional<std::string_view> text_of(const CompactValue* value);

// What the reports look for in entries by the role the profile gives their kind: visits,
// procedures, open questions and treatments. The one home of these scans, for full and compact
// entries alike; the profile must outlive it.
class RoleScan {
  public:
    explicit RoleScan(const Profile& profile)
        : visits_(profile.kinds_with_role(KindRole::visit)),
          procedures_(profile.kinds_with_role(KindRole::procedure)),
          questions_(profile.kinds_with_role(KindRole::question)),
          medications_(profile.kinds_with_role(KindRole::medication)) {}

    bool is_visit(std::string_view kind) const { return holds(visits_, kind); }
    bool is_procedure(std::string_view kind) const { return holds(procedures_, kind); }
    bool is_question(std::string_view kind) const { return holds(questions_, kind); }
    // A medication or a procedure: what the visit notes list as treatments.
    bool is_treatment(std::string_view kind) const {
        return holds(medications_, kind) || holds(procedures_, kind);
    }
    // A question not yet marked answered (its bool field `answered`).
    template <typename AnyEntry>
    bool is_open_question(const AnyEntry& entry) const {
        if (!is_question(entry.kind)) return false;
        const auto* value = entry.field("answered");
        const bool* yes = value ? std::get_if<bool>(value) : nullptr;
        return !yes || !*yes;
    }
    // Whom a visit was with: its `with` field, when it has one.
    template <typename AnyEntry>
    static std::optional<std::string_view> visit_with(const AnyEntry& entry) {
        return text_of(entry.field("with"));
    }
    // A procedure's name: its `name` field, else the name of its kind (nerve-block).
    template <typename AnyEntry>
    static std::string procedure_name(const AnyEntry& entry) {
        return std::string(text_of(entry.field("name")).value_or(std::string_view(entry.kind)));
    }

  private:
    static bool holds(const std::vector<std::string_view>& kinds, std::string_view kind) {
        for (const auto candidate : kinds)
            if (candidate == kind) return true;
        return false;
    }
    std::vector<std::string_view> visits_;
    std::vector<std::string_view> procedures_;
    std::vector<std::string_view> questions_;
    std::vector<std::string_view> medications_;
};

}  // namespace tend
