// Tests for src/core/stats*.cpp: every section of the summary, with numbers worked out by hand.
#include "tend/stats.h"

#include <doctest/doctest.h>

#include "core/stats_parts.h"
#include "fixtures.h"

using namespace tend;
using namespace tend::testing;

namespace {

using Fields = std::vector<std::pair<std::string, std::int64_t>>;

Entry dilate(Date date, std::int64_t size, std::int64_t minutes, std::int64_t pain) {
    return entry_on("dilate", date, 21, {{"size", size}, {"minutes", minutes}, {"pain", pain}});
}

Entry text_entry(const std::string& kind, Date date, const std::string& field,
                 const std::string& value) {
    Entry entry = entry_on(kind, date, 10);
    entry.fields.emplace_back(field, FieldValue{value});
    return entry;
}

// Two weeks of a programme (dilate daily >= 10 min, cardio 3/week), worked out in the tests.
struct Story {
    Plan plan;
    std::vector<Entry> entries;
    StatsRequest request;
};

Story two_weeks() {
    Story story;
    story.plan.items = {plan_item("dilate", {"daily", "minutes>=10"}, day(2026, 11, 2)),
                        plan_item("cardio", {"3/week"}, day(2026, 11, 2))};
    auto& entries = story.entries;
    entries.push_back(text_entry("procedure", day(2026, 6, 15), "name", "Botox"));
    entries.push_back(text_entry("visit", day(2026, 10, 6), "with", "pt"));
    // The week before: dilating every day at size 2, pain 6; cardio twice; sex with pain 9.
    for (int offset = 0; offset < 7; ++offset)
        entries.push_back(dilate(day(2026, 11, 9 + offset), 2, 15, 6));
    entries.push_back(entry_on("cardio", day(2026, 11, 9), 18, {{"minutes", 30}}));
    entries.push_back(entry_on("cardio", day(2026, 11, 11), 18, {{"minutes", 30}}));
    entries.push_back(entry_on("sex", day(2026, 11, 14), 22, {{"pain", 9}}));
    // The week: 8 minutes on Tuesday (does not count), a step back to 2 on Wednesday, nothing
    // on Thursday, pain 6-7 at the weekend; cardio 4 times.
    entries.push_back(dilate(day(2026, 11, 16), 3, 15, 4));
    entries.push_back(dilate(day(2026, 11, 17), 3, 8, 3));
    entries.push_back(dilate(day(2026, 11, 18), 2, 12, 2));
    entries.push_back(dilate(day(2026, 11, 20), 3, 20, 6));
    entries.push_back(dilate(day(2026, 11, 21), 3, 10, 7));
    entries.push_back(dilate(day(2026, 11, 22), 3, 15, 6));
    for (const int day_of_month : {16, 18, 20, 22})
        entries.push_back(entry_on("cardio", day(2026, 11, day_of_month), 18, {{"minutes", 30}}));
    entries.push_back(entry_on("sex", day(2026, 11, 21), 23, {{"pain", 6}}));
    sort_by_time(entries);
    story.request.period = Period{day(2026, 11, 16), day(2026, 11, 22)};
    story.request.previous = previous_period(story.request.period);
    story.request.today = day(2026, 11, 25);
    return story;
}

}  // namespace

TEST_CASE("stats: the previous period has the same length, just before, a month the month before") {
    CHECK(previous_period(Period{day(2026, 11, 16), day(2026, 11, 22)}) ==
          Period{day(2026, 11, 9), day(2026, 11, 15)});
    CHECK(previous_period(Period{day(2026, 3, 2), day(2026, 3, 31)}) ==
          Period{day(2026, 1, 31), day(2026, 3, 1)});
    // A calendar month is compared with the whole calendar month before it.
    CHECK(previous_period(Period{day(2026, 3, 1), day(2026, 3, 31)}) ==
          Period{day(2026, 2, 1), day(2026, 2, 28)});
    CHECK(previous_period(Period{day(2026, 1, 1), day(2026, 1, 31)}) ==
          Period{day(2025, 12, 1), day(2025, 12, 31)});
}

