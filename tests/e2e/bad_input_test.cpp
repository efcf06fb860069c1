// The bad-input catalogue: mistakes across every subcommand, each answered with one clear line
// on stderr and a non-zero exit, and not one byte of the journal changed.
#include <doctest/doctest.h>

#include <functional>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::filesystem::path example =
    std::filesystem::path(TEND_SOURCE_DIR) / "examples/pelvic-floor";

struct BadInput {
    std::vector<std::string> arguments;  // after --dir FOLDER
    int exit_code;
    std::string message;  // the whole line after "tend: ", or its start when it ends with "..."
    std::function<void(const std::filesystem::path&)> damage = {};  // breaks a file first
    std::string stdin_text = {};
};

void write_in(const std::filesystem::path& journal, const std::string& name,
              const std::string& text) {
    write_text(journal / name, text);
}

std::function<void(const std::filesystem::path&)> file_with(std::string name, std::string text) {
    return [name = std::move(name), text = std::move(text)](const std::filesystem::path& journal) {
        write_in(journal, name, text);
    };
}

// A copy of the example journal, without the disposable cache.
void copy_example(const std::filesystem::path& journal) {
    std::filesystem::create_directories(journal / "journal");
    for (const auto& name : {"tend.toml", "plan.toml"})
        std::filesystem::copy_file(example / name, journal / name);
    for (const auto& item : std::filesystem::directory_iterator(example / "journal"))
        std::filesystem::copy_file(item.path(), journal / "journal" / item.path().filename());
}

// Everything in the journal folder except .cache, which is disposable by design (docs/format.md).
std::map<std::string, std::string> journal_files(const std::filesystem::path& journal) {
    auto files = snapshot(journal);
    std::erase_if(files, [](const auto& file) { return file.first.starts_with(".cache/"); });
    return files;
}

