// `tend log` without a kind, on a terminal: ask for the kind, each field and the note.
#pragma once

#include <cstdio>
#include <istream>
#include <optional>

#include "tend/log_words.h"
#include "tend/profile.h"

namespace tend::cli {

// Whether `tend log` may ask its questions: standard input and standard error (where the
// questions go) are both terminals.
bool can_prompt();

// Asks on `questions` and reads the answers from `answers`, one line each: the kind (by name or
// unique prefix, the profile's kinds listed), then each field of the kind with its range and
// unit (Enter leaves it out), then the note, taken as typed. A wrong answer prints the usual
// error line and asks again. Returns nothing when the answers end (Ctrl-D) before the note's
// line is complete: then nothing is to be logged.
std::optional<LogWords> ask_log_words(const Config& config, std::istream& answers,
                                      std::FILE* questions);

}  // namespace tend::cli
