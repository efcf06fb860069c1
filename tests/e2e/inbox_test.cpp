// End-to-end tests of the phone inbox: lines filed once by any command, never rewritten.
#include <doctest/doctest.h>

#include <chrono>
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
    // The commands that file the inbox (check and plan don't: docs/sync.md).
    const std::vector<std::vector<std::string>> commands = {
        {"stats"}, {"questions"}, {"show", "2026-11"}, {"plan", "today"}, {}};
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

TEST_CASE("e2e inbox: a filed line removed from the journal stays removed, and import refiles it") {
    TempFolder home;
    const auto journal = home / "tend";
    std::filesystem::create_directories(journal);
    const std::string line = "2026-11-24 21:30 dilate 3 min=15 from the phone\n";
    write_text(journal / "inbox.txt", line);
    const auto filed = run_tend_in(journal, {"show", "--dir", "."});
    CHECK(filed.err == "filed 1 new entry from inbox.txt\n");
    const auto month = journal / "journal/2026-11.laptop.toml";
    REQUIRE(count_of(read_text(month), "[[entry]]\n") == 1);
    // The record names the line by the hash of its text, in this device's own file.
    CHECK(count_of(read_text(journal / "journal/inbox-filed.laptop.txt"), "\n") == 3);
    // Deleted in `tend edit` (an editor that removes the dilate block): it stays deleted.
    REQUIRE(run_tend_in(journal, {"--dir", ".", "log", "kegels"}).exit_code == 0);
    write_text(
        home / "remove-dilate.sh",
        "#!/bin/sh\nawk 'BEGIN { RS = \"\"; ORS = \"\\n\\n\" } !/kind = \"dilate\"/' \"$1\" > "
        "\"$1.new\" && mv \"$1.new\" \"$1\"\n");
    std::filesystem::permissions(home / "remove-dilate.sh", std::filesystem::perms::owner_all);
    RunOptions editor;
    editor.environment["EDITOR"] = (home / "remove-dilate.sh").string();
    const auto edited = run_tend_in(journal, {"--dir", ".", "edit"}, editor);
    CHECK(edited.exit_code == 0);
    REQUIRE(count_of(read_text(month), "[[entry]]\n") == 1);
    for (const std::vector<std::string>& command :
         std::vector<std::vector<std::string>>{{"show"}, {"stats"}, {}, {"log", "kegels"}}) {
        std::vector<std::string> arguments = {"--dir", "."};
        arguments.insert(arguments.end(), command.begin(), command.end());
        const auto result = run_tend_in(journal, arguments);
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
    }
    CHECK(count_of(read_text(month), "dilate") == 0);
    CHECK(count_of(read_text(month), "kind = \"kegels\"") == 2);
    CHECK(count_of(run_tend_in(journal, {"show", "2026-11", "--dir", "."}).out, "dilate") == 0);
    // Another device reads the same record and doesn't file the line either.
    RunOptions desk;
    desk.environment["TEND_DEVICE"] = "desk";
    CHECK(run_tend_in(journal, {"--dir", ".", "show"}, desk).err.empty());
    CHECK_FALSE(std::filesystem::exists(journal / "journal/2026-11.desk.toml"));
    // Filed again on purpose: `tend import inbox.txt` takes the line in whatever the record says.
    const auto again = run_tend_in(journal, {"import", "inbox.txt", "--dir", "."});
    CHECK(again.out == "1 new, 0 already there\n");
    CHECK(count_of(run_tend_in(journal, {"show", "2026-11", "--dir", "."}).out, "dilate") == 1);
    CHECK(read_text(journal / "inbox.txt") == line);
}

TEST_CASE("e2e inbox: a line filed in one time zone is not filed again in another") {
    TempFolder home;
    const auto journal = home / "tend";
    std::filesystem::create_directories(journal);
    write_text(journal / "inbox.txt", "2026-11-24 21:30 relax 10 no offset written\n");
    RunOptions berlin;
    berlin.environment["TZ"] = "Europe/Berlin";
    CHECK(run_tend_in(journal, {"--dir", ".", "show"}, berlin).err ==
          "filed 1 new entry from inbox.txt\n");
    RunOptions new_york;
    new_york.environment["TZ"] = "America/New_York";
    new_york.environment["TEND_DEVICE"] = "travel";
    const auto away = run_tend_in(journal, {"--dir", ".", "show", "2026-11"}, new_york);
    CHECK(away.exit_code == 0);
    CHECK(away.err.empty());
    CHECK(count_of(away.out, "no offset written") == 1);
    CHECK_FALSE(std::filesystem::exists(journal / "journal/2026-11.travel.toml"));
    // And back home, the same device in the other zone files nothing either.
    RunOptions laptop_away;
    laptop_away.environment["TZ"] = "America/New_York";
    CHECK(run_tend_in(journal, {"stats", "--dir", "."}, laptop_away).err.empty());
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 1);
}

