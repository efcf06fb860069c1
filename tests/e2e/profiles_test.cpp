// End-to-end tests of the built-in migraine, physio and gut profiles: each example journal
// (examples/NAME) passes `check` and exports in all four formats, its Markdown equal to the
// golden file tests/data/profiles/NAME-export.md; `tend init --profile NAME` starts a journal.
//
// The golden files are the default export (since the last visit) at TEND_NOW
// 2026-11-25T10:00:00+01:00 in Europe/Berlin. After a deliberate change of the export, make them
// again from a copy of the example (so no cache lands in the source tree), and read the diff:
//   cp -r examples/gut /tmp/gut
//   TZ=Europe/Berlin TEND_NOW=2026-11-25T10:00:00+01:00 build/dev/tend --dir /tmp/gut export
//     > tests/data/profiles/gut-export.md
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::filesystem::path source = TEND_SOURCE_DIR;

// A private copy of examples/`name` in `folder`/`name`: the reads write their cache into it.
void copy_example(const TempFolder& folder, const std::string& name) {
    std::filesystem::copy(source / "examples" / name, folder / name,
                          std::filesystem::copy_options::recursive);
}

// Runs `tend WORDS` from `folder` as a person types it; the result must be a clean exit 0.
std::string tend_in(const TempFolder& folder, const std::vector<std::string>& words) {
    const auto result = run_tend_in(folder.path(), words);
    std::string typed = "tend";
    for (const auto& word : words)
        typed += " " + word;
    CAPTURE(typed);
    CHECK(result.exit_code == 0);
    CHECK(result.err == "");
    return result.out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Runs python3 on `script` with `arguments`; returns what it printed.
std::string python(const TempFolder& folder, const std::string& script,
                   const std::string& argument) {
    write_text(folder / "check.py", script);
    const auto result =
        output_of("/usr/bin/python3 '" + (folder / "check.py").string() + "' '" + argument + "'");
    CHECK(result.exit_code == 0);
    return result.out;
}

// The number of entries, the period and the first three CSV columns' names, and the HTML's
// well-formedness, for a format check that reads what the other formats hold. The summary (the
// `stats` of the same days) counts the visit's day whole, also what came before the visit.
const std::string formats_script = R"(import csv, json, sys, xml.dom.minidom
folder = sys.argv[1]
data = json.load(open(folder + '/notes.json'))
with open(folder + '/notes.csv', newline='', encoding='utf-8-sig') as file:
    rows = list(csv.DictReader(file))
xml.dom.minidom.parse(folder + '/notes.html')
print(len(data['entries']), len(rows), data['period']['from'], data['period']['to'],
      list(rows[0].keys())[:3], data['summary']['entries'])
)";

// Exports `name` in every format from `folder` and checks the golden Markdown; returns the
// Markdown.
std::string export_all_formats(const TempFolder& folder, const std::string& name) {
    const std::string markdown = tend_in(folder, {"export", "--dir", name});
    CHECK(markdown == read_text(source / "tests/data/profiles" / (name + "-export.md")));
    for (const std::string format : {"html", "csv", "json"}) {
        CAPTURE(format);
        const std::string written =
            tend_in(folder, {"--dir", name, "export", "--format", format, "-o", "notes." + format});
        CHECK(has(written, "wrote the notes for "));
        CHECK(permissions_of(folder / ("notes." + format)) == 0600);
    }
    return markdown;
}

}  // namespace

