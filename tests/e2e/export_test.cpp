// End-to-end tests of `tend export`: the four formats on the example story, the default period,
// --no-notes, escaping, and files written privately.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::string example = std::string(TEND_SOURCE_DIR) + "/examples/pelvic-floor";
const std::string golden = std::string(TEND_SOURCE_DIR) + "/tests/data/export-2026-10-07.";
const std::string story_weeks = "2026-10-07..2026-11-22";

int run_shell(const std::string& command) {
    return std::system(command.c_str());
}

// Runs a Python script file made from `script` with the given arguments; returns its output.
std::string python(const TempFolder& folder, const std::string& script,
                   const std::vector<std::string>& arguments) {
    write_text(folder / "check.py", script);
    std::string command = "/usr/bin/python3 " + (folder / "check.py").string();
    for (const auto& argument : arguments)
        command += " '" + argument + "'";
    command += " > " + (folder / "python.txt").string();
    REQUIRE(run_shell(command) == 0);
    return read_text(folder / "python.txt");
}

}  // namespace

TEST_CASE("e2e export: seven weeks of the story match the golden files in all four formats") {
    for (const std::string format : {"md", "html", "csv", "json"}) {
        CAPTURE(format);
        const auto result = run_tend({"--dir", example, "export", story_weeks, "--format", format});
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
        CHECK(result.out == read_text(golden + format));
    }
}

TEST_CASE("e2e export: -o picks the format from the extension and writes a private file") {
    TempFolder folder;
    for (const std::string format : {"md", "html", "csv", "json"}) {
        CAPTURE(format);
        const auto path = folder / ("visit." + format);
        write_text(path, "an older report");  // replaced whole
        const auto result = run_tend({"--dir", example, "export", story_weeks, "-o", path.string()},
                                     {{}, {}, 022, {}, {}});
        CHECK(result.exit_code == 0);
        CHECK(result.out == "wrote the notes for 7 Oct - 22 Nov 2026 to " + path.string() + "\n");
        CHECK(read_text(path) == read_text(golden + format));
        CHECK(permissions_of(path) == 0600);
    }
}

TEST_CASE("e2e export: the HTML is well-formed XML and fetches nothing") {
    TempFolder folder;
    const auto html = folder / "visit.html";
    write_text(html, read_text(golden + "html"));
    CHECK(run_shell("xmllint --noout " + html.string()) == 0);
    const std::string text = read_text(html);
    for (const std::string outside : {"http:", "https:", "src=", "href=", "url(", "@import",
                                      "<script", "<link", "<img", "<iframe", "<object"})
        CHECK_MESSAGE(text.find(outside) == std::string::npos, outside);
    // Charts with titles and axis labels, and the step back on the size chart.
    // Page 1's timeline, 6 scales with values, pain.level, and the sizes.
    CHECK(count_of(text, "<svg ") == 9);
    CHECK(count_of(text, ">date</text>") == 8);
    CHECK(count_of(text, R"(<svg class="chart timeline")") == 1);
    // Every chart has a title and its trend in words; every table a caption.
    CHECK(count_of(text, "<desc>") == 9);
    CHECK(count_of(text, "<caption>") == count_of(text, "<table>"));
    CHECK(count_of(text, "<title>step back on 26 Oct</title>") == 1);
    CHECK(count_of(text, "No entries in this period") == 0);  // every scale has values
}

TEST_CASE("e2e export: JSON holds every entry of the period losslessly, and the summary") {
    TempFolder folder;
    write_text(folder / "export.json", read_text(golden + "json"));
    // Compares each entry with the month files read by Python's own TOML parser.
    const std::string script = R"(import glob, json, sys, tomllib, datetime
exported = json.load(open(sys.argv[1]))
journal = []
for name in sorted(glob.glob(sys.argv[2] + '/journal/*.toml')):
    with open(name, 'rb') as file:
        journal += tomllib.load(file).get('entry', [])
first, last = datetime.date(2026, 10, 7), datetime.date(2026, 11, 22)
journal = [e for e in journal if first <= e['at'].date() <= last]
journal.sort(key=lambda e: e['at'])
assert len(journal) == len(exported['entries']), (len(journal), len(exported['entries']))
for want, got in zip(journal, exported['entries']):
    assert got['at'] == want['at'].isoformat(), (got['at'], want['at'])
    assert got['kind'] == want['kind']
    assert got['note'] == want.get('note', '')
    assert got['tags'] == want.get('tags', [])
    fields = {k: v for k, v in want.items() if k not in ('at', 'kind', 'note', 'tags')}
    assert got['fields'] == fields, (got['fields'], fields)
    for key, value in fields.items():
        assert type(got['fields'][key]) is type(value), key
summary = exported['summary']
print(len(exported['entries']), exported['period'], summary['entries'], summary['adherence'],
      len(summary['weeks']), exported['notes'])
)";
    CHECK(python(folder, script, {(folder / "export.json").string(), example}) ==
          "189 {'from': '2026-10-07', 'to': '2026-11-22'} 189 0.905 7 True\n");
}

