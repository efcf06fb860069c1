// End-to-end tests of issue 15's edges, found by trying to break the write path: output that
// fails after a save, an edit that empties a month, files that are not files, odd --dir values,
// spreadsheet formulas behind spaces, huge numbers and invisible characters.
// docs/reliability.md names each test under its promise.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "e2e/run_shell.h"
#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::string month_file = "journal/2026-11.laptop.toml";

std::string entry_text(int day, const std::string& note) {
    return fmt::format(
        "[[entry]]\nkind = \"relax\"\nat = 2026-11-{:02}T08:00:00+01:00\nminutes = 5\n"
        "note = \"{}\"\n\n",
        day, note);
}

// An editor script in `home` that runs `body` on the file ("$1").
void write_editor(const TempFolder& home, const std::string& name, const std::string& body) {
    write_text(home / name, "#!/bin/sh\n" + body + "\n");
    std::filesystem::permissions(home / name, std::filesystem::perms::owner_all);
}

bool has_edit_copy(const std::filesystem::path& folder) {
    for (const auto& item : std::filesystem::directory_iterator(folder))
        if (item.path().filename().string().starts_with(".edit-")) return true;
    return false;
}

}  // namespace

TEST_CASE("e2e write path edges: export > /dev/full with a large report is one line, exit 3") {
    TempFolder home;
    std::string month;
    for (int day = 1; day <= 24; ++day)
        for (int repeat = 0; repeat < 8; ++repeat)
            month += entry_text(day, std::string(200, 'a' + static_cast<char>(repeat)));
    write_text(home / "tend" / month_file, month);
    const auto full = run_shell("tend export this-month --dir tend > /dev/full", home.path());
    CHECK(full.exit_code == 3);
    CHECK(full.err == "tend: can't write the output: No space left on device\n");
    const auto csv = run_shell("tend --dir tend export this-month --format csv >&-", home.path());
    CHECK(csv.exit_code == 3);
    CHECK(csv.err == "tend: can't write the output: standard output is closed\n");
}

TEST_CASE(
    "e2e write path edges: a change saved before standard output failed says so and exits "
    "4, so a script doesn't repeat it") {
    TempFolder home;
    const std::string saved_hint =
        " - the change is in the journal, so don't run the command again\n";
    const auto logged = run_shell("tend --dir tend log relax 5 > /dev/full", home.path());
    CHECK(logged.exit_code == 4);
    CHECK(logged.err ==
          "tend: saved, but could not write the confirmation: No space left on device" +
              saved_hint);
    CHECK(count_of(read_text(home / "tend" / month_file), "[[entry]]\n") == 1);

    const auto closed = run_shell("tend log relax 6 --dir tend >&-", home.path());
    CHECK(closed.exit_code == 4);
    CHECK(closed.err ==
          "tend: saved, but could not write the confirmation: standard output is closed" +
              saved_hint);
    CHECK(count_of(read_text(home / "tend" / month_file), "[[entry]]\n") == 2);

    const auto undone = run_shell("tend --dir tend undo > /dev/full", home.path());
    CHECK(undone.exit_code == 4);
    CHECK(undone.err.starts_with("tend: saved, but could not write the confirmation: "));
    CHECK(count_of(read_text(home / "tend" / month_file), "[[entry]]\n") == 1);

    const auto planned =
        run_shell("tend --dir tend plan add kegels 3/day > /dev/full", home.path());
    CHECK(planned.exit_code == 4);
    CHECK(planned.err.starts_with("tend: saved, but could not write the confirmation: "));
    CHECK(count_of(read_text(home / "tend/plan.toml"), "[[item]]\n") == 1);

    // Nothing saved: still 3, "can't write the output".
    const auto shown = run_shell("tend --dir tend show today > /dev/full", home.path());
    CHECK(shown.exit_code == 3);
    CHECK(shown.err == "tend: can't write the output: No space left on device\n");
}

