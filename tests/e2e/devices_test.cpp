// End-to-end tests of one journal on several devices: each device's own month files, entry
// identity across files, and the notices about a sync tool's copies.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "e2e/run_shell.h"
#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

RunOptions on_device(const std::string& device) {
    RunOptions options;
    options.environment["TEND_DEVICE"] = device;
    return options;
}

}  // namespace

TEST_CASE("e2e devices: two devices log the same month into their own files, read as one") {
    TempFolder home;
    const auto journal = home / "tend";
    REQUIRE(run_tend_in(home.path(), {"log", "dilate", "3", "--dir", "tend", "pain=2"},
                        on_device("laptop"))
                .exit_code == 0);
    REQUIRE(run_tend_in(home.path(), {"--dir", "tend", "log", "--at", "9:00", "kegels", "sets=3"},
                        on_device("phone"))
                .exit_code == 0);
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 1);
    CHECK(count_of(read_text(journal / "journal/2026-11.phone.toml"), "[[entry]]\n") == 1);
    CHECK_FALSE(std::filesystem::exists(journal / "journal/2026-11.toml"));
    CHECK(permissions_of(journal / "journal/2026-11.phone.toml") == 0600);
    const auto shown = run_tend_in(home.path(), {"show", "--dir", "tend"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out ==
          "Wed 25 Nov 2026\n"
          "  09:00  kegels    sets 3\n"
          "  10:00  dilate    size 3 · pain 2/10\n");
    const auto checked = run_tend_in(home.path(), {"--dir", "tend", "check"});
    CHECK(checked.out == "checked 2 month files: all good\n");
}

TEST_CASE("e2e devices: a journal from before devices keeps working, and logs go beside it") {
    TempFolder journal;
    const std::string before =
        "[[entry]]\nat = 2026-11-02T20:00:00+01:00\nkind = \"relax\"\nminutes = 10\n";
    write_text(journal / "journal/2026-11.toml", before);
    REQUIRE(run_tend({"--dir", journal.path(), "log", "relax", "5"}).exit_code == 0);
    CHECK(read_text(journal / "journal/2026-11.toml") == before);
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "minutes = 5") == 1);
    const auto stats = run_tend({"--dir", journal.path(), "show", "2026-11", "--kind", "relax"});
    CHECK(count_of(stats.out, "relax") == 2);
}

TEST_CASE("e2e devices: a hostile or unusable device name is refused with one line") {
    TempFolder journal;
    for (const std::string& name : std::vector<std::string>{
             "../../outside", "Phone", "a b", "-x", "x/y", std::string(33, 'a'), "phone\x1b[31m"}) {
        const auto result = run_tend({"--dir", journal.path(), "log", "kegels"}, on_device(name));
        CHECK_MESSAGE(result.exit_code == 2, name);
        CHECK(count_of(result.err, "\n") == 1);
        CHECK(result.err.starts_with("tend: the device name '"));
        CHECK(result.err.find('\x1b') == std::string::npos);
        CHECK(result.err.ends_with(
            " - use 1 to 32 lowercase letters, digits, '-' or '_', e.g. TEND_DEVICE=phone\n"));
    }
    CHECK(snapshot(journal.path()).empty());
    // Reading needs no device name.
    CHECK(run_tend({"--dir", journal.path(), "show"}, on_device("../x")).exit_code == 0);
}

TEST_CASE("e2e devices: without TEND_DEVICE the setting outside the folder names the device") {
    TempFolder home;
    RunOptions options = on_device("");
    options.environment["HOME"] = home.path().string();
    write_text(home / ".config/tend/device", "  tablet \n");
    REQUIRE(run_tend({"--dir", (home / "tend").string(), "log", "kegels"}, options).exit_code == 0);
    CHECK(std::filesystem::exists(home / "tend/journal/2026-11.tablet.toml"));
    write_text(home / ".config/tend/device", "../../etc\n");
    const auto refused = run_tend({"--dir", (home / "tend").string(), "log", "kegels"}, options);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.starts_with("tend: the device name '../../etc' (from " +
                                  (home / ".config/tend/device").string() + ") can't name a file"));
    // A FIFO there (found by a trial) held every command; now it is one line.
    std::filesystem::remove(home / ".config/tend/device");
    REQUIRE(::mkfifo((home / ".config/tend/device").c_str(), 0600) == 0);
    const auto fifo = run_tend({"--dir", (home / "tend").string(), "log", "kegels"}, options);
    CHECK(fifo.exit_code == 2);
    CHECK(fifo.err == "tend: " + (home / ".config/tend/device").string() +
                          " is not a plain file, so it can't name this device - make it a text "
                          "file with the name on its first line, or set TEND_DEVICE\n");
}