TEST_CASE("e2e export: CSV parses with one row per entry and the fields' columns") {
    TempFolder folder;
    write_text(folder / "export.csv", read_text(golden + "csv"));
    const std::string script = R"(import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as file:
    rows = list(csv.DictReader(file))
dilate = [r for r in rows if r['kind'] == 'dilate']
print(len(rows), len(dilate), dilate[0]['date'], dilate[0]['size'], dilate[0]['minutes'],
      dilate[0]['pain'], sum(1 for r in rows if r['note']))
)";
    CHECK(python(folder, script, {(folder / "export.csv").string()}) ==
          "189 44 2026-10-07 1 15 5 16\n");
}

TEST_CASE("e2e export: by default the notes cover the days since the last visit") {
    const auto result = run_tend({"--dir", example, "export"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.substr(0, result.out.find("\n\n## At a glance")) ==
          "# Visit notes: Alex\n"
          "\n"
          "6 Oct - 25 Nov 2026 (51 days), from the visit on Tue 6 Oct 2026 at 16:00  \n"
          "Made on Wed 25 Nov 2026 with tend");
    // None of the three questions was answered: open until answered, the one asked before the
    // visit of 5 Oct too, each with the day it was asked.
    CHECK(count_of(result.out, "- [ ] ") == 3);
    CHECK(
        result.out.find("- [ ] Is the Botox wearing off already after 4 months? (asked 2 Oct)\n") !=
        std::string::npos);
    CHECK(result.out.find("- [ ] When should I move up to size 4? (asked 20 Oct)\n") !=
          std::string::npos);
}

TEST_CASE("e2e export: --no-notes leaves no note, tag or question in any format") {
    TempFolder folder;
    // Every note and tag the journal holds, read by Python's TOML parser.
    const std::string script = R"(import glob, sys, tomllib
for name in sorted(glob.glob(sys.argv[1] + '/journal/*.toml')):
    with open(name, 'rb') as file:
        for entry in tomllib.load(file).get('entry', []):
            for text in [entry.get('note', '')] + entry.get('tags', []):
                if text:
                    print(text.split('\n')[0])
)";
    const std::string notes = python(folder, script, {example});
    REQUIRE(count_of(notes, "\n") > 20);
    for (const std::string format : {"md", "html", "csv", "json"}) {
        CAPTURE(format);
        const auto result =
            run_tend({"--dir", example, "export", "all", "--no-notes", "--format", format});
        REQUIRE(result.exit_code == 0);
        std::size_t start = 0;
        while (start < notes.size()) {
            const std::size_t end = notes.find('\n', start);
            const std::string note = notes.substr(start, end - start);
            CHECK_MESSAGE(result.out.find(note) == std::string::npos, note);
            start = end + 1;
        }
        CHECK(result.out.find("Questions") == std::string::npos);
    }
}

