// End-to-end tests of issue 15's promises through the real binary: whatever else touches the
// journal folder (a sync tool, an editor, a symlink, a planted file), nothing is lost; input and
// output that cannot hurt. docs/reliability.md names each test under its promise.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "e2e/run_shell.h"
#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::string month_file = "journal/2026-11.laptop.toml";

bool has_strace() {
    return std::system("/usr/bin/strace -qq -o /dev/null /bin/true > /dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE(
    "e2e write path: a month written as an inline array or one [entry] table is not "
    "broken by log") {
    for (const std::string content :
         {"entry = [ { at = 2026-11-20T08:00:00+01:00, kind = \"kegels\", sets = 3 } ]\n",
          "[entry]\nat = 2026-11-20T08:00:00+01:00\nkind = \"kegels\"\nsets = 3\n"}) {
        TempFolder home;
        write_text(home / "tend" / month_file, content);
        const auto result = run_shell("tend --dir tend log relax 10", home.path());
        CHECK(result.exit_code == 2);
        CHECK(result.err.starts_with(
            "tend: journal/2026-11.laptop.toml would not read back after this "
            "change ("));
        CHECK(count_of(result.err, "\n") == 1);
        CHECK(read_text(home / "tend" / month_file) == content);
        CHECK(run_shell("tend --dir tend check", home.path()).exit_code != 2);
    }
}

TEST_CASE("e2e write path: plan add after an inline item array writes nothing") {
    TempFolder home;
    const std::string plan =
        "item = [ { kind = \"relax\", schedule = \"daily\", start = 2026-11-01 } ]\n";
    write_text(home / "tend/plan.toml", plan);
    const auto result = run_shell("tend plan add kegels 3/day --dir tend", home.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err.starts_with("tend: plan.toml would not read back after this change ("));
    CHECK(read_text(home / "tend/plan.toml") == plan);
}

TEST_CASE(
    "e2e write path: a month file replaced by another program between read and rename "
    "keeps its entry and gets ours") {
    if (!has_strace()) {
        MESSAGE("skipped: strace is missing or may not trace here");
        return;
    }
    TempFolder home;
    REQUIRE(run_shell("tend --dir tend log relax 5 first", home.path()).exit_code == 0);
    const std::string synced = read_text(home / "tend" / month_file) +
                               "\n[[entry]]\nkind = \"pain\"\nat = 2026-11-25T09:00:00+01:00\n"
                               "level = 3\nnote = \"from the phone\"\n";
    // The first fsync (of tend's temporary file, right before it compares and renames) waits
    // two seconds; meanwhile a "sync tool" renames its version into place.
    std::thread other_program([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(900));
        write_text(home / "synced.tmp", synced);
        std::filesystem::rename(home / "synced.tmp", home / "tend" / month_file);
    });
    const auto result = run_shell(
        "ASAN_OPTIONS=detect_leaks=0 /usr/bin/strace -f -qq -o /dev/null "
        "-e inject=fsync:delay_exit=2000000:when=1 \"$TEND\" --dir tend log relax 6 second",
        home.path());
    other_program.join();
    CHECK(result.exit_code == 0);
    const std::string month = read_text(home / "tend" / month_file);
    CHECK(month.starts_with(synced));
    CHECK(count_of(month, "[[entry]]\n") == 3);
    CHECK(month.find("note = \"second\"") != std::string::npos);
    CHECK(run_shell("tend --dir tend check", home.path()).exit_code == 0);
}

