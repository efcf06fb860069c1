// Reading the words of `tend log KIND [VALUE] [FIELD=VALUE ...] [@tag ...] [note words ...]`.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "tend/entry.h"
#include "tend/profile.h"

namespace tend {

struct LogWords {
    const KindSpec* kind = nullptr;
    std::vector<std::pair<std::string, FieldValue>> fields;  // in the kind's field order
    std::vector<std::string> tags;
    std::string note;
    bool note_from_stdin = false;  // a lone "-" asked for the note on standard input
};

// Parses log words against the profile:
//   - the first word is a kind or a unique prefix of one;
//   - a bare value right after the kind fills its primary field (`tend log pain 6`);
//   - FIELD=VALUE with FIELD a field name or unique prefix (`min=15`); a field given twice is
//     an error;
//   - @tag adds a tag; a lone "-" reads the note from standard input;
//   - every other word is part of the note, joined with single spaces.
// Throws user_error for unknown or ambiguous kinds and fields, bad values, and invalid UTF-8.
LogWords parse_log_words(const Config& config, std::span<const std::string> words);

}  // namespace tend
