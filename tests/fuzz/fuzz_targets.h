// The fuzz targets: each feeds one input to a parser and checks what must hold for any input.
//
// Each returns nothing when all is well, or a description of the broken promise. A parser may
// refuse an input only with tend::user_error; any other exception escapes, which libFuzzer
// reports as a crash and the replay test as a failure. The same functions run under libFuzzer
// (tests/fuzz/fuzz_main.cpp, built by tests/fuzz/run) and as unit tests over the kept corpus
// (tests/fuzz/replay_test.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tend::fuzz {

using Failure = std::optional<std::string>;
using Target = Failure (*)(std::string_view input);

// The first byte picks a field of the built-in profile, the rest is the typed value; also the
// input split at newlines as the words of `tend log`. A value that parses must pass the check
// of loaded values, and a whole entry must come back unchanged from its TOML block.
Failure field_value(std::string_view input);
// WHEN against a fixed now; what parses formats as a date-time that parses back to it.
Failure when(std::string_view input);
// PERIOD against a fixed today; a bounded period never ends before it starts.
Failure period(std::string_view input);
// A plan schedule; what parses describes itself and reads back equal from its own text.
Failure schedule(std::string_view input);
// A month file as the journal loader reads it: never throws, agrees with the syntax check, and
// every entry it keeps comes back unchanged from the TOML tend would write for it.
Failure journal(std::string_view input);

// The month cache's bytes, as entries, as a history and as an index (with a good magic and
// checksum added): never throws; the compact read agrees with the full one, and what is read
// comes back the same when written and read again.
Failure month_cache(std::string_view input);

// plan.toml's bytes, then `plan add`, `plan end` or `plan rm` on them (the first byte picks
// which, and the item), through the in-memory storage: a change is refused only with
// user_error and leaves the bytes as they were; one that is written keeps every byte outside
// its edit, and reads back as the old items plus exactly the change.
Failure plan_edit(std::string_view input);

// The whole write path: a month file's bytes, then `log` appends an entry and `undo` takes it
// back, through the in-memory storage. A refusal is a user_error with the bytes unchanged; an
// append keeps the old bytes as the new file's start, and the new file reads back as the old
// entries plus the new one; undo restores the old bytes exactly.
Failure write_path(std::string_view input);

struct NamedTarget {
    std::string_view name;
    Target run;
};
const std::vector<NamedTarget>& all_targets();

}  // namespace tend::fuzz