TEST_CASE("e2e write path: symlinked month and plan files are written through, never cut") {
    TempFolder home;
    REQUIRE(run_shell("tend --dir tend log relax 5 && tend --dir tend plan add kegels 3/day",
                      home.path())
                .exit_code == 0);
    // plan.toml may lead anywhere (a dotfiles repo); a month file only to a file inside the
    // journal folder, since health text never goes outside it.
    std::filesystem::create_directories(home / "dotfiles");
    std::filesystem::create_directories(home / "tend/kept");
    for (const std::string& name : {month_file, std::string("plan.toml")}) {
        const auto target = (name == month_file ? home / "tend/kept" : home / "dotfiles") /
                            std::filesystem::path(name).filename();
        std::filesystem::rename(home / "tend" / name, target);
        std::filesystem::create_symlink(target, home / "tend" / name);
    }
    const auto result = run_shell(
        "tend --dir tend log relax 6 && tend --dir tend plan add relax daily && tend --dir tend "
        "undo",
        home.path());
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    for (const std::string& name : {month_file, std::string("plan.toml")}) {
        CAPTURE(name);
        CHECK(std::filesystem::is_symlink(home / "tend" / name));
    }
    CHECK(count_of(read_text(home / "tend/kept/2026-11.laptop.toml"), "[[entry]]\n") == 1);
    CHECK(count_of(read_text(home / "dotfiles/plan.toml"), "[[item]]\n") == 2);
    CHECK(permissions_of(home / "dotfiles/plan.toml") == 0600);

    std::filesystem::remove(home / "dotfiles/plan.toml");
    const auto dangling = run_shell("tend --dir tend plan add relax daily", home.path());
    CHECK(dangling.exit_code == 2);
    CHECK(dangling.err ==
          "tend: 'plan.toml' is a link to a file that does not exist - point the "
          "link at an existing file, or remove it\n");
    CHECK(std::filesystem::is_symlink(home / "tend/plan.toml"));
}

TEST_CASE("e2e write path: a hard-linked month file is not split") {
    TempFolder home;
    REQUIRE(run_shell("tend --dir tend log relax 5", home.path()).exit_code == 0);
    std::filesystem::create_hard_link(home / "tend" / month_file, home / "backup.toml");
    const std::string before = read_text(home / "backup.toml");
    const auto result = run_shell("tend --dir tend log relax 6", home.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "tend: 'journal/2026-11.laptop.toml' has 2 hard links, and replacing it would "
          "split them, so nothing was written - use a symbolic link instead (tend "
          "writes through those), or copy the file\n");
    CHECK(read_text(home / "tend" / month_file) == before);
    CHECK(std::filesystem::hard_link_count(home / "backup.toml") == 2);
}

TEST_CASE("e2e write path: export -o to a FIFO or /dev/stdout writes in place") {
    TempFolder home;
    REQUIRE(run_shell("tend --dir tend log relax 5", home.path()).exit_code == 0);
    REQUIRE(::mkfifo((home / "pipe").c_str(), 0600) == 0);
    const auto through_fifo = run_shell(
        "cat pipe > got.md & tend --dir tend export -o pipe --format md; wait", home.path());
    CHECK(through_fifo.exit_code == 0);
    struct stat status {};
    REQUIRE(::lstat((home / "pipe").c_str(), &status) == 0);
    CHECK(S_ISFIFO(status.st_mode));
    CHECK(read_text(home / "got.md").starts_with("# "));

    const auto to_stdout =
        run_shell("tend --dir tend export -o /dev/stdout --format csv | cat", home.path());
    CHECK(to_stdout.exit_code == 0);
    CHECK(to_stdout.out.find("date,time,kind") != std::string::npos);
}

TEST_CASE("e2e write path: undo records naming files outside the journal change nothing") {
    TempFolder home;
    REQUIRE(run_shell("tend --dir tend log relax 5", home.path()).exit_code == 0);
    write_text(home / "precious.txt", "keep me\nthe end\n");
    const std::vector<std::string> outside = {"../precious.txt", (home / "precious.txt").string(),
                                              "journal/../../precious.txt"};
    for (const auto& file : outside) {
        CAPTURE(file);
        write_text(home / "tend/.undo.toml",
                   fmt::format("[[logged]]\nfile = \"{}\"\ntext = \"the end\\n\"\n", file));
        const auto result = run_shell("tend --dir tend undo", home.path());
        CHECK(result.exit_code == 2);
        CHECK(result.err ==
              "tend: there is nothing to undo - undo takes back entries added with "
              "'tend log'\n");
        CHECK(read_text(home / "precious.txt") == "keep me\nthe end\n");
    }
}

