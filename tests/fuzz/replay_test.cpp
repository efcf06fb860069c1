// Replays every kept fuzz input and every saved crash through its target, as an ordinary test:
// what the fuzzer once found stays fixed, in CI, without clang or libFuzzer.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz/fuzz_targets.h"

namespace {

const std::filesystem::path fuzz_folder = std::filesystem::path(TEND_SOURCE_DIR) / "tests/fuzz";

std::string contents_of(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

// Runs `target` on every file in `folder`; returns how many there were.
std::size_t replay(const tend::fuzz::NamedTarget& target, const std::filesystem::path& folder) {
    std::size_t count = 0;
    if (!std::filesystem::exists(folder)) return count;
    for (const auto& item : std::filesystem::directory_iterator(folder)) {
        if (!item.is_regular_file()) continue;
        ++count;
        const std::string input = contents_of(item.path());
        INFO("input: " << item.path().string());
        const auto failure = target.run(input);
        CHECK_MESSAGE(!failure, failure.value_or(""));
    }
    return count;
}

}  // namespace

TEST_CASE("fuzz replay: every kept input and saved crash passes its target") {
    for (const auto& target : tend::fuzz::all_targets()) {
        CAPTURE(target.name);
        const std::string name(target.name);
        // Each target starts from hand-written seeds, so an empty corpus means a lost folder.
        CHECK(replay(target, fuzz_folder / "corpus" / name) >= 4);
        replay(target, fuzz_folder / "crashes" / name);
    }
}

TEST_CASE("fuzz targets: inputs that parse pass every check of their target") {
    CHECK_FALSE(tend::fuzz::when("2026-11-20T08:00:00+01:00"));
    CHECK_FALSE(tend::fuzz::schedule("every 3d"));
    CHECK_FALSE(
        tend::fuzz::journal("[[entry]]\nat = 2026-11-02T20:00:00+01:00\nkind = \"note\"\n"));
    CHECK_FALSE(
        tend::fuzz::field_value("\x01"
                                "dilate\n3\nmin=15"));
}