TEST_CASE("e2e write path edges: an edit that removes every entry is not saved") {
    TempFolder home;
    const std::string month = entry_text(20, "first") + entry_text(21, "second");
    write_text(home / "tend" / month_file, month);
    write_editor(home, "emptying-editor", ": > \"$1\"");
    const auto emptied = run_shell("EDITOR=./emptying-editor tend edit --dir tend", home.path());
    CHECK(emptied.exit_code == 2);
    CHECK(emptied.err ==
          "tend: your edit of journal/2026-11.laptop.toml removes every entry, so it was not saved "
          "- to "
          "remove some entries, delete their [[entry]] blocks and keep the others; to remove the "
          "whole month, delete the file tend/journal/2026-11.laptop.toml\n");
    CHECK(read_text(home / "tend" / month_file) == month);
    CHECK_FALSE(has_edit_copy(home / "tend"));

    // Text without entries (comments) is kept aside, never lost.
    write_editor(home, "commenting-editor", "echo '# both gone, on purpose?' > \"$1\"");
    const auto commented =
        run_shell("EDITOR=./commenting-editor tend edit --dir tend", home.path());
    CHECK(commented.exit_code == 2);
    CHECK(
        commented.err.starts_with("tend: your edit of journal/2026-11.laptop.toml removes every "
                                  "entry, so it was not saved; your "
                                  "text is kept in .edit-2026-11.laptop-"));
    CHECK(read_text(home / "tend" / month_file) == month);
    CHECK(has_edit_copy(home / "tend"));

    // Removing some entries is an ordinary edit.
    for (const auto& item : std::filesystem::directory_iterator(home / "tend"))
        if (item.path().filename().string().starts_with(".edit-")) std::filesystem::remove(item);
    write_editor(home, "trimming-editor", "sed -i '7,$d' \"$1\"");
    const auto trimmed = run_shell("EDITOR=./trimming-editor tend edit --dir tend", home.path());
    CHECK(trimmed.exit_code == 0);
    CHECK(trimmed.out == "saved journal/2026-11.laptop.toml: all good\n");
    CHECK(read_text(home / "tend" / month_file) == entry_text(20, "first"));
}

TEST_CASE(
    "e2e write path edges: check names an inline entry array that log refuses, and edit "
    "does not save one") {
    TempFolder home;
    const std::string inline_month =
        "# by hand\nentry = [ { at = 2026-11-20T08:00:00+01:00, kind = \"relax\", minutes = 5 } "
        "]\n";
    write_text(home / "tend" / month_file, inline_month);
    const auto checked = run_shell("tend check --dir tend", home.path());
    CHECK(checked.exit_code == 1);
    CHECK(checked.out.find(
              "journal/2026-11.laptop.toml:2:9: 'entry' is written as an inline array; write each "
              "entry as an [[entry]] table, as tend does, so that 'tend log' can add to this "
              "file\n") != std::string::npos);
    CHECK(count_of(checked.out, "inline array") == 1);

    const std::string month = entry_text(20, "by hand");
    write_text(home / "tend" / month_file, month);
    write_editor(home, "inlining-editor",
                 "printf 'entry = [ { at = 2026-11-20T08:00:00+01:00, kind = \"relax\", minutes "
                 "= 5 } ]\\n' > \"$1\"");
    const auto edited =
        run_shell("EDITOR=./inlining-editor tend --dir tend edit < /dev/null", home.path());
    CHECK(edited.exit_code == 2);
    CHECK(edited.err.starts_with(
        "tend: journal/2026-11.laptop.toml:1:9: 'entry' is written as an inline array; "));
    CHECK(edited.err.find(
              "\nyour edit can't be added to, so it was not saved. Edit again? [y/N] "
              "tend: your edit of journal/2026-11.laptop.toml can't be added to, so it was "
              "not saved - it is kept in .edit-2026-11.laptop-") != std::string::npos);
    CHECK(read_text(home / "tend" / month_file) == month);
}

TEST_CASE(
    "e2e write path edges: a month file that is a FIFO, a device or a link loop is one line, "
    "exit 2, no hang") {
    TempFolder home;
    std::filesystem::create_directories(home / "tend/journal");
    const auto month = home / "tend" / month_file;

    REQUIRE(::mkfifo(month.c_str(), 0600) == 0);
    const std::string fifo_line =
        "tend: 'journal/2026-11.laptop.toml' is a named pipe (FIFO), not a file tend can read - "
        "move it "
        "away and put the journal's own file there\n";
    for (const std::string command : {"show", "log relax 5", "check", "stats this-month"}) {
        CAPTURE(command);
        const auto result = run_shell("timeout 30 \"$TEND\" --dir tend " + command, home.path());
        CHECK(result.exit_code == 2);
        CHECK(result.err == fifo_line);
    }
    struct stat status {};
    REQUIRE(::lstat(month.c_str(), &status) == 0);
    CHECK(S_ISFIFO(status.st_mode));

    std::filesystem::remove(month);
    std::filesystem::create_symlink("/dev/zero", month);
    const auto zero = run_shell("timeout 30 \"$TEND\" --dir tend show", home.path());
    CHECK(zero.exit_code == 2);
    CHECK(zero.err ==
          "tend: 'journal/2026-11.laptop.toml' is a device, not a file tend can read - move it "
          "away and "
          "put the journal's own file there\n");

    std::filesystem::remove(month);
    std::filesystem::create_symlink("2026-11.laptop.toml", month);
    for (const std::string command : {"show", "log relax 5"}) {
        CAPTURE(command);
        const auto loop = run_shell("timeout 30 \"$TEND\" --dir tend " + command, home.path());
        CHECK(loop.exit_code == 2);
        CHECK(loop.err ==
              "tend: 'journal/2026-11.laptop.toml' is a link that leads back to itself (a loop of "
              "links), so it can't be read - point the link at a file, or remove it\n");
    }
    CHECK(std::filesystem::is_symlink(month));
}

