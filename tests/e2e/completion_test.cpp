// End-to-end tests of shell completion: the candidates of `tend __complete`, and bash itself
// running the script of `tend completions bash` as Tab would.
#include <doctest/doctest.h>

#include <cstdlib>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::string example = std::string(TEND_SOURCE_DIR) + "/examples/pelvic-floor";

std::string candidates(const std::string& line) {
    const auto result = run_tend({"--dir", example, "__complete", line});
    REQUIRE(result.exit_code == 0);
    return result.out;
}

// Runs bash's completion function for COMP_WORDS as bash would fill them (split at "=" too).
std::string bash_completes(const TempFolder& folder, const std::string& line,
                           const std::string& words, int current) {
    const std::string bin = std::filesystem::path(TEND_BINARY).parent_path().string();
    write_text(folder / "complete.sh", "PATH='" + bin +
                                           "':$PATH\n"
                                           "export TEND_DIR='" +
                                           example +
                                           "'\n"
                                           "source <(tend completions bash)\n"
                                           "COMP_LINE='" +
                                           line +
                                           "'\n"
                                           "COMP_POINT=${#COMP_LINE}\n"
                                           "COMP_WORDS=(" +
                                           words +
                                           ")\n"
                                           "COMP_CWORD=" +
                                           std::to_string(current) +
                                           "\n"
                                           "_tend\n"
                                           "printf '%s\\n' \"${COMPREPLY[@]}\"\n");
    const std::string command = "bash --norc --noprofile " + (folder / "complete.sh").string() +
                                " > " + (folder / "out.txt").string() + " 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    return read_text(folder / "out.txt");
}

}  // namespace

TEST_CASE("completion: subcommands, options, periods, kinds, fields and choices") {
    CHECK(candidates("tend ") ==
          "log\nskip\nshow\nundo\ncheck\ninit\nkinds\nplan\nstats\nexport\nquestions\nedit\n"
          "completions\nremind\nimport\nsync\ngit\n");
    CHECK(candidates("tend st") == "stats\n");
    // `tend skip` offers the plan's kinds, until a word of the reason.
    CHECK(candidates("tend skip ") == "kegels\ndilate\nstretch\ncardio\nmassage\n");
    CHECK(candidates("tend skip dilate ") == "kegels\nstretch\ncardio\nmassage\n");
    CHECK(candidates("tend skip period ") == "");
    CHECK(candidates("tend skip --on ") == "today\nyesterday\n");
    CHECK(candidates("tend log dil") == "dilate\n");
    CHECK(candidates("tend log dilate s") == "size=\n");
    CHECK(candidates("tend log dilate ") == "size=\nminutes=\npain=\nanxiety=\novernight=\n");
    CHECK(candidates("tend log stretch pose=h") == "pose=happy-baby\n");
    CHECK(candidates("tend log dilate overnight=") == "overnight=yes\novernight=no\n");
    CHECK(candidates("tend stats last-") == "last-week\nlast-month\nlast-7d\nlast-30d\nlast-90d\n");
    CHECK(candidates("tend export --f") == "--format\n");
    CHECK(candidates("tend export --format h") == "html\n");
    CHECK(candidates("tend init --profile ") == "pelvic-floor\nmigraine\nphysio\ngut\nblank\n");
    CHECK(candidates("tend init --profile m") == "migraine\n");
    CHECK(candidates("tend stats --kind se") == "sex\n");
    CHECK(candidates("tend plan a") == "add\n");
    CHECK(candidates("tend plan add ca") == "cardio\n");
    CHECK(candidates("tend --color n") == "never\n");
    CHECK(candidates("tend export -o ").empty());  // file names: the shell's own completion
    CHECK(candidates("tend log nosuchkind x").empty());
    // What comes next: outcomes after --on, kinds after --effect and show -k, schedules (not
    // field=) after plan add's kind, items after plan end and rm.
    CHECK(candidates("tend stats --effect cardio --on sex.") ==
          "sex.pain\nsex.anxiety\nsex.comfort\n");
    CHECK(candidates("tend stats --effect ca") == "cardio\n");
    CHECK(candidates("tend show -k dil") == "dilate\n");
    CHECK(candidates("tend plan add dilate d") == "daily\n");
    CHECK(candidates("tend plan end ") ==
          "1\n2\n3\n4\n5\nkegels\nKegels\ndilate\nDilator\nstretch\ncardio\nmassage\n");
    CHECK(candidates("tend plan add dilate ") ==
          "daily\n3/day\nevery\nweekly\n3/week\nweekdays\nweekends\nmon,wed,fri\n");
    CHECK(candidates("tend questions ") == "answer\n");
}

TEST_CASE("completion: kinds come from the journal's own tend.toml") {
    TempFolder journal;
    write_text(journal / "tend.toml",
               "[kinds.bladder]\nfields.urgency = { type = \"scale\" }\n"
               "fields.when = { type = \"choice\", choices = [\"day\", \"night\"] }\n");
    const auto kinds = run_tend({"--dir", journal.path(), "__complete", "tend log bl"});
    CHECK(kinds.out == "bladder\n");
    const auto choices =
        run_tend({"--dir", journal.path(), "__complete", "tend log bladder when="});
    CHECK(choices.out == "when=day\nwhen=night\n");
    // A broken tend.toml offers no kinds, and says nothing.
    write_text(journal / "tend.toml", "[kinds.bladder\n");
    const auto broken = run_tend({"--dir", journal.path(), "__complete", "tend log bl"});
    CHECK(broken.exit_code == 0);
    CHECK(broken.out.empty());
    CHECK(broken.err.empty());
}

TEST_CASE("completion: bash completes a kind, a field and a choice with the real script") {
    TempFolder folder;
    CHECK(bash_completes(folder, "tend log dil", "tend log dil", 2) == "dilate\n");
    CHECK(bash_completes(folder, "tend log dilate s", "tend log dilate s", 3) == "size=\n");
    // bash splits "pose=h" into "pose" "=" "h": only the rest of the choice is offered.
    CHECK(bash_completes(folder, "tend log stretch pose=h", "tend log stretch pose = h", 5) ==
          "happy-baby\n");
    CHECK(bash_completes(folder, "tend sta", "tend sta", 1) == "stats\n");
}

TEST_CASE("completion: every shell's script names the hidden helper") {
    for (const std::string shell : {"bash", "zsh", "fish"}) {
        const auto script = run_tend({"completions", shell});
        CHECK(script.exit_code == 0);
        CHECK(script.out.find("tend __complete") != std::string::npos);
    }
    CHECK(run_tend({"completions", "tcsh"}).exit_code == 2);
    CHECK(run_tend({"--help"}).out.find("__complete") == std::string::npos);
}