const std::vector<BadInput>& catalogue() {
    const std::string ten_megabytes(10 * 1024 * 1024, 'a');
    static const std::vector<BadInput> cases = {
        // log: kinds and fields
        {{"log"}, 2, "'tend log' needs KIND ... - see 'tend log --help'"},
        {{"log", "dilte"},
         2,
         "unknown kind 'dilte' - did you mean 'dilate'? ('tend kinds' lists them)"},
        {{"log", "s"},
         2,
         "ambiguous kind 's': it could be 'stretch', 'sex' or 'skip' - type a few more letters"},
        {{"log", "dilate", "sise=3"},
         2,
         "unknown field 'sise' for dilate - did you mean 'size'?..."},
        {{"log", "sex", "p=3"},
         2,
         "ambiguous field 'p' for sex: it could be 'pain' or 'penetration' - type a few more "
         "letters"},
        {{"log", "dilate", "size=3", "size=4"},
         2,
         "size is given twice - 'size=4' sets size again; give each field once"},
        {{"log", "dilate", "3", "size=4"}, 2, "size is given twice..."},
        {{"log", "dilate", "size="},
         2,
         "size must be a whole number, got '' - size takes from 1 to 6"},
        // log: values
        {{"log", "dilate", "size=9"}, 2, "size must be from 1 to 6, got 9"},
        {{"log", "dilate", "size=0"}, 2, "size must be from 1 to 6, got 0"},
        {{"log", "dilate", "size=2.5"},
         2,
         "size must be a whole number, got '2.5' - size takes from 1 to 6"},
        {{"log", "pain", "4.5"},
         2,
         "level must be a whole number, got '4.5' - level takes from 0 to 10"},
        {{"log", "pain", "11"}, 2, "level must be from 0 to 10, got 11"},
        {{"log", "pain", "-1"}, 2, "level must be from 0 to 10, got -1"},
        {{"log", "pain", "99999999999999999999"},
         2,
         "level must be a whole number, got '99999999999999999999' - level takes from 0 to 10"},
        {{"log", "dilate", "minutes=-5"},
         2,
         "minutes must be a duration such as 15, 15m, 1h or 1h30m, got '-5' - minutes takes from 0 "
         "min to 24 h"},
        {{"log", "dilate", "minutes=1h99x"},
         2,
         "minutes must be a duration such as 15, 15m, 1h or 1h30m, got '1h99x'..."},
        {{"log", "visit", "with=dentist"},
         2,
         "with must be one of 'gyn', 'pt' or 'other', got 'dentist'"},
        {{"log", "dilate", "overnight=perhaps"},
         2,
         "overnight must be yes or no, got 'perhaps' - overnight takes yes or no"},
        // log: times
        {{"log", "dilate", "--at", "someday"},
         2,
         "can't read the time 'someday' - try a time of day (24-hour 21:30, or 9:30pm), a day and "
         "time (yesterday 8pm, wed 9pm, "
         "2026-11-20 08:00) or how long ago (2h ago, 90 min ago, 2 days ago)"},
        {{"log", "dilate", "--at", "23:00"},
         2,
         "23:00 is in the future - did you mean 'yesterday 23:00'?"},
        {{"log", "dilate", "--at", "2099-01-01"},
         2,
         "2099-01-01 12:00 is in the future - tend records what already happened"},
        {{"log", "dilate", "--at", "1826-11-20"},
         2,
         "'1826-11-20' is before 1900 - check the year; tend keeps entries from 1900 on"},
        {{"log", "dilate", "--at", "2026-02-30"}, 2, "can't read the time '2026-02-30'..."},
        {{"log", "dilate", "--at", "25:61"}, 2, "can't read the time '25:61'..."},
        {{"log", "dilate", "--at", "99999999999d ago"},
         2,
         "can't read the time '99999999999d ago'..."},
        // log: notes and tags
        {{"log", "note",
          "bad\xff\xfe"
          "bytes"},
         2,
         "the note is not valid UTF-8 text - check your terminal's encoding"},
        {{"log", "note", "bell\x07"},
         2,
         "the note contains a control character (U+0007) - notes may hold text, newlines and "
         "tabs"},
        {{"log", "note", "\x1b[31mred"}, 2, "the note contains a control character..."},
        {{"log", "note", "-"},
         2,
         "the note contains a control character...",
         {},
         std::string("nul\0byte", 8)},
        {{"log", "note", "-"},
         2,
         "the note on standard input is longer than the most a note can hold (100000 bytes)...",
         {},
         ten_megabytes},
        {{"log", "note", "-"}, 2, "the note is not valid UTF-8 text...", {}, "caf\xc3"},
        {{"log", "dilate", "@"}, 2, "a tag needs a name after '@' - for example @evening"},
        {{"log", "dilate", "@a,b"},
         2,
         "the tag '@a,b' has a character tags can't hold - tags are single words such as @evening "
         "or @after-work"},
        {{"log", "dilate", "--bogus"},
         2,
         "the following argument was not expected: --bogus - see 'tend --help'"},
        // show
        {{"show", "someday"}, 2, "can't read the period 'someday'..."},
        {{"show", "2026-13"}, 2, "can't read the period '2026-13'..."},
        {{"show", "2026-W54"}, 2, "can't read the period '2026-W54'..."},
        {{"show", "2026-11-20..2026-11-01"},
         2,
         "the period '2026-11-20..2026-11-01' ends before it starts - write the earlier date "
         "first"},
        {{"show", "--kind", "yoga"}, 2, "unknown kind 'yoga'..."},
        {{"show", "-n", "many"},
         2,
         "-n: must be a whole number from 1 up, got 'many' - see 'tend --help'"},
        // undo, check, init, kinds, completions, edit
        {{"undo"}, 2, "there is nothing to undo - undo takes back entries added with 'tend log'"},
        {{"undo", "now"}, 2, "the following argument was not expected: now - see 'tend --help'"},
        {{"check", "everything"}, 2, "the following argument was not expected: everything..."},
        {{"init"},
         2,
         "{dir}/tend.toml already exists, so nothing was changed - edit it by hand, or move it "
         "away first"},
        {{"init", "--profile", "knees"},
         2,
         "unknown profile 'knees' - the profiles are 'pelvic-floor', 'migraine', 'physio', "
         "'gut' and 'blank'"},
        {{"kinds", "--all"}, 2, "the following argument was not expected: --all..."},
        {{"completions", "powershell"},
         2,
         "shell: powershell not in {bash,zsh,fish} - see 'tend --help'"},
        {{"edit", "someday"}, 2, "can't read the period 'someday'..."},
        // plan
        {{"plan", "add", "dilate", "sometimes"},
         2,
         "can't read the schedule 'sometimes' - try daily, 3/day, every 2d, every other day, "
         "3/week, weekly, weekdays or mon,wed,fri"},
        {{"plan", "add", "dilate"}, 2, "the item needs a schedule..."},
        {{"plan", "add", "yoga", "daily"}, 2, "unknown kind 'yoga'..."},
        {{"plan", "add", "dilate", "daily", "--for", "3months"},
         2,
         "can't read the length '3months' - use days or weeks: 30d, 3w, 8w"},
        {{"plan", "add", "dilate", "daily", "--from", "soon"},
         2,
         "can't read the date 'soon' - use YYYY-MM-DD, today, tomorrow, yesterday, a weekday (mon) "
         "or '3 weeks ago'"},
        {{"plan", "add", "dilate", "daily", "--from", "2026-12-01", "--until", "2026-11-01"},
         2,
         "the item ends on 2026-11-01, before it starts on 2026-12-01 - the end is the last day "
         "the item is in force"},
        {{"plan", "add", "dilate", "daily", "minutes>=abc"},
         2,
         "can't read the condition 'minutes>=abc' - try 'minutes>=10' (or minutes:10+, no quotes "
         "needed) or 'size<=3'"},
        {{"plan", "add", "dilate", "daily", "colour>=3"},
         2,
         "unknown field 'colour' for dilate - dilate has 'size', 'minutes', 'pain', 'anxiety' and "
         "'overnight'"},
        {{"plan", "end", "yoga"},
         2,
         "no plan item is called 'yoga' - use the number, name or kind that 'tend plan' shows"},
        {{"plan", "rm", "99"},
         2,
         "there is no item #99 - the plan has items 1 to 5; 'tend plan' lists them"},
        {{"plan", "rm", "2"},
         2,
         "#2 Dilator has counted sessions since 2026-10-06; removing it would change how those "
         "days are measured - end it instead: tend plan end 2"},
        {{"plan", "end"}, 2, "'tend plan end' needs ITEM - see 'tend plan end --help'"},
        // stats
        {{"stats", "someday"}, 2, "can't read the period 'someday'..."},
        {{"stats", ""}, 2, "can't read the period ''..."},  // typed empty: not the default
        {{"stats", "--kind", "yoga"}, 2, "unknown kind 'yoga'..."},
        {{"stats", "--effect", "yoga", "--on", "sex.pain"}, 2, "unknown kind 'yoga'..."},
        {{"stats", "--effect", "cardio", "--on", "sex.colour"},
         2,
         "unknown field 'colour' for sex - sex has 'pain', 'anxiety', 'penetration' and 'comfort'"},
        {{"stats", "--effect", "cardio"}, 2, "--effect requires --on - see 'tend --help'"},
        {{"stats", "--effect", "cardio", "--on", "sex.pain", "--within", "0"},
         2,
         "--within: must be a whole number from 1 to 30, got '0' - see 'tend --help'"},
        {{"stats", "--weekly", "--effect", "cardio", "--on", "sex.pain"},
         2,
         "--weekly excludes --effect - see 'tend --help'"},
        // export
        {{"export", "--format", "pdf"},
         2,
         "--format: pdf not in {md,html,csv,json} - see 'tend --help'"},
        {{"export", "-o", "visit.docx"},
         2,
         "can't tell the format of 'visit.docx' from its name - add --format md, html, csv or "
         "json"},
        {{"export", "someday"}, 2, "can't read the period 'someday'..."},
        {{"export", "", "-o", "visit.html"}, 2, "can't read the period ''..."},
        {{"export", "--kind", "yoga"}, 2, "unknown kind 'yoga'..."},
        {{"export", "-o", "."}, 2, "'.' is a folder - name the file to write, e.g. -o visit.html"},
        // global
        {{"--color", "purple", "show"},
         2,
         "--color: purple not in {auto,always,never} - see 'tend --help'"},
        {{"frobnicate"}, 2, "unknown command 'frobnicate' - see 'tend --help' for the commands"},
        {{"logg", "dilate", "3"}, 2, "unknown command 'logg' - did you mean 'log'?"},
        // files the user broke by hand
        {{"log", "dilate", "3"},
         2,
         "tend.toml:...",
         file_with("tend.toml", "[settings]\nweek_start = \"someday\"\n")},
        {{"show"}, 2, "tend.toml:...", file_with("tend.toml", "[settings\n")},
        {{"plan", "today"},
         2,
         "plan.toml:...",
         file_with("plan.toml", "[[item]]\nkind = \"dilate\"\n")},
        {{"plan", "add", "kegels", "daily"},
         2,
         "plan.toml:...",
         file_with("plan.toml", "[[item]\n")},
        {{"log", "dilate", "3"},
         2,
         "journal/2026-11.laptop.toml:...",
         file_with("journal/2026-11.laptop.toml", "[[entry]]\nkind \"note\"\n")},
        {{"log", "dilate", "3"},
         2,
         "journal/2026-11.laptop.toml:...",
         file_with("journal/2026-11.laptop.toml", "[[entry]]\nnote = \"caf\xc3\"\n")},
        {{"log", "dilate", "3"},
         2,
         "journal/2026-11.laptop.toml:...",
         file_with("journal/2026-11.laptop.toml", std::string("[[entry]]\nnote = \"a\0b\"\n", 24))},
        {{"show", "2026-11"},
         2,
         "journal/2026-11.laptop.toml:...",
         file_with("journal/2026-11.laptop.toml",
                   "[[entry]]\nat = 2026-10-30T08:00:00+01:00\nkind = \"note\"\n")},
        {{"stats", "all"},
         2,
         "journal/1850-01.toml:2:6: this entry is dated 1850-01-03, before 1900; check the year - "
         "fix it by hand, then run 'tend check'",
         file_with("journal/1850-01.toml",
                   "[[entry]]\nat = 1850-01-03T08:00:00+01:00\nkind = \"note\"\n")},
        {{"show", "2026-11"},
         2,
         "journal/2026-11.laptop.toml:...",
         file_with(
             "journal/2026-11.laptop.toml",
             "[[entry]]\nat = 2026-11-03T08:00:00+01:00\nkind = \"dilate\"\nsize = \"big\"\n")},
        {{"show", "2026-11"},
         2,
         "journal/2026-11.laptop.toml:...",
         file_with("journal/2026-11.laptop.toml",
                   "[[entry]]\nat = 2026-11-03T08:00:00+01:00\nkind = \"yoga\"\n")},
    };
    return cases;
}

