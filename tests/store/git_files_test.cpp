// Tests of what tend tells git (src/store/git_files.cpp): the files it writes once, and the
// commit messages, which count entries and never name a kind.
#include "store/git_files.h"

#include <doctest/doctest.h>

using namespace tend::store;

namespace {

const std::filesystem::path root = "/memory/tend";

}  // namespace

TEST_CASE("git files: .gitignore and .gitattributes are written when missing, never replaced") {
    MemoryStorage storage;
    storage.put(root / ".gitattributes", "*.toml diff\n");  // the person's own
    CHECK(write_missing_git_files(root, storage) == std::vector<std::string>{".gitignore"});
    CHECK(storage.read(root / ".gitattributes", "") == std::string("*.toml diff\n"));
    CHECK(storage.read(root / ".gitignore", "") == std::string(gitignore_text));
    CHECK(write_missing_git_files(root, storage).empty());
    CHECK(storage.replaced == 1);
}

TEST_CASE("git files: what git keeps and how it merges") {
    // Everything at the top but tend's shared files, so an export saved there stays home.
    CHECK(std::string(gitignore_text)
              .find("\n/*\n!/.gitignore\n!/.gitattributes\n!/tend.toml\n"
                    "!/plan.toml\n!/journal/\n!/inbox.txt\n"
                    "!/inbox.*.txt\n/journal/.*\n") != std::string::npos);
    CHECK(std::string(gitattributes_text)
              .ends_with("/inbox.txt merge=union\n"
                         "/inbox.*.txt merge=union\n"));
    // Never union on month files or tend.toml: it fuses two entries into one.
    CHECK(std::string(gitattributes_text).find(".toml merge") == std::string::npos);
}

TEST_CASE("git files: a commit message counts entries and names no kind or symptom") {
    const std::string two_added =
        "diff --git a/journal/2026-11.laptop.toml b/journal/2026-11.laptop.toml\n"
        "--- a/journal/2026-11.laptop.toml\n+++ b/journal/2026-11.laptop.toml\n"
        "@@ -7,0 +8,10 @@\n+\n+[[entry]]\n+at = 2026-11-24T21:00:00+01:00\n+kind = \"dilate\"\n"
        "+pain = 6\n+note = \"it hurt\"\n+\n+[[entry]]\n+at = 2026-11-24T22:00:00+01:00\n"
        "+kind = \"sex\"\n";
    CHECK(commit_message(two_added, {}) == "tend: 2 entries");
    CHECK(commit_message(two_added, {"plan.toml"}) == "tend: 2 entries, plan.toml");
    const std::string one_each =
        "@@ -1,3 +0,0 @@\n-[[entry]]\n-at = 2026-11-24T08:00:00+01:00\n"
        "-kind = \"kegels\"\n@@ -9 +6,2 @@\n+  [[entry]]\n+at = x\n";
    CHECK(commit_message(one_each, {}) == "tend: 1 entry, 1 taken back");
    CHECK(commit_message("@@ -3 +3 @@\n-pain = 6\n+pain = 5\n", {}) == "tend: entries edited");
    CHECK(commit_message("", {"tend.toml"}) == "tend: tend.toml");
    CHECK(commit_message("", {}) == "tend: changes");
    // "+++ b/..." and "--- a/..." name files, not entries.
    CHECK(entries_added_in("+++ b/journal/[[entry]].toml\n") == 0);
    CHECK(entries_added_in(two_added) == 2);
    for (const std::string word : {"dilate", "sex", "pain", "hurt"})
        CHECK(commit_message(two_added, {}).find(word) == std::string::npos);
}
