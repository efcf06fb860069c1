// Tests for src/render/weekly_text.cpp and effect.cpp: reports built by hand, text checked whole.
#include <doctest/doctest.h>

#include "fixtures.h"
#include "render/effect.h"
#include "render/numbers.h"
#include "render/weekly_text.h"

using namespace tend;
using namespace tend::testing;

namespace {

StatsReport two_weeks_of_rows() {
    StatsReport report;
    report.period = Period{day(2026, 11, 2), day(2026, 11, 15)};
    report.entries = 27;
    report.days_logged = 13;
    WeeklyTable& table = report.weekly;
    table.plan_kinds = {"kegels", "dilate"};
    table.pain_fields = {{"dilate", "pain"}, {"pain", "level"}};
    table.progressions = {{"dilate", "size"}};
    WeekRow first;
    first.days = Period{day(2026, 11, 2), day(2026, 11, 8)};
    first.entries = 20;
    first.days_logged = 7;
    first.days_so_far = 7;
    first.adherence = 0.857;
    first.sessions = {14, 6};
    first.pain = {WeekValues{6, 3.83, 5}, WeekValues{1, 6, 6}};
    first.highest = {3};
    WeekRow second;
    second.days = Period{day(2026, 11, 9), day(2026, 11, 15)};
    second.entries = 7;
    second.days_logged = 6;
    second.days_so_far = 7;
    second.sessions = {0, 7};
    second.pain = {WeekValues{7, 2.25, 3}, std::nullopt};
    second.highest = {std::nullopt};
    report.weekly.rows = {first, second};
    return report;
}

}  // namespace

TEST_CASE("weekly text: sessions, then pain and size, one row per week") {
    CHECK(render::weekly_text(two_weeks_of_rows()) ==
          "Mon 2 Nov 2026 - Sun 15 Nov 2026\n"
          "27 entries on 13 of 14 days\n"
          "\n"
          "Sessions (Plan: the share of what was due that was done)\n"
          "  Week of  Days  Entries  Plan  kegels  dilate\n"
          "  2 Nov     7/7       20   86%      14       6\n"
          "  9 Nov     6/7        7     -       0       7\n"
          "\n"
          "Pain (mean/highest) and the highest size\n"
          "  Week of  dilate  pain  size\n"
          "  2 Nov     3.8/5   6/6     3\n"
          "  9 Nov     2.3/3     -     -\n");
}

TEST_CASE("weekly text: weeks carry their year when the period spans two") {
    StatsReport report = two_weeks_of_rows();
    report.period = Period{day(2026, 12, 28), day(2027, 1, 10)};
    report.weekly.rows[0].days = Period{day(2026, 12, 28), day(2027, 1, 3)};
    report.weekly.rows[1].days = Period{day(2027, 1, 4), day(2027, 1, 10)};
    report.weekly.pain_fields.clear();
    report.weekly.progressions.clear();
    for (auto& row : report.weekly.rows) {
        row.pain.clear();
        row.highest.clear();
    }
    CHECK(render::weekly_text(report) ==
          "Mon 28 Dec 2026 - Sun 10 Jan 2027\n"
          "27 entries on 13 of 14 days\n"
          "\n"
          "Sessions (Plan: the share of what was due that was done)\n"
          "  Week of      Days  Entries  Plan  kegels  dilate\n"
          "  28 Dec 2026   7/7       20   86%      14       6\n"
          "  4 Jan 2027    6/7        7     -       0       7\n");
}

TEST_CASE("weekly text: an empty period is one friendly line") {
    StatsReport report;
    report.period = Period{day(2026, 11, 2), day(2026, 11, 15)};
    CHECK(render::weekly_text(report) ==
          "Mon 2 Nov 2026 - Sun 15 Nov 2026\n"
          "Nothing logged in this period yet. Entries you add with 'tend log' show up here.\n");
}

namespace {

EffectReport cardio_and_sex(int with_days, double with_mean, int without_days,
                            double without_mean) {
    EffectReport report;
    report.request =
        EffectRequest{Period{day(2026, 9, 1), day(2026, 11, 25)}, "cardio", {"sex", "pain"}, 2};
    report.outcome_type = FieldType::scale;
    report.with = {with_days, with_mean};
    report.without = {without_days, without_mean};
    return report;
}

}  // namespace

TEST_CASE("effect text: a meaningful difference for the better") {
    CHECK(render::effect_text(cardio_and_sex(5, 2.4, 4, 4.75), builtin_config()) ==
          "Sex pain after cardio, 1 Sep - 25 Nov 2026\n"
          "  after cardio     mean 2.4    on 5 days\n"
          "  other days       mean 4.8    on 4 days\n"
          "  2.4 points lower after cardio: a meaningful difference, for the better.\n"
          "  \"After\" means cardio earlier that day or in the 2 days before. This compares\n"
          "  days; it cannot tell what caused what.\n");
}

TEST_CASE("effect text: a small difference is not called meaningful") {
    const std::string text = render::effect_text(cardio_and_sex(3, 4, 3, 3), builtin_config());
    CHECK(text.substr(text.find("\n  1 point")) ==
          "\n  1 point higher after cardio: under 2 points, not a meaningful difference.\n"
          "  \"After\" means cardio earlier that day or in the 2 days before. This compares\n"
          "  days; it cannot tell what caused what.\n");
}

TEST_CASE("effect text: the difference is that of the means as shown") {
    // 4.18 and 4.33 print as 4.2 and 4.3: the sentence says 0.1, not the exact 0.15 as 0.2.
    const std::string text =
        render::effect_text(cardio_and_sex(33, 4.18, 12, 4.33), builtin_config());
    CHECK(text.find("  after cardio     mean 4.2    on 33 days\n"
                    "  other days       mean 4.3    on 12 days\n"
                    "  0.1 points lower after cardio: under 2 points, not a meaningful "
                    "difference.\n") != std::string::npos);
    const auto json = render::effect_json(cardio_and_sex(33, 4.18, 12, 4.33)).dump();
    CHECK(json.find("\"difference\": -0.1,") != std::string::npos);
}

TEST_CASE("effect text: not enough days to compare yet") {
    CHECK(render::effect_text(cardio_and_sex(2, 2, 6, 5), builtin_config()) ==
          "Sex pain after cardio, 1 Sep - 25 Nov 2026\n"
          "  after cardio     mean 2      on 2 days\n"
          "  other days       mean 5      on 6 days\n"
          "  Not enough days to compare yet: each side needs at least 3 days.\n");
}

TEST_CASE("effect json: both sides, the difference and whether it is enough") {
    CHECK(render::effect_json(cardio_and_sex(5, 2.4, 4, 4.75)).dump() ==
          R"({
  "period": {
    "from": "2026-09-01",
    "to": "2026-11-25"
  },
  "factor": "cardio",
  "outcome": "sex.pain",
  "within_days": 2,
  "with": {
    "days": 5,
    "mean": 2.4
  },
  "without": {
    "days": 4,
    "mean": 4.75
  },
  "enough": true,
  "difference": -2.4,
  "meaningful": true
})");
}

TEST_CASE("numbers: magnitudes beyond an integer print in shortest form, never as a cast") {
    CHECK(render::format_number(1e20) == "1e+20");
    CHECK(render::format_number(-1e20) == "-1e+20");
    CHECK(render::format_number(123456789012.0) == "123456789012");
    CHECK(render::format_number(2.46) == "2.5");
    CHECK(render::format_percent(1e18) == "1e+20%");
    CHECK(render::format_percent(0.857) == "86%");
}
