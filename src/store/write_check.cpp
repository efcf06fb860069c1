// Parse before rename: the new bytes of a journal file must read back as the old plus the change.
#include "store/write_check.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/month_file.h"
#include "store/plan_file.h"
#include "store/toml_writer.h"
#include "tend/error.h"

namespace tend::store {

namespace {

std::size_t error_count(const std::vector<Problem>& problems) {
    return static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(),
                      [](const auto& p) { return p.severity == Severity::error; }));
}

// The first error of `after` that `before` does not have (by message), for the refusal.
std::string new_error_of(const std::vector<Problem>& before, const std::vector<Problem>& after) {
    for (const auto& problem : after) {
        if (problem.severity != Severity::error) continue;
        const bool old = std::any_of(before.begin(), before.end(), [&](const Problem& known) {
            return known.message == problem.message;
        });
        if (!old) return problem.text();
    }
    return {};
}

[[noreturn]] void refuse(const std::string& display_name, const std::string& why) {
    throw user_error(
        fmt::format("{} would not read back after this change ({}), so nothing was written",
                    display_name, why),
        "tend appends [[entry]] and [[item]] tables; a file written another way (entry = [...], "
        "[entry]) must be rewritten by hand first");
}

}  // namespace

std::string entry_identity(const Entry& entry) {
    Entry canonical = entry;
    canonical.line = 0;
    std::sort(canonical.fields.begin(), canonical.fields.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return fmt::format("{}|{}", canonical.at.offset_seconds, entry_block(canonical));
}

void check_month_change(std::string_view old_content, std::string_view new_content,
                        const std::string& display_name, const Config& config,
                        const std::string& month, std::size_t removed,
                        const std::vector<Entry>& added, const std::vector<Entry>* old_entries) {
    // Times written without an offset read the same on both sides, whatever the offset.
    const OffsetAtLocal fixed_offset = [](std::int64_t) { return 0; };
    MonthFile before;
    if (old_entries)
        before.entries = *old_entries;
    else
        before = parse_month_file(old_content, display_name, config, fixed_offset, month);
    const auto after = parse_month_file(new_content, display_name, config, fixed_offset, month);
    if (const auto added_error = new_error_of(before.problems, after.problems);
        !added_error.empty() || error_count(after.problems) > error_count(before.problems))
        refuse(display_name, added_error.empty() ? "it would have another error" : added_error);
    if (removed > before.entries.size()) refuse(display_name, "an entry to remove is missing");
    std::vector<std::string> expected;
    for (std::size_t index = 0; index + removed < before.entries.size(); ++index)
        expected.push_back(entry_identity(before.entries[index]));
    for (const auto& entry : added)
        expected.push_back(entry_identity(entry));
    std::vector<std::string> found;
    for (const auto& entry : after.entries)
        found.push_back(entry_identity(entry));
    if (found != expected)
        refuse(display_name, fmt::format("it would hold {} entries where {} are expected",
                                         found.size(), expected.size()));
}

void check_plan_change(std::string_view new_content, const Config& config,
                       const std::vector<PlanItem>& expected) {
    const std::string display_name(plan_file_name);
    const PlanFile after = parse_plan_file(new_content, config);
    for (const auto& problem : after.problems)
        if (problem.severity == Severity::error) refuse(display_name, problem.text());
    const auto same = [](const PlanItem& a, const PlanItem& b) {
        return plan_item_block(a) == plan_item_block(b);
    };
    if (!std::equal(after.plan.items.begin(), after.plan.items.end(), expected.begin(),
                    expected.end(), same))
        refuse(display_name, fmt::format("it would hold {} items where {} are expected",
                                         after.plan.items.size(), expected.size()));
}

}  // namespace tend::store