TEST_CASE("e2e inbox: check, export and dry runs write nothing and say that lines wait") {
    TempFolder home;
    const auto journal = home / "tend";
    REQUIRE(
        run_tend_in(home.path(), {"--dir", "tend", "log", "kegels", "--at", "8:00"}).exit_code ==
        0);
    write_text(journal / "inbox.txt",
               "2026-11-24 21:30 relax 10 from the phone\n"
               "2026-11-24 22:00 dilte 3\n");
    write_text(home / "other.json",
               "{\"entries\": [{\"at\": \"2026-11-20T20:00:00+01:00\", \"kind\": \"relax\"}]}\n");
    // The disposable .cache aside: reads write it (a month file is cached by its bytes at once,
    // by its stamp once it has settled), which is no change to what the person wrote.
    const auto written = [&] {
        auto files = snapshot(journal);
        std::erase_if(files, [](const auto& file) { return file.first.starts_with(".cache/"); });
        return files;
    };
    const auto before = written();
    const auto dry =
        run_tend_in(home.path(), {"import", "--dry-run", "other.json", "--dir", "tend"});
    CHECK(dry.out == "1 new, 0 already there (a dry run: nothing was written)\n");
    CHECK(dry.err.empty());
    CHECK(written() == before);
    const auto checked = run_tend_in(journal, {"check", "--dir", "."});
    CHECK(checked.exit_code == 1);
    CHECK(checked.out ==
          "inbox.txt:2:1: unknown kind 'dilte' - did you mean 'dilate'? ('tend kinds' lists "
          "them)\n"
          "note: the inbox has 1 line not filed yet; 'tend show' (or any command that logs) "
          "files it\n"
          "checked 1 month file: 1 problem to fix by hand\n");
    CHECK(written() == before);
    const auto exported = run_tend_in(journal, {"export", "--dir", ".", "--format", "json"});
    CHECK(exported.exit_code == 0);
    CHECK(exported.out.find("from the phone") == std::string::npos);
    CHECK(exported.err ==
          "note: the inbox has 1 new line not in the journal yet, so not in this either; 'tend "
          "show' (or any command that logs) files it\n");
    CHECK(written() == before);
    CHECK(run_tend_in(journal, {"git", "status", "--dir", "."}).err.find("inbox") ==
          std::string::npos);
    CHECK(written() == before);
    const auto shown = run_tend_in(journal, {"show", "--dir", ".", "2026-11"});
    CHECK(shown.err.ends_with("filed 1 new entry from inbox.txt\n"));
    CHECK(count_of(shown.out, "from the phone") == 1);
}

TEST_CASE("e2e inbox: lines log would refuse are named, not filed") {
    TempFolder home;
    const auto journal = home / "tend";
    std::filesystem::create_directories(journal);
    const std::string long_note(100001, 'a');
    write_text(journal / "inbox.txt",
               "2026-11-24 21:30 relax 10 a \x1b[31mred\x1b[0m note\n"
               "2026-11-24 21:40 relax 10 " +
                   long_note +
                   "\n"
                   "2026-11-24 21:50 question\n"
                   "2026-11-24 22:00 relax 10 fine\n");
    const auto shown = run_tend_in(journal, {"show", "--dir", "."});
    CHECK(shown.exit_code == 0);
    CHECK(shown.err ==
          "inbox.txt:1: the note contains a control character (U+001B) - notes may hold text, "
          "newlines and tabs\n"
          "inbox.txt:2: the note is 100001 bytes long; the most a note can hold is 100000 - keep "
          "long texts in a file of your own and note where it is\n"
          "inbox.txt:3: a question needs its words - for example: tend log question can I use "
          "lidocaine before dilating?\n"
          "(lines that can't be filed stay in the inbox as they are; fix them there)\n"
          "filed 1 new entry from inbox.txt\n");
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 1);
}

