// Running the user's editor ($VISUAL, then $EDITOR, then vi) on a file, as git does.
#pragma once

#include <filesystem>
#include <string_view>

namespace tend::cli {

// Opens `file` in the editor and waits. Throws user_error naming the editor when it does not
// exit cleanly; `consequence` finishes that message ("so nothing was logged").
void run_editor(const std::filesystem::path& file, std::string_view consequence);

}  // namespace tend::cli
