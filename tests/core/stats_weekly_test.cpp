// Tests for src/core/stats_weekly.cpp: the rows of `stats --weekly`, worked out by hand.
#include <doctest/doctest.h>

#include "fixtures.h"
#include "tend/stats.h"

using namespace tend;
using namespace tend::testing;

namespace {

Entry dilate(Date date, std::int64_t size, std::int64_t pain) {
    return entry_on("dilate", date, 21, {{"size", size}, {"pain", pain}});
}

// Three weeks across the new year; weeks start on Monday. Dilating daily and cardio 3 a week,
// both from Mon 21 Dec. The period starts on Wed 23 Dec, so its first week is cut short.
struct NewYear {
    Plan plan;
    std::vector<Entry> entries;
    StatsRequest request;
};

NewYear new_year() {
    NewYear story;
    story.plan.items = {plan_item("dilate", {"daily"}, day(2026, 12, 21)),
                        plan_item("cardio", {"3/week"}, day(2026, 12, 21))};
    auto& entries = story.entries;
    // Week of 21 Dec: dilating four days (two before the period), cardio twice, sex once.
    entries.push_back(dilate(day(2026, 12, 21), 2, 4));
    entries.push_back(dilate(day(2026, 12, 22), 2, 4));
    entries.push_back(dilate(day(2026, 12, 23), 2, 3));
    entries.push_back(dilate(day(2026, 12, 24), 2, 3));
    entries.push_back(entry_on("cardio", day(2026, 12, 21), 18));
    entries.push_back(entry_on("cardio", day(2026, 12, 23), 18));
    entries.push_back(entry_on("sex", day(2026, 12, 26), 22, {{"pain", 6}}));
    // Week of 28 Dec: every day, size 3 but 2 on New Year's Day; cardio three times.
    for (int offset = 0; offset < 7; ++offset) {
        const Date date = day(2026, 12, 28) + std::chrono::days{offset};
        entries.push_back(dilate(date, date == day(2027, 1, 1) ? 2 : 3, 2));
    }
    for (const Date date : {day(2026, 12, 29), day(2026, 12, 31), day(2027, 1, 2)})
        entries.push_back(entry_on("cardio", date, 18));
    // Week of 4 Jan: dilating on 4 and 5 Jan (pain 1), nothing on the 6th; cardio once.
    entries.push_back(dilate(day(2027, 1, 4), 3, 1));
    entries.push_back(dilate(day(2027, 1, 5), 3, 1));
    entries.push_back(entry_on("cardio", day(2027, 1, 4), 18));
    sort_by_time(entries);
    story.request.period = Period{day(2026, 12, 23), day(2027, 1, 17)};
    story.request.today = day(2027, 1, 7);
    return story;
}

}  // namespace

TEST_CASE("stats weekly: one row per week up to today, the first cut to the period") {
    const NewYear story = new_year();
    const StatsReport report = stats_of(story.request, story.entries, story.plan, builtin_config());
    const WeeklyTable& table = report.weekly;
    REQUIRE(table.rows.size() == 3);  // the week of 11 Jan has not begun
    CHECK(table.rows[0].days == Period{day(2026, 12, 23), day(2026, 12, 27)});
    CHECK(table.rows[1].days == Period{day(2026, 12, 28), day(2027, 1, 3)});
    CHECK(table.rows[2].days == Period{day(2027, 1, 4), day(2027, 1, 10)});
    CHECK(table.plan_kinds == std::vector<std::string>{"dilate", "cardio"});
    CHECK(table.pain_fields == std::vector<FieldRef>{{"dilate", "pain"}, {"sex", "pain"}});
    CHECK(table.progressions == std::vector<FieldRef>{{"dilate", "size"}});
}

TEST_CASE("stats weekly: entries, days logged and sessions of each plan kind") {
    const NewYear story = new_year();
    const auto rows =
        stats_of(story.request, story.entries, story.plan, builtin_config()).weekly.rows;
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].entries == 4);  // dilate 23, 24; cardio 23; sex 26
    CHECK(rows[0].days_logged == 3);
    CHECK(rows[0].days_so_far == 5);  // 23 to 27 Dec: the period cuts the week
    CHECK(rows[0].sessions == std::vector<int>{2, 1});
    CHECK(rows[1].entries == 10);
    CHECK(rows[1].days_logged == 7);
    CHECK(rows[1].days_so_far == 7);
    CHECK(rows[1].sessions == std::vector<int>{7, 3});
    CHECK(rows[2].entries == 3);
    CHECK(rows[2].days_logged == 2);
    CHECK(rows[2].days_so_far == 4);  // today is Thu 7 Jan: Monday to Thursday
    CHECK(rows[2].sessions == std::vector<int>{2, 1});
}

TEST_CASE("stats weekly: a rest entry counts in no row, so the rows add up to the heading") {
    NewYear story = new_year();
    // A rest on 24-25 Dec (`tend skip --on 2026-12-24..2026-12-25 period`).
    Entry rest = entry_on("skip", day(2026, 12, 24), 8);
    rest.fields.emplace_back("days", FieldValue{std::int64_t{2}});
    rest.note = "period";
    story.entries.push_back(rest);
    Entry rest_alone = entry_on("skip", day(2026, 12, 27), 8);  // a day with nothing else
    story.entries.push_back(rest_alone);
    sort_by_time(story.entries);
    const StatsReport report = stats_of(story.request, story.entries, story.plan, builtin_config());
    const auto& rows = report.weekly.rows;
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].entries == 4);  // as without the rests: dilate 23, 24; cardio 23; sex 26
    CHECK(rows[0].days_logged == 3);
    CHECK(report.entries == 17);
    CHECK(report.days_logged == 12);
    CHECK(report.rest_days == 3);
    int entries = 0;
    int days_logged = 0;
    for (const WeekRow& row : rows) {
        entries += row.entries;
        days_logged += row.days_logged;
    }
    CHECK(entries == report.entries);
    CHECK(days_logged == report.days_logged);
}

