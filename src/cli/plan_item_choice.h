// Picking a plan item from what the user typed: its number, name or kind.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "tend/plan.h"

namespace tend::cli {

// Finds the item `typed` names: "2" or "#2" by number, else a name or kind (exact before prefix,
// case-insensitive) among the items `fits` accepts, so "plan end dilate" picks the dilate item
// still in force even when an ended one exists; of several, the one in force `today` when the
// others start later. Throws user_error when none or several match, naming the numbers for
// `tend plan COMMAND N`.
std::size_t choose_plan_item(const Plan& plan, std::string_view typed,
                             const std::function<bool(const PlanItem&)>& fits,
                             std::string_view fits_words, Date today, std::string_view command);

// For a command that can't be taken back (`plan rm`): when `typed` is a name or kind that more
// than one item answers to, throws user_error listing them, so the number is given instead.
void require_one_named(const Plan& plan, std::string_view typed, std::string_view command);

}  // namespace tend::cli