TEST_CASE("e2e write path edges: --dir '' is refused, never the default journal") {
    TempFolder home;
    for (const std::string line :
         {"tend --dir '' log relax 5", "tend show --dir \"$UNSET_FOLDER\""}) {
        CAPTURE(line);
        const auto result = run_shell(line, home.path());
        CHECK(result.exit_code == 2);
        CHECK(result.err ==
              "tend: --dir names no folder (it was given an empty value) - name the journal "
              "folder, e.g. --dir ~/journal, or leave --dir out\n");
    }
    CHECK_FALSE(std::filesystem::exists(home / ".local"));
}

TEST_CASE("e2e write path edges: a CSV formula behind white space is neutralised too") {
    TempFolder home;
    write_text(home / "tend" / month_file,
               "[[entry]]\nkind = \"pain\"\nat = 2026-11-25T08:00:00+01:00\nlevel = 2\n"
               "location = \" =1+1\"\ntags = [\"\\t@cmd\", \" -3\"]\nnote = \"\\n  +SUM(A1)\"\n");
    const auto csv = run_shell("tend --dir tend export today --format csv", home.path());
    CHECK(csv.exit_code == 0);
    CHECK(csv.out.find(",' =1+1,") != std::string::npos);
    CHECK(csv.out.find(",'\t@cmd  -3,") != std::string::npos);
    CHECK(csv.out.find("\"'\n  +SUM(A1)\",2026-") != std::string::npos);
}

TEST_CASE("e2e write path edges: stats of values near the largest double are never inf") {
    TempFolder home;
    write_text(home / "tend/tend.toml", "[kinds.weigh]\nfields.grams = { type = \"number\" }\n");
    REQUIRE(run_shell("tend --dir tend log weigh grams=1e308 && tend --dir tend log weigh "
                      "grams=1.5e308",
                      home.path())
                .exit_code == 0);
    const auto text = run_shell("tend --dir tend stats this-month", home.path());
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("grams      mean 1.25e+308 min 1e+308 max 1.5e+308") != std::string::npos);
    CHECK(text.out.find("inf") == std::string::npos);
    const auto json = run_shell("tend --dir tend stats this-month --json", home.path());
    CHECK(json.out.find("\"mean\": 1.25e+308,\n          \"min\": 1e+308,\n          "
                        "\"max\": 1.5e+308,\n          \"sum\": null,") != std::string::npos);
    CHECK(json.out.find("inf") == std::string::npos);
}

