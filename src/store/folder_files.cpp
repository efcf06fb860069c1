// Finding inboxes and stray copies in the journal folder; reading an inbox safely.
#include "store/folder_files.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>

#include "core/text.h"
#include "store/file_io.h"
#include "store/month_file.h"
#include "tend/error.h"

namespace tend::store {

std::vector<std::string> inbox_file_names(const std::filesystem::path& root, Storage& storage) {
    std::vector<std::string> names;
    for (auto& name : storage.names_in(root))
        if (name == "inbox.txt" ||
            (name.starts_with("inbox.") && name.ends_with(".txt") && name.size() > 10 &&
             !is_temporary_file_name(name)) ||
            (name.starts_with("inbox ") && name.ends_with(".txt") &&
             to_lower(name).find("conflict") != std::string::npos))  // Dropbox, Nextcloud
            names.push_back(std::move(name));
    std::sort(names.begin(), names.end());
    return names;
}

std::string read_inbox(const std::filesystem::path& root, const std::string& name,
                       Storage& storage) {
    struct stat status {};
    const auto path = root / name;
    if (::lstat(path.c_str(), &status) == 0) {
        if (S_ISLNK(status.st_mode))
            throw user_error(fmt::format("{} is a link, and tend files only a plain inbox file, "
                                         "so it was not read",
                                         name),
                             "put the inbox file itself in the journal folder");
        if (!S_ISREG(status.st_mode))
            throw user_error(fmt::format("{} is not a plain file, so it was not read", name));
        if (static_cast<std::size_t>(status.st_size) > largest_inbox)
            throw user_error(
                fmt::format("{} holds more than {} MB, so it was not read", name,
                            largest_inbox / (1024 * 1024)),
                fmt::format("move its lines into another file, take them in with 'tend import "
                            "FILE', and start {} afresh",
                            name));
    }
    auto text = storage.read(path, name);
    if (!text) return {};
    if (text->size() > largest_inbox)  // it grew since
        throw user_error(fmt::format("{} holds more than {} MB, so it was not read", name,
                                     largest_inbox / (1024 * 1024)));
    return std::move(*text);
}

namespace {

constexpr std::string_view record_prefix = "inbox-filed.";
constexpr std::size_t largest_inbox_record = 4 * 1024 * 1024;

constexpr std::string_view record_heading =
    "# The phone inbox's lines this device filed into the journal, one hash of a line's text\n"
    "# each (docs/format.md). tend adds to this file and never files these lines again.\n";

}  // namespace

std::string inbox_record_name(const std::string& device) {
    return fmt::format("{}{}.txt", record_prefix, device);
}

std::unordered_set<std::string> filed_inbox_lines(const std::filesystem::path& root,
                                                  Storage& storage) {
    std::unordered_set<std::string> keys;
    const auto folder = root / "journal";
    for (const auto& name : storage.names_in(folder)) {
        if (!name.starts_with(record_prefix) || !name.ends_with(".txt") ||
            is_temporary_file_name(name))
            continue;
        // Only a plain file of a sane size: a link is never followed (it could name any file
        // on the computer), and a record grown huge (hashes of 17 bytes; a million lines is a
        // lifetime of logging) is not read. The lines are then matched to entries by identity.
        struct stat status {};
        if (::lstat((folder / name).c_str(), &status) == 0 &&
            (!S_ISREG(status.st_mode) ||
             static_cast<std::size_t>(status.st_size) > largest_inbox_record))
            continue;
        std::optional<std::string> text;
        try {
            text = storage.read(folder / name, "journal/" + name);
        } catch (const std::exception&) {
            continue;  // unreadable: the lines are filed by identity
        }
        if (!text || text->size() > largest_inbox_record) continue;
        for (const auto line : split(*text, '\n')) {
            const auto key = trim(line);
            if (!key.empty() && !key.starts_with('#')) keys.emplace(key);
        }
    }
    return keys;
}

void record_filed_inbox_lines(const std::filesystem::path& root, const std::string& device,
                              const std::vector<std::string>& keys, Storage& storage) {
    if (keys.empty()) return;
    const std::string name = "journal/" + inbox_record_name(device);
    const auto path = root / name;
    storage.make_private_folder(root / "journal", "journal");
    const auto lock = storage.lock(root);
    struct stat status {};
    if (::lstat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode))
        throw user_error(fmt::format("{} is {}, and tend writes its record only to a plain file",
                                     name, S_ISLNK(status.st_mode) ? "a link" : "not a plain file"),
                         "delete it; tend starts the record afresh");
    std::string added;
    for (const auto& key : keys)
        added += key + "\n";
    constexpr int tries = 5;
    for (int tried = 0; tried < tries; ++tried) {
        const std::optional<std::string> held = storage.read(path, name);
        std::string text = held ? *held : std::string(record_heading);
        if (!text.empty() && !text.ends_with('\n')) text += '\n';
        if (storage.replace(path, text + added, name, Durability::synced, &held)) return;
    }
    throw user_error(fmt::format("{} kept changing while tend wrote to it", name),
                     "another program (a sync tool?) is writing it; try again in a moment");
}

bool is_stray_copy(std::string_view file_name) {
    if (is_temporary_file_name(file_name) || parse_month_file_name(file_name)) return false;
    // A copy of an inbox record is read as a record (filed_inbox_lines).
    if (file_name.starts_with(record_prefix)) return false;
    const std::string lower = to_lower(file_name);
    // "conflict" covers Syncthing's ".sync-conflict-", Dropbox's and Nextcloud's "(conflicted
    // copy ...)" and others alike.
    return lower.find("conflict") != std::string::npos || lower.ends_with(".orig") ||
           (lower.ends_with(".toml") && !file_name.ends_with(".toml")) ||
           (lower.ends_with(".toml") && parse_month_file_name(lower));
}

std::vector<std::string> stray_copies(const std::filesystem::path& root, Storage& storage) {
    std::vector<std::string> names;
    for (const auto& name : storage.names_in(root / "journal"))
        if (is_stray_copy(name)) names.push_back("journal/" + name);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace tend::store
