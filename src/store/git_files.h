// The two files that tell git how to keep a journal: .gitignore and .gitattributes.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/storage.h"

namespace tend::store {

// What .gitignore says when tend writes it: git keeps tend.toml, plan.toml, the month files and
// the inboxes, and nothing else of the folder (not the cache, the undo record, an edit's
// note file, temporary files, or an export saved there).
extern const std::string_view gitignore_text;
// What .gitattributes says when tend writes it: an inbox is merged line by line (union), since
// it is only ever added to; every other file keeps git's default merge.
extern const std::string_view gitattributes_text;

// Writes .gitignore and .gitattributes in `root` when they are missing; a file that is there
// is the person's and stays as it is. Returns the names of the files written.
std::vector<std::string> write_missing_git_files(const std::filesystem::path& root,
                                                 Storage& storage);

// The message of a commit of the journal, from what `git diff --cached -U0 -- journal` printed
// and the other files staged: it counts entries and names no kind or symptom ("tend: 3
// entries", "tend: 1 entry, 1 taken back, plan.toml").
std::string commit_message(const std::string& journal_diff,
                           const std::vector<std::string>& other_files);

// The entries a unified diff of month files adds (its "+[[entry]]" lines).
int entries_added_in(const std::string& diff);

// The entries a unified diff of month files removes (its "-[[entry]]" lines).
int entries_removed_in(const std::string& diff);

}  // namespace tend::store
