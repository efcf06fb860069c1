// Never write what does not read back: new bytes of a month file or plan.toml are parsed before
// they replace the old ones, and must hold what the old bytes held plus exactly the change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tend/entry.h"
#include "tend/plan.h"
#include "tend/profile.h"

namespace tend::store {

// Throws user_error (so nothing is written) unless `new_content` parses and holds the entries of
// `old_content` without its last `removed` entries, then `added`, with no new error. Entries are
// compared by what they say (time, kind, fields, note, tags), not by line. Example: a month
// written as `entry = [ {...} ]` gets no appended [[entry]] block, which would break it.
// `old_entries`, when given, are the old content's entries as already known (from the cache,
// with no errors among them), so the old content needn't be parsed again.
void check_month_change(std::string_view old_content, std::string_view new_content,
                        const std::string& display_name, const Config& config,
                        const std::string& month, std::size_t removed,
                        const std::vector<Entry>& added,
                        const std::vector<Entry>* old_entries = nullptr);

// Throws user_error unless plan.toml's `new_content` parses without errors into exactly
// `expected` (compared by what each item says, not by line).
void check_plan_change(std::string_view new_content, const Config& config,
                       const std::vector<PlanItem>& expected);

// What an entry says, as one canonical text: equal for equal entries, whatever their line.
std::string entry_identity(const Entry& entry);

}  // namespace tend::store