TEST_CASE("e2e inbox: Dropbox's conflicted copy of the inbox files only the line it alone holds") {
    TempFolder home;
    const auto journal = home / "tend";
    std::filesystem::create_directories(journal);
    const std::string both = "2026-11-23 21:00 relax 10 on both phones\n";
    write_text(journal / "inbox.txt", both);
    REQUIRE(run_tend_in(journal, {"--dir", ".", "show"}).err ==
            "filed 1 new entry from inbox.txt\n");
    // The other phone's version arrives beside it, with a line of its own.
    const std::string copy_name = "inbox (Sam's conflicted copy 2026-11-24).txt";
    write_text(journal / copy_name, both + "2026-11-24 07:30 kegels sets=3 only on this one\n");
    const auto shown = run_tend_in(journal, {"show", "2026-11", "--dir", "."});
    CHECK(shown.err == "filed 1 new entry from " + copy_name + "\n");
    CHECK(count_of(shown.out, "on both phones") == 1);
    CHECK(count_of(shown.out, "only on this one") == 1);
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 2);
    CHECK(run_tend_in(journal, {"--dir", ".", "stats"}).err.empty());
}

TEST_CASE("e2e inbox: a last line without its end waits until it ends or the inbox settles") {
    TempFolder journal;
    // A phone app saved while the line was being typed.
    write_text(journal / "inbox.txt",
               "2026-11-24 08:00 kegels\n"
               "2026-11-24 21:30 dilate 3 min=15 pain=2 went well, a bit");
    const auto typing = run_tend_in(journal.path(), {"show", "2026-11-24", "--dir", "."});
    CHECK(typing.exit_code == 0);
    CHECK(typing.err ==
          "note: the last line of inbox.txt has no end of line yet, so it waits: it is filed "
          "once it ends with one, or when the file has not changed for 10 minutes\n"
          "filed 1 new entry from inbox.txt\n");
    CHECK(count_of(typing.out, "dilate") == 0);
    // The line is finished: it is filed whole, once.
    write_text(journal / "inbox.txt",
               "2026-11-24 08:00 kegels\n"
               "2026-11-24 21:30 dilate 3 min=15 pain=2 went well, a bit of burning\n");
    const auto done = run_tend({"--dir", journal.path(), "show", "2026-11-24"});
    CHECK(done.err == "filed 1 new entry from inbox.txt\n");
    CHECK(count_of(done.out, "dilate") == 1);
    CHECK(count_of(done.out, "a bit of burning") == 1);
    // A last line left without its end is filed once the inbox has not changed for 10 minutes.
    write_text(journal / "inbox.txt",
               read_text(journal / "inbox.txt") + "2026-11-24 22:00 relax 5");
    CHECK(count_of(run_tend({"--dir", journal.path(), "show", "2026-11-24"}).out, "relax") == 0);
    std::filesystem::last_write_time(
        journal / "inbox.txt",
        std::filesystem::file_time_type::clock::now() - std::chrono::minutes(11));
    const auto settled = run_tend({"--dir", journal.path(), "show", "2026-11-24"});
    CHECK(settled.err == "filed 1 new entry from inbox.txt\n");
    CHECK(count_of(settled.out, "relax") == 1);
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 3);
}

TEST_CASE("e2e inbox: the record of filed lines is never read or written through a link") {
    TempFolder journal;
    TempFolder elsewhere;
    write_text(elsewhere / "notes.txt", "my own notes\n");
    std::filesystem::create_directories(journal / "journal");
    std::filesystem::create_symlink(elsewhere / "notes.txt",
                                    journal / "journal/inbox-filed.laptop.txt");
    write_text(journal / "inbox.txt", "2026-11-24 21:30 dilate 3 pain=2\n");
    const auto shown = run_tend_in(journal.path(), {"--dir", ".", "show", "2026-11-24"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.err ==
          "filed 1 new entry from inbox.txt\n"
          "note: the lines are filed, but tend could not add them to its record of filed lines: "
          "journal/inbox-filed.laptop.txt is a link, and tend writes its record only to a plain "
          "file - delete it; tend starts the record afresh\n");
    CHECK(count_of(shown.out, "dilate") == 1);
    CHECK(read_text(elsewhere / "notes.txt") == "my own notes\n");
    // Unrecorded, the line is matched to its entry: never filed twice.
    CHECK(run_tend({"--dir", journal.path(), "show"}).err.find("filed") == std::string::npos);
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 1);
    CHECK(read_text(elsewhere / "notes.txt") == "my own notes\n");
}
