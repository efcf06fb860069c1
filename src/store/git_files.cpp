// The two files that tell git how to keep a journal (docs/sync.md).
#include "store/git_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace tend::store {

const std::string_view gitignore_text =
    "# What git keeps of this tend journal: the settings, the plan, the month files and the\n"
    "# inboxes. Not the cache, the undo record, notes being edited, temporary files, or an\n"
    "# export saved here. tend wrote this file once; it is yours to change (docs/sync.md).\n"
    "/*\n"
    "!/.gitignore\n"
    "!/.gitattributes\n"
    "!/tend.toml\n"
    "!/plan.toml\n"
    "!/journal/\n"
    "!/inbox.txt\n"
    "!/inbox.*.txt\n"
    "/journal/.*\n";

const std::string_view gitattributes_text =
    "# How git merges this tend journal. tend wrote this file once; it is yours to change.\n"
    "# Each device adds entries only to its own month files (journal/YYYY-MM.DEVICE.toml), so\n"
    "# no two devices change one month file and their merges can't conflict. An inbox is one\n"
    "# entry a line and is only ever added to: a merge keeps the lines of both sides.\n"
    "/inbox.txt merge=union\n"
    "/inbox.*.txt merge=union\n";

namespace {

// The lines of a diff that add (sign '+') or remove ('-') an [[entry]] header.
int entry_headers(const std::string& diff, char sign) {
    int count = 0;
    std::istringstream stream(diff);
    for (std::string line; std::getline(stream, line);) {
        if (line.empty() || line.front() != sign || line.starts_with(std::string(3, sign)))
            continue;
        std::string_view rest = std::string_view(line).substr(1);
        rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
        if (rest.starts_with("[[entry]]")) ++count;
    }
    return count;
}

}  // namespace

int entries_added_in(const std::string& diff) {
    return entry_headers(diff, '+');
}

int entries_removed_in(const std::string& diff) {
    return entry_headers(diff, '-');
}

std::string commit_message(const std::string& journal_diff,
                           const std::vector<std::string>& other_files) {
    const int added = entry_headers(journal_diff, '+');
    const int removed = entry_headers(journal_diff, '-');
    std::vector<std::string> parts;
    if (added > 0) parts.push_back(fmt::format("{} {}", added, added == 1 ? "entry" : "entries"));
    if (removed > 0) parts.push_back(fmt::format("{} taken back", removed));
    if (parts.empty() && !journal_diff.empty()) parts.emplace_back("entries edited");
    parts.insert(parts.end(), other_files.begin(), other_files.end());
    return parts.empty() ? std::string("tend: changes")
                         : fmt::format("tend: {}", fmt::join(parts, ", "));
}

std::vector<std::string> write_missing_git_files(const std::filesystem::path& root,
                                                 Storage& storage) {
    std::vector<std::string> written;
    const std::optional<std::string> absent;
    for (const auto& [name, text] :
         {std::pair{".gitignore", gitignore_text}, std::pair{".gitattributes", gitattributes_text}})
        if (storage.replace(root / name, text, name, Durability::synced, &absent))
            written.emplace_back(name);
    return written;
}

}  // namespace tend::store
