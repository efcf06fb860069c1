// End-to-end tests of the phone inbox: lines filed once by any command, never rewritten.
#include <doctest/doctest.h>

#include <filesystem>

#include "e2e/run_tend.h"

using namespace tend::testing;

TEST_CASE("e2e inbox: lines are filed once across many commands and inbox.txt never changes") {
    TempFolder journal;
    const std::string inbox =
        "# my phone's inbox\n"
        "2026-11-21 21:30 dilate 3 min=15 pain=2 first time size 3\n"
        "\n"
        "2026-11-22 8:00 kegels sets=3 @morning\n"
        "2026-11-22 9:00 dilte 3\n"
        "2026-11-23T07:10:00+01:00 relax 10\n";
    write_text(journal / "inbox.txt", inbox);
    const auto first = run_tend_in(journal.path(), {"show", "2026-11-20..", "--dir", "."});
    CHECK(first.exit_code == 0);
    CHECK(first.err ==
          "inbox.txt:5: unknown kind 'dilte' - did you mean 'dilate'? ('tend kinds' lists them)\n"
          "(lines that can't be filed stay in the inbox as they are; fix them there)\n"
          "filed 3 new entries from inbox.txt\n");
    CHECK(count_of(first.out, "dilate") == 1);
    CHECK(count_of(first.out, "first time size 3") == 1);
    const std::vector<std::vector<std::string>> commands = {
        {"stats"}, {"check"}, {"show", "2026-11"}, {"plan"}, {}};
    for (const auto& command : commands) {
        std::vector<std::string> arguments = {"--dir", journal.path().string()};
        arguments.insert(arguments.end(), command.begin(), command.end());
        const auto result = run_tend(arguments);
        CHECK(result.err.find("new entr") == std::string::npos);
        CHECK(result.err.starts_with("inbox.txt:5: unknown kind 'dilte'"));
    }
    CHECK(read_text(journal / "inbox.txt") == inbox);
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 3);
    // A line appended later is filed by the next command, once.
    write_text(journal / "inbox.txt", inbox + "2026-11-24 20:00 massage 10 pain=1\n");
    CHECK(run_tend({"--dir", journal.path(), "show"})
              .err.ends_with("filed 1 new entry from inbox.txt\n"));
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 4);
    // Another device files the same lines into its own file; each entry still counts once.
    RunOptions phone;
    phone.environment["TEND_DEVICE"] = "phone";
    REQUIRE(run_tend({"--dir", journal.path(), "show"}, phone).exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(journal / "journal/2026-11.phone.toml"));
    CHECK(count_of(run_tend({"--dir", journal.path(), "show", "2026-11"}).out, "massage") == 1);
}

TEST_CASE("e2e inbox: a line dated ahead waits for its time, and one years ahead is a typo") {
    TempFolder journal;
    // Now is 2026-11-25 10:00 (+01:00): tonight's line waits, 2062's is named.
    write_text(journal / "inbox.txt",
               "2026-11-25 21:30 dilate 3 tonight\n"
               "2062-11-25 08:00 kegels\n");
    const auto now = run_tend({"--dir", journal.path(), "show", "2026-11-25"});
    CHECK(now.exit_code == 0);
    CHECK(now.err ==
          "inbox.txt:2: 2062-11-25 08:00 is more than two days ahead of this computer's clock - "
          "a typo in the date? fix it in the inbox\n"
          "(lines that can't be filed stay in the inbox as they are; fix them there)\n");
    CHECK_FALSE(std::filesystem::exists(journal / "journal"));
    RunOptions tonight;
    tonight.environment["TEND_NOW"] = "2026-11-25T22:00:00+01:00";
    const auto later = run_tend({"--dir", journal.path(), "show", "2026-11-25"}, tonight);
    CHECK(later.err.ends_with("filed 1 new entry from inbox.txt\n"));
    CHECK(count_of(later.out, "tonight") == 1);
}

TEST_CASE("e2e inbox: a symlinked, huge or foreign inbox is not read, and the command runs") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels"}).exit_code == 0);
    write_text(journal / "secret.txt", "2026-11-21 21:30 dilate 3 a private line\n");
    std::filesystem::create_symlink(journal / "secret.txt", journal / "inbox.txt");
    const auto linked = run_tend({"--dir", journal.path(), "show"});
    CHECK(linked.exit_code == 0);
    CHECK(linked.err ==
          "tend: inbox.txt was not filed: inbox.txt is a link, and tend files only a plain inbox "
          "file, so it was not read - put the inbox file itself in the journal folder\n");
    CHECK(linked.out.find("private") == std::string::npos);
    std::filesystem::remove(journal / "inbox.txt");
    std::string huge;
    while (huge.size() <= 4 * 1024 * 1024)
        huge += "2026-11-21 21:30 relax 5 a line repeated many many times over\n";
    write_text(journal / "inbox.phone.txt", huge);
    const auto big = run_tend({"--dir", journal.path(), "show"});
    CHECK(big.exit_code == 0);
    CHECK(big.err.starts_with(
        "tend: inbox.phone.txt was not filed: inbox.phone.txt holds more than 4 MB, so it was "
        "not read - "));
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 1);
    std::filesystem::remove(journal / "inbox.phone.txt");
    // Junk lines: a few are listed, the rest counted.
    std::string junk;
    for (int line = 0; line < 1000; ++line)
        junk += "junk\n";
    write_text(journal / "inbox.txt", junk);
    const auto listed = run_tend({"--dir", journal.path(), "show"});
    CHECK(listed.exit_code == 0);
    CHECK(count_of(listed.err, "\n") == 7);
    CHECK(listed.err.find("... and 995 more lines that can't be filed\n") != std::string::npos);
}
