// `tend log` without a kind on a terminal: the questions, typed answers, re-asking and Ctrl-D,
// driven through a pseudo-terminal by tests/e2e/pty_session.py.
#include <doctest/doctest.h>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

std::string quoted(const std::string& word) {
    std::string quoted = "'";
    for (const char character : word)
        quoted += character == '\'' ? std::string("'\\''") : std::string(1, character);
    return quoted + "'";
}

// Runs `tend WORDS` in `journal` on a pseudo-terminal through `steps` (--expect TEXT, --send
// TEXT, --type TEXT, --eof), with the clock at `now`; returns the screen and "exit N".
std::string run_on_terminal(const TempFolder& journal, const std::vector<std::string>& steps,
                            const std::vector<std::string>& words, const std::string& now) {
    std::string command = "cd " + quoted(journal.path().string()) + " && /usr/bin/python3 " +
                          quoted(std::string(TEND_SOURCE_DIR) + "/tests/e2e/pty_session.py");
    for (const auto& step : steps)
        command += " " + quoted(step);
    command += " -- /usr/bin/env -i PATH=/usr/bin:/bin HOME=" + quoted(journal.path().string()) +
               " TZ=Europe/Berlin TEND_NOW=" + now + " TEND_DEVICE=laptop LANG=C.UTF-8 " +
               quoted(TEND_BINARY);
    for (const auto& word : words)
        command += " " + quoted(word);
    return output_of(command + " 2>&1").out;
}

// Runs `tend log --dir data ARGUMENTS` on a pseudo-terminal at 25 Nov 2026, 10:00.
std::string on_terminal(const TempFolder& journal, const std::vector<std::string>& steps,
                        const std::vector<std::string>& arguments = {}) {
    std::vector<std::string> words = {"log", "--dir", "data"};
    words.insert(words.end(), arguments.begin(), arguments.end());
    return run_on_terminal(journal, steps, words, "2026-11-25T10:00:00+01:00");
}

const std::string pelvic_floor_kinds =
    "Kinds: dilate, kegels, relax, massage, stretch, cardio, sex, pain, med, procedure, visit, "
    "period, question, note\n";

}  // namespace

TEST_CASE(
    "e2e prompt: kind, fields with ranges and a note with quotes, and a wrong answer is asked "
    "again") {
    TempFolder journal;
    const std::string note = R"(it's easier, isn't it? "yes" $HOME `date` \n #1)";
    const std::string screen = on_terminal(journal, {"--expect", "kind: ",
                                                     "--send",   "dilte",
                                                     "--expect", "kind: ",
                                                     "--send",   "dil",
                                                     "--expect", "size (1-6): ",
                                                     "--send",   "3",
                                                     "--expect", "minutes",
                                                     "--send",   "15",
                                                     "--expect", "pain (0-10): ",
                                                     "--send",   "12",
                                                     "--expect", "pain (0-10): ",
                                                     "--send",   "2",
                                                     "--expect", "anxiety (0-10): ",
                                                     "--send",   "",
                                                     "--expect", "overnight (yes/no): ",
                                                     "--send",   "",
                                                     "--expect", "note: ",
                                                     "--send",   note});
    CHECK(screen == pelvic_floor_kinds +
                        "kind: dilte\n"
                        "tend: unknown kind 'dilte' - did you mean 'dilate'? ('tend kinds' lists "
                        "them)\n"
                        "kind: dil\n"
                        "Press Enter to leave a field out.\n"
                        "size (1-6): 3\n"
                        "minutes (like 15 or 1h30m): 15\n"
                        "pain (0-10): 12\n"
                        "tend: pain must be from 0 to 10, got 12\n"
                        "pain (0-10): 2\n"
                        "anxiety (0-10): \n"
                        "overnight (yes/no): \n"
                        "note: " +
                        note +
                        "\n"
                        "logged dilate (size 3 · 15 min · pain 2/10) today at 10:00 - note \"" +
                        note +
                        "\"\n"
                        "exit 0\n");
    CHECK(read_text(journal / "data/journal/2026-11.laptop.toml")
              .ends_with("[[entry]]\n"
                         "at = 2026-11-25T10:00:00+01:00\n"
                         "kind = \"dilate\"\n"
                         "size = 3\n"
                         "minutes = 15\n"
                         "pain = 2\n"
                         "note = \"it's easier, isn't it? \\\"yes\\\" $HOME `date` \\\\n #1\"\n"));
}