TEST_CASE("e2e write path: .cache and its files are not followed out of the folder") {
    TempFolder home;
    std::filesystem::create_directories(home / "tend/journal");
    std::filesystem::create_directories(home / "elsewhere");
    std::filesystem::create_directory_symlink(home / "elsewhere", home / "tend/.cache");
    REQUIRE(
        run_shell("tend --dir tend log relax 5 && tend --dir tend stats this-month", home.path())
            .exit_code == 0);
    CHECK(std::filesystem::is_empty(home / "elsewhere"));

    std::filesystem::remove(home / "tend/.cache");
    std::filesystem::create_directories(home / "tend/.cache");
    write_text(home / "outside.bin", "mine");
    std::filesystem::create_symlink(home / "outside.bin", home / "tend/.cache/months.bin");
    std::filesystem::create_symlink(home / "outside.bin", home / "tend/.cache/latest.bin");
    REQUIRE(
        run_shell("tend --dir tend log relax 6 && tend --dir tend stats this-month", home.path())
            .exit_code == 0);
    CHECK(read_text(home / "outside.bin") == "mine");
    CHECK(std::filesystem::is_symlink(home / "tend/.cache/months.bin"));
}

TEST_CASE("e2e write path: stale temporary clean-up touches only tend's own names") {
    TempFolder home;
    std::filesystem::create_directories(home / "tend/journal");
    for (const std::string name : {".draft.tmp-99999-0", ".notes.md.tmp-99999-1", ".x.tmp-1"})
        write_text(home / "tend/journal" / name, "the user's");
    write_text(home / "tend/journal/.2026-11.toml.tmp-99999-0", "[[entry]\nhalf written");
    REQUIRE(run_shell("tend --dir tend log relax 5", home.path()).exit_code == 0);
    for (const std::string name : {".draft.tmp-99999-0", ".notes.md.tmp-99999-1", ".x.tmp-1"})
        CHECK(read_text(home / "tend/journal" / name) == "the user's");
    CHECK_FALSE(std::filesystem::exists(home / "tend/journal/.2026-11.toml.tmp-99999-0"));
}

TEST_CASE("e2e write path: two edits of one month at once lose no text") {
    TempFolder home;
    REQUIRE(run_shell("tend --dir tend log relax 5 start", home.path()).exit_code == 0);
    // The first editor blocks until told to go; the second edits at once.
    write_text(
        home / "slow-editor",
        "#!/bin/sh\ntouch \"$HOME/ready\"\nwhile [ ! -e \"$HOME/go\" ]; do sleep 0.05; done\n"
        "sed -i 's/start/first edit/' \"$1\"\n");
    write_text(home / "quick-editor", "#!/bin/sh\nsed -i 's/start/second edit/' \"$1\"\n");
    std::filesystem::permissions(home / "slow-editor", std::filesystem::perms::owner_all);
    std::filesystem::permissions(home / "quick-editor", std::filesystem::perms::owner_all);
    RunResult first;
    std::thread first_edit(
        [&] { first = run_shell("EDITOR=./slow-editor tend --dir tend edit", home.path()); });
    while (!std::filesystem::exists(home / "ready"))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto second = run_shell("EDITOR=./quick-editor tend --dir tend edit", home.path());
    write_text(home / "go", "");
    first_edit.join();
    CHECK(second.exit_code == 0);
    CHECK(second.out == "saved journal/2026-11.laptop.toml: all good\n");
    CHECK(first.exit_code == 2);
    CHECK(first.err.starts_with(
        "tend: journal/2026-11.laptop.toml changed while you edited it, so your "
        "edit was not saved - it is kept in .edit-2026-11.laptop-"));
    CHECK(read_text(home / "tend" / month_file).find("second edit") != std::string::npos);
    // The kept copy holds the first edit, and the next edit refuses until it is dealt with.
    std::vector<std::filesystem::path> kept;
    for (const auto& item : std::filesystem::directory_iterator(home / "tend"))
        if (item.path().filename().string().starts_with(".edit-2026-11.laptop-"))
            kept.push_back(item);
    REQUIRE(kept.size() == 1);
    CHECK(read_text(kept[0]).find("first edit") != std::string::npos);
    const auto third = run_shell("EDITOR=./quick-editor tend --dir tend edit", home.path());
    CHECK(third.exit_code == 2);
    CHECK(third.err.starts_with(
        "tend: an earlier edit of journal/2026-11.laptop.toml was not saved and "
        "is kept in .edit-2026-11.laptop-"));
    CHECK(read_text(kept[0]).find("first edit") != std::string::npos);
}

