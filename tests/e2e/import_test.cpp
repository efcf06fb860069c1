// End-to-end tests of `tend import`: conflict copies, other devices' files, JSON and CSV exports,
// as people type it.
#include <doctest/doctest.h>

#include <filesystem>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

// A journal with a week of varied entries: fields of each type, tags, notes with quotes, commas,
// line breaks, a leading '=' and apostrophe, and a time with seconds.
void log_a_week(const std::filesystem::path& journal) {
    const std::vector<std::vector<std::string>> logs = {
        {"log", "--at", "2026-11-18 21:30", "dilate", "3", "min=15", "pain=2", "@evening", "first",
         "time", "size", "3"},
        {"log", "--at", "2026-11-19 08:00", "kegels", "sets=3", "reps=10", "hold=3"},
        {"log", "--at", "2026-11-19 08:00", "kegels", "sets=3", "reps=10", "hold=3"},
        {"log", "--at", "2026-11-20T07:15:42+01:00", "stretch", "pose=happy-baby", "min=3"},
        {"log", "--at", "2026-11-21 22:00", "sex", "pain=3", "penetration=yes", "@partner",
         "=SUM(A1)", "said", "\"ok\",", "then", "'quoted'"},
        {"log", "--at", "2026-11-22 12:00", "pain", "4", "location=left,", "side", "'tis", "odd"},
        {"log", "--at", "2026-10-30 09:00", "question", "can", "I", "use", "lidocaine?"},
    };
    for (const auto& words : logs) {
        std::vector<std::string> arguments = {"--dir", journal.string()};
        arguments.insert(arguments.end(), words.begin(), words.end());
        REQUIRE_MESSAGE(run_tend(arguments).exit_code == 0, words[3]);
    }
    RunOptions multi_line;
    multi_line.stdin_text = "line one\nline two, with\ttab";
    REQUIRE(run_tend({"--dir", journal.string(), "log", "--at", "2026-11-23 20:00", "note", "-"},
                     multi_line)
                .exit_code == 0);
}

}  // namespace

TEST_CASE(
    "e2e import: a conflict copy with one extra entry imports it once, and twice adds nothing") {
    TempFolder home;
    const auto journal = home / "tend";
    log_a_week(journal);
    const auto month = journal / "journal/2026-11.laptop.toml";
    const std::string copy_name = "journal/2026-11.laptop.sync-conflict-20261121-142233-ABC.toml";
    write_text(journal / copy_name,
               read_text(month) +
                   "\n[[entry]]\nat = 2026-11-24T21:00:00+01:00\nkind = \"relax\"\nminutes = 20\n");
    const auto dry = run_tend_in(journal, {"import", copy_name, "--dry-run", "--dir", "."});
    CHECK(dry.exit_code == 0);
    CHECK(dry.out == "1 new, 7 already there (a dry run: nothing was written)\n");
    const std::string before = read_text(month);
    const auto first = run_tend_in(journal, {"--dir", ".", "import", copy_name});
    CHECK(first.exit_code == 0);
    CHECK(first.out == "1 new, 7 already there\n");
    CHECK(read_text(month).starts_with(before));
    CHECK(count_of(read_text(month), "[[entry]]\n") == 8);
    const auto second = run_tend_in(journal, {"--dir", ".", "import", copy_name});
    CHECK(second.out == "0 new, 8 already there\n");
    CHECK(count_of(read_text(month), "[[entry]]\n") == 8);
    CHECK(count_of(run_tend({"--dir", journal.string(), "show", "2026-11"}).out, "relax") == 1);
}

TEST_CASE(
    "e2e import: two copies of a month import as one, and repeats reach their count at once") {
    TempFolder home;
    const auto journal = home / "tend";
    REQUIRE(run_tend({"--dir", journal.string(), "log", "--at", "2026-11-20 21:00", "dilate", "3",
                      "min=10", "pain=2"})
                .exit_code == 0);
    const std::string month = read_text(journal / "journal/2026-11.laptop.toml");
    write_text(home / "copy1.toml", month);
    write_text(home / "copy2.toml", month);
    // Found by a trial: the copies were added up, and the entry was shown twice.
    const auto both =
        run_tend_in(home.path(), {"import", "copy1.toml", "copy2.toml", "--dir", "tend"});
    CHECK(both.out == "0 new, 1 already there\n");
    CHECK(count_of(run_tend({"--dir", journal.string(), "show", "2026-11"}).out, "dilate") == 1);
    // Four kegels of one minute in one file, where the phone's file holds three: one is new, and
    // a second import adds nothing.
    const std::string kegels = "\n[[entry]]\nat = 2026-11-20T08:00:00+01:00\nkind = \"kegels\"\n";
    write_text(journal / "journal/2026-11.phone.toml", kegels + kegels + kegels);
    write_text(home / "four.toml", kegels + kegels + kegels + kegels);
    CHECK(run_tend_in(home.path(), {"--dir", "tend", "import", "four.toml"}).out ==
          "1 new, 3 already there\n");
    CHECK(count_of(run_tend({"--dir", journal.string(), "show", "2026-11"}).out, "kegels") == 4);
    CHECK(run_tend_in(home.path(), {"--dir", "tend", "import", "four.toml"}).out ==
          "0 new, 4 already there\n");
    CHECK(count_of(run_tend({"--dir", journal.string(), "show", "2026-11"}).out, "kegels") == 4);
}