TEST_CASE("stats: header and plan adherence with day strips") {
    const Story story = two_weeks();
    const StatsReport report = stats_of(story.request, story.entries, story.plan, builtin_config());
    CHECK(report.entries == 11);
    CHECK(report.days_logged == 6);
    REQUIRE(report.items.size() == 2);
    const ItemSummary& dilating = report.items[0];
    CHECK(dilating.adherence.expected == 7);
    CHECK(dilating.adherence.credited == 5);
    CHECK(*dilating.previous_adherence == 1.0);
    using enum DayMark;
    CHECK(dilating.days == std::vector<DayMark>{done, missed, done, missed, done, done, done});
    const ItemSummary& cardio = report.items[1];
    CHECK(cardio.adherence.expected == 3);
    CHECK(cardio.adherence.credited == 3);
    CHECK(*cardio.previous_adherence == doctest::Approx(2.0 / 3.0));
    CHECK(cardio.days == std::vector<DayMark>{done, not_due, done, not_due, done, not_due, done});
    CHECK(*report.adherence == doctest::Approx(0.8));           // (5 + 3) / (7 + 3)
    CHECK(*report.previous_adherence == doctest::Approx(0.9));  // (7 + 2) / (7 + 3)
}

TEST_CASE("stats: per kind counts, field numbers, daily means and meaningful changes") {
    const Story story = two_weeks();
    const StatsReport report = stats_of(story.request, story.entries, story.plan, builtin_config());
    REQUIRE(report.kinds.size() == 3);
    CHECK(report.kinds[0].kind == "dilate");
    CHECK(report.kinds[1].kind == "cardio");
    CHECK(report.kinds[2].kind == "sex");
    const KindSummary& dilating = report.kinds[0];
    CHECK(dilating.count == 6);
    CHECK(dilating.days == 6);
    REQUIRE(dilating.fields.size() == 3);  // size, minutes, pain: anxiety had no values
    const FieldSummary& size = dilating.fields[0];
    CHECK(size.mean == doctest::Approx(17.0 / 6.0));
    CHECK(size.min == 2);
    CHECK(size.max == 3);
    CHECK(dilating.fields[1].sum == 80);
    const FieldSummary& pain = dilating.fields[2];
    CHECK(pain.mean == doctest::Approx(28.0 / 6.0));
    CHECK(*pain.previous_mean == 6);
    CHECK(pain.meaningful_change == 0);  // down 1.3: not meaningful
    CHECK(pain.daily_means == std::vector<std::optional<double>>{4, 3, 2, std::nullopt, 6, 7, 6});
    CHECK(report.kinds[1].fields[0].sum == 120);
    const FieldSummary& sex_pain = report.kinds[2].fields[0];
    CHECK(sex_pain.mean == 6);
    CHECK(sex_pain.meaningful_change == 1);  // from 9 to 6: 3 points better
}

TEST_CASE("stats: progression, streaks, flags and milestones") {
    const Story story = two_weeks();
    const StatsReport report = stats_of(story.request, story.entries, story.plan, builtin_config());
    REQUIRE(report.progression.size() == 1);
    const ProgressionSummary& sizes = report.progression[0];
    CHECK(sizes.highest == 3);
    CHECK(sizes.first_reached == day(2026, 11, 16));
    CHECK(*sizes.highest_before == 2);
    REQUIRE(sizes.step_backs.size() == 1);
    CHECK(sizes.step_backs[0].date == day(2026, 11, 18));
    CHECK(sizes.step_backs[0].from == 3);
    CHECK(sizes.step_backs[0].to == 2);

    // Dilating: 9-16 Nov in a row (8), then misses on 17 and 19 Nov. The week ended on 22 Nov,
    // before today (25 Nov): its streak is the run at its end, 20-22 Nov.
    REQUIRE(report.streaks.size() == 1);
    CHECK(report.streaks[0].label == "dilate");
    CHECK(report.streaks[0].current == 3);
    CHECK(report.streaks[0].longest == 8);
    CHECK(report.streaks[0].through == day(2026, 11, 22));
    CHECK_FALSE(report.streaks[0].up_to_today);

    // Flags come out of core as data; render words them (tests/render).
    REQUIRE(report.flags.size() == 2);
    CHECK(report.flags[0].id() == "persistent-pain");
    CHECK(report.flags[0].level == 6);
    CHECK(report.flags[0].days == 3);
    CHECK(report.flags[1].id() == "step-back");
    CHECK(report.flags[1].about == "dilate");
    CHECK(report.flags[1].field == "size");
    CHECK(report.flags[1].from == 3);
    CHECK(report.flags[1].to == 2);
    CHECK(report.flags[1].first == day(2026, 11, 18));

    REQUIRE(report.procedures.size() == 1);
    CHECK(report.procedures[0].what == "Botox");
    CHECK(report.procedures[0].days_ago == 163);
    CHECK(report.last_visit->what == "pt");  // render words it "visit (pt)"
    CHECK(report.last_visit->days_ago == 50);
}

