// Locating the journal folder.
#include "store/journal_paths.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cstdlib>

#include "tend/error.h"

namespace tend::store {

std::filesystem::path locate_journal(const std::optional<std::string>& dir_option,
                                     const EnvironmentLookup& environment) {
    // `--dir ""` (an unset variable in a script: --dir "$JOURNAL") must not quietly mean the
    // default journal.
    if (dir_option && dir_option->empty())
        throw user_error("--dir names no folder (it was given an empty value)",
                         "name the journal folder, e.g. --dir ~/journal, or leave --dir out");
    if (dir_option) return *dir_option;
    if (auto dir = environment("TEND_DIR")) return *dir;
    // The XDG spec: a relative path in XDG_DATA_HOME is invalid and is ignored.
    if (auto data_home = environment("XDG_DATA_HOME"); data_home && data_home->starts_with('/'))
        return std::filesystem::path(*data_home) / "tend";
    if (auto home = environment("HOME"))
        return std::filesystem::path(*home) / ".local" / "share" / "tend";
    throw user_error("can't tell where the journal is: HOME is not set",
                     "pass --dir FOLDER or set TEND_DIR");
}

namespace {

void check_folder(const std::filesystem::path& path, std::string_view what) {
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0) return;
    struct stat target {};
    if (::stat(path.c_str(), &target) != 0)
        throw user_error(
            fmt::format("{} '{}' is a link to something that does not exist", what, path.string()),
            "point the link at a folder, or remove it");
    if (!S_ISDIR(target.st_mode))
        throw user_error(fmt::format("{} '{}' is a file, not a folder", what, path.string()),
                         "name a folder with --dir or TEND_DIR");
}

}  // namespace

void check_journal_location(const std::filesystem::path& root) {
    check_folder(root, "the journal folder");
    check_folder(root / "journal", "the month files' folder");
}

std::optional<std::string> process_environment(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

}  // namespace tend::store
