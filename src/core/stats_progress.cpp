// Progression (highest size, step backs), calm flags, and the days since procedures and visits.
#include <algorithm>
#include <map>
#include <set>

#include "core/stats_parts.h"

namespace tend {

namespace {

using std::chrono::days;

void flag_persistent_pain(StatsReport& report, const StatsRequest& request,
                          const std::vector<CompactEntry>& entries, const Config& config) {
    const int level = config.settings.persistent_pain_level;
    DaySet painful_days(request.period);
    for (const auto& entry : entries) {
        if (!request.period.contains(entry.at.local_date())) continue;
        const KindSpec* kind = entry.spec ? entry.spec : config.profile.kind(entry.kind);
        if (!kind) continue;
        for (const auto& [name, value] : entry.fields) {
            const FieldSpec* spec = kind->field(name);
            if (!spec || !is_pain_field(*spec)) continue;
            const auto number = numeric_value(value);
            if (number && *number >= level) painful_days.insert(entry.at.local_date());
        }
    }
    const int count = painful_days.count();
    if (count >= config.settings.persistent_pain_days)
        report.flags.push_back(
            Flag{.kind = Flag::Kind::persistent_pain, .level = level, .days = count});
}

void flag_step_backs(StatsReport& report) {
    for (const auto& progression : report.progression)
        for (const auto& step : progression.step_backs)
            report.flags.push_back(Flag{.kind = Flag::Kind::step_back,
                                        .about = progression.kind,
                                        .field = progression.field,
                                        .from = step.from,
                                        .to = step.to,
                                        .first = step.date});
}

// The longest run of days without entries, while some plan item was in force.
void flag_gap(StatsReport& report, const StatsRequest& request,
              const std::vector<CompactEntry>& entries, const History& earlier, const Plan& plan,
              const Config& config) {
    // A rest entry is no session, and a day every item in force rests on is no gap: the
    // programme asked nothing of it.
    DaySet logged(request.period);
    for (const auto& entry : entries)
        if (is_logged_entry(entry, config.profile)) logged.insert(entry.at.local_date());
    const auto rests = rests_in(entries, config.profile);
    // A rest entry of a month before the entries may rest days of this period (up to 31 days).
    std::vector<std::vector<Date>> rested;
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        auto item_rests = rest_days_of(plan.items[index], rests);
        if (index < earlier.rested.size()) {
            const auto& before = earlier.rested[index];
            item_rests.insert(item_rests.end(), before.begin(), before.end());
            std::sort(item_rests.begin(), item_rests.end());
        }
        rested.push_back(std::move(item_rests));
    }
    const Date last = std::min(*request.period.to, request.today - days{1});
    Date run_start{};
    int run = 0;
    int longest = 0;
    Date longest_start{};
    for (Date day = *request.period.from; day <= last; day += days{1}) {
        bool planned = false;
        for (std::size_t index = 0; index < plan.items.size(); ++index)
            planned =
                planned || (plan.items[index].in_force_on(day) &&
                            !std::binary_search(rested[index].begin(), rested[index].end(), day));
        if (planned && !logged.contains(day)) {
            if (run++ == 0) run_start = day;
            if (run > longest) {
                longest = run;
                longest_start = run_start;
            }
        } else {
            run = 0;
        }
    }
    if (longest >= config.settings.gap_days)
        report.flags.push_back(Flag{.kind = Flag::Kind::gap,
                                    .days = longest,
                                    .first = longest_start,
                                    .last = longest_start + days{longest - 1}});
}

}  // namespace

std::string_view Flag::id() const {
    switch (kind) {
        case Kind::persistent_pain:
            return "persistent-pain";
        case Kind::step_back:
            return "step-back";
        case Kind::gap:
            return "gap";
    }
    return "gap";
}

void add_progression(StatsReport& report, const StatsRequest& request,
                     const std::vector<CompactEntry>& entries, const History& earlier,
                     const Config& config) {
    for (const auto& kind : config.profile.kinds) {
        if (kind.progression.empty()) continue;
        if (!wanted_kind(request, kind.name)) continue;
        ProgressionSummary summary{kind.name, kind.progression, 0, {}, std::nullopt, {}};
        std::optional<std::int64_t> last_value;
        if (const auto* before = earlier.progression_of(kind.name)) {
            summary.highest_before = before->highest;
            last_value = before->last;
        }
        bool any_in_period = false;
        for (const auto& entry : entries) {
            if (entry.kind != kind.name) continue;
            const CompactValue* value = entry.field(kind.progression);
            const auto* number = value ? std::get_if<std::int64_t>(value) : nullptr;
            if (!number) continue;
            const Date day = entry.at.local_date();
            if (day > *request.period.to) continue;
            if (day < *request.period.from) {
                summary.highest_before =
                    std::max(summary.highest_before.value_or(*number), *number);
            } else {
                if (!any_in_period || *number > summary.highest) {
                    summary.highest = *number;
                    summary.first_reached = day;
                }
                any_in_period = true;
                if (last_value && *number < *last_value)
                    summary.step_backs.push_back({day, *last_value, *number});
            }
            last_value = *number;
        }
        if (any_in_period) report.progression.push_back(std::move(summary));
    }
}

void add_flags_and_milestones(StatsReport& report, const StatsRequest& request,
                              const std::vector<CompactEntry>& entries, const History& earlier,
                              const Plan& plan, const Config& config) {
    flag_persistent_pain(report, request, entries, config);
    flag_step_backs(report);
    flag_gap(report, request, entries, earlier, plan, config);

    std::map<std::string, Date> last_procedure;
    std::vector<std::string> procedure_order;
    for (const auto& procedure : earlier.procedures) {
        procedure_order.push_back(procedure.name);
        last_procedure[procedure.name] = procedure.last;
    }
    const auto visit = [&](Date day, std::optional<std::string_view> with) {
        report.last_visit =
            Milestone{std::string(with.value_or("")), day, days_between(day, request.today)};
    };
    if (earlier.last_visit) visit(earlier.last_visit->day, earlier.last_visit->with);
    const RoleScan roles(config.profile);
    for (const auto& entry : entries) {
        const Date day = entry.at.local_date();
        if (day > *request.period.to) continue;
        if (roles.is_procedure(entry.kind)) {
            const std::string what = RoleScan::procedure_name(entry);
            if (!last_procedure.contains(what)) procedure_order.push_back(what);
            last_procedure[what] = day;
        } else if (roles.is_visit(entry.kind)) {
            visit(day, RoleScan::visit_with(entry));
        }
    }
    for (const auto& what : procedure_order) {
        const Date day = last_procedure[what];
        report.procedures.push_back({what, day, days_between(day, request.today)});
    }
}

}  // namespace tend
