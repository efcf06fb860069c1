// Docs that run: every shell example in README.md, docs/*.md and each command's --help, run as
// written through bash from a user's folder, on a copy of the example journal.
//
// The folder looks like a checkout after the set-up: build/dev/tend (the binary under test),
// examples/ (a copy; examples/pelvic-floor is also $TEND_DIR, the journal the examples write
// to) and a bin/ first on PATH with `tend` and the stand-ins. Stand-ins: `notify-send` prints its
// words to standard output; $EDITOR and $VISUAL are `true` (an editor closed without changes).
// TEND_NOW is 2026-11-25T10:00:00+01:00 in Europe/Berlin. Each example must exit 0 (or 1 where its
// comment says "exit 1"), and afterwards no file may exist outside the journal but those an example
// names after -o or > (visit.html, plan.ics, ~/.zfunc/_tend) or inside a --dir it names.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::filesystem::path source_dir = TEND_SOURCE_DIR;

struct Example {
    std::string where;  // "README.md" or "tend plan add --help"
    std::string line;   // as written
};

// The lines of the ```sh blocks of a Markdown file.
std::vector<Example> shell_examples_in(const std::string& name) {
    std::vector<Example> examples;
    std::istringstream text(read_text(source_dir / name));
    bool in_shell = false;
    for (std::string line; std::getline(text, line);) {
        if (line.starts_with("```")) {
            in_shell = !in_shell && line == "```sh";
            continue;
        }
        if (in_shell && !line.empty()) examples.push_back({name, line});
    }
    return examples;
}

// The lines under "Examples:" in a command's --help.
std::vector<Example> help_examples_of(const std::vector<std::string>& command) {
    std::vector<std::string> arguments = command;
    arguments.push_back("--help");
    const auto help = run_tend(arguments);
    REQUIRE(help.exit_code == 0);
    std::string where = "tend";
    for (const auto& word : arguments)
        where += " " + word;
    std::vector<Example> examples;
    const auto start = help.out.find("\nExamples:\n");
    REQUIRE(start != std::string::npos);
    std::istringstream text(help.out.substr(start + 11));
    for (std::string line; std::getline(text, line) && line.starts_with("  ");)
        examples.push_back({where, line.substr(2)});
    return examples;
}

// Set-up, install and packaging commands: they build or install, so they don't run inside ctest.
// `tend remind install` writes the user's timers or crontab, outside the journal by its nature
// (tests/e2e/remind_test.cpp runs it in a temporary HOME), and `tend log` alone asks its questions
// only on a terminal (tests/e2e/log_prompt_test.cpp answers them under a pseudo-terminal).
// `tend git` and `tend sync` need git's name for commits and a remote, which this folder has
// not: tests/e2e/sync_test.cpp runs them with git's configuration isolated.
bool is_set_up_command(const std::string& line) {
    for (const std::string prefix :
         {"bash tests/", "cmake ", "(cd build/release", "sudo ", "tend git ", "tend sync"})
        if (line.starts_with(prefix)) return true;
    const bool installs =
        (line.starts_with("tend remind install") && line.find("--dry-run") == std::string::npos) ||
        line.starts_with("tend remind uninstall");
    return installs || line.find("# on a terminal") != std::string::npos;
}

// The words of a line, split as the shell would for these simple lines (quotes removed).
std::vector<std::string> words_of(const std::string& line) {
    std::vector<std::string> words;
    std::string word;
    char quote = 0;
    bool any = false;
    for (const char character : line) {
        if (quote) {
            if (character == quote)
                quote = 0;
            else
                word += character;
        } else if (character == '"' || character == '\'') {
            quote = character;
            any = true;
        } else if (character == ' ') {
            if (any || !word.empty()) words.push_back(word);
            word.clear();
            any = false;
        } else if (character == '#' && word.empty() && !any) {
            break;
        } else {
            word += character;
        }
    }
    if (any || !word.empty()) words.push_back(word);
    return words;
}