TEST_CASE("e2e devices: an entry stored in two files is shown, counted and exported once") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "dilate", "3", "@evening", "went", "well"})
                .exit_code == 0);
    REQUIRE(run_tend({"--dir", journal.path(), "log", "--at", "8:00", "kegels"}).exit_code == 0);
    REQUIRE(run_tend({"--dir", journal.path(), "log", "--at", "8:00", "kegels"}).exit_code == 0);
    // The phone's file holds the same entries (a copy, a sync): each counts once, while the
    // laptop's two kegels at 8:00 stay two.
    std::filesystem::copy_file(journal / "journal/2026-11.laptop.toml",
                               journal / "journal/2026-11.phone.toml");
    const auto shown = run_tend({"--dir", journal.path(), "show"});
    CHECK(count_of(shown.out, "dilate") == 1);
    CHECK(count_of(shown.out, "kegels") == 2);
    // One row per entry (the JSON also quotes the latest notes on its first page).
    const auto csv = run_tend({"--dir", journal.path(), "export", "--format", "csv"});
    CHECK(count_of(csv.out, "went well") == 1);
    const auto checked = run_tend({"--dir", journal.path(), "check"});
    CHECK(checked.exit_code == 0);
    CHECK(checked.out ==
          "journal/2026-11.phone.toml:3:1: note: 3 entries from here on are also in another "
          "file of the month; each counts once\n"
          "checked 2 month files: all good\n");
}

TEST_CASE("e2e devices: undo takes back only this device's entries, and edit opens its own file") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels"}, on_device("phone")).exit_code ==
            0);
    const auto before = snapshot(journal.path());
    const auto undone = run_tend({"--dir", journal.path(), "undo", "--yes"});
    CHECK(undone.exit_code == 2);
    CHECK(undone.err ==
          "tend: the last logged entry is in journal/2026-11.phone.toml, the file of the device "
          "'phone', and this is 'laptop', so nothing was removed - undo it on that device, or "
          "remove it there with 'tend edit 2026-11.phone'\n");
    CHECK(snapshot(journal.path()) == before);
    RunOptions editor;
    editor.environment["EDITOR"] = "true";
    const auto own = run_tend({"--dir", journal.path(), "edit"}, editor);
    CHECK(own.exit_code == 2);
    CHECK(own.err ==
          "tend: this device (laptop) has no file for 2026-11 yet - open another device's file by "
          "its name, e.g. 'tend edit 2026-11.phone'\n");
    const auto other = run_tend({"--dir", journal.path(), "edit", "2026-11.phone"}, editor);
    CHECK(other.exit_code == 0);
    CHECK(other.out == "no changes to journal/2026-11.phone.toml: all good\n");
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels"}).exit_code == 0);
    CHECK(run_tend({"--dir", journal.path(), "edit"}, editor).out ==
          "no changes to journal/2026-11.laptop.toml: all good\n");
}