// Runs every case of the catalogue on a copy of the example journal, with `inbox` (when not
// empty) as its inbox.txt. With an inbox, the cases of a journal file broken by hand are left
// out: they are not typed input, and filing the inbox says on a line of its own that it stopped
// at the same broken file (docs/sync.md).
void check_catalogue(const std::string& inbox) {
    CHECK(catalogue().size() >= 60);
    for (const auto& bad : catalogue()) {
        if (!inbox.empty() && bad.damage) continue;
        std::string shown_arguments;
        for (const auto& argument : bad.arguments)
            shown_arguments += argument.substr(0, 40) + " ";
        CAPTURE(shown_arguments);
        TempFolder home;
        const auto journal = home / "tend";
        copy_example(journal);
        if (!inbox.empty()) write_text(journal / "inbox.txt", inbox);
        if (bad.damage) bad.damage(journal);
        const auto before = journal_files(journal);

        std::vector<std::string> arguments = {"--dir", journal.string()};
        arguments.insert(arguments.end(), bad.arguments.begin(), bad.arguments.end());
        RunOptions options;
        options.stdin_text = bad.stdin_text;
        const auto result = run_tend(arguments, options);

        CHECK(result.exit_code == bad.exit_code);
        CHECK(result.out.empty());
        CHECK(result.err.starts_with("tend: "));
        CHECK(count_of(result.err, "\n") == 1);
        CHECK(result.err.ends_with("\n"));
        CHECK(result.err.find("std::") == std::string::npos);
        CHECK(result.err.find("what()") == std::string::npos);
        CHECK(result.err.find("internal error") == std::string::npos);
        const std::string message =
            result.err.size() > 7 ? result.err.substr(6, result.err.size() - 7) : result.err;
        std::string expected = bad.message;
        if (const auto dir = expected.find("{dir}"); dir != std::string::npos)
            expected.replace(dir, 5, journal.string());
        if (expected.ends_with("...")) {
            CHECK(message.starts_with(expected.substr(0, expected.size() - 3)));
        } else {
            CHECK(message == expected);
        }
        CHECK(journal_files(journal) == before);
    }
}

}  // namespace

TEST_CASE("bad input: every case gets one clear line, a non-zero exit and no change on disk") {
    check_catalogue("");
}

TEST_CASE("bad input: a refused command files no inbox line, so the journal stays as it was") {
    // A phone's line that a command accepting its input would file.
    check_catalogue("2026-11-24 21:30 relax 10 from the phone\n");
}