TEST_CASE("e2e write path: an edit that does not parse is offered again or kept aside") {
    TempFolder home;
    REQUIRE(run_shell("tend --dir tend log relax 5 start", home.path()).exit_code == 0);
    const std::string month = read_text(home / "tend" / month_file);
    // Breaks the file on its first run, mends it (and changes the note) on the second.
    write_text(home / "editor",
               "#!/bin/sh\nif [ -e \"$HOME/ran\" ]; then\n"
               "sed -i 's/^kind = \\[$/kind = \"relax\"/; s/start/mended/' \"$1\";\n"
               "else touch \"$HOME/ran\"; sed -i 's/^kind = .*/kind = [/' \"$1\"; fi\n");
    std::filesystem::permissions(home / "editor", std::filesystem::perms::owner_all);
    const auto kept = run_shell("EDITOR=./editor tend --dir tend edit < /dev/null", home.path());
    CHECK(kept.exit_code == 2);
    CHECK(kept.err.find("does not parse, so it was not saved. Edit again? [y/N] ") !=
          std::string::npos);
    CHECK(kept.err.ends_with(
        "tend: your edit of journal/2026-11.laptop.toml does not parse, so it was "
        "not saved - it is kept in " +
        kept.err.substr(kept.err.find(".edit-2026-11.laptop-"))));
    CHECK(read_text(home / "tend" / month_file) == month);
    CHECK(run_shell("tend --dir tend check", home.path()).exit_code == 0);

    for (const auto& item : std::filesystem::directory_iterator(home / "tend"))
        if (item.path().filename().string().starts_with(".edit-")) std::filesystem::remove(item);
    std::filesystem::remove(home / "ran");
    const auto again = run_shell("echo y | EDITOR=./editor tend --dir tend edit", home.path());
    CHECK(again.exit_code == 0);
    CHECK(again.out == "saved journal/2026-11.laptop.toml: all good\n");
    std::string mended = month;
    mended.replace(mended.find("start"), 5, "mended");
    CHECK(read_text(home / "tend" / month_file) == mended);
}

TEST_CASE("e2e write path: deep nesting in any file is one FILE:LINE:COL line, not a crash") {
    std::string header = "[";
    for (int level = 0; level < 30000; ++level)
        header += "a.";
    header += "a]\n";
    for (const std::string& file :
         {month_file, std::string("plan.toml"), std::string("tend.toml")}) {
        CAPTURE(file);
        TempFolder home;
        std::filesystem::create_directories(home / "tend/journal");
        write_text(home / "tend" / file, "# fine\n" + header);
        const auto result = run_shell("tend check --dir tend", home.path());
        CHECK(result.exit_code < 3);
        CHECK((result.out + result.err).find(file + ":2:131: nested more than 64 levels deep") !=
              std::string::npos);
    }
}