TEST_CASE("e2e devices: edit says where an entry it removed is still held, so it still counts") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "--at", "8:00", "kegels"}).exit_code == 0);
    REQUIRE(run_tend({"--dir", journal.path(), "log", "massage", "12", "pain=1"}).exit_code == 0);
    // Two devices filed the same line before their records met: both files hold the massage.
    const std::string laptop = read_text(journal / "journal/2026-11.laptop.toml");
    const std::string massage = laptop.substr(laptop.rfind("[[entry]]", laptop.find("massage")));
    REQUIRE(count_of(massage, "[[entry]]") == 1);
    write_text(journal / "journal/2026-11.phone.toml", massage);
    write_text(journal / "editor.sh",
               "#!/bin/sh\nsed -i '/kind = \"massage\"/,$d' \"$1\"\n"
               "sed -i '$d' \"$1\"\nsed -i '$d' \"$1\"\n");
    std::filesystem::permissions(journal / "editor.sh", std::filesystem::perms::owner_all);
    RunOptions editor;
    editor.environment["EDITOR"] = (journal / "editor.sh").string();
    const auto edited = run_tend_in(journal.path(), {"edit", "--dir", "."}, editor);
    CHECK(edited.exit_code == 0);
    CHECK(edited.out == "saved journal/2026-11.laptop.toml: all good\n");
    CHECK(edited.err ==
          "note: 1 entry you removed is also in journal/2026-11.phone.toml, so it still counts; "
          "remove it there too with 'tend edit 2026-11.phone'\n");
    CHECK(count_of(read_text(journal / "journal/2026-11.laptop.toml"), "massage") == 0);
    CHECK(count_of(run_tend({"--dir", journal.path(), "show"}).out, "massage") == 1);
    // Removed from the phone's file too, it is gone.
    write_text(journal / "journal/2026-11.phone.toml", "");
    CHECK(count_of(run_tend({"--dir", journal.path(), "show"}).out, "massage") == 0);
}

TEST_CASE("e2e devices: check names a sync tool's copies, and show and stats say so once") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels"}).exit_code == 0);
    const auto month = read_text(journal / "journal/2026-11.laptop.toml");
    for (const std::string copy :
         {"2026-11.laptop.sync-conflict-20261121-142233-ABCDEFG.toml",
          "2026-11.laptop (conflicted copy).toml", "2026-11.laptop.toml.orig", "2026-11.TOML"})
        write_text(journal / ("journal/" + copy), month);
    const auto checked = run_tend({"--dir", journal.path(), "check"});
    CHECK(checked.exit_code == 0);
    CHECK(count_of(checked.out,
                   ": warning: a copy that a sync tool or a merge left; tend "
                   "doesn't read it - 'tend import ") == 4);
    // A name with a space is quoted for the shell, so it pastes as one word.
    CHECK(checked.out.find("/journal/2026-11.laptop (conflicted copy).toml'' adds") !=
          std::string::npos);
    CHECK(checked.out.find("journal/2026-11.laptop (conflicted copy).toml: warning:") !=
          std::string::npos);
    CHECK(checked.out.ends_with("checked 1 month file: all good (4 warnings)\n"));
    for (const std::string command : {"show", "stats"}) {
        const auto result = run_tend({"--dir", journal.path(), command});
        CHECK(result.exit_code == 0);
        CHECK(count_of(result.err, "\n") == 1);
        CHECK(result.err ==
              "note: journal/ holds 4 copies that tend doesn't read (journal/2026-11.TOML, ...); "
              "'tend check' names them, and 'tend import FILE' takes in what they hold\n");
    }
}

TEST_CASE("e2e devices: check names a sync tool's copies of plan.toml and tend.toml") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "plan", "add", "kegels", "3/day"}).exit_code == 0);
    // Found by a trial: these copies went unnoticed, and what they held was lost.
    write_text(journal / "plan.sync-conflict-20261124-210000-ABC.toml", "# the phone's plan\n");
    write_text(journal / "tend (conflicted copy).toml", "name = \"Alex\"\n");
    write_text(journal / "planner-notes.txt", "mine\n");
    const auto checked = run_tend({"--dir", journal.path(), "check"});
    CHECK(checked.exit_code == 0);
    CHECK(checked.out ==
          "plan.sync-conflict-20261124-210000-ABC.toml: warning: a copy of plan.toml that a sync "
          "tool or a merge left; tend doesn't read it - compare the two, keep in plan.toml what "
          "both need (docs/sync.md), then delete the copy\n"
          "tend (conflicted copy).toml: warning: a copy of tend.toml that a sync tool or a merge "
          "left; tend doesn't read it - compare the two, keep in tend.toml what both need "
          "(docs/sync.md), then delete the copy\n"
          "checked 0 month files and plan.toml: all good (2 warnings)\n");
}

