// Property test of adherence (issue 17): random plans and journals, with random rest days
// (`tend skip`), checked against a small model written here from docs/plan.md, and against the
// summary itself asked other ways.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <random>

#include "fixtures.h"
#include "render/stats_json.h"
#include "tend/history.h"
#include "tend/journal_slice.h"
#include "tend/stats.h"

using namespace tend;
using namespace tend::testing;
using std::chrono::days;

namespace {

// ---- The model: every window of an item, from the rules in docs/plan.md, by brute force. ----

struct ModelWindow {
    Date first{};
    Date last{};
    double expected = 0;
    Date middle{};  // the middle one of its days that do not rest (the earlier of two)
    Date anchor() const { return middle; }
};

int days_between(Date from, Date to) {
    return static_cast<int>((to - from).count());
}

// A rest as the story wrote it: these days, for these kinds (none: every item).
struct ModelRest {
    Date first{};
    Date last{};
    std::vector<std::string> kinds;
};

bool rests_on(const PlanItem& item, const std::vector<ModelRest>& rests, Date day) {
    for (const auto& rest : rests)
        if (rest.first <= day && day <= rest.last &&
            (rest.kinds.empty() ||
             std::find(rest.kinds.begin(), rest.kinds.end(), item.kind) != rest.kinds.end()))
            return true;
    return false;
}

int rest_days_in(const PlanItem& item, const std::vector<ModelRest>& rests, Date first, Date last) {
    int count = 0;
    for (Date day = first; day <= last; day += days{1})
        count += rests_on(item, rests, day) ? 1 : 0;
    return count;
}

// The middle one of the days of first..last that do not rest.
Date middle_due_day(const PlanItem& item, const std::vector<ModelRest>& rests, Date first,
                    Date last) {
    std::vector<Date> due;
    for (Date day = first; day <= last; day += days{1})
        if (!rests_on(item, rests, day)) due.push_back(day);
    return due.empty() ? first : due[(due.size() - 1) / 2];
}

// The rules of docs/plan.md, "Rest days": a daily window on a rest day is not due; an N-day
// window of rest days only is not due; a week expects pro rata of the days that are not rest;
// a window belongs to the period holding the middle one of its days that do not rest.
std::vector<ModelWindow> model_windows(const PlanItem& item, const std::vector<ModelRest>& rests,
                                       Date horizon, Weekday week_start) {
    const double each = item.total ? item.total->at_least : item.schedule.times;
    const Date last = item.end ? std::min(*item.end, horizon) : horizon;
    const auto clip = [&](Date day) { return item.end ? std::min(day, *item.end) : day; };
    std::vector<ModelWindow> windows;
    switch (item.schedule.unit) {
        case Schedule::Unit::day:
            for (Date day = item.start; day <= last; day += days{1})
                if (!rests_on(item, rests, day)) windows.push_back({day, day, each, day});
            break;
        case Schedule::Unit::weekdays:
            for (Date day = item.start; day <= last; day += days{1})
                for (const Weekday listed : item.schedule.weekdays)
                    if (Weekday{day} == listed && !rests_on(item, rests, day))
                        windows.push_back({day, day, each, day});
            break;
        case Schedule::Unit::every_n_days:
            for (Date first = item.start; first <= last;
                 first += days{item.schedule.interval_days}) {
                const Date end = clip(first + days{item.schedule.interval_days - 1});
                if (rest_days_in(item, rests, first, end) <= days_between(first, end))
                    windows.push_back({first, end, each, middle_due_day(item, rests, first, end)});
            }
            break;
        case Schedule::Unit::week: {
            Date week = item.start;
            while (Weekday{week} != week_start)
                week -= days{1};
            for (; week <= last; week += days{7}) {
                const Date first = std::max(week, item.start);
                const Date end = clip(week + days{6});
                if (end < first) continue;
                const double share =
                    (days_between(first, end) + 1 - rest_days_in(item, rests, first, end)) / 7.0;
                const double expected = item.total ? each * share : std::round(each * share);
                if (expected > 0)
                    windows.push_back(
                        {first, end, expected, middle_due_day(item, rests, first, end)});
            }
            break;
        }
    }
    return windows;
}

double amount_in(const PlanItem& item, const std::vector<Entry>& entries, Date first, Date last) {
    double sum = 0;
    for (const auto& entry : entries) {
        const Date day = entry.at.local_date();
        if (entry.kind != item.kind || day < first || day > last) continue;
        if (!item.total) {
            sum += 1;
        } else if (const FieldValue* value = entry.field(item.total->field)) {
            sum += static_cast<double>(std::get<std::int64_t>(*value));
        }
    }
    return sum;
}

// One item over a period: in its own unit, and in sessions for Overall.
struct ModelFigure {
    bool listed = false;  // has a window that belongs to the period
    double expected = 0;
    double credited = 0;
    double sessions_expected = 0;
    double sessions_credited = 0;
};

ModelFigure model_figure(const PlanItem& item, const std::vector<Entry>& entries,
                         const std::vector<ModelRest>& rests, const Period& period, Date today,
                         Weekday week_start) {
    ModelFigure figure;
    for (const auto& window : model_windows(item, rests, *period.to + days{60}, week_start)) {
        if (!period.contains(window.anchor())) continue;
        figure.listed = true;
        if (window.last >= today) continue;  // open or to come
        const double done = amount_in(item, entries, window.first, window.last);
        figure.expected += window.expected;
        figure.credited += std::min(done, window.expected);
        figure.sessions_expected += item.total ? 1 : window.expected;
        figure.sessions_credited +=
            item.total ? std::min(done / window.expected, 1.0) : std::min(done, window.expected);
    }
    return figure;
}

std::optional<double> model_overall(const Plan& plan, const std::vector<Entry>& entries,
                                    const std::vector<ModelRest>& rests, const Period& period,
                                    Date today, Weekday week_start) {
    double expected = 0;
    double credited = 0;
    for (const auto& item : plan.items) {
        const ModelFigure figure = model_figure(item, entries, rests, period, today, week_start);
        expected += figure.sessions_expected;
        credited += figure.sessions_credited;
    }
    if (expected <= 0) return std::nullopt;
    return credited / expected;
}

// ---- Random stories. ----

struct Story {
    Plan plan;
    std::vector<Entry> entries;
    std::vector<ModelRest> rests;  // also in `entries`, as `tend skip` writes them
    Config config;
    Date today{};
};

// Streaks of a daily item by the model, up to `through` (today, or the last day of a period
// that ended): met days in a row, rest days passed over; the day holding today neither counts
// until met nor breaks the run.
std::pair<int, int> model_streak(const PlanItem& item, const Story& story, Weekday week_start,
                                 Date through) {
    int run = 0;
    int longest = 0;
    for (const auto& window : model_windows(item, story.rests, story.today, week_start)) {
        if (window.first > std::min(story.today, through)) break;
        const bool met =
            amount_in(item, story.entries, window.first, window.last) >= window.expected;
        if (met)
            longest = std::max(longest, ++run);
        else if (window.last < story.today)
            run = 0;
    }
    return {run, longest};
}

const Date base = day(2026, 9, 1);

// A session of `kind`; dilating has minutes, which the totals add up.
Entry session_of(const std::string& kind, Date date, int hour, std::int64_t minutes) {
    if (kind != "dilate") return entry_on(kind, date, hour);
    return entry_on(kind, date, hour, {{"minutes", minutes}});
}

Story random_story(std::mt19937& random) {
    const auto pick = [&](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(random);
    };
    Story story;
    story.config.settings.week_start = pick(0, 1) ? std::chrono::Monday : std::chrono::Sunday;
    story.config.profile = pelvic_floor_profile(story.config.settings);
    const std::vector<std::vector<std::string>> schedules = {{"daily"},
                                                             {"2/day"},
                                                             {"every", "2d"},
                                                             {"every", "3d"},
                                                             {"3/week"},
                                                             {"weekly"},
                                                             {"mon,wed,fri"},
                                                             {"weekends"},
                                                             {"total", "minutes>=20/day"},
                                                             {"total", "minutes>=60/week"}};
    const std::vector<std::string> kinds = {"stretch", "cardio", "massage", "kegels"};
    const int items = pick(1, 4);
    for (int index = 0; index < items; ++index) {
        const auto& words = schedules[static_cast<std::size_t>(pick(0, 9))];
        // Totals add up the minutes of dilating; counts use any kind.
        const std::string kind =
            words[0] == "total" ? "dilate" : kinds[static_cast<std::size_t>(pick(0, 3))];
        const Date start = base + days{pick(0, 40)};
        std::optional<Date> end;
        if (pick(0, 1)) end = start + days{pick(0, 40)};
        story.plan.items.push_back(plan_item(kind, words, start, end));
    }
    story.today = base + days{pick(20, 75)};
    // Rest days: every item or some kinds (also kinds no item has), one day or several, some
    // overlapping, some after today (planned ahead).
    const int rests = pick(0, 4);
    for (int index = 0; index < rests; ++index) {
        ModelRest rest;
        rest.first = base + days{pick(-5, 80)};
        rest.last = rest.first + days{pick(0, 1) ? 0 : pick(1, 9)};
        const int named = pick(0, 2);
        for (int kind = 0; kind < named; ++kind)
            rest.kinds.push_back(kinds[static_cast<std::size_t>(pick(0, 3))]);
        if (pick(0, 3) == 0) rest.kinds.push_back("dilate");
        std::vector<std::pair<std::string, FieldValue>> fields;
        std::string named_kinds;
        for (const auto& kind : rest.kinds)
            named_kinds += (named_kinds.empty() ? "" : pick(0, 1) ? " " : ", ") + kind;
        if (!named_kinds.empty()) fields.emplace_back("items", named_kinds);
        const std::int64_t length = days_between(rest.first, rest.last) + 1;
        if (length > 1 || pick(0, 1)) fields.emplace_back("days", FieldValue{length});
        Entry entry = entry_on("skip", rest.first, pick(0, 23));
        entry.fields = std::move(fields);
        entry.note = "period";
        story.entries.push_back(std::move(entry));
        story.rests.push_back(std::move(rest));
    }
    for (Date date = base - days{5}; date <= story.today; date += days{1})
        for (const char* kind : {"stretch", "cardio", "massage", "kegels", "dilate"}) {
            const int count = std::max(0, pick(-2, 2));
            for (int session = 0; session < count; ++session)
                story.entries.push_back(session_of(kind, date, 8 + session, pick(5, 25)));
        }
    std::stable_sort(story.entries.begin(), story.entries.end(),
                     [](const Entry& left, const Entry& right) {
                         return left.at.utc_seconds < right.at.utc_seconds;
                     });
    return story;
}

StatsReport stats_of(const Story& story, const Period& period, bool with_previous = true) {
    StatsRequest request{period, std::nullopt, {}, story.today};
    if (with_previous) request.previous = previous_period(period);
    return tend::testing::stats_of(request, story.entries, story.plan, story.config);
}

const ItemSummary* item_numbered(const StatsReport& report, std::size_t number) {
    for (const auto& item : report.items)
        if (item.number == number) return &item;
    return nullptr;
}

bool same(const std::optional<double>& left, const std::optional<double>& right) {
    if (!left || !right) return !left && !right;
    return std::abs(*left - *right) < 1e-9;
}

bool same(double left, double right) {
    return std::abs(left - right) < 1e-9;
}

// Checks one period of one story against the model and against itself asked other ways.
void check_period(const Story& story, const Period& period, std::mt19937& random) {
    const Weekday week_start = story.config.settings.week_start;
    const StatsReport report = stats_of(story, period);
    // Against the model: each item, Overall.
    for (std::size_t index = 0; index < story.plan.items.size(); ++index) {
        const PlanItem& item = story.plan.items[index];
        const ModelFigure figure =
            model_figure(item, story.entries, story.rests, period, story.today, week_start);
        const ItemSummary* summary = item_numbered(report, index + 1);
        CHECK(figure.listed == (summary != nullptr));
        if (!summary) continue;
        CHECK(same(summary->adherence.expected, figure.expected));
        CHECK(same(summary->adherence.credited, figure.credited));
        // No done mark next to 0%.
        const bool done_mark = std::find(summary->days.begin(), summary->days.end(),
                                         DayMark::done) != summary->days.end();
        if (done_mark) CHECK(summary->adherence.fraction().value_or(1) > 0);
        // A rest day shows its own mark, and only where the item rests.
        for (std::size_t offset = 0; offset < summary->days.size(); ++offset) {
            const Date day = *period.from + days{static_cast<int>(offset)};
            if (summary->days[offset] == DayMark::rest)
                CHECK((item.in_force_on(day) && rests_on(item, story.rests, day)));
            else if (day <= story.today && item.in_force_on(day) &&
                     rests_on(item, story.rests, day))
                CHECK((summary->days[offset] == DayMark::done ||
                       summary->days[offset] == DayMark::partly));
        }
    }
    CHECK(same(report.adherence, model_overall(story.plan, story.entries, story.rests, period,
                                               story.today, week_start)));
    // Streaks pass over rest days: neither counted nor broken.
    for (const auto& streak : report.streaks)
        for (const auto& item : story.plan.items)
            if (item.label() == streak.label &&
                std::count_if(
                    story.plan.items.begin(), story.plan.items.end(),
                    [&](const PlanItem& other) { return other.label() == streak.label; }) == 1) {
                const Date through = std::min(story.today, *period.to);
                const auto [current, longest] = model_streak(item, story, week_start, through);
                CHECK(streak.current == current);
                CHECK(streak.longest == longest);
                CHECK(streak.through == through);
                CHECK(streak.up_to_today == (through == story.today));
                break;
            }

    // Consecutive periods add up to the whole.
    if (*period.to > *period.from) {
        const int length = days_between(*period.from, *period.to);
        const Date split =
            *period.from + days{std::uniform_int_distribution<int>(0, length - 1)(random)};
        const StatsReport first = stats_of(story, Period{period.from, split}, false);
        const StatsReport second = stats_of(story, Period{split + days{1}, period.to}, false);
        for (const auto& whole : report.items) {
            double expected = 0;
            double credited = 0;
            for (const StatsReport* part : {&first, &second})
                if (const ItemSummary* piece = item_numbered(*part, whole.number)) {
                    expected += piece->adherence.expected;
                    credited += piece->adherence.credited;
                }
            CHECK(same(expected, whole.adherence.expected));
            CHECK(same(credited, whole.adherence.credited));
        }
    }

    // Read as the store reads it: in full from the first of the month it looks back to, the
    // months before as their history, settled at their end. The same report, streaks too.
    const Period measured{previous_period(period).from, period.to};
    const Date cut = first_of_month(first_day_read_in_full(
        *days_read_in_full(story.plan, measured, week_start).from, story.today));
    if (cut - days{1} < story.today) {
        std::vector<Entry> earlier;
        std::vector<Entry> recent;
        for (const auto& entry : story.entries)
            (entry.at.local_date() < cut ? earlier : recent).push_back(entry);
        JournalSlice slice = everything_in(recent, story.config.profile);
        slice.before = history_of(earlier, story.plan, story.config.profile);
        settle(slice.before, story.plan, cut - days{1});
        slice.read_from = cut;
        StatsRequest request{period, previous_period(period), {}, story.today};
        const StatsReport split = compute_stats(request, slice, story.plan, story.config);
        CHECK(render::stats_json(split).dump() == render::stats_json(report).dump());
    }

    // "was" is the previous period asked alone.
    const StatsReport before = stats_of(story, previous_period(period));
    CHECK(same(report.previous_adherence, before.adherence));
    for (const auto& item : report.items) {
        const ItemSummary* alone = item_numbered(before, item.number);
        CHECK(same(item.previous_adherence,
                   alone ? alone->adherence.fraction() : std::optional<double>{}));
    }

    // Each week row of the period equals that week asked alone.
    for (const auto& row : report.weekly.rows) {
        const StatsReport alone = stats_of(story, row.days, false);
        CHECK(same(row.adherence, alone.adherence));
        for (std::size_t index = 0; index < report.items.size(); ++index) {
            const ItemSummary* piece = item_numbered(alone, report.items[index].number);
            CHECK(same(row.items[index].expected, piece ? piece->adherence.expected : 0));
            CHECK(same(row.items[index].credited, piece ? piece->adherence.credited : 0));
        }
    }

    // The window still open never moves a percentage: sessions added today change none.
    Story busier = story;
    for (const auto& item : story.plan.items)
        busier.entries.push_back(session_of(item.kind, story.today, 23, 30));
    const StatsReport later = stats_of(busier, period);
    CHECK(same(later.adherence, report.adherence));
    CHECK(later.items.size() == report.items.size());
    for (std::size_t index = 0; index < std::min(later.items.size(), report.items.size()); ++index)
        CHECK(same(later.items[index].adherence.fraction(),
                   report.items[index].adherence.fraction()));
}

}  // namespace

TEST_CASE("adherence property: random plans and journals agree with the model at every edge") {
    std::mt19937 random(20261125);
    for (int story_number = 0; story_number < 150; ++story_number) {
        const Story story = random_story(random);
        CAPTURE(story_number);
        for (int period_number = 0; period_number < 4; ++period_number) {
            const Date from = base + days{std::uniform_int_distribution<int>(-3, 80)(random)};
            const Date to = from + days{std::uniform_int_distribution<int>(0, 30)(random)};
            const std::string asked = format_date(from) + ".." + format_date(to);
            CAPTURE(asked);
            check_period(story, Period{from, to}, random);
        }
    }
}