TEST_CASE("e2e profiles: the migraine example passes check and exports in four formats") {
    TempFolder folder;
    copy_example(folder, "migraine");
    CHECK(tend_in(folder, {"check", "--dir", "migraine"}) ==
          "checked 3 month files and plan.toml: all good\n");
    CHECK(tend_in(folder, {"--dir", "migraine", "kinds"})
              .starts_with("migraine profile: 11 kinds\n"));
    const std::string notes = export_all_formats(folder, "migraine");
    // Since the last visit of the visit role, with its trend of attack severity (0-3).
    // From the visit's time on its day: what came after it that day is in the notes.
    CHECK(has(notes,
              "12 Oct - 25 Nov 2026 (45 days), from the visit on Mon 12 Oct 2026 at 11:00  \n"));
    // The first two weeks with entries against the last two (23 Nov's week has none).
    CHECK(has(notes,
              "- Migraine severity (0-3): 3, 2, 3, 2 (n=4, 12-25 Oct) → 1, 2, 1 (n=3, 9-22 "
              "Nov): mean 1.2 points lower, a meaningful change for the better\n"));
    // Migraine days, for a migraine diary.
    CHECK(has(notes, "- Migraine logged on 10 of 45 days\n"));
    CHECK(has(notes, "### Migraine severity (0-3)\n"));
    // Both kinds of medication, one row per medicine and dose: the dose change shows its date.
    CHECK(has(notes, "| amitriptyline | preventive | 12 Oct - 25 Oct | 13 | 10 mg |\n"));
    CHECK(has(notes, "| amitriptyline | preventive | 26 Oct - 24 Nov | 28 | 20 mg |\n"));
    CHECK(has(notes, "| sumatriptan | acute | 14 Oct - 14 Nov | 8 | 50 mg |\n"));
    CHECK(has(notes, "- occipital nerve block, 14 Sep 2026: 10 weeks before 25 Nov\n"));
    // No progression field in this profile: no progression section.
    CHECK(!has(notes, "## Progression"));
    // Open until answered: the answered one is not listed, the one before the visit is.
    CHECK(count_of(notes, "- [ ] ") == 3);
    CHECK(has(notes, "If the headache comes back the next day, can I take the triptan again?"));
    CHECK(!has(notes, "Is red wine a trigger for everyone?"));
    CHECK(has(notes, "- [ ] Would a preventive make me drowsy during the day? (asked 8 Oct)\n"));
    CHECK(python(folder, formats_script, folder.path().string()) ==
          "122 122 2026-10-12 2026-11-25 ['date', 'time', 'kind'] 123\n");
}

TEST_CASE("e2e profiles: the physio example passes check and exports in four formats") {
    TempFolder folder;
    copy_example(folder, "physio");
    CHECK(tend_in(folder, {"--dir", "physio", "check"}) ==
          "checked 3 month files and plan.toml: all good\n");
    const std::string notes = export_all_formats(folder, "physio");
    CHECK(has(notes,
              "20 Oct - 25 Nov 2026 (37 days), from the visit on Tue 20 Oct 2026 at 09:00  \n"));
    // The function score (0-100, better when higher) is the first outcome; five scores can't
    // give both sides 3, so the two weeks a side stand and no change is called.
    CHECK(has(notes,
              "- Function (0-100): 55, 60 (n=2, 20 Oct - 1 Nov) → 71, 77 (n=2, 9-22 Nov): "
              "too few entries to compare (fewer than 3 on a side)\n"));
    // Three weeks with pain entries: one week on each side.
    CHECK(has(notes,
              "- Pain (0-10): 4 (n=1, 20-25 Oct) → 2 (n=1, 16-22 Nov): too few "
              "entries to compare (fewer than 3 on a side)\n"));
    CHECK(has(notes, "### Exercise pain after (0-10)\n"));
    // Range of motion is a measure, not a scale: it has its part too.
    CHECK(has(notes, "### Rom degrees (-30-180)\n"));
    CHECK(has(notes, "| ibuprofen | med | 23 Oct | 1 | 400 mg |\n"));
    CHECK(has(notes, "- knee arthroscopy, 29 Sep 2026: 8 weeks before 25 Nov\n"));
    CHECK(count_of(notes, "- [ ] ") == 3);
    CHECK(has(notes, "- [ ] When can I start running again? (asked 30 Oct)\n"));
    CHECK(!has(notes, "Should the knee still swell"));  // answered
    CHECK(has(notes, "- [ ] Is it fine to cycle on the road yet? (asked 15 Oct)\n"));
    CHECK(python(folder, formats_script, folder.path().string()) ==
          "151 151 2026-10-20 2026-11-25 ['date', 'time', 'kind'] 153\n");
    // Range of motion in degrees, as stats show it for the last week.
    const std::string week = tend_in(folder, {"--dir", "physio", "stats", "last-week"});
    CHECK(
        has(week, "  rom        1 on 1 day\n    degrees    mean 135  min 135 max 135  was 133\n"));
    // Labels longer than the usual column keep a space before "mean".
    CHECK(has(week, "\n    pain before mean 0.3  min 0   max 1   "));
    CHECK(has(week, "\n    pain after  mean 1.4  min 0   max 3   "));
}

