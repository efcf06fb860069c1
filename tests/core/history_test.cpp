// Tests for src/core/history.cpp: a summary or visit report computed from recent entries plus the
// history of the months before is the one computed from every entry.
#include "tend/history.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "fixtures.h"
#include "render/report_json.h"
#include "render/stats_json.h"
#include "tend/questions.h"
#include "tend/stats.h"
#include "tend/visit_report.h"

using namespace tend;
using namespace tend::testing;

namespace {

using std::chrono::days;

Entry with_text(Entry entry, const std::string& field, const std::string& value) {
    entry.fields.emplace_back(field, FieldValue{value});
    return entry;
}

// Eight months of a programme with misses, step backs, procedures, visits and questions.
struct Journal {
    Plan plan;
    std::vector<Entry> entries;
};

Journal eight_months() {
    Journal journal;
    const Date start = day(2026, 4, 1);
    journal.plan.items = {
        plan_item("dilate", {"daily", "minutes>=10"}, start), plan_item("kegels", {"3/day"}, start),
        plan_item("massage", {"every", "3d"}, start), plan_item("cardio", {"3/week"}, start)};
    auto& entries = journal.entries;
    std::int64_t size = 1;
    for (Date date = start; date <= day(2026, 11, 25); date += days{1}) {
        const int n = static_cast<int>((date - start).count());
        // Ninety days without a miss, then a missed day now and then; size 6 by June, then a
        // break and a restart at 2 that climbs only to 4.
        if (n < 90 || n % 11 != 5) {
            size = n == 100 ? 2 : std::min<std::int64_t>(n < 100 ? 6 : 4, size + (n % 9 == 0));
            if (n % 17 == 3) size = std::max<std::int64_t>(1, size - 1);
            entries.push_back(
                entry_on("dilate", date, 21,
                         {{"size", size}, {"minutes", n < 90 ? 12 : 8 + n % 9}, {"pain", n % 8}}));
        }
        for (int set = 0; set < 3 - (n % 13 == 0); ++set)
            entries.push_back(entry_on("kegels", date, 8 + 4 * set, {{"sets", 3}, {"reps", 10}}));
        if (n % 3 == 0) entries.push_back(entry_on("massage", date, 19, {{"minutes", 10}}));
        if (n % 2 == 0) entries.push_back(entry_on("cardio", date, 7, {{"minutes", 30}}));
        if (n % 30 == 7) entries.push_back(entry_on("sex", date, 23, {{"pain", n % 10}}));
        if (n == 10 || n % 45 == 20)
            entries.push_back(with_text(entry_on("procedure", date, 11), "name",
                                        n == 10 ? "Botox" : "trigger point"));
        if (n % 60 == 30) entries.push_back(with_text(entry_on("visit", date, 14), "with", "pt"));
        if (n % 25 == 12) {
            Entry question = with_text(entry_on("question", date, 20), "text", "ask about size");
            question.note = fmt::format("question {}", n);
            entries.push_back(question);
            // Every other question is answered five weeks later, in a later month and after a
            // visit; the others stay open.
            if (n % 50 == 12)
                entries.push_back(answer_to(question, pelvic_floor_profile(),
                                            entry_on("question", date + days{35}, 21).at,
                                            "answered"));
        }
    }
    sort_by_time(entries);
    return journal;
}

// The entries before `cut`, and those from it.
std::pair<std::vector<Entry>, std::vector<Entry>> split_at(const std::vector<Entry>& entries,
                                                           Date cut) {
    std::pair<std::vector<Entry>, std::vector<Entry>> parts;
    for (const auto& entry : entries)
        (entry.at.local_date() < cut ? parts.first : parts.second).push_back(entry);
    return parts;
}

// The history of `entries` built month by month, as the store builds it.
History history_by_month(const std::vector<Entry>& entries, const Plan& plan,
                         const Profile& profile) {
    History history;
    std::vector<Entry> month;
    for (const auto& entry : entries) {
        if (!month.empty() &&
            month_key(month.back().at.local_date()) != month_key(entry.at.local_date())) {
            history.append(history_of(month, plan, profile));
            month.clear();
        }
        month.push_back(entry);
    }
    if (!month.empty()) history.append(history_of(month, plan, profile));
    return history;
}

}  // namespace

