// Reading a month file (journal/YYYY-MM.toml) into entries, with every problem located.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/problem.h"
#include "tend/entry.h"
#include "tend/profile.h"

namespace tend::store {

struct MonthFile {
    std::vector<Entry> entries;  // in file order; only entries without errors
    std::vector<Problem> problems;
};

// Parses `content` (the text of `display_name`, e.g. "journal/2026-11.toml"). Entries are
// checked against the profile; `month` ("2026-11"), when given, is the month every entry's
// local date must fall in. `offset_at_local` gives the offset for date-times written without
// one. A TOML syntax error yields one problem and no entries.
MonthFile parse_month_file(std::string_view content, const std::string& display_name,
                           const Config& config, const OffsetAtLocal& offset_at_local,
                           const std::optional<std::string>& month);

// Only the TOML syntax: the first syntax error as a problem, or nothing.
std::optional<Problem> check_toml_syntax(std::string_view content, const std::string& display_name);

// Whether `content` is a month file tend can read and add to: its TOML syntax and the shape of
// its entries (an [[entry]] array of tables, not `entry = [...]` or one [entry] table). What
// an edit must pass before it is saved over a month.
struct MonthShape {
    std::optional<Problem> problem;  // the first syntax or shape problem
    std::size_t entries = 0;         // how many [[entry]] tables it holds
};
MonthShape month_shape(std::string_view content, const std::string& display_name);

// A month file's name: "2026-11.toml" (a journal from before devices, or written by hand) or
// "2026-11.phone.toml" (the month's file of the device "phone", the only one it appends to).
struct MonthFileName {
    std::string month;   // "2026-11"
    std::string device;  // "phone"; empty for "2026-11.toml"
    // "2026-11.phone": the cache's key for the file.
    std::string key() const;
    // "journal/2026-11.phone.toml", relative to the journal folder, the name shown in messages.
    std::string path() const;
    friend auto operator<=>(const MonthFileName&, const MonthFileName&) = default;
};

// The parts of "2026-11.toml" or "2026-11.phone.toml"; nothing for other names (a device part
// that is not is_device_name, "2026-11.TOML", "2026-11.sync-conflict-....toml" with its dots).
std::optional<MonthFileName> parse_month_file_name(std::string_view file_name);

// "2026-11" for "2026-11.toml" and "2026-11.phone.toml"; nothing for other names.
std::optional<std::string> month_of_file_name(std::string_view file_name);

}  // namespace tend::store