TEST_CASE("e2e prompt: a kind without fields goes straight to the note, and --at still applies") {
    TempFolder journal;
    const std::string screen = on_terminal(
        journal,
        {"--expect", "kind: ", "--send", "question", "--expect", "answered (yes/no): ", "--send",
         "", "--expect", "note: ", "--send", "can I swim after the botox?"},
        {"--at", "yesterday 21:30"});
    CHECK(screen == pelvic_floor_kinds +
                        "kind: question\n"
                        "Press Enter to leave a field out.\n"
                        "answered (yes/no): \n"
                        "note: can I swim after the botox?\n"
                        "logged question yesterday at 21:30 - note \"can I swim after the "
                        "botox?\"\n"
                        "exit 0\n");
    CHECK(read_text(journal / "data/journal/2026-11.laptop.toml")
              .ends_with("at = 2026-11-24T21:30:00+01:00\n"
                         "kind = \"question\"\n"
                         "note = \"can I swim after the botox?\"\n"));
}

TEST_CASE("e2e prompt: Ctrl-D at any question writes nothing") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", (journal / "data").string(), "log", "relax", "10"}).exit_code == 0);
    const auto before = snapshot(journal.path());
    SUBCASE("at the kind") {
        CHECK(on_terminal(journal, {"--expect", "kind: ", "--eof"}) ==
              pelvic_floor_kinds + "kind: \nnothing logged\nexit 1\n");
    }
    SUBCASE("at a field, after other answers") {
        CHECK(on_terminal(journal, {"--expect", "kind: ", "--send", "kegels", "--expect",
                                    "sets (1-20): ", "--send", "3", "--expect",
                                    "reps (1-100): ", "--eof"}) ==
              pelvic_floor_kinds +
                  "kind: kegels\nPress Enter to leave a field out.\nsets (1-20): 3\n"
                  "reps (1-100): \nnothing logged\nexit 1\n");
    }
    SUBCASE("after a half-typed note") {
        CHECK(on_terminal(journal, {"--expect", "kind: ", "--send", "note", "--expect",
                                    "note: ", "--type", "half a thought", "--eof", "--eof"}) ==
              pelvic_floor_kinds + "kind: note\nnote: half a thought\nnothing logged\nexit 1\n");
    }
    CHECK(snapshot(journal.path()) == before);
}

TEST_CASE("e2e prompt: not on a terminal, tend log without a kind asks nothing and says so") {
    TempFolder journal;
    const auto result = run_tend({"log", "--dir", journal.path().string()});
    CHECK(result.exit_code == 2);
    CHECK(result.out == "");
    CHECK(result.err == "tend: 'tend log' needs KIND ... - see 'tend log --help'\n");
    CHECK(snapshot(journal.path()).empty());
}

TEST_CASE("e2e undo on a terminal: an entry logged over an hour ago is removed only on 'y'") {
    TempFolder journal;
    // Logged at 10:00 (run_tend's clock), asked about at 12:00.
    REQUIRE(run_tend({"--dir", (journal / "data").string(), "log", "relax", "10"}).exit_code == 0);
    REQUIRE(
        run_tend({"--dir", (journal / "data").string(), "log", "dilate", "3", "min=15", "pain=2"})
            .exit_code == 0);
    const auto before = snapshot(journal.path());
    const std::string question =
        "The last entry was logged more than an hour ago:\n"
        "  Wed 25 Nov 2026 10:00  dilate    size 3 · 15 min · pain 2/10\n"
        "Remove it? [y/N] ";
    const std::string two_hours_later = "2026-11-25T12:00:00+01:00";

    SUBCASE("Enter keeps it") {
        CHECK(run_on_terminal(journal, {"--expect", "[y/N] ", "--send", ""},
                              {"undo", "--dir", "data"},
                              two_hours_later) == question + "\nnothing was removed\nexit 1\n");
        CHECK(snapshot(journal.path()) == before);
    }
    SUBCASE("Ctrl-D keeps it") {
        CHECK(run_on_terminal(journal, {"--expect", "[y/N] ", "--eof"}, {"--dir", "data", "undo"},
                              two_hours_later) == question + "nothing was removed\nexit 1\n");
        CHECK(snapshot(journal.path()) == before);
    }
    SUBCASE("'y' removes exactly that entry") {
        CHECK(run_on_terminal(journal, {"--expect", "[y/N] ", "--send", "y"},
                              {"undo", "--dir", "data"},
                              two_hours_later) == question +
                                                      "y\nremoved: Wed 25 Nov 2026 10:00  dilate   "
                                                      " size 3 · 15 min · pain 2/10\nexit 0\n");
        const std::string month = read_text(journal / "data/journal/2026-11.laptop.toml");
        CHECK(month.find("kind = \"dilate\"") == std::string::npos);
        CHECK(month.ends_with("kind = \"relax\"\nminutes = 10\n"));
    }
}
