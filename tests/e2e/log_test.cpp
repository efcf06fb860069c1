// End-to-end tests of `tend log`: what it writes, what it says, and what it refuses.
#include <doctest/doctest.h>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {
const std::string month_file = "journal/2026-11.laptop.toml";
}

TEST_CASE("e2e log: the README's quick entry is written as a readable [[entry]] and confirmed") {
    TempFolder journal;
    const auto result =
        run_tend({"--dir", journal.path(), "log", "dilate", "3", "min=15", "pain=2"});
    CHECK(result.exit_code == 0);
    CHECK(result.err == "");
    CHECK(result.out == "logged dilate (size 3 · 15 min · pain 2/10) today at 10:00\n");
    CHECK(read_text(journal / month_file) ==
          "# tend journal, November 2026: one [[entry]] per session. Edit freely; see "
          "docs/format.md.\n"
          "\n"
          "[[entry]]\n"
          "at = 2026-11-25T10:00:00+01:00\n"
          "kind = \"dilate\"\n"
          "size = 3\n"
          "minutes = 15\n"
          "pain = 2\n");
}

TEST_CASE("e2e log: --at forms land in the right month file with the right offset") {
    TempFolder journal;
    CHECK(run_tend({"--dir", journal.path(), "log", "kegels", "--at", "yesterday 21:30"}).out ==
          "logged kegels yesterday at 21:30\n");
    CHECK(run_tend({"--dir", journal.path(), "log", "sex", "pain=3", "--at", "2026-07-03 22:00"})
              .out == "logged sex (pain 3/10) on Fri 3 Jul 2026 at 22:00\n");
    CHECK(read_text(journal / "journal/2026-07.laptop.toml")
              .find("at = 2026-07-03T22:00:00+02:00\n") != std::string::npos);
    CHECK(read_text(journal / month_file).find("at = 2026-11-24T21:30:00+01:00\n") !=
          std::string::npos);
    CHECK(run_tend({"--dir", journal.path(), "log", "relax", "10", "--at", "2h ago"}).out ==
          "logged relax (10 min) today at 08:00\n");
}

TEST_CASE("e2e log: notes with quotes, backslashes, newlines, tabs and emoji read back identical") {
    TempFolder journal;
    const std::string note = "she said \"slowly\" \\ then\n\ttabbed line 🌷 é ✓";
    const auto logged = run_tend({"--dir", journal.path(), "log", "note", "-"},
                                 RunOptions{note + "\n", {}, 077, {}, {}});
    CHECK(logged.exit_code == 0);
    const auto shown = run_tend({"--dir", journal.path(), "show", "--json"});
    CHECK(shown.out.find(R"("note": "she said \"slowly\" \\ then\n\ttabbed line 🌷 é ✓")") !=
          std::string::npos);
    CHECK(read_text(journal / month_file)
              .find(R"(note = "she said \"slowly\" \\ then\n\ttabbed line 🌷 é ✓")") !=
          std::string::npos);
}

TEST_CASE("e2e log: tags and note words") {
    TempFolder journal;
    const auto result = run_tend(
        {"--dir", journal.path(), "log", "pain", "6", "@evening", "sharp", "after", "walking"});
    CHECK(result.out ==
          "logged pain (pain 6/10) today at 10:00 @evening - note \"sharp after walking\"\n");
    const std::string text = read_text(journal / month_file);
    CHECK(text.find("level = 6\ntags = [\"evening\"]\nnote = \"sharp after walking\"\n") !=
          std::string::npos);
}

