// Choosing a plan item by number, name or kind, with clear answers when that is ambiguous.
#include "cli/plan_item_choice.h"

#include <fmt/format.h>

#include <vector>

#include "core/text.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

std::string listed(const Plan& plan, const std::vector<std::size_t>& indexes) {
    std::string list;
    for (const auto index : indexes)
        list += fmt::format("{}#{} {} ({})", list.empty() ? "" : ", ", index + 1,
                            plan.items[index].label(), schedule_text(plan.items[index].schedule));
    return list;
}

}  // namespace

void require_one_named(const Plan& plan, std::string_view typed, std::string_view command) {
    const std::string wanted = to_lower(trim(typed));
    const std::string_view digits =
        wanted.starts_with('#') ? std::string_view(wanted).substr(1) : std::string_view(wanted);
    if (wanted.empty() || parse_digits(digits)) return;
    std::vector<std::size_t> named;
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        const PlanItem& item = plan.items[index];
        const std::string name = to_lower(item.name);
        if (item.kind.starts_with(wanted) || (!name.empty() && name.starts_with(wanted)))
            named.push_back(index);
    }
    if (named.size() > 1)
        throw user_error(
            fmt::format("'{}' matches {} items: {}", typed, named.size(), listed(plan, named)),
            fmt::format("this can't be undone, so use the number, e.g. 'tend plan {} {}'", command,
                        named.back() + 1));
}

std::size_t choose_plan_item(const Plan& plan, std::string_view typed,
                             const std::function<bool(const PlanItem&)>& fits,
                             std::string_view fits_words, Date today, std::string_view command) {
    if (plan.items.empty())
        throw user_error("the plan has no items yet", "add one with 'tend plan add'");
    const std::string wanted = to_lower(trim(typed));
    if (wanted.empty())
        throw user_error("which item? the name is empty", "use a number from 'tend plan'");
    const std::string_view digits =
        wanted.starts_with('#') ? std::string_view(wanted).substr(1) : std::string_view(wanted);
    if (const auto number = parse_digits(digits)) {
        if (*number < 1 || static_cast<std::size_t>(*number) > plan.items.size())
            throw user_error(fmt::format("there is no item #{}", *number),
                             fmt::format("the plan has items 1 to {}; 'tend plan' lists them",
                                         plan.items.size()));
        return static_cast<std::size_t>(*number - 1);
    }
    std::vector<std::size_t> exact;
    std::vector<std::size_t> prefixed;
    std::vector<std::size_t> unfit;
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        const PlanItem& item = plan.items[index];
        const std::string name = to_lower(item.name);
        const bool is_exact = wanted == item.kind || (!name.empty() && wanted == name);
        const bool is_prefix = item.kind.starts_with(wanted) || name.starts_with(wanted);
        if (!is_exact && !is_prefix) continue;
        if (!fits(item))
            unfit.push_back(index);
        else
            (is_exact ? exact : prefixed).push_back(index);
    }
    const auto& matches = exact.empty() ? prefixed : exact;
    if (matches.size() == 1) return matches.front();
    if (matches.size() > 1) {
        // One in force and the rest starting later: the one in force is meant.
        std::vector<std::size_t> in_force;
        bool others_later = true;
        for (const auto index : matches) {
            if (plan.items[index].in_force_on(today))
                in_force.push_back(index);
            else
                others_later = others_later && plan.items[index].start > today;
        }
        if (in_force.size() == 1 && others_later) return in_force.front();
        throw user_error(
            fmt::format("'{}' matches {} items: {}", typed, matches.size(), listed(plan, matches)),
            fmt::format("use the number, e.g. 'tend plan {} {}'", command, matches.front() + 1));
    }
    if (!unfit.empty())
        throw user_error(
            fmt::format("'{}' matches only {}, which {}", typed, listed(plan, unfit), fits_words),
            "'tend plan' lists every item with its number");
    throw user_error(fmt::format("no plan item is called '{}'", typed),
                     "use the number, name or kind that 'tend plan' shows");
}

}  // namespace tend::cli