TEST_CASE("stats: a streak is counted up to today, or to the last day of a period that ended") {
    // The trial's journal: dilating daily from 16 Nov, done every day but 21 Nov, today 30 Nov
    // (done at 18:00).
    Plan plan;
    plan.items = {plan_item("dilate", {"daily"}, day(2026, 11, 16))};
    std::vector<Entry> entries;
    for (Date date = day(2026, 11, 16); date <= day(2026, 11, 30); date += std::chrono::days{1})
        if (date != day(2026, 11, 21)) entries.push_back(dilate(date, 2, 15, 1));
    const Date today = day(2026, 11, 30);
    struct Case {
        Period period;
        int current;
        int longest;
        Date through;
        bool up_to_today;
    };
    const Case cases[] = {
        {Period{day(2026, 11, 30), day(2026, 12, 6)}, 9, 9, today, true},
        {Period{day(2026, 11, 23), day(2026, 11, 29)}, 8, 8, day(2026, 11, 29), false},
        {Period{day(2026, 11, 16), day(2026, 11, 20)}, 5, 5, day(2026, 11, 20), false},
        {Period{day(2026, 11, 16), day(2026, 11, 28)}, 7, 7, day(2026, 11, 28), false},
        {Period{day(2026, 11, 16), day(2026, 11, 21)}, 0, 5, day(2026, 11, 21), false},
    };
    for (const Case& expected : cases) {
        INFO("the period ends ", format_date(*expected.period.to));
        const StatsRequest request{expected.period, std::nullopt, {}, today};
        const Streak streak = stats_of(request, entries, plan, builtin_config()).streaks.at(0);
        CHECK(streak.current == expected.current);
        CHECK(streak.longest == expected.longest);
        CHECK(streak.through == expected.through);
        CHECK(streak.up_to_today == expected.up_to_today);
        // Nothing after the period changes it: a report may read no day after its end.
        std::vector<Entry> up_to_end = entries;
        std::erase_if(up_to_end, [&](const Entry& entry) {
            return entry.at.local_date() > *expected.period.to;
        });
        const Streak from_less = stats_of(request, up_to_end, plan, builtin_config()).streaks.at(0);
        CHECK(from_less.current == expected.current);
        CHECK(from_less.longest == expected.longest);
    }
}

TEST_CASE("stats: entries dated after today count in no number of the summary") {
    // Dilating daily 16-22 Nov, pain 8 on 19, 20 and 22 Nov, kegels on Sunday morning; but today
    // is Saturday 21 Nov (a device's clock ahead, or entries typed ahead).
    Plan plan;
    plan.items = {plan_item("dilate", {"daily"}, day(2026, 11, 16))};
    std::vector<Entry> entries;
    for (Date date = day(2026, 11, 16); date <= day(2026, 11, 22); date += std::chrono::days{1})
        entries.push_back(dilate(date, 2, 15, 1));
    entries.push_back(entry_on("kegels", day(2026, 11, 22), 8, {{"reps", 10}}));
    for (const int day_of_month : {19, 20, 22})
        entries.push_back(entry_on("pain", day(2026, 11, day_of_month), 9, {{"level", 8}}));
    // A rest planned ahead for Sunday (`tend skip --on sun`) is the plan's, and stays: it is no
    // session, and the header counts its day once it has come.
    entries.push_back(entry_on("skip", day(2026, 11, 22), 0));
    sort_by_time(entries);
    const StatsRequest request{Period{day(2026, 11, 16), day(2026, 11, 22)},
                               Period{day(2026, 11, 9), day(2026, 11, 15)},
                               {},
                               day(2026, 11, 21)};
    const StatsReport report = stats_of(request, entries, plan, builtin_config());
    CHECK(report.entries == 8);
    CHECK(report.days_logged == 6);
    CHECK(report.days_so_far == 6);
    CHECK(report.rest_days == 0);       // Sunday's rest is still to come
    REQUIRE(report.kinds.size() == 2);  // no kegels: Sunday's
    CHECK(report.kinds[0].kind == "dilate");
    CHECK(report.kinds[0].count == 6);
    CHECK(report.kinds[1].kind == "pain");
    CHECK(report.kinds[1].count == 2);
    CHECK(report.flags.empty());  // pain 6+ on 2 days so far, not 3
    REQUIRE(report.items.size() == 1);
    CHECK(report.items[0].adherence.expected == 5);
    REQUIRE(report.items[0].adherence.open.has_value());
    CHECK(report.items[0].adherence.open->done == 1);  // today's session
    REQUIRE(report.weekly.rows.size() == 1);
    CHECK(report.weekly.rows[0].entries == 8);
    CHECK(report.weekly.rows[0].days_logged == 6);
    CHECK(report.streaks.at(0).current == 6);
}