TEST_CASE(
    "e2e write path: control characters are shown escaped, warned about, and refused on "
    "the command line") {
    TempFolder home;
    write_text(home / "tend" / month_file,
               "[[entry]]\nkind = \"relax\"\nat = 2026-11-25T08:00:00+01:00\nminutes = 5\n"
               "note = \"before \\u001B[2J\\u0007 \\u202E after\"\n");
    const auto shown = run_shell("tend --dir tend show today", home.path());
    CHECK(shown.exit_code == 0);
    CHECK(shown.out.find("before \\x1B[2J\\x07 \\u{202E} after") != std::string::npos);
    CHECK(shown.out.find('\x1B') == std::string::npos);
    const auto exported = run_shell("tend --dir tend export today --format md", home.path());
    CHECK(exported.out.find('\x1B') == std::string::npos);
    CHECK(exported.out.find("\xE2\x80\xAE") == std::string::npos);
    const auto checked = run_shell("tend --dir tend check", home.path());
    CHECK(checked.out.find(
              "journal/2026-11.laptop.toml:5:8: warning: control and invisible characters "
              "(U+001B, U+0007, U+202E) in the text; tend shows them escaped") !=
          std::string::npos);
    const auto named = run_shell(
        "tend --dir tend plan add relax daily --name \"$(printf 'a\\033b')\"", home.path());
    CHECK(named.exit_code == 2);
    CHECK(named.err ==
          "tend: --name contains a control character (U+001B) - a name is one line "
          "of text\n");
    CHECK_FALSE(std::filesystem::exists(home / "tend/plan.toml"));
}

TEST_CASE("e2e write path: CSV cells a spreadsheet would run are neutralised, numbers are not") {
    TempFolder home;
    write_text(home / "tend" / month_file,
               "[[entry]]\nkind = \"pain\"\nat = 2026-11-25T08:00:00+01:00\nlevel = 2\n"
               "location = \"-2+3\"\ntags = [\"=cmd\"]\nnote = \"@SUM(A1)\"\n");
    const auto csv = run_shell("tend --dir tend export today --format csv", home.path());
    CHECK(csv.exit_code == 0);
    CHECK(csv.out.find(",'-2+3,") != std::string::npos);
    CHECK(csv.out.find(",'=cmd,'@SUM(A1),2026-") != std::string::npos);
    CHECK(csv.out.find(",2,") != std::string::npos);
}

TEST_CASE("e2e write path: output errors exit 3 with one line, a closed pipe stays quiet") {
    TempFolder home;
    REQUIRE(run_shell("tend --dir tend log relax 5", home.path()).exit_code == 0);
    const auto full = run_shell("tend --dir tend export today > /dev/full", home.path());
    CHECK(full.exit_code == 3);
    CHECK(full.err == "tend: can't write the output: No space left on device\n");
    const auto closed = run_shell("tend --dir tend show today >&-", home.path());
    CHECK(closed.exit_code == 3);
    CHECK(closed.err == "tend: can't write the output: standard output is closed\n");
    CHECK(count_of(read_text(home / "tend" / month_file), "[[entry]]\n") == 1);
    const auto piped = run_shell("tend --dir tend show all | head -c 1 > /dev/null", home.path());
    CHECK(piped.err.empty());
}

TEST_CASE("e2e write path: an endless standard input is refused after the longest note") {
    TempFolder home;
    const auto result =
        run_shell("yes | timeout 60 \"$TEND\" --dir tend log relax 5 -", home.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "tend: the note on standard input is longer than the most a note can hold "
          "(100000 bytes) - keep long texts in a file of your own and note where it "
          "is\n");
    CHECK_FALSE(std::filesystem::exists(home / "tend" / month_file));
}

TEST_CASE("e2e write path: a UTC offset TOML cannot hold is never written") {
    TempFolder home;
    const auto result =
        run_shell("tend --dir tend log relax 5", home.path(), "TZ=XXX-24 TEND_NOW=");
    CHECK(result.exit_code == 2);
    CHECK(
        result.err.starts_with("tend: the time zone's UTC offset (+24:00) can't be written in a "
                               "journal file, so nothing was written - "));
    CHECK_FALSE(std::filesystem::exists(home / "tend" / month_file));
}