TEST_CASE("e2e log: every bad input is one line on stderr, exit 2, and nothing on disk") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "note", "first"}).exit_code == 0);
    const auto before = snapshot(journal.path());
    struct Case {
        std::vector<std::string> words;
        std::string error;
    };
    const std::vector<Case> cases = {
        {{"dilte", "3"},
         "tend: unknown kind 'dilte' - did you mean 'dilate'? ('tend kinds' lists them)\n"},
        {{"s", "2"},
         "tend: ambiguous kind 's': it could be 'stretch', 'sex' or 'skip' - type a few more "
         "letters\n"},
        {{"dilate", "sise=3"},
         "tend: unknown field 'sise' for dilate - did you mean 'size'? (dilate has 'size', "
         "'minutes', 'pain', "
         "'anxiety' and 'overnight')\n"},
        {{"dilate", "9"}, "tend: size must be from 1 to 6, got 9\n"},
        {{"dilate", "pain=lots"},
         "tend: pain must be a whole number, got 'lots' - pain takes from 0 to 10\n"},
        {{"dilate", "size=3", "size=4"},
         "tend: size is given twice - 'size=4' sets size again; give each field once\n"},
        {{"kegels", "--at", "someday"},
         "tend: can't read the time 'someday' - try a time of day (24-hour 21:30, or 9:30pm), a "
         "day and time (yesterday 8pm, wed 9pm, "
         "2026-11-20 08:00) or how long ago (2h ago, 90 min ago, 2 days ago)\n"},
        {{"kegels", "--at", "23:00"},
         "tend: 23:00 is in the future - did you mean 'yesterday 23:00'?\n"},
        {{"kegels", "--at", "2027-01-02 08:00"},
         "tend: 2027-01-02 08:00 is in the future - tend records what already happened\n"},
        {{"note", "caf\xc3"},
         "tend: the note is not valid UTF-8 text - check your terminal's encoding\n"},
        {{}, "tend: 'tend log' needs KIND ... - see 'tend log --help'\n"},
        {{"kegels", "--bogus"},
         "tend: the following argument was not expected: --bogus - see 'tend --help'\n"},
    };
    for (const auto& test : cases) {
        std::vector<std::string> arguments = {"--dir", journal.path(), "log"};
        arguments.insert(arguments.end(), test.words.begin(), test.words.end());
        const auto result = run_tend(arguments);
        CAPTURE(test.error);
        CHECK(result.exit_code == 2);
        CHECK(result.out == "");
        CHECK(result.err == test.error);
        CHECK(snapshot(journal.path()) == before);
    }
}

TEST_CASE(
    "e2e log: control characters in a note from stdin are refused - newlines and tabs are kept") {
    TempFolder journal;
    const auto result = run_tend({"--dir", journal.path(), "log", "note", "-"},
                                 RunOptions{"bell \x07 here", {}, 077, {}, {}});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "tend: the note contains a control character (U+0007) - notes may hold text, newlines "
          "and tabs\n");
    CHECK_FALSE(std::filesystem::exists(journal / month_file));
}

TEST_CASE("e2e log: a 10 MB note is refused without writing anything") {
    TempFolder journal;
    const auto result = run_tend({"--dir", journal.path(), "log", "note", "-"},
                                 RunOptions{std::string(10 * 1024 * 1024, 'a'), {}, 077, {}, {}});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "tend: the note on standard input is longer than the most a note can hold (100000 "
          "bytes) - keep long texts in a file of your own and note where it is\n");
    CHECK_FALSE(std::filesystem::exists(journal / month_file));
}

TEST_CASE("e2e log: --edit takes the note from $EDITOR") {
    TempFolder journal;
    write_text(journal / "editor.sh",
               "#!/bin/sh\nprintf 'written in the editor\\n# a comment line\\n' > \"$1\"\n");
    std::filesystem::permissions(journal / "editor.sh", std::filesystem::perms::owner_all);
    const auto result =
        run_tend({"--dir", (journal / "j").string(), "log", "note", "--edit"},
                 RunOptions{"", {{"EDITOR", (journal / "editor.sh").string()}}, 077, {}, {}});
    CHECK(result.exit_code == 0);
    CHECK(read_text(journal / "j" / month_file).find("note = \"written in the editor\"\n") !=
          std::string::npos);
    // The temporary note file is gone.
    std::size_t stray = 0;
    for (const auto& item : std::filesystem::directory_iterator(journal / "j"))
        if (item.path().filename().string().starts_with(".note")) ++stray;
    CHECK(stray == 0);
}