TEST_CASE("stats: a gap of several days while the plan runs is flagged kindly") {
    Story story = two_weeks();
    std::erase_if(story.entries, [](const Entry& entry) {
        const Date date = entry.at.local_date();
        return date >= day(2026, 11, 17) && date <= day(2026, 11, 21);
    });
    const StatsReport report = stats_of(story.request, story.entries, story.plan, builtin_config());
    REQUIRE_FALSE(report.flags.empty());
    CHECK(report.flags.back().id() == "gap");
    CHECK(report.flags.back().days == 5);
    CHECK(report.flags.back().first == day(2026, 11, 17));
    CHECK(report.flags.back().last == day(2026, 11, 21));
}

TEST_CASE("stats: an empty period and a journal without a plan") {
    StatsRequest request{
        Period{day(2026, 11, 23), day(2026, 11, 29)}, std::nullopt, {}, day(2026, 11, 25)};
    const StatsReport empty = stats_of(request, std::vector<Entry>{}, Plan{}, builtin_config());
    CHECK(empty.entries == 0);
    CHECK(empty.days_logged == 0);
    CHECK(empty.items.empty());
    CHECK_FALSE(empty.adherence.has_value());
    CHECK(empty.kinds.empty());
    CHECK(empty.flags.empty());
}

TEST_CASE("stats: a period across a month and a year end, with entries out of file order") {
    std::vector<Entry> entries;
    for (int offset = 0; offset < 7; ++offset)
        entries.push_back(entry_on("pain", day(2026, 12, 28) + std::chrono::days{offset}, 9,
                                   {{"level", offset}}));
    std::swap(entries[0], entries[5]);  // as a hand edit might leave them
    sort_by_time(entries);
    StatsRequest request{
        Period{day(2026, 12, 28), day(2027, 1, 3)}, std::nullopt, {}, day(2027, 1, 10)};
    const StatsReport report = stats_of(request, entries, Plan{}, builtin_config());
    CHECK(report.days_logged == 7);
    REQUIRE(report.kinds.size() == 1);
    const FieldSummary& level = report.kinds[0].fields[0];
    CHECK(level.label == "pain");
    CHECK(level.mean == 3);
    CHECK(level.daily_means == std::vector<std::optional<double>>{0, 1, 2, 3, 4, 5, 6});
}

TEST_CASE("stats: days follow the offset each entry was logged with, across a DST change") {
    // 24 Oct 23:30 at +02:00 and 25 Oct 00:30 at +01:00 are two different local days.
    Entry before = entry_on("pain", day(2026, 10, 24), 0, {{"level", 2}});
    before.at = instant_at(2026, 10, 24, 23, 30, 7200);
    Entry after = entry_on("pain", day(2026, 10, 25), 0, {{"level", 4}});
    after.at = instant_at(2026, 10, 25, 0, 30, 3600);
    StatsRequest request{
        Period{day(2026, 10, 24), day(2026, 10, 25)}, std::nullopt, {}, day(2026, 11, 1)};
    const StatsReport report = stats_of(request, {before, after}, Plan{}, builtin_config());
    CHECK(report.days_logged == 2);
    CHECK(report.kinds[0].fields[0].daily_means == std::vector<std::optional<double>>{2, 4});
}

TEST_CASE("stats: --kind limits kinds, plan items and progression") {
    Story story = two_weeks();
    story.request.kinds = {"cardio"};
    const StatsReport report = stats_of(story.request, story.entries, story.plan, builtin_config());
    CHECK(report.entries == 4);
    REQUIRE(report.items.size() == 1);
    CHECK(report.items[0].kind == "cardio");
    CHECK(report.kinds.size() == 1);
    CHECK(report.progression.empty());
}

TEST_CASE("stats: a day set counts each day of its period once and leaves out the rest") {
    DaySet days(Period{day(2026, 11, 1), day(2026, 11, 30)});
    for (const int day_of_month : {1, 3, 3, 30})
        days.insert(day(2026, 11, day_of_month));
    days.insert(day(2026, 10, 31));
    days.insert(day(2026, 12, 1));
    CHECK(days.count() == 3);
    CHECK(days.contains(day(2026, 11, 3)));
    CHECK_FALSE(days.contains(day(2026, 11, 2)));
    CHECK_FALSE(days.contains(day(2026, 12, 1)));
    CHECK(DaySet(Period{day(2026, 11, 2), day(2026, 11, 1)}).count() == 0);
}
