// The history of a stretch of the journal: built from its entries, joined month after month.
#include "tend/history.h"

#include <algorithm>

#include "tend/adherence.h"
#include "tend/questions.h"

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

void add_procedure(History& history, const std::string& name, Date day, const Entry& entry) {
    for (auto& known : history.procedures)
        if (known.name == name) {
            known.last = day;
            known.entry = entry;
            return;
        }
    history.procedures.push_back({name, day, entry});
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
    if (!first_day || (later.first_day && *later.first_day < *first_day))
        first_day = later.first_day;
    for (const auto& known : later.progression)
        add_progression(*this, known.kind, known.highest, known.last);
    for (const auto& procedure : later.procedures)
        add_procedure(*this, procedure.name, procedure.last, procedure.entry);
    if (later.last_visit) last_visit = later.last_visit;
    // A later answer closes an earlier question; a visit between them does not.
    std::erase_if(open_questions, [&](const Entry& question) {
        return std::binary_search(later.answers.begin(), later.answers.end(), answer_tag(question));
    });
    open_questions.insert(open_questions.end(), later.open_questions.begin(),
                          later.open_questions.end());
    answers.insert(answers.end(), later.answers.begin(), later.answers.end());
    std::sort(answers.begin(), answers.end());
    answers.erase(std::unique(answers.begin(), answers.end()), answers.end());
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

std::optional<SettledRun> History::settled_run(std::size_t index) const {
    if (!settled_through) return std::nullopt;
    return SettledRun{*settled_through, index < runs.size() ? runs[index] : DailyRun{}};
}

void settle(History& history, const Plan& plan, Date through) {
    if (history.settled_through && through <= *history.settled_through) return;
    const std::vector<CompactEntry> no_entries;
    history.counted.resize(std::max(history.counted.size(), plan.items.size()));
    history.rested.resize(std::max(history.rested.size(), plan.items.size()));
    history.runs.resize(plan.items.size());
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        const PlanItem& item = plan.items[index];
        auto& counted = history.counted[index];
        auto& rested = history.rested[index];
        if (is_daily(item)) {
            CountedAmounts amounts(item, counted, no_entries);
            amounts.add_rest_days(rested);
            // Every day up to `through` is before today, so the run there does not depend on
            // which day today is.
            history.runs[index] = daily_run(item, amounts, through, through + std::chrono::days{1},
                                            history.settled_run(index));
        }
        std::erase_if(counted, [&](const auto& amount) { return amount.first <= through; });
        std::erase_if(rested, [&](Date day) { return day <= through; });
    }
    history.settled_through = through;
}

History history_of(const std::vector<Entry>& entries, const Plan& plan, const Profile& profile) {
    History history;
    // The earliest day written: an entry logged at +14:00 may be earlier in time than one
    // written a day before it.
    for (const auto& entry : entries)
        if (!history.first_day || entry.at.local_date() < *history.first_day)
            history.first_day = entry.at.local_date();
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
            add_procedure(history, RoleScan::procedure_name(entry), day, entry);
        if (roles.is_visit(entry.kind)) {
            const auto with = RoleScan::visit_with(entry);
            history.last_visit =
                History::Visit{day, with ? std::optional<std::string>(*with) : std::nullopt};
        }
        if (roles.is_question(entry.kind))
            for (const auto& tag : entry.tags)
                if (tag.starts_with("answers-")) history.answers.push_back(tag);
    }
    std::sort(history.answers.begin(), history.answers.end());
    history.answers.erase(std::unique(history.answers.begin(), history.answers.end()),
                          history.answers.end());
    history.open_questions = open_questions(entries, profile);
    const CompactEntries counted = compact(entries, profile);
    const auto rests = rests_in(counted.entries(), profile);
    for (const auto& item : plan.items) {
        history.counted.push_back(CountedAmounts(item, counted.entries()).per_day());
        history.rested.push_back(rest_days_of(item, rests));
    }
    return history;
}

}  // namespace tend
