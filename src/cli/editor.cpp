// Running the user's editor on a file.
#include "cli/editor.h"

#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdlib>

#include "store/journal_paths.h"
#include "tend/error.h"

namespace tend::cli {

void run_editor(const std::filesystem::path& file, std::string_view consequence) {
    const auto editor = store::process_environment("VISUAL").value_or(
        store::process_environment("EDITOR").value_or("vi"));
    // Like git: the editor variable may hold arguments, the path is passed through the environment.
    ::setenv("TEND_EDIT_FILE", file.c_str(), 1);
    const int status = std::system(fmt::format("{} \"$TEND_EDIT_FILE\"", editor).c_str());
    if (status != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw user_error(
            fmt::format("the editor '{}' did not finish cleanly, {}", editor, consequence));
}

}  // namespace tend::cli
