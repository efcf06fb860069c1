// Questions to ask at a visit: which are still open, and the entry that answers one.
#pragma once

#include <string>
#include <vector>

#include "tend/entry.h"
#include "tend/profile.h"

namespace tend {

// The profile's kind for questions to ask at a visit (the kind whose role is question; the note
// is the question), or nullptr.
// The one place that decides which kind that is.
const KindSpec* question_kind(const Profile& profile);

// The tag an answer carries to name its question, from the question's local time and a hash of
// its words: "answers-2026-11-20T21:00:00-1f2e3d4c". Answers are new entries, so the journal stays
// append-only.
std::string answer_tag(const Entry& question);

// The questions among `entries` (in time order) that are still open, oldest first: not marked
// `answered = yes` themselves and not named by an answer's tag. They stay open across visits.
std::vector<Entry> open_questions(const std::vector<Entry>& entries, const Profile& profile);

// The entry that answers `question` at `at`: the question kind, `answered = yes` when the kind
// has that field, the answer tag, and what was said as the note.
Entry answer_to(const Entry& question, const Profile& profile, Instant at, std::string said);

}  // namespace tend
