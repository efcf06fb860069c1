// What commands do with the journal folder's other files: file new inbox lines (or, for a
// command that must not write, say that they wait), and (for show and stats) say once that a
// sync tool left copies.
#pragma once

#include <vector>

#include "cli/context.h"
#include "store/problem.h"

namespace tend::cli {

// Files the lines of inbox.txt and inbox.*.txt that no device has filed yet into this device's
// month files, and adds them to its record (journal/inbox-filed.DEVICE.txt), so that a line is
// filed once, whatever becomes of its entry. A line whose entry the journal already holds is
// only recorded. Never changes an inbox. Bad lines are reported on standard error as
// "inbox.txt:LINE: message" and left; so is anything that keeps the inbox from being filed (the
// command itself still runs). Commands call it once their own input was accepted, never for a
// dry run (docs/sync.md, "Which commands file the inbox").
void file_inbox(Context& context);

// What the inbox holds that is not filed, read without writing anything: lines that would add
// an entry, and lines that can't be filed (FILE:LINE problems).
struct InboxState {
    std::size_t waiting = 0;
    std::vector<store::Problem> bad_lines;
};
InboxState inbox_state(Context& context, const Config& config);

// For a command that must not write (export, a dry run): one line on standard error when
// inbox lines wait to be filed, since what the command shows lacks them.
void note_waiting_inbox(Context& context);

// One line on standard error when journal/ holds copies tend doesn't read (a sync tool's
// conflict copies, *.orig, *.TOML), with the way to take their entries in.
void note_stray_copies(Context& context);

}  // namespace tend::cli