// A user's folder set up as the header says.
struct DocsFolder {
    TempFolder root;
    RunOptions options;

    DocsFolder() {
        // Every example journal; the other profiles' are read with --dir examples/NAME.
        const auto journal = root / "examples" / "pelvic-floor";
        std::filesystem::copy(source_dir / "examples", root / "examples",
                              std::filesystem::copy_options::recursive);
        std::filesystem::create_directories(root / "build" / "dev");
        std::filesystem::create_symlink(TEND_BINARY, root / "build" / "dev" / "tend");
        std::filesystem::create_directories(root / "bin");
        std::filesystem::create_symlink(TEND_BINARY, root / "bin" / "tend");
        write_text(root / "bin" / "notify-send", "#!/bin/sh\necho \"notify-send $*\"\n");
        std::filesystem::permissions(root / "bin" / "notify-send",
                                     std::filesystem::perms::owner_all);
        std::filesystem::create_directories(root / "home");
        options.environment = {{"HOME", (root / "home").string()},
                               {"PATH", (root / "bin").string() + ":/usr/bin:/bin"},
                               {"TEND_DIR", journal.string()},
                               {"EDITOR", "true"},
                               {"VISUAL", "true"}};
    }

    // Where a path the examples name lands, relative to the root ("~/x" is in home).
    std::string landing_of(const std::string& path) const {
        if (path.starts_with("~/")) return "home/" + path.substr(2);
        return path;
    }

    // Runs every example in order; returns the files each promised to write.
    std::set<std::string> run(const std::vector<Example>& examples,
                              std::vector<std::string>& journal_folders) {
        std::set<std::string> promised;
        for (const auto& example : examples) {
            if (is_set_up_command(example.line)) continue;
            CAPTURE(example.where);
            CAPTURE(example.line);
            const auto result = run_bash(example.line, root.path(), options);
            CAPTURE(result.err);
            const int expected = example.line.find("# exit 1") != std::string::npos ? 1 : 0;
            CHECK(result.exit_code == expected);
            CHECK(result.err == "");
            const auto words = words_of(example.line);
            for (std::size_t index = 0; index + 1 < words.size(); ++index) {
                if (words[index] == "-o" || words[index] == ">")
                    promised.insert(landing_of(words[index + 1]));
                if (words[index] == "--dir")
                    journal_folders.push_back(landing_of(words[index + 1]));
            }
        }
        return promised;
    }

    // Files outside the example journals, bin/ and build/ that are not inside a named --dir.
    std::set<std::string> written_outside(const std::vector<std::string>& journal_folders) const {
        std::set<std::string> written;
        for (const auto& item : std::filesystem::recursive_directory_iterator(root.path())) {
            if (item.is_symlink() || !item.is_regular_file()) continue;
            const std::string name = item.path().lexically_relative(root.path()).string();
            bool inside = name.starts_with("examples/") || name.starts_with("bin/") ||
                          name.starts_with("build/");
            for (const auto& folder : journal_folders)
                inside = inside || name.starts_with(folder + "/");
            if (!inside) written.insert(name);
        }
        return written;
    }
};

// "a, b, c": a set that doctest can show when a check fails.
std::string listed(const std::set<std::string>& names) {
    std::string list;
    for (const auto& name : names)
        list += (list.empty() ? "" : ", ") + name;
    return list;
}

void check_examples_run(const std::vector<Example>& examples) {
    DocsFolder folder;
    std::vector<std::string> journal_folders;
    const auto promised = folder.run(examples, journal_folders);
    CHECK(listed(folder.written_outside(journal_folders)) == listed(promised));
}

}  // namespace

TEST_CASE("docs: every example in README.md runs as written") {
    const auto examples = shell_examples_in("README.md");
    REQUIRE(examples.size() >= 20);
    check_examples_run(examples);
}

