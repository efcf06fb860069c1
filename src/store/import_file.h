// The entries of a file given to `tend import`, whatever tend wrote it as.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tend/civil_time.h"
#include "tend/entry.h"
#include "tend/profile.h"

namespace tend::store {

enum class ImportFormat { month_file, json, csv, inbox };

// By the name's ending, ignoring case: .json, .csv, .txt (an inbox); anything else is read as a
// month file (TOML): another device's month file, a sync tool's copy (2026-11.sync-conflict-
// 20261121-142233-ABCDEFG.toml, "2026-11 (conflicted copy).toml"), a .orig or .TOML.
ImportFormat import_format_of(std::string_view file_name);

// What a file to import holds: its entries, and what the person should know about what was
// left out ("old.csv: the column 'mood' is no field of any kind in this journal, so it was
// left out").
struct ImportRead {
    std::vector<Entry> entries;
    std::vector<std::string> notes;
};

// The entries `content` holds, checked against the profile as a month file's are, and as `tend
// log` checks an entry (check_entry_as_logged: the time, the note, the tags). Throws user_error
// at the first mistake, located: "export.csv:4: pain must be from 0 to 10, got 12". JSON and
// CSV are what `tend export --format json|csv` (and `show --json`) write; a CSV without the
// `at` column (from an older tend) takes its date and time as local times. A JSON object that
// names a member twice is refused; so is a CSV value in a field its row's kind doesn't have.
ImportRead entries_to_import(std::string_view content, const std::string& display_name,
                             ImportFormat format, const Config& config, const TimeContext& time);

// What a CSV export and its import make of `entry`: control and invisible characters in its
// note and text values written out visibly (a bell as the four characters \x07, as the CSV
// shows them), its tags split at spaces. The journal counts an entry under this second identity
// too, so that importing a CSV export back into the journal it came from adds nothing.
Entry as_read_from_csv(Entry entry);

}  // namespace tend::store