TEST_CASE("history: joined month by month it is the history of the whole stretch") {
    const Journal journal = eight_months();
    const Profile profile = pelvic_floor_profile();
    const auto before = split_at(journal.entries, day(2026, 9, 1)).first;
    const History whole = history_of(before, journal.plan, profile);
    CHECK(history_by_month(before, journal.plan, profile) == whole);
    REQUIRE(whole.first_day.has_value());
    CHECK(*whole.first_day == day(2026, 4, 1));
    REQUIRE(whole.procedures.size() == 2);
    CHECK(whole.procedures[0].name == "Botox");
    CHECK(whole.procedures[1].name == "trigger point");
    REQUIRE(whole.last_visit.has_value());
    CHECK(whole.last_visit->with == std::optional<std::string>("pt"));
    // Open until answered: an answer in a later month closes its question, a visit does not.
    CHECK(whole.open_questions == open_questions(before, profile));
    REQUIRE(whole.open_questions.size() == 3);
    CHECK(whole.open_questions[0].note == "question 37");
    CHECK(whole.open_questions[1].note == "question 87");
    CHECK(whole.open_questions[2].note == "question 137");
    CHECK(whole.open_questions.front().at.local_date() < whole.last_visit->day);
    REQUIRE(whole.progression_of("dilate") != nullptr);
    CHECK(whole.progression_of("dilate")->highest == 6);
    REQUIRE(whole.counted.size() == 4);
    // Kegels: three sessions a day, two on every 13th day from the start.
    CHECK(whole.counted[1].front() == std::pair<Date, double>{day(2026, 4, 1), 2.0});
    CHECK(whole.counted[1][1] == std::pair<Date, double>{day(2026, 4, 2), 3.0});
}

TEST_CASE("history: stats from recent entries and the months before equal stats from everything") {
    const Journal journal = eight_months();
    const Config config = builtin_config();
    for (const auto& [from, to] : {std::pair{day(2026, 11, 23), day(2026, 11, 29)},
                                   std::pair{day(2026, 10, 1), day(2026, 10, 31)},
                                   std::pair{day(2026, 8, 27), day(2026, 11, 25)}}) {
        StatsRequest request{
            Period{from, to}, previous_period(Period{from, to}), {}, day(2026, 11, 25)};
        const StatsReport expected = stats_of(request, journal.entries, journal.plan, config);
        const Date cut = first_of_month(*request.previous->from);
        const auto [before, recent] = split_at(journal.entries, cut);
        JournalSlice slice = everything_in(recent, config.profile);
        slice.before = history_by_month(before, journal.plan, config.profile);
        slice.read_from = cut;
        const StatsReport split = compute_stats(request, slice, journal.plan, config);
        CAPTURE(format_date(from));
        CHECK(render::stats_json(split).dump() == render::stats_json(expected).dump());
        // What only the months before tell: the longest streak, Botox, the highest size.
        CHECK(expected.streaks.at(0).longest >= 90);
        CHECK(expected.procedures.at(0).what == "Botox");
        CHECK(expected.progression.at(0).highest_before == std::optional<std::int64_t>(6));
    }
}