TEST_CASE("stats weekly: a window counts in the week holding most of its days, once it closes") {
    const NewYear story = new_year();
    const auto rows =
        stats_of(story.request, story.entries, story.plan, builtin_config()).weekly.rows;
    REQUIRE(rows.size() == 3);
    // 23-27 Dec: dilating 2 of 5 days; cardio's week of 21 Dec has 5 of its 7 days in the
    // period, so it is this row's, read whole: the sessions of 21 and 23 Dec, 2 of 3.
    CHECK(*rows[0].adherence == doctest::Approx(4.0 / 8.0));
    // 28 Dec - 3 Jan: 7 of 7 and 3 of 3.
    CHECK(*rows[1].adherence == doctest::Approx(1.0));
    // 4-10 Jan, today the 7th: dilating 2 of the 3 days that ended; today and cardio's week are
    // still open, "so far", and count once they close.
    CHECK(*rows[2].adherence == doctest::Approx(2.0 / 3.0));
    // Per item, in the item's own unit, for the export's programme table.
    REQUIRE(rows[0].items.size() == 2);
    CHECK(rows[0].items[0].expected == 5);
    CHECK(rows[0].items[0].credited == 2);
    CHECK(rows[0].items[1].expected == 3);
    CHECK(rows[0].items[1].credited == 2);
    CHECK(rows[2].items[0].expected == 3);
    CHECK(rows[2].items[0].credited == 2);
    CHECK(rows[2].items[1].expected == 0);
    REQUIRE(rows[2].items[1].open.has_value());
    CHECK(rows[2].items[1].open->done == 1);
    CHECK(rows[2].items[1].open->expected == 3);
}

TEST_CASE("stats weekly: mean and highest pain per context, highest size") {
    const NewYear story = new_year();
    const auto rows =
        stats_of(story.request, story.entries, story.plan, builtin_config()).weekly.rows;
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].pain.size() == 2);
    CHECK(rows[0].pain[0]->n == 2);
    CHECK(rows[0].pain[0]->mean == 3);
    CHECK(rows[0].pain[0]->max == 3);
    CHECK(rows[0].pain[1]->mean == 6);
    CHECK(*rows[0].highest[0] == 2);
    CHECK(rows[1].pain[0]->n == 7);
    CHECK(rows[1].pain[0]->mean == 2);
    CHECK_FALSE(rows[1].pain[1].has_value());  // no sex that week
    CHECK(*rows[1].highest[0] == 3);
    CHECK(rows[2].pain[0]->mean == 1);
    CHECK(*rows[2].highest[0] == 3);
}

TEST_CASE("stats weekly: pain means mix values of a week, in any file order") {
    NewYear story = new_year();
    // A hand-edited entry for 22 Dec placed last, and one more dilate on 23 Dec with pain 6.
    story.entries.push_back(dilate(day(2026, 12, 23), 3, 6));
    const auto rows =
        stats_of(story.request, story.entries, story.plan, builtin_config()).weekly.rows;
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].pain[0]->n == 3);
    CHECK(rows[0].pain[0]->mean == 4);  // (3 + 3 + 6) / 3
    CHECK(rows[0].pain[0]->max == 6);
    CHECK(*rows[0].highest[0] == 3);
}

TEST_CASE("stats weekly: --kind keeps only that kind's columns and entries") {
    NewYear story = new_year();
    story.request.kinds = {"dilate"};
    const auto table = stats_of(story.request, story.entries, story.plan, builtin_config()).weekly;
    CHECK(table.plan_kinds == std::vector<std::string>{"dilate"});
    CHECK(table.pain_fields == std::vector<FieldRef>{{"dilate", "pain"}});
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].entries == 2);
    CHECK(*table.rows[0].adherence == doctest::Approx(2.0 / 5.0));
    CHECK(*table.rows[2].adherence == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("stats weekly: weeks follow week_start, and a profile without a plan has no adherence") {
    NewYear story = new_year();
    Config config = builtin_config();
    config.settings.week_start = std::chrono::Sunday;
    const auto table = stats_of(story.request, story.entries, Plan{}, config).weekly;
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].days == Period{day(2026, 12, 23), day(2026, 12, 26)});
    CHECK(table.rows[1].days == Period{day(2026, 12, 27), day(2027, 1, 2)});
    CHECK(table.rows[2].days == Period{day(2027, 1, 3), day(2027, 1, 9)});
    CHECK(table.plan_kinds.empty());
    CHECK(table.rows[1].sessions.empty());
    CHECK_FALSE(table.rows[1].adherence.has_value());
    CHECK(table.rows[1].entries == 9);  // 27 Dec - 2 Jan: dilating 28 Dec - 2 Jan, cardio 3 times
}

TEST_CASE("stats weekly: an empty period still has its weeks, with nothing in them") {
    NewYear story = new_year();
    story.request.period = Period{day(2026, 11, 2), day(2026, 11, 15)};
    const auto table = stats_of(story.request, story.entries, Plan{}, builtin_config()).weekly;
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].entries == 0);
    CHECK(table.rows[1].days_logged == 0);
    CHECK(table.pain_fields.empty());
    CHECK(table.progressions.empty());
}