TEST_CASE("e2e devices: a hostile file name in journal/ is shown escaped, never acted on") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels"}).exit_code == 0);
    write_text(journal / "journal/2026-11.conflict\x1b]0;pwned\x07\x1b[2J.toml", "not toml [");
    const auto checked = run_tend({"--dir", journal.path(), "check"});
    CHECK(checked.exit_code == 0);
    CHECK(checked.out.find('\x1b') == std::string::npos);
    CHECK(checked.out.find("journal/2026-11.conflict\\x1B]0;pwned\\x07\\x1B[2J.toml: warning: "
                           "a copy that a sync tool or a merge left") == 0);
    const auto shown = run_tend({"--dir", journal.path(), "show"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.err.find('\x1b') == std::string::npos);
    CHECK(count_of(shown.out, "kegels") == 1);
}

TEST_CASE(
    "e2e devices: a plan.toml with git's conflict markers gets one calm line, not the parser's") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "plan", "add", "kegels", "3/day"}).exit_code == 0);
    const std::string plan = read_text(journal / "plan.toml");
    write_text(journal / "plan.toml", "<<<<<<< HEAD\n" + plan +
                                          "=======\n[[item]]\nkind = \"relax\"\nschedule = "
                                          "\"daily\"\nstart = 2026-11-20\n>>>>>>> origin/main\n");
    const auto before = snapshot(journal.path());
    const std::string calm =
        "plan.toml:1:1: this file holds git's conflict markers (<<<<<<<): two devices changed it "
        "before they synced - keep what both sides need and delete the marker lines, as "
        "docs/sync.md says (\"When tend.toml or plan.toml conflict\")";
    const auto today = run_tend_in(journal.path(), {"--dir", "."});
    CHECK(today.exit_code == 2);
    CHECK(today.err.starts_with("tend: " + calm));
    CHECK(count_of(today.err, "\n") == 1);
    const auto checked = run_tend_in(journal.path(), {"check", "--dir", "."});
    CHECK(checked.exit_code == 1);
    CHECK(checked.out ==
          calm + "\nchecked 0 month files and plan.toml: 1 problem to fix by hand\n");
    CHECK(snapshot(journal.path()) == before);
}

TEST_CASE(
    "e2e devices: an old month file with git's conflict markers gets one calm line and is left "
    "as it is") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels", "--at", "2026-10-20 08:00"})
                .exit_code == 0);
    // A month file from before devices had files of their own, edited by hand on two devices.
    write_text(journal / "journal/2026-10.toml",
               "# October\n"
               "<<<<<<< HEAD\n"
               "[[entry]]\nat = 2026-10-21T08:00:00+02:00\nkind = \"kegels\"\n"
               "=======\n"
               "[[entry]]\nat = 2026-10-22T08:00:00+02:00\nkind = \"kegels\"\n"
               ">>>>>>> origin/main\n");
    const auto before = snapshot(journal.path());
    const std::string calm =
        "journal/2026-10.toml:2:1: this month file holds git's conflict markers (<<<<<<<): both "
        "sides' entries are in it - keep every [[entry]] both need and delete the marker lines, "
        "as docs/sync.md says (\"When a month file conflicts\")";
    const auto shown = run_tend_in(journal.path(), {"show", "2026-10", "--dir", "."});
    CHECK(shown.exit_code == 2);
    CHECK(shown.err.starts_with("tend: " + calm));
    CHECK(count_of(shown.err, "\n") == 1);
    const auto stats = run_tend_in(journal.path(), {"--dir", ".", "stats", "2026-10"});
    CHECK(stats.exit_code == 2);
    CHECK(stats.err.starts_with("tend: " + calm));
    const auto checked = run_tend_in(journal.path(), {"check", "--dir", "."});
    CHECK(checked.exit_code == 1);
    CHECK(checked.out.starts_with(calm + "\n"));
    CHECK(snapshot(journal.path()) == before);
    // `log` adds to this device's own file of the month and leaves the conflicted one as it is.
    const std::string conflicted = read_text(journal / "journal/2026-10.toml");
    const auto logged =
        run_tend_in(journal.path(), {"--dir", ".", "log", "kegels", "--at", "2026-10-23 08:00"});
    CHECK(logged.exit_code == 0);
    CHECK(read_text(journal / "journal/2026-10.toml") == conflicted);
    // Both sides kept and the markers deleted: every entry reads.
    write_text(journal / "journal/2026-10.toml",
               "# October\n"
               "[[entry]]\nat = 2026-10-21T08:00:00+02:00\nkind = \"kegels\"\n"
               "[[entry]]\nat = 2026-10-22T08:00:00+02:00\nkind = \"kegels\"\n");
    const auto mended = run_tend_in(journal.path(), {"show", "2026-10", "--dir", "."});
    CHECK(mended.exit_code == 0);
    CHECK(count_of(mended.out, "kegels") == 4);  // 20 and 23 Oct, and both sides' 21 and 22
}

