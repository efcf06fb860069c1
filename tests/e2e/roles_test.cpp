// End-to-end tests of profile roles: a migraine diary whose kinds share no name with the
// pelvic-floor profile gets from stats and export what the pelvic-floor example gets, because
// its tend.toml says which kind is a visit, a question, a procedure and a medication, and which
// field is the outcome (tests/data/migraine).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::filesystem::path diary = std::filesystem::path(TEND_SOURCE_DIR) / "tests/data/migraine";

// Runs `tend WORDS` as a person types it, from `folder` (so --dir can be relative); returns
// standard output, and fails the test on a non-zero exit or anything on standard error.
std::string tend_in(const TempFolder& folder, const std::string& words) {
    const std::string command = "cd '" + folder.path().string() +
                                "' && TZ=Europe/Berlin TEND_NOW=2026-11-25T10:00:00+01:00 '" +
                                std::string(TEND_BINARY) + "' " + words + " > out.txt 2> err.txt";
    CAPTURE(words);
    CHECK(std::system(command.c_str()) == 0);
    CHECK(read_text(folder / "err.txt") == "");
    return read_text(folder / "out.txt");
}

// A private copy of the diary in `folder`/diary: the reads write their cache into it.
void copy_diary(const TempFolder& folder) {
    std::filesystem::copy(diary, folder / "diary", std::filesystem::copy_options::recursive);
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("e2e roles: a migraine diary's export covers the time since its last neuro visit") {
    TempFolder folder;
    copy_diary(folder);
    // Twice: the second run reads the months before from the cache's histories.
    for (const std::string pass : {"cold cache", "warm cache"}) {
        CAPTURE(pass);
        const std::string notes = tend_in(folder, "export --dir diary");
        // The default period: from the time of the last visit of a kind with role visit.
        CHECK(has(notes,
                  "20 Oct - 25 Nov 2026 (37 days), from the visit on Tue 20 Oct 2026 at "
                  "11:00  \n"));
        // The outcome is the profile's, migraine severity: the first two weeks with entries
        // (the week of 26 Oct has none) against the last two, which hold 2 entries, fewer than
        // 3: the last side takes in the week of 9 Nov.
        CHECK(has(notes,
                  "- Migraine severity (0-10): 8, 7, 6 (n=3, 20 Oct - 8 Nov) → 4, 3, 2 (n=3, "
                  "9-25 Nov): mean 4 points lower, a meaningful change for the better\n"));
        CHECK(has(notes, "- Migraine logged on 6 of 37 days\n"));
        // The medicines grouped by name and dose, and how long ago the procedure was.
        CHECK(has(notes, "| sumatriptan | triptan | 22 Oct - 10 Nov | 2 | 50 mg |\n"));
        CHECK(has(notes, "| occipital block | nerve-block | 21 Oct | 1 | - |\n"));
        CHECK(has(notes, "- occipital block, 21 Oct 2026: 5 weeks before 25 Nov\n"));
        // Open questions until answered: the answered one is not listed; the one asked before
        // the visit, never answered, is.
        CHECK(has(notes, "- [ ] Can I take a second triptan the same day? (asked 2 Nov)\n"));
        CHECK(!has(notes, "How long does a block last?"));
        CHECK(has(notes, "- [ ] Is a preventive worth trying? (asked 2 Oct)\n"));
    }
}

TEST_CASE("e2e roles: a migraine diary's stats show its milestones and severity") {
    TempFolder folder;
    copy_diary(folder);
    const std::string week = tend_in(folder, "stats --dir diary last-week");
    CHECK(has(week,
              "Milestones\n  occipital block: 35 days ago (21 Oct)\n"
              "  Last visit (neurologist): 36 days ago (20 Oct)\n"));
    // Severity is the outcome, followed week by week as pain is.
    const std::string weekly = tend_in(folder, "stats 2026-10-19..2026-11-29 --weekly --dir diary");
    CHECK(has(weekly,
              "  Week of  migraine\n  19 Oct      7.5/8\n  26 Oct          -\n"
              "  2 Nov         6/6\n"));
    const std::string json = tend_in(folder, "stats --json --dir diary");
    CHECK(has(json,
              "  \"last_visit\": {\n    \"what\": \"visit (neurologist)\",\n"
              "    \"date\": \"2026-10-20\",\n    \"days_ago\": 36\n  },"));
    CHECK(has(json, "\"what\": \"occipital block\""));
}

TEST_CASE("e2e roles: check names the roles a kind may have") {
    TempFolder folder;
    copy_diary(folder);
    write_text(folder / "diary/tend.toml", read_text(folder / "diary/tend.toml") +
                                               "\n[kinds.dentist]\nrole = \"appointment\"\n");
    const auto result = run_tend({"--dir", (folder / "diary").string(), "check"});
    CHECK(result.exit_code == 1);  // problems found
    CHECK(has(
        result.out,
        "tend.toml:39:8: unknown role 'appointment' of kind dentist - a role is one of "
        "'visit', 'procedure', 'question', 'medication', 'cycle' or 'rest' (or \"\" for none)\n"));
}

// Found by a trial: a questionnaire score with a range was never called a meaningful change, and a
// score better when higher was called "for the worse"; a medication kind's label was not used.
TEST_CASE("e2e roles: a score's change is judged on its range, for the better only when known") {
    TempFolder folder;
    tend_in(folder, "--dir j init");
    std::string config = read_text(folder / "j/tend.toml");
    const std::string outcomes = "outcomes = [\"sex.pain\", \"dilate.pain\"]";
    REQUIRE(config.find(outcomes) != std::string::npos);
    config.replace(config.find(outcomes), outcomes.size(),
                   "outcomes = [\"fsfi.score\", \"rating.score\", \"weight.kg\"]");
    write_text(folder / "j/tend.toml",
               config +
                   "\n[kinds.fsfi]\nlabel = \"FSFI questionnaire\"\nprimary = \"score\"\n"
                   "fields.score = { type = \"int\", min = 2, max = 36, phrase = \"FSFI total "
                   "score\" }\n"
                   "[kinds.rating]\nprimary = \"score\"\nfields.score = { type = \"scale\", min "
                   "= 0, max = 100, better = \"higher\", phrase = \"function score\" }\n"
                   "[kinds.weight]\nprimary = \"kg\"\nfields.kg = { type = \"number\" }\n"
                   "[kinds.lido]\nlabel = \"lidocaine gel\"\nprimary = \"dose\"\nrole = "
                   "\"medication\"\nfields.dose = { type = \"text\" }\n");
    for (const std::string day : {"02", "03", "04"}) {
        tend_in(folder, "--dir j log fsfi 15 --at '2026-11-" + day + " 10:00'");
        tend_in(folder, "--dir j log rating 30 --at '2026-11-" + day + " 11:00'");
        tend_in(folder, "--dir j log weight 60 --at '2026-11-" + day + " 12:00'");
    }
    for (const std::string day : {"23", "24", "25"}) {
        tend_in(folder, "--dir j log fsfi 30 --at '2026-11-" + day + " 09:00'");
        tend_in(folder, "--dir j log rating 70 --at '2026-11-" + day + " 09:10'");
        tend_in(folder, "--dir j log weight 60.5 --at '2026-11-" + day + " 09:20'");
    }
    tend_in(folder, "--dir j log lido 2cm --at '2026-11-20 20:30'");
    const std::string notes = tend_in(folder, "export 2026-11-01..2026-11-25 --dir j");
    // 15 points on a range of 34 is more than 2 in 10 (6.8): meaningful; tend doesn't know
    // which way is better for a score without `better`, so it says no more.
    CHECK(has(notes,
              "- FSFI total score (2-36): 15, 15, 15 (n=3, 2-8 Nov) → 30, 30, 30 (n=3, "
              "23-25 Nov): mean 15 points higher, a meaningful change\n"));
    CHECK(has(notes,
              "- Function score (0-100): 30, 30, 30 (n=3, 2-8 Nov) → 70, 70, 70 (n=3, "
              "23-25 Nov): mean 40 points higher, a meaningful change for the better\n"));
    // A number without a range has no rule to apply: its change only.
    CHECK(has(notes,
              "- Weight kg: 60, 60, 60 (n=3, 2-8 Nov) → 60.5, 60.5, 60.5 (n=3, 23-25 "
              "Nov): mean 0.5 higher\n"));
    CHECK(has(notes, "| 20 Nov | lidocaine gel (1 time) |\n"));
    CHECK(has(notes, "| lidocaine gel | lidocaine gel | 20 Nov | 1 | 2cm |\n"));
    const std::string json = tend_in(folder, "export 2026-11-01..2026-11-25 --format json --dir j");
    CHECK(has(json,
              "\"rule_applies\": true,\n        \"meaningful\": true,\n        "
              "\"meaningful_change\": 0"));
}