TEST_CASE(
    "e2e write path edges: invisible characters are escaped on output, each named once by "
    "check, and refused on the command line") {
    TempFolder home;
    // U+2028, U+200B, U+FEFF, U+2060 and an ESC, each twice; then an emoji with joiners and the
    // flag of Scotland, which stay as they are.
    write_text(home / "tend" / month_file,
               "[[entry]]\nkind = \"relax\"\nat = 2026-11-25T08:00:00+01:00\nminutes = 5\n"
               "note = \"a\\u2028b\\u200Bc\\uFEFFd\\u2060e\\u001B f\\u2028\\u200B\\uFEFF\\u2060"
               "\\u001B \\U0001F469\\u200D\\u2695\\uFE0F \\U0001F3F4\\U000E0067\\U000E0062"
               "\\U000E0073\\U000E0063\\U000E0074\\U000E007F\"\n");
    const std::string escaped = "a\\u{2028}b\\u{200B}c\\u{FEFF}d\\u{2060}e\\x1B f";
    // Markdown writes the backslash itself escaped, so that it shows.
    const std::string escaped_markdown =
        "a\\\\u{2028}b\\\\u{200B}c\\\\u{FEFF}d\\\\u{2060}e\\\\x1B f";
    const std::string emoji = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xE2\x9A\x95\xEF\xB8\x8F";
    const std::string flag =
        "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3"
        "\xA0\x81\xB4\xF3\xA0\x81\xBF";
    for (const std::string command :
         {"show today", "export today --format md", "export today --format csv"}) {
        CAPTURE(command);
        const auto shown = run_shell("tend --dir tend " + command, home.path());
        CHECK(shown.exit_code == 0);
        CHECK(
            shown.out.find(command.find("md") != std::string::npos ? escaped_markdown : escaped) !=
            std::string::npos);
        // (The CSV starts with a byte order mark of its own, for spreadsheets.)
        for (const std::string raw : {"\xE2\x80\xA8", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\x1B"})
            CHECK(shown.out.find(raw, 3) == std::string::npos);
        CHECK(shown.out.find(emoji + " " + flag) != std::string::npos);
    }
    const auto checked = run_shell("tend --dir tend check", home.path());
    CHECK(checked.out.find(
              "journal/2026-11.laptop.toml:5:8: warning: control and invisible characters "
              "(U+2028, U+200B, U+FEFF, U+2060, U+001B) in the text; tend shows "
              "them escaped\n") != std::string::npos);
    const auto refused =
        run_shell("tend --dir tend log relax 5 \"$(printf 'a\\342\\200\\213b')\"", home.path());
    CHECK(refused.exit_code == 2);
    CHECK(refused.err ==
          "tend: the note contains an invisible character (U+200B) - notes may hold text, "
          "newlines and tabs\n");
    CHECK(count_of(read_text(home / "tend" / month_file), "[[entry]]\n") == 1);
}

TEST_CASE(
    "e2e write path edges: remind install writes through Storage: links followed, and a "
    "failed confirmation after it says saved") {
    TempFolder home;
    const std::string environment = fmt::format("XDG_CONFIG_HOME='{}'", (home / "config").string());
    const auto units = home / "config/systemd/user";
    std::filesystem::create_directories(units);
    std::filesystem::create_directories(home / "dotfiles");
    write_text(home / "dotfiles/tend-remind.timer", "mine before\n");
    std::filesystem::create_symlink(home / "dotfiles/tend-remind.timer",
                                    units / "tend-remind.timer");
    const auto installed = run_shell("tend --dir tend remind install --system systemd > /dev/full",
                                     home.path(), environment);
    CHECK(installed.exit_code == 4);
    CHECK(installed.err.starts_with("tend: saved, but could not write the confirmation: "));
    CHECK(std::filesystem::is_symlink(units / "tend-remind.timer"));
    CHECK(read_text(home / "dotfiles/tend-remind.timer").starts_with("# Written by 'tend remind"));
    CHECK(permissions_of(units / "tend-remind.service") == 0600);
}

TEST_CASE("e2e write path edges: a planted .undo.toml link is never written through") {
    TempFolder home;
    const auto journal = home / "journal";
    const auto outside = home / "outside.txt";
    write_text(outside, "precious\n");
    REQUIRE(run_tend({"--dir", journal.string(), "log", "relax", "10"}).exit_code == 0);
    std::filesystem::remove(journal / ".undo.toml");
    std::filesystem::create_symlink(outside, journal / ".undo.toml");

    // The entry is saved (it is the user's); the record is refused, and the link's file kept.
    const auto logged = run_tend_in(home.path(), {"log", "pain", "6", "sharp", "--dir", "journal"});
    CHECK(logged.exit_code == 0);
    CHECK(logged.err ==
          "tend: the entry is saved, but 'tend undo' can't take it back: '.undo.toml' is a link, "
          "and tend never writes its own files through one\n");
    CHECK(read_text(outside) == "precious\n");
    CHECK(read_text(journal / "journal" / "2026-11.laptop.toml").find("note = \"sharp\"") !=
          std::string::npos);

    // undo refuses with one line and changes nothing.
    const std::string month = read_text(journal / "journal" / "2026-11.laptop.toml");
    const auto undo = run_tend_in(home.path(), {"--dir", "journal", "undo", "--yes"});
    CHECK(undo.exit_code == 2);
    CHECK(undo.err ==
          "tend: '.undo.toml' is a link, and tend never writes its own files through one - delete "
          "the link (it is tend's record for 'tend undo', and holds nothing of yours)\n");
    CHECK(read_text(journal / "journal" / "2026-11.laptop.toml") == month);
    CHECK(read_text(outside) == "precious\n");
    CHECK(std::filesystem::is_symlink(journal / ".undo.toml"));
}
