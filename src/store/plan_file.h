// plan.toml: the home programme on disk, read with FILE:LINE:COL problems and edited in place.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/problem.h"
#include "store/storage.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend::store {

inline constexpr std::string_view plan_file_name = "plan.toml";

struct PlanFile {
    Plan plan;                      // the items that could be read
    std::vector<Problem> problems;  // errors and warnings (unknown keys are kept and reported)
};

// Reads plan.toml text. Each [[item]] is checked against the profile in `config`.
PlanFile parse_plan_file(std::string_view content, const Config& config);

// The plan in `root`, or an empty plan when there is no plan.toml. Throws user_error at the
// first error (plan.toml:LINE:COL: message).
Plan load_plan(const std::filesystem::path& root, const Config& config);

// Every problem in plan.toml, for `tend check`; nothing when there is no plan.toml.
std::vector<Problem> check_plan_file(const std::filesystem::path& root, const Config& config);

// One [[item]] block as written by `plan add`, ending with `newline`.
std::string plan_item_block(const PlanItem& item, std::string_view newline = "\n");

// Appends `item` to plan.toml (created 0600 when missing). The existing text is kept byte for
// byte; refuses (user_error) when plan.toml has errors. Each change below is parsed before it is
// written and must read back as the old items plus exactly the change; when another program
// replaces plan.toml meanwhile, the change is refused (user_error) and nothing is written.
void add_plan_item(const std::filesystem::path& root, const Config& config, const PlanItem& item,
                   Storage& storage = disk());

// Picks the item to change from the plan as it is on disk under the lock (an index), or throws.
using ItemChooser = std::function<std::size_t(const Plan& plan)>;

// Sets the chosen item's end to `end`: its `end` value is replaced, or its `length` line becomes
// `end = DATE`, or an `end` line is added after its last key. Everything else is kept as written.
void end_plan_item(const std::filesystem::path& root, const Config& config,
                   const ItemChooser& choose, Date end, Storage& storage = disk());

// Deletes the chosen item's [[item]] block (header through its last key, and one blank line).
void remove_plan_item(const std::filesystem::path& root, const Config& config,
                      const ItemChooser& choose, Storage& storage = disk());

}  // namespace tend::store