TEST_CASE("e2e profiles: the gut example passes check and exports in four formats") {
    TempFolder folder;
    copy_example(folder, "gut");
    CHECK(tend_in(folder, {"check", "--dir", "gut"}) ==
          "checked 3 month files and plan.toml: all good\n");
    const std::string notes = export_all_formats(folder, "gut");
    CHECK(has(notes,
              "14 Oct - 25 Nov 2026 (43 days), from the visit on Wed 14 Oct 2026 at 14:00  \n"));
    CHECK(has(notes,
              "- Gut pain (0-10): mean 4.7 (n=12, 14-25 Oct) → mean 2.4 (n=9, 16-25 Nov): "
              "mean 2.3 points lower, a meaningful change for the better\n"));
    CHECK(has(notes, "### Gut bloating (0-10)\n"));
    // The Bristol stool form is a measure, not a rating scale: it has its part too.
    CHECK(has(notes, "### Stool form (1-7)\n"));
    CHECK(has(notes, "- colonoscopy, 2 Oct 2026: 7 weeks before 25 Nov\n"));
    // A daily medicine is one row, not one per dose.
    CHECK(has(notes, "| psyllium | med | 15 Oct - 24 Nov | 37 | 3.5 g |\n"));
    CHECK(has(notes, "| peppermint oil | med | 29 Oct - 8 Nov | 2 | 0.2 ml capsule |\n"));
    CHECK(count_of(notes, "- [ ] ") == 3);
    CHECK(has(notes, "- [ ] Is it fine to keep taking psyllium for months? (asked 12 Nov)\n"));
    CHECK(!has(notes, "Does peppermint oil interact"));  // answered
    // Asked before the visit and never answered: still open.
    CHECK(has(notes, "- [ ] Will I need another colonoscopy later? (asked 11 Oct)\n"));
    CHECK(python(folder, formats_script, folder.path().string()) ==
          "232 232 2026-10-14 2026-11-25 ['date', 'time', 'kind'] 234\n");
    // Stool form on the Bristol scale, and the days after a trigger against the others.
    const std::string week =
        tend_in(folder, {"stats", "last-week", "--dir", "gut", "--kind", "stool"});
    CHECK(has(week,
              "  stool      11 on 7 days\n    form       mean 3.3  min 3   max 4    was 3.7\n"));
    const std::string effect =
        tend_in(folder, {"--dir", "gut", "stats", "--effect", "trigger", "--on", "gut.pain"});
    CHECK(
        effect.starts_with("Gut pain after trigger, 22 Sep - 25 Nov 2026\n"
                           "  after trigger    mean 3.7    on 15 days\n"
                           "  other days       mean 3.8    on 33 days\n"));
}

TEST_CASE("e2e profiles: init --profile NAME writes a journal with that profile") {
    TempFolder folder;
    for (const std::string name : {"migraine", "physio", "gut"}) {
        CAPTURE(name);
        // Options in any order, a relative folder that doesn't exist yet.
        CHECK(tend_in(folder, {"init", "--profile", name, "--dir", name + "-diary"}) ==
              "wrote " + name + "-diary/tend.toml with the " + name +
                  " profile; edit it to change kinds and settings\n");
        const std::string written = read_text(folder / (name + "-diary") / "tend.toml");
        CHECK(written.starts_with("# tend settings and profile (" + name + " profile).\n"));
        CHECK(has(written, "\nprofile = \"" + name + "\""));
        CHECK(permissions_of(folder / (name + "-diary") / "tend.toml") == 0600);
        CHECK(tend_in(folder, {"--dir", name + "-diary", "check"}) ==
              "checked 0 month files: all good\n");
    }
    // The profile's kinds and outcomes, ready to log.
    CHECK(tend_in(folder, {"--dir", "gut-diary", "log", "stool", "4"}) != "");
    const std::string shown = tend_in(folder, {"--dir", "gut-diary", "show", "today"});
    CHECK(has(shown, "stool     form 4"));
    CHECK(
        has(read_text(folder / "migraine-diary/tend.toml"), "outcomes = [\"migraine.severity\"]"));
    CHECK(has(read_text(folder / "physio-diary/tend.toml"),
              "fields.score = { type = \"scale\", min = 0, max = 100, label = \"function\" }\n"));
}

TEST_CASE("e2e profiles: an unknown profile lists the profiles in one line and writes nothing") {
    TempFolder folder;
    const auto result =
        run_tend_in(folder.path(), {"--dir", "diary", "init", "--profile", "migrane"});
    CHECK(result.exit_code == 2);
    CHECK(result.out == "");
    CHECK(result.err ==
          "tend: unknown profile 'migrane' - did you mean 'migraine'? (the profiles are "
          "'pelvic-floor', 'migraine', 'physio', 'gut' and 'blank')\n");
    CHECK(!std::filesystem::exists(folder / "diary"));
    const auto far = run_tend_in(folder.path(), {"init", "--profile=knee", "--dir", "diary"});
    CHECK(far.exit_code == 2);
    CHECK(far.err ==
          "tend: unknown profile 'knee' - the profiles are 'pelvic-floor', 'migraine', "
          "'physio', 'gut' and 'blank'\n");
    CHECK(!std::filesystem::exists(folder / "diary"));
}
