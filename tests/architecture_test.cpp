// The house rules the compiler can't see (docs/architecture.md): each layer includes only the
// layers below it, and core knows the built-in profile's kinds only by what the profile says.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tend/profile.h"

namespace {

const std::filesystem::path source = TEND_SOURCE_DIR;

struct SourceFile {
    std::string path;  // relative to the source tree: "src/core/stats.cpp"
    std::string text;
};

// The .cpp and .h files of the given folders of the source tree.
std::vector<SourceFile> files_in(const std::vector<std::string>& folders) {
    std::vector<SourceFile> files;
    for (const auto& folder : folders)
        for (const auto& item : std::filesystem::directory_iterator(source / folder)) {
            const auto extension = item.path().extension();
            if (extension != ".cpp" && extension != ".h") continue;
            std::ifstream in(item.path());
            std::stringstream text;
            text << in.rdbuf();
            files.push_back({folder + "/" + item.path().filename().string(), text.str()});
        }
    return files;
}

// The files of `folders` that include a header of one of `forbidden` ("store/").
std::vector<std::string> climbing(const std::vector<std::string>& folders,
                                  const std::vector<std::string>& forbidden) {
    std::vector<std::string> found;
    for (const auto& file : files_in(folders))
        for (const auto& layer : forbidden)
            if (file.text.find("#include \"" + layer) != std::string::npos)
                found.push_back(file.path + " includes " + layer);
    return found;
}

}  // namespace

TEST_CASE("architecture: core includes nothing from store, render or cli") {
    CHECK(climbing({"include/tend", "src/core"}, {"store/", "render/", "cli/"}).empty());
}

TEST_CASE("architecture: store includes nothing from render or cli, render nothing from store") {
    CHECK(climbing({"src/store"}, {"render/", "cli/"}).empty());
    CHECK(climbing({"src/render"}, {"store/", "cli/"}).empty());
}

TEST_CASE("architecture: core names no kind of a built-in profile outside the profiles' file") {
    // Core asks the profile for roles and outcomes. Some words are spelled in core on purpose:
    // the role names themselves (in profile.h and profile.cpp, where roles are defined), "pain",
    // the field name that makes a scale a pain scale when no outcomes are set (docs/format.md),
    // and "function", one of the field words for which higher is better (docs/stats.md).
    std::vector<tend::KindSpec> kinds;
    for (const auto& name : tend::builtin_profile_names()) {
        const auto profile = tend::builtin_profile(name);
        REQUIRE(profile);
        kinds.insert(kinds.end(), profile->kinds.begin(), profile->kinds.end());
    }
    // Every profile also has the rest kind, skip (tend skip).
    CHECK(kinds.size() == 15 + 11 + 12 + 12 + 2);
    std::vector<std::string> found;
    for (const auto& file : files_in({"include/tend", "src/core"})) {
        if (file.path == "src/core/builtin_profile.cpp") continue;
        for (const auto& kind : kinds) {
            if (kind.name == "pain" || kind.name == "function") continue;
            const bool defines_roles =
                file.path == "src/core/profile.cpp" || file.path == "include/tend/profile.h";
            if (defines_roles && tend::parse_kind_role(kind.name)) continue;
            if (file.text.find("\"" + kind.name + "\"") != std::string::npos)
                found.push_back(file.path + " names \"" + kind.name + "\"");
        }
    }
    CHECK(found == std::vector<std::string>{});
}

TEST_CASE("architecture: no command chooses months or joins histories: reports take the slice") {
    // The months machinery behind Journal::slice_for (docs/architecture.md, the one read path).
    const std::vector<std::string> machinery = {"load_compact(",      "history_before(",
                                                "histories_before(",  "first_day_read_in_full(",
                                                "days_read_in_full(", "history_of("};
    std::vector<std::string> found;
    for (const auto& file : files_in({"src/cli"}))
        for (const auto& call : machinery) {
            // Today's plan status is no report: it reads the days its windows and rests reach
            // back to, compact, and joins no history (docs/architecture.md).
            if (file.path == "src/cli/plan_status.cpp" && call == "load_compact(") continue;
            if (file.text.find(call) != std::string::npos)
                found.push_back(file.path + " calls " + call);
        }
    CHECK(found == std::vector<std::string>{});
}
