// Locating the journal folder.
#include "store/journal_paths.h"

#include <cstdlib>

#include "tend/error.h"

namespace tend::store {

std::filesystem::path locate_journal(const std::optional<std::string>& dir_option,
                                     const EnvironmentLookup& environment) {
    if (dir_option && !dir_option->empty()) return *dir_option;
    if (auto dir = environment("TEND_DIR")) return *dir;
    if (auto data_home = environment("XDG_DATA_HOME"))
        return std::filesystem::path(*data_home) / "tend";
    if (auto home = environment("HOME"))
        return std::filesystem::path(*home) / ".local" / "share" / "tend";
    throw user_error("can't tell where the journal is: HOME is not set",
                     "pass --dir FOLDER or set TEND_DIR");
}

std::optional<std::string> process_environment(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

}  // namespace tend::store