TEST_CASE("e2e export: what a person types shows as typed in HTML, CSV and JSON") {
    TempFolder journal;
    const std::string typed = "<script>alert(1)</script> & \"quoted\", with a comma";
    REQUIRE(run_tend({"--dir", journal.path(), "log", "pain", "4", typed}).exit_code == 0);
    REQUIRE(run_tend({"--dir", journal.path(), "log", "note", "=SUM(A1:A2) café ●"}).exit_code ==
            0);
    const auto html = run_tend({"--dir", journal.path(), "export", "--format", "html"});
    CHECK(html.out.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;, with a "
                        "comma") != std::string::npos);
    CHECK(html.out.find("<script>") == std::string::npos);
    write_text(journal / "visit.html", html.out);
    CHECK(run_shell("xmllint --noout " + (journal / "visit.html").string()) == 0);
    const auto csv = run_tend({"--dir", journal.path(), "export", "--format", "csv"});
    CHECK(
        csv.out.find(",\"<script>alert(1)</script> & \"\"quoted\"\", with a comma\",2026-11-25T") !=
        std::string::npos);
    CHECK(csv.out.find(",'=SUM(A1:A2) café ●,2026-11-25T10:00:00+01:00\r\n") != std::string::npos);
    const auto json = run_tend({"--dir", journal.path(), "export", "--format", "json"});
    CHECK(json.out.find(R"("note": "<script>alert(1)</script> & \"quoted\", with a comma")") !=
          std::string::npos);
    CHECK(json.out.find(R"("note": "=SUM(A1:A2) café ●")") != std::string::npos);
}

TEST_CASE("e2e export: an empty period is a calm report in every format") {
    TempFolder folder;
    const auto md = run_tend({"--dir", example, "export", "2026-08"});
    CHECK(md.exit_code == 0);
    CHECK(md.out.find("- Nothing was logged in this period.\n") != std::string::npos);
    CHECK(md.out.find("No plan items were in force in this period.") != std::string::npos);
    const auto html = run_tend({"--dir", example, "export", "2026-08", "--format", "html"});
    // The four pain scales, empty, share one line.
    CHECK(count_of(html.out,
                   "<p>No entries in this period: Pain while dilating (0-10), Pain during "
                   "massage (0-10), Pain during sex (0-10) and Pain outside sessions "
                   "(0-10).</p>") == 1);
    CHECK(html.out.find("<svg") == std::string::npos);
    write_text(folder / "empty.html", html.out);
    CHECK(run_shell("xmllint --noout " + (folder / "empty.html").string()) == 0);
    const auto csv = run_tend({"--dir", example, "export", "2026-08", "--format", "csv"});
    CHECK(count_of(csv.out, "\r\n") == 1);  // the heading only
    const auto json = run_tend({"--dir", example, "export", "2026-08", "--format", "json"});
    write_text(folder / "empty.json", json.out);
    CHECK(python(folder,
                 "import json,sys; d=json.load(open(sys.argv[1])); "
                 "print(d['entries'], d['summary']['entries'], d['summary']['adherence'])",
                 {(folder / "empty.json").string()}) == "[] 0 None\n");
}

TEST_CASE("e2e export: bad input is one line, exit 2, and nothing written") {
    TempFolder folder;
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"-o", (folder / "visit.txt").string()},
         "tend: can't tell the format of '" + (folder / "visit.txt").string() +
             "' from its name - add --format md, html, csv or json\n"},
        {{"-o", folder.path().string()},
         "tend: '" + folder.path().string() +
             "' is a folder - name the file to write, e.g. -o "
             "visit.html\n"},
        {{"--format", "pdf"},
         "tend: --format: pdf not in {md,html,csv,json} - see 'tend --help'\n"},
        {{"--kind", "dilte", "-o", (folder / "visit.md").string()},
         "tend: unknown kind 'dilte' - did you mean 'dilate'? ('tend kinds' lists them)\n"},
        {{"2026-13", "-o", (folder / "visit.md").string()}, "tend: "},
    };
    for (const auto& [words, message] : cases) {
        std::vector<std::string> arguments = {"--dir", example, "export"};
        arguments.insert(arguments.end(), words.begin(), words.end());
        const auto result = run_tend(arguments);
        CAPTURE(words.front());
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err.starts_with(message));
        CHECK(count_of(result.err, "\n") == 1);
    }
    CHECK(snapshot(folder.path()).empty());
    const auto missing = run_tend(
        {"--dir", example, "export", "-o", (folder / "no-such-folder" / "visit.md").string()});
    // A folder that isn't there is a typo: bad input (2), said plainly, not a disk failure.
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "tend: there is no folder '" + (folder / "no-such-folder").string() +
                             "', so '" + (folder / "no-such-folder" / "visit.md").string() +
                             "' was not written - create the folder first, or name a file in a "
                             "folder that exists\n");
    // The same typed relative, from the user's folder; and a file where a folder should be.
    write_text(folder / "notes", "not a folder\n");
    const auto relative =
        run_tend_in(folder.path(), {"export", "--dir", example, "-o", "sub/visit.md"});
    CHECK(relative.exit_code == 2);
    CHECK(relative.err ==
          "tend: there is no folder 'sub', so 'sub/visit.md' was not written - create the folder "
          "first, or name a file in a folder that exists\n");
    const auto file_as_folder =
        run_tend_in(folder.path(), {"--dir", example, "export", "-o", "notes/visit.md"});
    CHECK(file_as_folder.exit_code == 2);
    CHECK(file_as_folder.err ==
          "tend: 'notes' is a file, not a folder, so 'notes/visit.md' was not written - name a "
          "file in a folder that exists\n");
    CHECK(read_text(folder / "notes") == "not a folder\n");
}

