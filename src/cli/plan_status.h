// Where each plan item stands on a day, loaded from the journal: shared by the plan commands.
#pragma once

#include <vector>

#include "cli/context.h"
#include "tend/adherence.h"

namespace tend::cli {

struct ItemStatus {
    std::size_t number = 0;  // 1-based, as `tend plan` shows it
    const PlanItem* item = nullptr;
    DayStatus status;
};

// The items in force on `day`, with their status; loads just the entries their windows need.
// With `adding`, as if that entry were already in the journal (log reads before it appends).
std::vector<ItemStatus> statuses_on(Context& context, Date day, const Entry* adding = nullptr);

}  // namespace tend::cli
