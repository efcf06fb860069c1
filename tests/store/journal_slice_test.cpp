// Tests for Journal::slice_for (src/store/journal.cpp) and the rule in tend/journal_slice.h: what
// each report reads in full, and the summary it gets of everything before.
#include <doctest/doctest.h>

#include <filesystem>

#include "e2e/run_tend.h"
#include "fixtures.h"
#include "store/journal.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

namespace {

const Date today = day(2026, 11, 25);

std::string entry_block(const std::string& date, const std::string& kind_and_fields) {
    return "[[entry]]\nat = " + date + "T20:00:00+01:00\nkind = " + kind_and_fields + "\n\n";
}

// Dilating on the 3rd and 20th of August to November, a pt visit on 5 October, a question on
// 12 October.
struct FourMonths {
    TempFolder root;
    Plan plan;
    FourMonths() {
        std::filesystem::create_directories(root / "journal");
        for (const std::string month : {"08", "09", "10", "11"}) {
            std::string text = entry_block("2026-" + month + "-03", "\"dilate\"\nsize = 2");
            if (month == "10") {
                text += entry_block("2026-10-05", "\"visit\"\nwith = \"pt\"");
                text += entry_block("2026-10-12", "\"question\"\nnote = \"Bigger size?\"");
            }
            text += entry_block("2026-" + month + "-20", "\"dilate\"\nsize = 3");
            write_text(root / "journal" / ("2026-" + month + ".toml"), text);
        }
        plan.items = {plan_item("dilate", {"daily"}, day(2026, 8, 1))};
    }
    JournalSlice slice(const SliceRequest& request) const {
        return Journal(root.path()).slice_for(request, plan, today, berlin_winter);
    }
    std::vector<Entry> before(Date first_read) const {
        return Journal(root.path())
            .load(Period{std::nullopt, first_read - std::chrono::days{1}}, berlin_winter);
    }
};

}  // namespace

TEST_CASE("slice: the first day read in full is the first of the month looked back to") {
    CHECK(first_day_read_in_full(day(2026, 11, 9), today) == day(2026, 11, 1));
    CHECK(first_day_read_in_full(day(2026, 9, 16), today) == day(2026, 9, 1));
    // A period after today never reads less than today's month: History holds past days only.
    CHECK(first_day_read_in_full(day(2026, 12, 1), today) == day(2026, 11, 1));
}

TEST_CASE("slice: a week's summary reads its month in full and the months before as History") {
    const FourMonths journal;
    SliceRequest request;
    request.period = Period{day(2026, 11, 16), day(2026, 11, 22)};  // previous: 9-15 Nov
    const JournalSlice slice = journal.slice(request);
    CHECK(slice.period == request.period);
    CHECK(slice.read_from == std::optional<Date>(day(2026, 11, 1)));
    REQUIRE(slice.compact.size() == 2);
    CHECK(slice.compact.entries().front().at.local_date() == day(2026, 11, 3));
    CHECK(slice.entries.empty());  // compact unless asked for in full
    // The months before, settled at the end of October: their runs, and no day before.
    History before =
        history_of(journal.before(day(2026, 11, 1)), journal.plan, pelvic_floor_profile());
    settle(before, journal.plan, day(2026, 10, 31));
    CHECK(slice.before == before);
    CHECK(slice.before.settled_through == std::optional<Date>(day(2026, 10, 31)));
    REQUIRE(slice.before.last_visit.has_value());
    CHECK(slice.before.last_visit->day == day(2026, 10, 5));
    CHECK(slice.before.open_questions.size() == 1);
}

TEST_CASE("slice: the look back decides where reading in full starts") {
    const FourMonths journal;
    SliceRequest request;
    request.period = Period{day(2026, 10, 20), day(2026, 11, 22)};  // 34 days: previous from 16 Sep
    CHECK(journal.slice(request).read_from == std::optional<Date>(day(2026, 9, 1)));
    request.look_back = LookBack::period;  // the weekly rows
    CHECK(journal.slice(request).read_from == std::optional<Date>(day(2026, 10, 1)));
    request.look_back = LookBack::everything;  // --effect
    const JournalSlice everything = journal.slice(request);
    CHECK_FALSE(everything.read_from.has_value());
    CHECK(everything.before == History{});
    CHECK(everything.compact.size() == 10);  // up to 22 Nov: all of the four months
    CHECK(everything.period == request.period);
}

TEST_CASE("slice: an open period is closed at the first entry and at today") {
    const FourMonths journal;
    SliceRequest request;  // all
    const JournalSlice slice = journal.slice(request);
    CHECK(slice.period == Period{day(2026, 8, 3), today});
    CHECK_FALSE(slice.read_from.has_value());
    CHECK(slice.compact.size() == 10);
}

TEST_CASE("slice: the visit notes' default period follows the last visit, histories read once") {
    const FourMonths journal;
    SliceRequest request;
    request.since_last_visit = true;
    request.full_entries = true;
    const JournalSlice slice = journal.slice(request);
    // From the day of the pt visit of 5 Oct (the notes start at its time) to today: 52 days, so
    // the previous period starts on 15 Aug and August is read in full.
    CHECK(slice.period == Period{day(2026, 10, 5), today});
    CHECK(slice.read_from == std::optional<Date>(day(2026, 8, 1)));
    CHECK(slice.before == History{});
    CHECK(slice.entries.size() == 10);
    CHECK(slice.compact.size() == 10);  // what the notes count
}
