// The trend over months: one row per week with entries, adherence, sessions, pain and size.
#include <algorithm>
#include <string>

#include "core/stats_parts.h"
#include "core/text.h"

namespace tend {

namespace {

using std::chrono::days;

// The rows of the period's weeks that have begun by today, each clipped to the period.
std::vector<WeekRow> empty_rows(const Period& period, Weekday week_start, Date today) {
    std::vector<WeekRow> rows;
    const Date last = std::min(*period.to, today);
    for (Date week = start_of_week(*period.from, week_start); week <= last; week += days{7}) {
        WeekRow row;
        row.days = Period{std::max(week, *period.from), std::min(week + days{6}, *period.to)};
        row.days_so_far = days_between(*row.days.from, std::min(*row.days.to, today)) + 1;
        rows.push_back(std::move(row));
    }
    return rows;
}

// The columns of pain (and outcome) and progression fields that hold a value in the period.
void choose_field_columns(WeeklyTable& table, const StatsRequest& request,
                          const std::vector<const CompactEntry*>& in_period, const Config& config) {
    // The candidates are few (a kind's followed scales and its progression); the entries are
    // walked until each has shown a number, which ten years of entries mostly do in their first
    // days.
    struct Candidate {
        const KindSpec* kind;
        std::string_view field;
        bool pain;  // else a progression
        bool seen = false;
    };
    std::vector<Candidate> candidates;
    for (const auto& kind : config.profile.kinds) {
        if (!wanted_kind(request, kind.name)) continue;
        for (const auto& field : kind.fields)
            if (is_followed_scale(config.profile, kind, field))
                candidates.push_back({&kind, field.name, true});
        if (!kind.progression.empty()) candidates.push_back({&kind, kind.progression, false});
    }
    // Which candidates an entry's kind has, found once per kind the container declares (its
    // spec; the container's profile may be another copy of this one), by name for the others.
    std::vector<std::pair<const KindSpec*, std::vector<std::size_t>>> of_kind;
    std::vector<std::size_t> undeclared;
    const auto candidates_of = [&](const CompactEntry& entry) -> const std::vector<std::size_t>& {
        if (entry.spec)
            for (const auto& [spec, indices] : of_kind)
                if (spec == entry.spec) return indices;
        std::vector<std::size_t> indices;
        for (std::size_t index = 0; index < candidates.size(); ++index)
            if (same_name(candidates[index].kind->name, entry.kind)) indices.push_back(index);
        if (!entry.spec) return undeclared = std::move(indices);
        return of_kind.emplace_back(entry.spec, std::move(indices)).second;
    };
    std::size_t unseen = candidates.size();
    for (const CompactEntry* entry : in_period) {
        if (unseen == 0) break;
        for (const std::size_t index : candidates_of(*entry)) {
            Candidate& candidate = candidates[index];
            if (candidate.seen) continue;
            const CompactValue* value = entry->field(candidate.field);
            if (!value || !numeric_value(*value)) continue;
            candidate.seen = true;
            --unseen;
        }
    }
    for (const auto& candidate : candidates)
        if (candidate.seen)
            (candidate.pain ? table.pain_fields : table.progressions)
                .push_back({candidate.kind->name, std::string(candidate.field)});
}

// Entries and days logged as the summary's header counts them (is_logged_entry), so the rows add
// up to it; plan kinds' sessions, pain and sizes.
void count_entries(WeeklyTable& table, const std::vector<const CompactEntry*>& in_period,
                   const Period& period, Weekday week_start, const Profile& profile) {
    DaySet logged(period);
    std::vector<std::vector<Values>> pain(table.rows.size(),
                                          std::vector<Values>(table.pain_fields.size()));
    for (const CompactEntry* entry : in_period) {
        const Date day = entry->at.local_date();
        const std::size_t index = week_index(day, period, week_start);
        if (index >= table.rows.size() || !is_logged_entry(*entry, profile)) continue;
        WeekRow& row = table.rows[index];
        ++row.entries;
        logged.insert(day);
        for (std::size_t kind = 0; kind < table.plan_kinds.size(); ++kind)
            if (entry->kind == table.plan_kinds[kind]) ++row.sessions[kind];
        for (std::size_t column = 0; column < table.pain_fields.size(); ++column) {
            const FieldRef& ref = table.pain_fields[column];
            const CompactValue* value = entry->kind == ref.kind ? entry->field(ref.field) : nullptr;
            const auto number = value ? numeric_value(*value) : std::nullopt;
            if (number) pain[index][column].add(*number);
        }
        for (std::size_t column = 0; column < table.progressions.size(); ++column) {
            const FieldRef& ref = table.progressions[column];
            const CompactValue* value = entry->kind == ref.kind ? entry->field(ref.field) : nullptr;
            const auto* size = value ? std::get_if<std::int64_t>(value) : nullptr;
            if (!size) continue;
            auto& highest = row.highest[column];
            highest = std::max(highest.value_or(*size), *size);
        }
    }
    for (std::size_t index = 0; index < table.rows.size(); ++index) {
        int days_logged = 0;
        for (Date day = *table.rows[index].days.from; day <= *table.rows[index].days.to;
             day += days{1})
            days_logged += logged.contains(day) ? 1 : 0;
        table.rows[index].days_logged = days_logged;
        for (std::size_t column = 0; column < table.pain_fields.size(); ++column)
            table.rows[index].pain[column] = pain[index][column].week_values();
    }
}

// Each row's adherence per item and overall in sessions; a window counts in the row that holds
// its anchor day, as when the row's days are asked alone.
void measure_adherence(StatsReport& report, const StatsRequest& request,
                       const std::vector<std::vector<Window>>& item_windows, const Plan& plan,
                       Weekday week_start) {
    auto& rows = report.weekly.rows;
    std::vector<double> expected(rows.size());
    std::vector<double> credited(rows.size());
    for (std::size_t item_index = 0; item_index < report.items.size(); ++item_index) {
        const PlanItem& item = plan.items[report.items[item_index].number - 1];
        std::vector<std::vector<Window>> by_row(rows.size());
        for (const auto& window : item_windows[item_index]) {
            const std::size_t index = week_index(window.anchor(), request.period, week_start);
            if (index < by_row.size()) by_row[index].push_back(window);
        }
        for (std::size_t index = 0; index < by_row.size(); ++index) {
            rows[index].items.push_back(adherence_of(by_row[index], request.today));
            const auto [item_expected, item_credited] =
                in_sessions(item, by_row[index], request.today);
            expected[index] += item_expected;
            credited[index] += item_credited;
        }
    }
    for (std::size_t index = 0; index < rows.size(); ++index)
        if (expected[index] > 0) rows[index].adherence = credited[index] / expected[index];
}

}  // namespace

void add_weekly(StatsReport& report, const StatsRequest& request,
                const std::vector<CompactEntry>& entries,
                const std::vector<std::vector<Window>>& item_windows, const Plan& plan,
                const Config& config) {
    const Weekday week_start = config.settings.week_start;
    WeeklyTable& table = report.weekly;
    for (const auto& item : report.items)
        if (std::find(table.plan_kinds.begin(), table.plan_kinds.end(), item.kind) ==
            table.plan_kinds.end())
            table.plan_kinds.push_back(item.kind);
    const auto in_period = entries_in(entries, request.period, request);
    choose_field_columns(table, request, in_period, config);
    table.rows = empty_rows(request.period, week_start, request.today);
    for (auto& row : table.rows) {
        row.sessions.assign(table.plan_kinds.size(), 0);
        row.pain.assign(table.pain_fields.size(), std::nullopt);
        row.highest.assign(table.progressions.size(), std::nullopt);
    }
    count_entries(table, in_period, request.period, week_start, config.profile);
    measure_adherence(report, request, item_windows, plan, week_start);
}

}  // namespace tend
