// What every command does with the journal folder's other files before it runs: files new
// inbox lines, and (for show and stats) says once that a sync tool left copies.
#pragma once

#include "cli/context.h"

namespace tend::cli {

// Files the new lines of inbox.txt and inbox.*.txt into this device's month files (identity
// makes it idempotent: a line already in the journal is not added again). Never changes an
// inbox. Bad lines are reported on standard error as "inbox.txt:LINE: message" and left; so is
// anything that keeps the inbox from being filed (the command itself still runs).
void file_inbox(Context& context);

// One line on standard error when journal/ holds copies tend doesn't read (a sync tool's
// conflict copies, *.orig, *.TOML), with the way to take their entries in.
void note_stray_copies(Context& context);

}  // namespace tend::cli