// Found by a trial: a hand-written entry with a bell in its note and a tag with a space came back
// from its own CSV export as a second, altered entry.
TEST_CASE("e2e import: a CSV export of entries it can't hold exactly adds nothing back") {
    TempFolder home;
    const auto journal = home / "tend";
    REQUIRE(run_tend({"--dir", journal.string(), "init"}).exit_code == 0);
    write_text(journal / "journal/2026-11.toml",
               "[[entry]]\nat = 2026-11-05T09:00:00+01:00\nkind = \"pain\"\nlevel = 6\n"
               "tags = [\"after work\"]\nnote = \"bell\\u0007\"\n");
    const auto exported =
        run_tend_in(home.path(), {"--dir", "tend", "export", "2026-11", "-o", "back.csv"});
    REQUIRE(exported.exit_code == 0);
    // The CSV shows the bell written out and the tag as words.
    CHECK(read_text(home / "back.csv").find(",after work,bell\\x07,") != std::string::npos);
    const auto again = run_tend_in(home.path(), {"--dir", "tend", "import", "back.csv"});
    CHECK(again.exit_code == 0);
    CHECK(again.out == "0 new, 1 already there\n");
    CHECK_FALSE(std::filesystem::exists(journal / "journal/2026-11.laptop.toml"));
    // Into another journal it comes as the CSV has it, and from there adds nothing either.
    const auto other = home / "other";
    REQUIRE(run_tend({"--dir", other.string(), "init"}).exit_code == 0);
    CHECK(run_tend_in(home.path(), {"--dir", "other", "import", "back.csv"}).out ==
          "1 new, 0 already there\n");
    CHECK(run_tend_in(home.path(), {"--dir", "other", "import", "back.csv"}).out ==
          "0 new, 1 already there\n");
}

TEST_CASE("e2e import: another device's month file brings only what this journal lacks") {
    TempFolder phone;
    TempFolder laptop;
    RunOptions on_phone;
    on_phone.environment["TEND_DEVICE"] = "phone";
    REQUIRE(run_tend({"--dir", phone.path(), "log", "kegels"}, on_phone).exit_code == 0);
    REQUIRE(run_tend({"--dir", phone.path(), "log", "--at", "8:00", "relax", "5"}, on_phone)
                .exit_code == 0);
    std::filesystem::create_directories(laptop / "journal");
    std::filesystem::copy_file(phone / "journal/2026-11.phone.toml", laptop / "2026-11.phone.toml");
    REQUIRE(run_tend({"--dir", laptop.path(), "log", "--at", "8:00", "relax", "5"}).exit_code == 0);
    const auto imported =
        run_tend_in(laptop.path(), {"import", "2026-11.phone.toml", "--dir", "."});
    CHECK(imported.out == "1 new, 1 already there\n");
    CHECK(count_of(read_text(laptop / "journal/2026-11.laptop.toml"), "[[entry]]\n") == 2);
}

TEST_CASE(
    "e2e import: a JSON export and a CSV export import into an empty journal and export "
    "back identically") {
    TempFolder folder;
    log_a_week(folder / "first");
    for (const std::string format : {"json", "csv"}) {
        CAPTURE(format);
        const std::string exported = "export." + format;
        REQUIRE(run_tend_in(folder.path(),
                            {"--dir", "first", "export", "2026-10-01..2026-11-30", "-o", exported})
                    .exit_code == 0);
        const std::string second = "second-" + format;
        const auto imported = run_tend_in(folder.path(), {"import", exported, "--dir", second});
        CHECK(imported.exit_code == 0);
        CHECK(imported.out == "8 new, 0 already there\n");
        const std::string again = "again." + format;
        REQUIRE(run_tend_in(folder.path(),
                            {"--dir", second, "export", "2026-10-01..2026-11-30", "-o", again})
                    .exit_code == 0);
        CHECK(read_text(folder / again) == read_text(folder / exported));
        CHECK(run_tend_in(folder.path(), {"--dir", second, "import", again}).out ==
              "0 new, 8 already there\n");
        CHECK(run_tend_in(folder.path(), {"--dir", "first", "import", exported}).out ==
              "0 new, 8 already there\n");
    }
}

