// tend.toml: settings and the profile (kinds and their typed fields).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/problem.h"
#include "tend/profile.h"

namespace tend::store {

struct ConfigFile {
    Config config;
    std::vector<Problem> problems;
};

// Parses the text of tend.toml. Without a [kinds] table the built-in pelvic-floor profile
// applies; with one, exactly the kinds it lists.
ConfigFile parse_config(std::string_view content, const std::string& display_name);

// Loads `<root>/tend.toml`, or the built-in profile when there is none. Throws user_error with
// the first error as FILE:LINE:COL when the file is broken.
Config load_config(const std::filesystem::path& root);

// The text `tend init` writes: every setting and kind, commented so a person can edit it.
std::string config_template(const Profile& profile, const Settings& settings);

}  // namespace tend::store