TEST_CASE("e2e write path: numbers: nan and inf are refused, huge ones print right") {
    TempFolder home;
    write_text(home / "tend/tend.toml", "[kinds.weigh]\nfields.grams = { type = \"number\" }\n");
    const auto nan = run_shell("tend --dir tend log weigh grams=nan", home.path());
    CHECK(nan.exit_code == 2);
    write_text(home / "tend" / month_file,
               "[[entry]]\nkind = \"weigh\"\nat = 2026-11-25T08:00:00+01:00\ngrams = inf\n");
    const auto checked = run_shell("tend --dir tend check", home.path());
    CHECK(checked.out.find(
              "journal/2026-11.laptop.toml:4:9: grams must be a finite number, got inf") !=
          std::string::npos);
    std::filesystem::remove(home / "tend" / month_file);
    REQUIRE(run_shell("tend --dir tend log weigh grams=1e20", home.path()).exit_code == 0);
    const auto shown = run_shell("tend --dir tend show today", home.path());
    CHECK(shown.out.find("1e+20") != std::string::npos);
    CHECK(shown.out.find("-9223372036854775808") == std::string::npos);
}

TEST_CASE(
    "e2e write path: where the journal is: relative XDG_DATA_HOME ignored, files and "
    "dangling links named in one line") {
    TempFolder home;
    const auto relative =
        run_shell("tend log relax 5", home.path(), "XDG_DATA_HOME=data TEND_DIR=");
    CHECK(relative.exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(home / "data"));
    CHECK(std::filesystem::exists(home / ".local/share/tend" / month_file));

    write_text(home / "afile", "x");
    const auto file = run_shell("tend --dir afile show", home.path());
    CHECK(file.exit_code == 2);
    CHECK(file.err ==
          "tend: the journal folder 'afile' is a file, not a folder - name a folder "
          "with --dir or TEND_DIR\n");
    std::filesystem::create_directories(home / "j");
    write_text(home / "j/journal", "x");
    const auto inner = run_shell("tend --dir j log relax 5", home.path());
    CHECK(inner.exit_code == 2);
    CHECK(inner.err ==
          "tend: the month files' folder 'j/journal' is a file, not a folder - name "
          "a folder with --dir or TEND_DIR\n");
    std::filesystem::create_symlink(home / "nowhere", home / "link");
    const auto dangling = run_shell("tend --dir link show", home.path());
    CHECK(dangling.exit_code == 2);
    CHECK(dangling.err ==
          "tend: the journal folder 'link' is a link to something that does not "
          "exist - point the link at a folder, or remove it\n");
}

TEST_CASE("e2e write path: a bit flipped in each cache file never shows a wrong value") {
    TempFolder home;
    write_text(home / "tend/journal/2026-10.laptop.toml",
               "[[entry]]\nkind = \"dilate\"\nat = 2026-10-03T21:00:00+02:00\nsize = 2\n"
               "minutes = 15\npain = 3\n");
    REQUIRE(run_shell("tend --dir tend log dilate 3 min=20 pain=1", home.path()).exit_code == 0);
    // Months are cached once their file has settled (two seconds).
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const auto truth =
        run_shell("tend --dir tend show 2026-10 && tend --dir tend show today", home.path());
    REQUIRE(truth.exit_code == 0);
    REQUIRE(truth.out.find("size 2") != std::string::npos);
    for (const std::string name : {"months.bin", "blobs.bin", "latest.bin"}) {
        const auto file = home / "tend/.cache" / name;
        const std::string good = read_text(file);
        REQUIRE(good.size() > 40);
        // Bytes near the end hold the entries' values (and latest.bin's checksum).
        for (std::size_t back = 9; back <= 40; back += 7) {
            CAPTURE(name);
            CAPTURE(back);
            std::string flipped = good;
            flipped[flipped.size() - back] =
                static_cast<char>(flipped[flipped.size() - back] ^ 0x04);
            write_text(file, flipped);
            const auto shown = run_shell(
                "tend --dir tend show 2026-10 && tend --dir tend show today", home.path());
            CHECK(shown.out == truth.out);
            write_text(file, good);
        }
    }
}