TEST_CASE("history: settled at the end of the months before, it keeps only what comes after") {
    Journal journal = eight_months();
    const Config config = builtin_config();
    // A rest of the dilator from 29 October to 2 November, across the cut.
    Entry rest = entry_on("skip", day(2026, 10, 29), 10, {{"days", 5}});
    rest.fields.emplace_back("items", FieldValue{std::string("dilate")});
    journal.entries.push_back(rest);
    sort_by_time(journal.entries);
    const Date cut = day(2026, 11, 1);
    const auto [before, recent] = split_at(journal.entries, cut);
    History settled = history_by_month(before, journal.plan, config.profile);
    const History unsettled = settled;
    settle(settled, journal.plan, cut - days{1});
    CHECK(settled.settled_through == std::optional<Date>(day(2026, 10, 31)));
    // Nothing counted up to the cut is kept; the rest days after it are.
    for (const auto& counted : settled.counted)
        CHECK(counted.empty());
    CHECK(settled.rested ==
          std::vector<std::vector<Date>>{{day(2026, 11, 1), day(2026, 11, 2)}, {}, {}, {}});
    // Each daily item's run as it stood on 31 October, as daily_run from its start says.
    REQUIRE(settled.runs.size() == 4);
    CountedAmounts dilate(journal.plan.items[0], unsettled.counted[0], {});
    dilate.add_rest_days(unsettled.rested[0]);
    const DailyRun run = daily_run(journal.plan.items[0], dilate, cut - days{1}, cut);
    CHECK(settled.runs[0] == run);
    CHECK(run.longest >= 90);
    // Kegels miss a set every 13th day from 1 April (day 0): runs of 12 days; 31 October is day
    // 213, five days after the miss on day 208.
    CHECK(settled.runs[1] == DailyRun{5, 12});
    CHECK(settled.runs[2] == DailyRun{});  // every 3 days: not a daily item
    // Everything else stays: the longest streak since April, Botox, the highest size.
    CHECK(settled.procedures == unsettled.procedures);
    CHECK(settled.progression == unsettled.progression);
    CHECK(settled.open_questions == unsettled.open_questions);
    // The week's summary is the same from the settled history as from every entry.
    const Period week{day(2026, 11, 23), day(2026, 11, 29)};
    StatsRequest request{week, previous_period(week), {}, day(2026, 11, 25)};
    JournalSlice slice = everything_in(recent, config.profile);
    slice.before = settled;
    slice.read_from = cut;
    const StatsReport split = compute_stats(request, slice, journal.plan, config);
    const StatsReport expected = stats_of(request, journal.entries, journal.plan, config);
    CHECK(render::stats_json(split).dump() == render::stats_json(expected).dump());
    REQUIRE(split.streaks.size() == 2);
    CHECK(split.streaks[0].longest == run.longest);
    // Settling again at the same day, or an earlier one, changes nothing.
    History again = settled;
    settle(again, journal.plan, cut - days{1});
    settle(again, journal.plan, cut - days{40});
    CHECK(again == settled);
}

TEST_CASE("history: a long rest from the month before is no gap in a later week") {
    const Config config = builtin_config();
    Plan plan;
    plan.items = {plan_item("dilate", {"daily"}, day(2026, 9, 1))};
    std::vector<Entry> entries;
    for (Date date = day(2026, 9, 1); date <= day(2026, 10, 24); date += days{1})
        entries.push_back(entry_on("dilate", date, 21));
    // A month off from 25 October: 31 days, to 24 November.
    entries.push_back(entry_on("skip", day(2026, 10, 25), 10, {{"days", 31}}));
    const Period week{day(2026, 11, 16), day(2026, 11, 22)};
    const StatsRequest request{week, previous_period(week), {}, day(2026, 11, 25)};
    const StatsReport whole = stats_of(request, entries, plan, config);
    CHECK(whole.flags.empty());
    // Read as the store reads this week: in full from 1 November, October as its history.
    const auto [before, recent] = split_at(entries, day(2026, 11, 1));
    JournalSlice slice = everything_in(recent, config.profile);
    slice.before = history_by_month(before, plan, config.profile);
    slice.read_from = day(2026, 11, 1);
    const StatsReport split = compute_stats(request, slice, plan, config);
    CHECK(split.flags.empty());
    CHECK(render::stats_json(split).dump() == render::stats_json(whole).dump());
}

TEST_CASE("history: a visit report from recent entries and the months before is the same") {
    const Journal journal = eight_months();
    const Config config = builtin_config();
    ExportRequest request;
    request.today = day(2026, 11, 25);
    request.period = default_period_of(journal.entries, config.profile, request.today).period;
    const VisitReport expected = visit_report_of(request, journal.entries, journal.plan, config);
    const Date cut = first_of_month(*previous_period(request.period).from);
    const auto [before, recent] = split_at(journal.entries, cut);
    JournalSlice slice = everything_in(recent, config.profile);
    slice.before = history_by_month(before, journal.plan, config.profile);
    slice.read_from = cut;
    CHECK(default_export_period(recent, slice.before, config.profile, request.today).period ==
          request.period);
    const VisitReport split = compute_visit_report(request, slice, journal.plan, config);
    CHECK(render::visit_report_json(split, config).dump() ==
          render::visit_report_json(expected, config).dump());
    CHECK_FALSE(expected.questions.empty());
}
