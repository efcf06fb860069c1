// tend among the other tools of a shell: help with real examples, and quiet in a closed pipe.
#include <doctest/doctest.h>

#include <cstdlib>

#include "e2e/run_tend.h"

using namespace tend::testing;

TEST_CASE("shell: every command's help ends with at least two real examples") {
    const std::vector<std::vector<std::string>> commands = {
        {"log"},         {"show"},         {"undo"},          {"check"},
        {"init"},        {"kinds"},        {"plan"},          {"stats"},
        {"export"},      {"edit"},         {"completions"},   {"plan", "add"},
        {"plan", "end"}, {"plan", "rm"},   {"plan", "today"}, {"plan", "due"},
        {"plan", "ics"}, {"plan", "show"}, {"questions"},     {"questions", "answer"}};
    for (auto words : commands) {
        const std::string command = words.back();
        CAPTURE(command);
        words.push_back("--help");
        const auto help = run_tend(words);
        CHECK(help.exit_code == 0);
        const auto examples = help.out.find("\nExamples:\n");
        REQUIRE(examples != std::string::npos);
        const std::string lines = help.out.substr(examples);
        CHECK(count_of(lines, "\n  tend") + count_of(lines, "\n  source <(tend ") +
                  count_of(lines, "&& tend ") >=
              2);
    }
}

TEST_CASE("shell: a reader that stops early (| head) gets no error from tend") {
    TempFolder folder;
    const std::string example = std::string(TEND_SOURCE_DIR) + "/examples/pelvic-floor";
    const std::string command = "TEND_NOW=2026-11-25T10:00:00+01:00 TZ=Europe/Berlin '" +
                                std::string(TEND_BINARY) + "' --dir '" + example +
                                "' show all 2> '" + (folder / "err.txt").string() +
                                "' | head -n 1 > '" + (folder / "out.txt").string() + "'";
    CHECK(std::system(command.c_str()) == 0);
    CHECK(read_text(folder / "out.txt") == "Mon 15 Jun 2026\n");
    CHECK(read_text(folder / "err.txt").empty());
}

TEST_CASE("shell: output for scripts is never coloured, even with --color always") {
    const std::string example = std::string(TEND_SOURCE_DIR) + "/examples/pelvic-floor";
    const std::vector<std::vector<std::string>> commands = {
        {"stats", "2026-W47", "--json"},
        {"stats", "2026-W47", "--weekly", "--json"},
        {"show", "2026-W47", "--json"},
        {"export", "2026-W47", "--format", "csv"},
        {"export", "2026-W47", "--format", "json"},
        {"plan", "ics"}};
    for (auto words : commands) {
        const std::string command = words.front() + " " + words.back();
        CAPTURE(command);
        words.insert(words.begin(), {"--dir", example, "--color", "always"});
        const auto result = run_tend(words);
        CHECK(result.exit_code == 0);
        CHECK(result.out.size() > 100);
        CHECK(result.out.find('\x1b') == std::string::npos);
    }
    // The terminal summary does take the colour.
    CHECK(run_tend({"--dir", example, "--color", "always", "stats", "2026-W47"}).out.find('\x1b') !=
          std::string::npos);
}