TEST_CASE("docs: every example in docs/*.md runs as written") {
    for (const auto& item : std::filesystem::directory_iterator(source_dir / "docs")) {
        if (item.path().extension() != ".md") continue;
        const std::string name = "docs/" + item.path().filename().string();
        CAPTURE(name);
        check_examples_run(shell_examples_in(name));
    }
}

TEST_CASE("docs: every example in every command's --help runs as written") {
    // In this order, so that `plan rm` removes what `plan add` added.
    const std::vector<std::vector<std::string>> commands = {{"log"},
                                                            {"show"},
                                                            {"undo"},
                                                            {"check"},
                                                            {"kinds"},
                                                            {"plan"},
                                                            {"plan", "show"},
                                                            {"plan", "add"},
                                                            {"plan", "rm"},
                                                            {"plan", "end"},
                                                            {"plan", "today"},
                                                            {"plan", "due"},
                                                            {"plan", "ics"},
                                                            {"stats"},
                                                            {"export"},
                                                            {"questions"},
                                                            {"questions", "answer"},
                                                            {"edit"},
                                                            {"completions"}};
    std::vector<Example> examples;
    for (const auto& command : commands)
        for (auto& example : help_examples_of(command))
            examples.push_back(std::move(example));
    REQUIRE(examples.size() >= 40);
    check_examples_run(examples);

    // init's examples are a first run: $TEND_DIR is a folder that does not exist yet.
    DocsFolder first_run;
    first_run.options.environment["TEND_DIR"] = (first_run.root / "new-journal").string();
    std::vector<std::string> journal_folders = {"new-journal"};
    const auto promised = first_run.run(help_examples_of({"init"}), journal_folders);
    CHECK(listed(first_run.written_outside(journal_folders)) == listed(promised));
    CHECK(read_text(first_run.root / "new-journal" / "tend.toml")
              .starts_with("# tend settings and profile (pelvic-floor profile).\n"));
}

TEST_CASE("docs: the README's set-up command is what CI runs, and its main job shows its output") {
    const auto examples = shell_examples_in("README.md");
    REQUIRE(examples.size() >= 2);
    // The set-up: the first example, and exactly a line of .ci/run.
    CHECK(examples[0].line == "bash tests/build-and-test");
    CHECK(read_text(source_dir / ".ci" / "run").find("\n" + examples[0].line + "\n") !=
          std::string::npos);
    // The main job: the second example, whose output is the README's next block.
    CHECK(examples[1].line ==
          "./build/dev/tend --dir examples/pelvic-floor show 2026-11-20..2026-11-21");
    const std::string readme = read_text(source_dir / "README.md");
    const auto command_at = readme.find(examples[1].line);
    const auto output_start = readme.find("```\n", command_at + examples[1].line.size() + 5);
    const auto output_end = readme.find("```", output_start + 4);
    REQUIRE(output_end != std::string::npos);
    const std::string shown = readme.substr(output_start + 4, output_end - output_start - 4);
    DocsFolder folder;
    const auto result = run_bash(examples[1].line, folder.root.path(), folder.options);
    CHECK(result.err == "");
    CHECK(result.exit_code == 0);
    CHECK(result.out == shown);
}

TEST_CASE("docs: the docs-run test finds the files an example promises") {
    CHECK(words_of("tend export -o visit.html      # notes") ==
          std::vector<std::string>{"tend", "export", "-o", "visit.html"});
    CHECK(words_of("tend plan add dilate daily 'minutes>=10' --name \"Dilate, 10 min\"") ==
          std::vector<std::string>{"tend", "plan", "add", "dilate", "daily", "minutes>=10",
                                   "--name", "Dilate, 10 min"});
    CHECK(words_of("tend completions zsh > ~/.zfunc/_tend") ==
          std::vector<std::string>{"tend", "completions", "zsh", ">", "~/.zfunc/_tend"});
}