TEST_CASE("e2e import: a bad file imports nothing and says where") {
    TempFolder journal;
    REQUIRE(run_tend({"--dir", journal.path(), "log", "kegels"}).exit_code == 0);
    write_text(journal / "good.txt", "2026-11-20 21:30 relax 5\n");
    write_text(journal / "bad.txt", "2026-11-20 21:30 relax 5\n\n2026-11-21 21:30 dilte 3\n");
    const auto before = snapshot(journal.path());
    const auto result =
        run_tend_in(journal.path(), {"--dir", ".", "import", "good.txt", "bad.txt"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.starts_with("tend: bad.txt:3: unknown kind 'dilte'"));
    CHECK(count_of(result.err, "\n") == 1);
    CHECK(snapshot(journal.path()) == before);
    const auto missing = run_tend_in(journal.path(), {"--dir", ".", "import", "nowhere.json"});
    CHECK(missing.exit_code == 2);
    CHECK(
        missing.err.starts_with("tend: there is no file 'nowhere.json', so nothing was imported"));
    write_text(journal / "deep.json", std::string(100000, '['));
    const auto deep = run_tend_in(journal.path(), {"--dir", ".", "import", "deep.json"});
    CHECK(deep.exit_code == 2);
    CHECK(deep.err.starts_with("tend: deep.json:1:66: the JSON is nested too deeply"));
    CHECK(snapshot(journal.path()).size() == before.size() + 1);
}

TEST_CASE("e2e import: what log refuses, import refuses too, with the file and the line") {
    TempFolder home;
    const auto journal = home / "tend";
    REQUIRE(run_tend_in(home.path(), {"log", "kegels", "--dir", "tend"}).exit_code == 0);
    const auto before = snapshot(journal);
    const auto refused = [&](const std::string& name, const std::string& text) {
        write_text(home / name, text);
        const auto result = run_tend_in(home.path(), {"--dir", "tend", "import", name});
        CHECK(result.exit_code == 2);
        CHECK(snapshot(journal) == before);
        return result.err;
    };
    CHECK(
        refused("future.json",
                "{\"entries\": [{\"at\": \"2031-01-01T08:00:00+01:00\", \"kind\": \"relax\"}]}") ==
        "tend: future.json: entry 1: 2031-01-01 08:00 is in the future, so nothing was imported "
        "- tend records what already happened\n");
    CHECK(refused("2026-12.phone.toml",
                  "[[entry]]\nat = 2026-11-20T08:00:00+01:00\nkind = \"relax\"\n\n"
                  "[[entry]]\nat = 2029-12-01T08:00:00+01:00\nkind = \"relax\"\n") ==
          "tend: 2026-12.phone.toml:5: 2029-12-01 08:00 is in the future, so nothing was "
          "imported - tend records what already happened\n");
    const std::string long_note(100001, 'x');
    CHECK(refused("long.csv",
                  "at,kind,tags,note\n2026-11-20T08:00:00+01:00,relax,," + long_note + "\n") ==
          "tend: long.csv:2: the note is 100001 bytes long; the most a note can hold is 100000, so "
          "nothing was imported - keep long texts in a file of your own and note where it is\n");
    CHECK(refused("twice.json",
                  "{\"entries\": [\n"
                  "  {\"at\": \"2026-11-20T08:00:00+01:00\", \"kind\": \"relax\",\n"
                  "   \"fields\": {\"minutes\": 10, \"minutes\": 20}}]}\n") ==
          "tend: twice.json:3:30: the name \"minutes\" is given twice in one object - import "
          "reads the JSON that 'tend export --format json' writes\n");
}

TEST_CASE(
    "e2e import: a CSV column that is no field is named, and a field of another kind refused") {
    TempFolder home;
    const auto journal = home / "tend";
    REQUIRE(run_tend_in(home.path(), {"log", "kegels", "--dir", "tend"}).exit_code == 0);
    write_text(home / "old.csv",
               "at,kind,minutes,mood,weather,tags,note\n"
               "2026-11-20T08:00:00+01:00,relax,10,good,rain,,calm\n");
    const auto imported = run_tend_in(home.path(), {"import", "old.csv", "--dir", "tend"});
    CHECK(imported.exit_code == 0);
    CHECK(imported.out == "1 new, 0 already there\n");
    CHECK(imported.err ==
          "note: old.csv: the columns 'mood', 'weather' are no field of any kind in this journal, "
          "so they were left out\n");
    const auto before = snapshot(journal);
    write_text(home / "mixed.csv",
               "at,kind,minutes,pain,tags,note\n"
               "2026-11-21T08:00:00+01:00,relax,10,4,,\n");
    const auto mixed = run_tend_in(home.path(), {"import", "mixed.csv", "--dir", "tend"});
    CHECK(mixed.exit_code == 2);
    CHECK(mixed.err ==
          "tend: mixed.csv:2: the kind relax has no field 'pain', so nothing was imported - leave "
          "that cell empty in rows of this kind\n");
    CHECK(snapshot(journal) == before);
}
