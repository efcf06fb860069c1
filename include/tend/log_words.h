// Reading the words of `tend log KIND [VALUE] [FIELD=VALUE ...] [@tag ...] [note words ...]`.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "tend/civil_time.h"
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

// The most a note can hold, in bytes.
inline constexpr std::size_t longest_note = 100000;

// What `tend log` accepts, and so what `tend import` and the phone inbox accept too (one rule
// for all three): a time at most five minutes after now, a note of valid UTF-8 text up to
// longest_note bytes with no control characters but newlines and tabs, tags that are single
// words without control characters, and a question with its words. Throws user_error, one line.
// Fields are checked where they are read (parse_log_words, the import readers).
void check_entry_as_logged(const Entry& entry, const Config& config, const TimeContext& time);

}  // namespace tend