TEST_CASE("e2e devices: the import check suggests is safe to paste, whatever the copy's name") {
    TempFolder home;
    std::filesystem::create_directories(home / "j/journal");
    write_text(home / "j/journal/2026-11.phone.sync-conflict-$(touch PWNED)`touch P2`'q.toml",
               "[[entry]]\nat = 2026-11-24T10:00:00+01:00\nkind = \"note\"\nnote = \"x\"\n");
    const auto checked = run_shell("tend check --dir j", home.path());
    CHECK(checked.exit_code == 0);
    // The command as printed between its quotes, pasted into bash: it imports, and runs nothing.
    const auto begin = checked.out.find("'tend import ");
    const auto end = checked.out.find("' adds the entries");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    const std::string command = checked.out.substr(begin + 1, end - begin - 1);
    CHECK(command.find("'\\''q.toml'") != std::string::npos);
    const auto pasted = run_shell("TEND_DIR=j; export TEND_DIR; " + command, home.path());
    CHECK(pasted.err == "");
    CHECK(pasted.exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(home / "PWNED"));
    CHECK_FALSE(std::filesystem::exists(home / "j/PWNED"));
    CHECK_FALSE(std::filesystem::exists(home / "j/P2"));
    CHECK(run_shell("tend --dir j show 2026-11-24", home.path()).out.find("x") !=
          std::string::npos);
}

TEST_CASE("e2e devices: a generic host name such as localhost does not name a device") {
    TempFolder home;
    // A private host name needs a user namespace; where none can be made there is no host
    // name to set, and the case says so instead of passing.
    if (run_shell("unshare -r -u true", home.path()).exit_code != 0) {
        MESSAGE("unshare -r -u is not allowed here: not run");
        return;
    }
    for (const std::string host : {"localhost", "localhost.localdomain", "LOCALHOST"}) {
        CAPTURE(host);
        const auto logged = run_shell("unset TEND_DEVICE; unshare -r -u sh -c 'hostname " + host +
                                          " && \"$TEND\" log note x --dir j'",
                                      home.path());
        CHECK(logged.exit_code == 2);
        CHECK(logged.out == "");
        CHECK(logged.err ==
              "tend: the host name 'localhost' is shared by many devices, so it can't name this "
              "one - name this device with TEND_DEVICE, e.g. TEND_DEVICE=phone, or on the first "
              "line of ~/.config/tend/device (docs/format.md)\n");
        CHECK_FALSE(std::filesystem::exists(home / "j/journal"));
    }
    // Named by the setting, the same device logs.
    write_text(home / ".config/tend/device", "phone\n");
    const auto named = run_shell(
        "unset TEND_DEVICE; unshare -r -u sh -c 'hostname localhost && \"$TEND\" --dir j log note "
        "x'",
        home.path());
    CHECK(named.err == "");
    CHECK(named.exit_code == 0);
    CHECK(std::filesystem::exists(home / "j/journal/2026-11.phone.toml"));
}
