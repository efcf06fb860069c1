// End-to-end tests of adherence at the edges of a period (issue 17): a window read whole, the
// window still open, a visit on a Monday, "was", and rows whose numbers and strip agree.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <regex>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

RunResult tend_in(const TempFolder& journal, std::vector<std::string> arguments,
                  const std::string& now) {
    arguments.insert(arguments.begin(), {"--dir", journal.path().string()});
    return run_tend(arguments, RunOptions{{}, {{"TEND_NOW", now}}, 077, {}, {}});
}

// A journal folder with the built-in profile, `plan` as plan.toml and `entries` (each
// "2026-11-02T18:00 cardio") as hand-written month files.
void write_journal(const TempFolder& journal, const std::string& plan,
                   const std::vector<std::string>& entries) {
    REQUIRE(tend_in(journal, {"init"}, "2026-10-01T10:00:00+02:00").exit_code == 0);
    write_text(journal / "plan.toml", plan);
    std::map<std::string, std::string> months;
    for (const auto& entry : entries) {
        const std::string at = entry.substr(0, entry.find(' '));
        const std::string kind = entry.substr(entry.find(' ') + 1);
        // Local time in Berlin: +02:00 until 25 Oct 2026, +01:00 after.
        const std::string offset = at < "2026-10-25T03" ? "+02:00" : "+01:00";
        months[at.substr(0, 7)] +=
            fmt::format("\n[[entry]]\nat = {}:00{}\nkind = \"{}\"\n", at, offset, kind);
    }
    for (const auto& [month, text] : months)
        write_text(journal / ("journal/" + month + ".toml"), "# test journal\n" + text);
}

std::string item(const std::string& kind, const std::string& schedule, const std::string& start,
                 const std::string& end = "") {
    std::string text = fmt::format("\n[[item]]\nkind = \"{}\"\nschedule = \"{}\"\nstart = {}\n",
                                   kind, schedule, start);
    if (!end.empty()) text += fmt::format("end = {}\n", end);
    return text;
}

// The line of `text` that starts (after spaces) with `label`.
std::string line_of(const std::string& text, const std::string& label) {
    std::size_t at = 0;
    while ((at = text.find("\n  " + label, at)) != std::string::npos) {
        const std::size_t end = text.find('\n', at + 1);
        return text.substr(at + 3, end - at - 3);
    }
    return "";
}

// The columns of a plan row, spaces squeezed: "massage 4/4 100% ●·●·●·● same as before".
std::string squeezed(const std::string& line) {
    return std::regex_replace(line, std::regex(" +"), " ");
}

}  // namespace

TEST_CASE("e2e adherence: a period asked alone reads the sessions done just after it") {
    // Massage every other day from Mon 26 Oct: its block of Sun 1 - Mon 2 Nov belongs to W44
    // (a tie goes to the block's first day), and its session was on Monday 2 Nov.
    TempFolder journal;
    write_journal(
        journal, item("massage", "every 2d", "2026-10-26"),
        {"2026-10-26T20:00 massage", "2026-10-28T20:00 massage", "2026-10-30T20:00 massage",
         "2026-11-01T09:00 stretch", "2026-11-02T20:00 massage"});
    const std::string now = "2026-11-25T10:00:00+01:00";
    const auto w44 = tend_in(journal, {"stats", "2026-W44"}, now);
    CHECK(squeezed(line_of(w44.out, "massage")) == "massage 4/4 100% ●·●·●··");
    const auto w45 = tend_in(journal, {"stats", "2026-W45"}, now);
    CHECK(line_of(w45.out, "massage").find("was 100%") != std::string::npos);
    const auto weekly = tend_in(journal, {"stats", "2026-W44..2026-W45", "--weekly"}, now);
    CHECK(squeezed(line_of(weekly.out, "26 Oct")) == "26 Oct 4/7 4 100% 3");
    // The first of the month alone reads the block into November too.
    const auto first = tend_in(journal, {"stats", "2026-11-01"}, now);
    CHECK(squeezed(line_of(first.out, "massage")) == "massage 1/1 100% ·");
}

