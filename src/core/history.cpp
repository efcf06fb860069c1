// The history of a stretch of the journal: built from its entries, joined month after month.
#include "tend/history.h"

#include <algorithm>

#include "tend/adherence.h"

namespace tend {

namespace {

void add_progression(History& history, const std::string& kind, std::int64_t highest,
                     std::int64_t last) {
    for (auto& known : history.progression)
        if (known.kind == kind) {
            known.highest = std::max(known.highest, highest);
            known.last = last;
            return;
        }
    history.progression.push_back({kind, highest, last});
}

void add_procedure(History& history, const std::string& name, Date day) {
    for (auto& known : history.procedures)
        if (known.name == name) {
            known.last = day;
            return;
        }
    history.procedures.push_back({name, day});
}

}  // namespace

std::optional<std::string_view> text_of(const FieldValue* value) {
    const auto* text = value ? std::get_if<std::string>(value) : nullptr;
    if (!text) return std::nullopt;
    return *text;
}

std::optional<std::string_view> text_of(const CompactValue* value) {
    const auto* text = value ? std::get_if<std::string_view>(value) : nullptr;
    if (!text) return std::nullopt;
    return *text;
}

const History::Progression* History::progression_of(std::string_view kind) const {
    for (const auto& known : progression)
        if (known.kind == kind) return &known;
    return nullptr;
}

void History::append(const History& later) {
    if (!first_day) first_day = later.first_day;
    for (const auto& known : later.progression)
        add_progression(*this, known.kind, known.highest, known.last);
    for (const auto& procedure : later.procedures)
        add_procedure(*this, procedure.name, procedure.last);
    if (later.last_visit) {
        last_visit = later.last_visit;
        open_questions.clear();
    }
    open_questions.insert(open_questions.end(), later.open_questions.begin(),
                          later.open_questions.end());
    counted.resize(std::max(counted.size(), later.counted.size()));
    for (std::size_t item = 0; item < later.counted.size(); ++item)
        counted[item].insert(counted[item].end(), later.counted[item].begin(),
                             later.counted[item].end());
    rested.resize(std::max(rested.size(), later.rested.size()));
    for (std::size_t item = 0; item < later.rested.size(); ++item) {
        auto& days = rested[item];
        days.insert(days.end(), later.rested[item].begin(), later.rested[item].end());
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
    }
}

History history_of(const std::vector<Entry>& entries, const Plan& plan, const Profile& profile) {
    History history;
    if (!entries.empty()) history.first_day = entries.front().at.local_date();
    const RoleScan roles(profile);
    for (const auto& entry : entries) {
        const Date day = entry.at.local_date();
        const KindSpec* kind = profile.kind(entry.kind);
        if (kind && !kind->progression.empty()) {
            const FieldValue* value = entry.field(kind->progression);
            if (const auto* number = value ? std::get_if<std::int64_t>(value) : nullptr)
                add_progression(history, kind->name, *number, *number);
        }
        if (roles.is_procedure(entry.kind))
            add_procedure(history, RoleScan::procedure_name(entry), day);
        if (roles.is_visit(entry.kind)) {
            const auto with = RoleScan::visit_with(entry);
            history.last_visit =
                History::Visit{day, with ? std::optional<std::string>(*with) : std::nullopt};
            history.open_questions.clear();
        }
        if (roles.is_open_question(entry)) history.open_questions.push_back(entry);
    }
    const CompactEntries counted = compact(entries, profile);
    for (const auto& item : plan.items) {
        history.counted.push_back(CountedAmounts(item, counted.entries()).per_day());
        history.rested.push_back(rest_days_of(item, counted.entries(), profile));
    }
    return history;
}

}  // namespace tend
