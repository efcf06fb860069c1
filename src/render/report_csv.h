// Entries as CSV (RFC 4180) for spreadsheets: one row per entry, one column per field.
#pragma once

#include <string>
#include <vector>

#include "tend/entry.h"
#include "tend/profile.h"

namespace tend::render {

// Columns: date, time, kind, each field of `kinds` (all the profile's when empty) once by name
// in profile order, tags, note. CRLF line ends, fields quoted when they hold a comma, quote or
// line break; UTF-8 with a byte order mark so spreadsheets do not guess another encoding. Text
// that a spreadsheet would run as a formula (OWASP's =, +, -, @, tab, CR) gets a leading
// apostrophe, plain numbers excepted; control characters are written as \xNN.
std::string entries_csv(const std::vector<Entry>& entries, const Config& config,
                        const std::vector<std::string>& kinds);

// The same text a row at a time (an export of ten years streams its entries): heading() first,
// then row() for each entry.
class EntriesCsv {
  public:
    EntriesCsv(const Config& config, const std::vector<std::string>& kinds);
    // The byte order mark and the heading row.
    std::string heading() const;
    std::string row(const Entry& entry) const;

  private:
    std::vector<std::string> fields_;
};

// A cell's text made safe for a spreadsheet: "'=1+2" for "=1+2", "-3" stays "-3".
std::string spreadsheet_safe(std::string text);

// One CSV field, quoted when needed.
std::string csv_field(std::string_view text);

}  // namespace tend::render
