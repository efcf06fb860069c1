// A quick run of the benchmark's generator and of every benchmarked command on a one-year
// journal: the benchmark itself (tests/bench/run) times them, these tests only check the answers.
#include <doctest/doctest.h>

#include <cstdlib>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

std::string generate(const TempFolder& folder) {
    const std::string command = std::string(TEND_BENCH_GENERATOR) + " " +
                                (folder / "journal").string() + " --years 1 --per-day 12 > " +
                                (folder / "generated.txt").string();
    REQUIRE(std::system(command.c_str()) == 0);
    return read_text(folder / "generated.txt");
}

}  // namespace

TEST_CASE("bench smoke: the generator writes a valid journal and every command answers") {
    TempFolder folder;
    CHECK(generate(folder) == "4380 entries in 13 month files, 2025-11-26 - 2026-11-25\n");
    const std::string journal = (folder / "journal").string();
    CHECK(run_tend({"--dir", journal, "check"}).out ==
          "checked 13 month files and plan.toml: all good\n");

    const auto today = run_tend({"--dir", journal, "show", "today"});
    CHECK(today.exit_code == 0);
    CHECK(count_of(today.out, "\n") == 13);  // the day's heading and its 12 entries

    const auto all = run_tend({"--dir", journal, "stats", "all", "--json"});
    CHECK(all.exit_code == 0);
    CHECK(all.out.find("\"entries\": 4380,") != std::string::npos);
    CHECK(all.out.find("\"days_logged\": 365,") != std::string::npos);
    const auto weekly = run_tend({"--dir", journal, "stats", "all", "--weekly"});
    CHECK(weekly.exit_code == 0);
    CHECK(weekly.out.find("4380 entries on 365 of 365 days") != std::string::npos);
    CHECK(run_tend({"--dir", journal, "stats"}).exit_code == 0);

    const auto html =
        run_tend({"--dir", journal, "export", "last-90d", "-o", (folder / "visit.html").string()});
    CHECK(html.exit_code == 0);
    CHECK(std::system(("xmllint --noout " + (folder / "visit.html").string()).c_str()) == 0);
    const auto json = run_tend({"--dir", journal, "export", "all", "--format", "json"});
    CHECK(json.exit_code == 0);
    // Every entry, and the three latest notes of the outcome kinds on page 1.
    CHECK(count_of(json.out, "\"at\": \"") == 4380 + 3);

    CHECK(run_tend({"--dir", journal, "log", "dilate", "3", "min=15", "pain=2"}).exit_code == 0);
    CHECK(run_tend({"--dir", journal, "stats", "all", "--json"}).out.find("\"entries\": 4381,") !=
          std::string::npos);
}