TEST_CASE("e2e export: --kind says which sections it left out instead of a false none") {
    // Typed from the folder above the journal, with a relative path and the options after.
    const std::filesystem::path examples = std::string(TEND_SOURCE_DIR) + "/examples";
    const auto result =
        run_tend_in(examples, {"export", story_weeks, "--kind", "dilat", "--dir", "pelvic-floor"});
    CHECK(result.exit_code == 0);
    // Questions, visits and medication were not asked for: not "none".
    CHECK(count_of(result.out, "Not included (--kind dilate).\n") == 3);
    CHECK(result.out.find("No open questions") == std::string::npos);
    CHECK(result.out.find("No visits") == std::string::npos);
    // Kegels only: no outcome kind, so the patient's words are one line, not an empty heading.
    const auto kegels =
        run_tend_in(examples, {"export", "--dir", "pelvic-floor", story_weeks, "--kind", "kegels"});
    CHECK(kegels.out.find("### In the patient's words\n\nNo notes on sex or dilator in this "
                          "period.\n") != std::string::npos);
}

TEST_CASE("e2e export: the notes speak the profile's words, and a tend.toml without them its own") {
    // The example's tend.toml has the built-in profile's labels and phrases.
    const auto labelled = run_tend({"export", story_weeks, "--dir", example});
    REQUIRE(labelled.exit_code == 0);
    for (const std::string words :
         {"- Pain during sex (0-10): 7, 6, 6 (n=3, 7-25 Oct) → 4, 3, 2 (n=3, 2-22 Nov)",
          "- Pain while dilating (0-10): mean 5.5", "- Penetration possible: yes in 6 of 7 entries",
          "- Dilator size: 4 (22 mm) since 9 Nov; 1 step back: 26 Oct (3 to 2)",
          "### Pain outside sessions (0-10)", "### Dilator size\n", "- 9 Nov, dilator: First",
          "| lidocaine gel | medication | 1 Nov |", "| Cardio | 3 times a week |"})
        CHECK_MESSAGE(labelled.out.find(words) != std::string::npos, words);
    for (const std::string old : {"Sex pain", "Dilate size", "Sex penetration", "tend skip"})
        CHECK_MESSAGE(labelled.out.find(old) == std::string::npos, old);

    // The same journal with a tend.toml written before labels: the kinds' and fields' names.
    TempFolder folder;
    std::filesystem::copy(example, folder / "story", std::filesystem::copy_options::recursive);
    std::string toml = read_text(folder / "story" / "tend.toml");
    toml = std::regex_replace(toml, std::regex(R"(, phrase = "[^"]*")"), "");
    toml = std::regex_replace(toml, std::regex(R"(\nlabel = "[^"]*")"), "");
    REQUIRE(toml.find("phrase =") == std::string::npos);
    REQUIRE(toml.find("\nlabel =") == std::string::npos);
    write_text(folder / "story" / "tend.toml", toml);
    const auto plain = run_tend_in(folder.path(), {"--dir", "story", "export", story_weeks});
    REQUIRE(plain.exit_code == 0);
    for (const std::string words :
         {"- Sex pain (0-10): 7, 6, 6 (n=3, 7-25 Oct)", "- Dilate pain (0-10): mean 5.5",
          "- Sex penetration: yes in 6 of 7 entries", "- Dilate size: 4 (22 mm) since 9 Nov",
          "### Pain (0-10)", "- 9 Nov, dilate: First", "| lidocaine gel | med | 1 Nov |",
          "| Cardio | 3 times a week |"})
        CHECK_MESSAGE(plain.out.find(words) != std::string::npos, words);
}