TEST_CASE("e2e adherence: the window still open is 'so far' and raises no percentage") {
    // Sunday 22 Nov, 21:00: cardio 1 of 3 this week; stretch done on 5 of the 6 days before.
    TempFolder journal;
    write_journal(
        journal, item("stretch", "daily", "2026-11-16") + item("cardio", "3/week", "2026-11-16"),
        {"2026-11-16T08:00 stretch", "2026-11-17T08:00 stretch", "2026-11-18T08:00 stretch",
         "2026-11-19T08:00 stretch", "2026-11-20T08:00 stretch", "2026-11-22T08:00 stretch",
         "2026-11-18T18:00 cardio"});
    const std::string now = "2026-11-22T21:00:00+01:00";
    const auto today = tend_in(journal, {}, now);
    CHECK(squeezed(line_of(today.out, "• cardio")) == "• cardio 1 of 3 this week — 2 to go");
    const auto stats = tend_in(journal, {"stats"}, now);
    CHECK(squeezed(line_of(stats.out, "cardio")) == "cardio 1 of 3 so far - ··◐····");
    CHECK(squeezed(line_of(stats.out, "stretch")) == "stretch 5/6 83% ●●●●●○◐ and 1 of 1 so far");
    CHECK(squeezed(line_of(stats.out, "Overall")) == "Overall 83%");
    const auto notes = tend_in(journal, {"export", "this-week"}, now);
    CHECK(notes.out.find("| Cardio | 3 times a week | 1 of 3 so far | - |") != std::string::npos);
    CHECK(notes.out.find("| Stretch | daily | 5 of 6 and 1 of 1 so far | 83% |") !=
          std::string::npos);
    CHECK(notes.out.find("| Overall (in sessions) |  |  | 83% |") != std::string::npos);
    // Per week: items as rows, the week of 16 Nov as the column.
    CHECK(notes.out.find("| Item | 16 Nov |\n|---|---:|\n| Stretch | 5/6, 1/1 so far |\n| Cardio | "
                         "1/3 so far |\n| Overall | 83% |\n") != std::string::npos);
}

TEST_CASE("e2e adherence: the notes after a Monday visit keep that week's sessions") {
    // A visit on Monday 9 Nov; cardio done Wed, Fri and Sun; the notes are written on Mon 16.
    TempFolder journal;
    write_journal(journal, item("cardio", "3/week", "2026-11-02"),
                  {"2026-11-09T09:00 visit", "2026-11-11T18:00 cardio", "2026-11-13T18:00 cardio",
                   "2026-11-15T18:00 cardio"});
    const std::string now = "2026-11-16T10:00:00+01:00";
    const auto notes = tend_in(journal, {"export"}, now);
    CHECK(notes.out.find("| Cardio | 3 times a week | 3 of 3 | 100% |") != std::string::npos);
    const auto stats = tend_in(journal, {"stats", "2026-11-10.."}, now);
    CHECK(squeezed(line_of(stats.out, "cardio")) == "cardio 3/3 100% ·●·●·●· was 0%");
}

TEST_CASE("e2e adherence: 'was' is what the previous period says of itself") {
    // Kegels ended on Wed 11 Nov, half done; dilate daily, all done.
    TempFolder journal;
    std::vector<std::string> entries;
    for (int day = 9; day <= 22; ++day)
        entries.push_back(fmt::format("2026-11-{:02}T21:00 dilate", day));
    for (int day = 9; day <= 11; ++day)
        entries.push_back(fmt::format("2026-11-{:02}T08:00 kegels", day));
    write_journal(
        journal,
        item("kegels", "3/day", "2026-11-09", "2026-11-11") + item("dilate", "daily", "2026-11-09"),
        entries);
    const std::string now = "2026-11-25T10:00:00+01:00";
    const auto w46 = tend_in(journal, {"stats", "2026-W46"}, now);
    // 3 of 9 kegels and 7 of 7 dilate: 10 of 16 sessions.
    CHECK(squeezed(line_of(w46.out, "Overall")) == "Overall 63%");
    const auto w47 = tend_in(journal, {"stats", "2026-W47"}, now);
    CHECK(squeezed(line_of(w47.out, "Overall")) == "Overall 100% was 63%");
    CHECK(line_of(w47.out, "kegels") == "");  // nothing due this week: no row
}

TEST_CASE("e2e adherence: a row's numbers and its strip never disagree") {
    // Massage every other day from Sun 1 Nov; on Monday 16 Nov its block of 15-16 Nov (done on
    // the Monday) belongs to last week, and this week's first block starts tomorrow.
    TempFolder journal;
    write_journal(journal, item("massage", "every 2d", "2026-11-01"),
                  {"2026-11-10T08:00 stretch", "2026-11-16T08:00 massage"});
    const std::string now = "2026-11-16T20:00:00+01:00";
    const auto stats = tend_in(journal, {"stats"}, now);
    CHECK(squeezed(line_of(stats.out, "massage")) == "massage nothing due yet - ·");
    const auto last_week = tend_in(journal, {"stats", "last-week"}, now);
    // Its last block is still open: it counts once it closes, tomorrow.
    CHECK(squeezed(line_of(last_week.out, "massage")) ==
          "massage 0/3 0% ·○·○·○· and 1 of 1 so far · same as before");
}
