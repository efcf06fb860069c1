// Tests for src/core/visit_report.cpp: the period, lists and numbers of the visit notes.
#include "tend/visit_report.h"

#include <doctest/doctest.h>

#include "tend/questions.h"

#include "fixtures.h"

using namespace tend;
using namespace tend::testing;

namespace {

Entry with_text(Entry entry, const std::string& field, const std::string& value) {
    entry.fields.emplace_back(field, FieldValue{value});
    return entry;
}

Entry with_note(Entry entry, const std::string& note, std::vector<std::string> tags = {}) {
    entry.note = note;
    entry.tags = std::move(tags);
    return entry;
}

Entry question(Date date, const std::string& text, std::optional<bool> answered = std::nullopt) {
    Entry entry = entry_on("question", date, 20);
    if (answered) entry.fields.emplace_back("answered", FieldValue{*answered});
    entry.note = text;
    return entry;
}

// A visit on 12 Oct; then three weeks of dilating and sex; questions before and after it, one
// answered at the visit, one marked answered, one answered after the period.
std::vector<Entry> autumn() {
    std::vector<Entry> entries;
    entries.push_back(
        with_text(entry_on("procedure", day(2026, 6, 15), 9, {{"units", 100}}), "name", "Botox"));
    entries.push_back(question(day(2026, 10, 1), "Still open from before the visit?"));
    const Entry asked = question(day(2026, 10, 10), "Asked already at the visit?");
    entries.push_back(asked);
    entries.push_back(with_text(entry_on("visit", day(2026, 10, 12), 10), "with", "pt"));
    entries.push_back(answer_to(asked, pelvic_floor_profile(),
                                entry_on("visit", day(2026, 10, 12), 11).at, "yes"));
    entries.push_back(question(day(2026, 10, 12), "Asked on the visit day, after it?"));
    const Entry later = question(day(2026, 10, 14), "When can I move up a size?");
    entries.push_back(later);
    entries.push_back(answer_to(later, pelvic_floor_profile(),
                                entry_on("visit", day(2026, 11, 5), 11).at, "next week"));
    entries.push_back(question(day(2026, 10, 15), "Is burning normal?", true));
    const int sizes[] = {2, 2, 3, 3, 2, 3, 3};
    for (int offset = 0; offset < 7; ++offset)
        entries.push_back(entry_on("dilate", day(2026, 10, 13) + std::chrono::days{offset * 3}, 21,
                                   {{"size", sizes[offset]}, {"pain", 6 - offset / 2}}));
    entries.push_back(with_note(entry_on("sex", day(2026, 10, 14), 22, {{"pain", 7}}),
                                "stopped early", {"evening"}));
    entries.push_back(entry_on("sex", day(2026, 10, 21), 22, {{"pain", 5}}));
    entries.push_back(entry_on("sex", day(2026, 10, 28), 22, {{"pain", 3}}));
    entries.push_back(
        with_note(with_text(with_text(entry_on("med", day(2026, 10, 20), 8), "name", "lidocaine"),
                            "dose", "a little"),
                  "before dilating"));
    entries.push_back(with_note(entry_on("note", day(2026, 10, 22), 12), "a good week"));
    sort_by_time(entries);
    return entries;
}

ExportRequest request_for(Period period) {
    return ExportRequest{period, {}, day(2026, 11, 2), true};
}

}  // namespace

TEST_CASE("visit report: the default period starts on the day of the last visit") {
    const auto entries = autumn();
    const Profile profile = pelvic_floor_profile();
    const ExportPeriod since = default_period_of(entries, profile, day(2026, 11, 2));
    CHECK(since.period == Period{day(2026, 10, 12), day(2026, 11, 2)});
    CHECK(*since.last_visit == day(2026, 10, 12));
    // A visit logged today is the one the notes are for: the period reaches back past it.
    auto with_today = entries;
    with_today.push_back(entry_on("visit", day(2026, 11, 2), 9));
    CHECK(default_period_of(with_today, profile, day(2026, 11, 2)).period ==
          Period{day(2026, 10, 12), day(2026, 11, 2)});
    // Without any visit: the last 30 days.
    const ExportPeriod month = default_period_of({}, profile, day(2026, 11, 2));
    CHECK(month.period == Period{day(2026, 10, 4), day(2026, 11, 2)});
    CHECK_FALSE(month.last_visit.has_value());
}

TEST_CASE("visit report: lists of the period, questions open until answered across visits") {
    const VisitReport report =
        visit_report_of(request_for(Period{day(2026, 10, 13), day(2026, 11, 2)}), autumn(), Plan{},
                        builtin_config());
    CHECK(*report.last_visit == day(2026, 10, 12));
    CHECK(report.entries.size() == 14);  // 7 dilate, 3 sex, 2 questions, med, note
    // Open at the period's end, oldest first: one from before the visit, one from the visit day
    // after it, one answered only after the period. Answered ones (by an answer at the visit, by
    // `answered = yes`) are not listed.
    REQUIRE(report.questions.size() == 3);
    CHECK(report.questions[0].note == "Still open from before the visit?");
    CHECK(report.questions[1].note == "Asked on the visit day, after it?");
    CHECK(report.questions[2].note == "When can I move up a size?");
    REQUIRE(report.treatments.size() == 1);
    CHECK(report.treatments[0].kind == "med");
    REQUIRE(report.treatment_groups.size() == 1);
    CHECK(report.treatment_groups[0].name == "lidocaine");
    CHECK(report.treatment_groups[0].doses == std::vector<std::string>{"a little"});
    CHECK(report.visits.empty());
    REQUIRE(report.notes_list.size() == 3);
    CHECK(report.notes_list[0].note == "stopped early");
    CHECK(report.notes_list[1].note == "before dilating");
    CHECK(report.notes_list[2].note == "a good week");
    REQUIRE(report.stats.procedures.size() == 1);
    CHECK(report.stats.procedures[0].days_ago == 140);
}

TEST_CASE("visit report: measures per week, the main outcome's trend and the size steps") {
    const VisitReport report =
        visit_report_of(request_for(Period{day(2026, 10, 13), day(2026, 11, 2)}), autumn(), Plan{},
                        builtin_config());
    // Pain scales always (dilate, massage, sex, pain.level); anxiety and comfort had no values.
    REQUIRE(report.measures.size() == 4);
    CHECK(report.measures[0].field == FieldRef{"dilate", "pain"});
    CHECK(report.measures[1].field == FieldRef{"massage", "pain"});
    CHECK(report.measures[1].points.empty());
    const Measure& sex = report.measures[2];
    CHECK(sex.field == FieldRef{"sex", "pain"});
    REQUIRE(sex.points.size() == 3);
    CHECK(sex.points[2].date == day(2026, 10, 28));
    CHECK(sex.points[2].value == 3);
    // Weeks: 13-18 Oct (cut), 19-25, 26 Oct - 1 Nov, 2 Nov.
    REQUIRE(sex.weeks.size() == 4);
    CHECK(sex.weeks[0]->mean == 7);
    CHECK(sex.weeks[2]->mean == 3);
    CHECK_FALSE(sex.weeks[3].has_value());
    // Dilate pain 6, 6, 5 in the first week (13, 16 Oct and... 19 Oct is the next week).
    const Measure& dilate = report.measures[0];
    CHECK(dilate.weeks[0]->n == 2);
    CHECK(dilate.weeks[0]->mean == 6);

    REQUIRE(report.outcome.has_value());
    CHECK(report.outcome->field == FieldRef{"sex", "pain"});
    CHECK(report.outcome->first_week == day(2026, 10, 13));
    CHECK(report.outcome->first_mean == 7);
    CHECK(report.outcome->last_week == day(2026, 10, 26));
    CHECK(report.outcome->last_mean == 3);
    CHECK(report.outcome->meaningful_change == 1);

    REQUIRE(report.progression.size() == 1);
    const auto& steps = report.progression[0].points;
    REQUIRE(steps.size() == 7);
    CHECK(report.progression[0].scale_max == 6);
    CHECK_FALSE(steps[3].step_back);
    CHECK(steps[4].step_back);  // 3 -> 2 on 25 Oct
    CHECK(steps[4].date == day(2026, 10, 25));
}

TEST_CASE("visit report: page 1 facts, the first days against the last, with n") {
    const VisitReport report =
        visit_report_of(request_for(Period{day(2026, 10, 13), day(2026, 11, 2)}), autumn(), Plan{},
                        builtin_config());
    const Glance& glance = report.glance;
    REQUIRE(glance.procedures.size() == 1);
    CHECK(glance.procedures[0].name == "Botox");
    CHECK(glance.procedures[0].date == day(2026, 6, 15));
    CHECK(glance.procedures[0].days_ago == 140);
    CHECK_FALSE(glance.programme_start.has_value());  // no plan
    CHECK(glance.procedures[0].dose == "100 units");
    // Weeks (from Monday): 13-18 Oct, 19-25, 26 Oct - 1 Nov, 2 Nov. Three weeks hold values of
    // each outcome: one week on each side, the first against the last.
    REQUIRE(glance.outcomes.size() == 2);
    const OutcomeComparison& sex = glance.outcomes[0];
    CHECK(sex.field == FieldRef{"sex", "pain"});
    CHECK(sex.baseline.days == Period{day(2026, 10, 13), day(2026, 10, 18)});
    CHECK(sex.now.days == Period{day(2026, 10, 26), day(2026, 11, 1)});
    CHECK(sex.baseline.points.size() == 1);  // 7
    CHECK(*sex.baseline.mean == 7);
    CHECK(sex.now.points.size() == 1);  // 3: too few to call a change
    CHECK_FALSE(sex.comparable);
    CHECK(sex.meaningful_change == 0);
    const OutcomeComparison& dilate = glance.outcomes[1];
    CHECK(dilate.baseline.points.size() == 2);  // 6, 6
    CHECK(*dilate.baseline.mean == 6);
    CHECK(dilate.now.points.size() == 2);  // 4, 3
    CHECK(*dilate.now.mean == 3.5);
    // Fewer than minimum_n (3) a side, and the middle week can't give both sides more.
    CHECK_FALSE(dilate.comparable);
    CHECK(dilate.meaningful_change == 0);
    REQUIRE(glance.kind_days.size() == 2);
    CHECK(glance.kind_days[0].kind == "sex");
    CHECK(glance.kind_days[0].days == 3);
    REQUIRE(glance.progression.size() == 1);
    CHECK(glance.progression[0].value == 3);
    CHECK(glance.progression[0].since == day(2026, 10, 28));
    REQUIRE(glance.progression[0].step_backs.size() == 1);
    CHECK(glance.progression[0].step_backs[0].date == day(2026, 10, 25));
    CHECK(glance.adherence.entries == 14);
    CHECK(glance.adherence.rest_days == 0);
    // The latest notes of the outcome kinds (sex, dilate), newest first.
    REQUIRE(glance.latest_notes.size() == 1);
    CHECK(glance.latest_notes[0].entry.note == "stopped early");
    CHECK(glance.latest_notes[0].excerpt == "stopped early");
    CHECK_FALSE(glance.latest_notes[0].shortened);
    CHECK(glance.outcomes_in_full == 2);
    CHECK(glance.questions_on_page_one ==
          std::vector<std::string>{"Still open from before the visit?",
                                   "Asked on the visit day, after it?",
                                   "When can I move up a size?"});
    CHECK(glance.questions_in_full);
}

TEST_CASE("visit report: page 1 holds two outcomes in full, three questions and short quotes") {
    std::vector<Entry> entries;
    const std::string long_note(200, 'x');
    for (int offset = 0; offset < 5; ++offset) {
        entries.push_back(question(day(2026, 10, 13) + std::chrono::days{offset},
                                   offset == 1 ? std::string(170, 'q') : "Short?"));
        entries.push_back(with_note(
            entry_on("sex", day(2026, 10, 13) + std::chrono::days{offset}, 22, {{"pain", 5}}),
            offset == 4 ? "It went well,\nmuch better than " + long_note : "fine"));
        entries.push_back(
            entry_on("pain", day(2026, 10, 13) + std::chrono::days{offset}, 12, {{"level", 2}}));
    }
    sort_by_time(entries);
    Config config = builtin_config();
    config.profile.outcomes.push_back(FieldRef{"pain", "level"});
    const VisitReport report = visit_report_of(
        request_for(Period{day(2026, 10, 13), day(2026, 11, 2)}), entries, Plan{}, config);
    const Glance& glance = report.glance;
    REQUIRE(glance.outcomes.size() == 2);  // sex pain and pain; dilate pain has no values
    CHECK(glance.outcomes_in_full == 2);
    REQUIRE(report.questions.size() == 5);
    // The oldest three; the 170 characters of the second cut at 160 with "…".
    REQUIRE(glance.questions_on_page_one.size() == 3);
    CHECK(glance.questions_on_page_one[0] == "Short?");
    CHECK(glance.questions_on_page_one[1] == std::string(160, 'q') + "…");
    CHECK_FALSE(glance.questions_in_full);
    REQUIRE(glance.latest_notes.size() == 3);
    const Quote& newest = glance.latest_notes[0];
    CHECK(newest.entry.note == "It went well,\nmuch better than " + long_note);
    // One line, cut at the last space within 120 characters: the 200 x's are one word.
    CHECK(newest.excerpt == "It went well, much better than…");
    CHECK(newest.shortened);
    CHECK(glance.latest_notes[1].excerpt == "fine");
    CHECK_FALSE(glance.latest_notes[1].shortened);
}

TEST_CASE("visit report: a third outcome is on page 1 in a line, not in full") {
    std::vector<Entry> entries;
    for (int offset = 0; offset < 3; ++offset) {
        const Date date = day(2026, 10, 13) + std::chrono::days{offset};
        entries.push_back(entry_on("sex", date, 22, {{"pain", 5}}));
        entries.push_back(entry_on("dilate", date, 21, {{"size", 2}, {"pain", 4}}));
        entries.push_back(entry_on("pain", date, 12, {{"level", 2}}));
    }
    sort_by_time(entries);
    Config config = builtin_config();
    config.profile.outcomes.push_back(FieldRef{"pain", "level"});
    const VisitReport report = visit_report_of(
        request_for(Period{day(2026, 10, 13), day(2026, 11, 2)}), entries, Plan{}, config);
    REQUIRE(report.glance.outcomes.size() == 3);
    CHECK(report.glance.outcomes[2].field == FieldRef{"pain", "level"});
    CHECK(report.glance.outcomes_in_full == 2);
}

TEST_CASE("visit report: --no-notes removes every note, tag and question") {
    ExportRequest request = request_for(Period{day(2026, 10, 13), day(2026, 11, 2)});
    request.notes = false;
    const VisitReport report = visit_report_of(request, autumn(), Plan{}, builtin_config());
    CHECK(report.notes_list.empty());
    CHECK(report.questions.empty());
    CHECK(report.entries.size() == 14);
    for (const auto& entry : report.entries) {
        CHECK(entry.note.empty());
        CHECK(entry.tags.empty());
    }
    REQUIRE(report.treatments.size() == 1);
    CHECK(report.treatments[0].note.empty());
}

TEST_CASE("visit report: --kind limits entries, measures and sessions") {
    ExportRequest request = request_for(Period{day(2026, 10, 13), day(2026, 11, 2)});
    request.kinds = {"sex"};
    Plan plan;
    plan.items = {plan_item("dilate", {"daily"}, day(2026, 10, 13)),
                  plan_item("sex", {"1/week"}, day(2026, 10, 12))};
    const VisitReport report = visit_report_of(request, autumn(), plan, builtin_config());
    // The sections of questions, visits and treatments say they were left out, not "none".
    CHECK(report.kinds == std::vector<std::string>{"sex"});
    CHECK_FALSE(report.included.questions);
    CHECK_FALSE(report.included.visits);
    CHECK_FALSE(report.included.treatments);
    request.kinds = {"sex", "med"};
    const VisitReport with_med = visit_report_of(request, autumn(), plan, builtin_config());
    CHECK(with_med.included.treatments);
    CHECK_FALSE(with_med.included.visits);
    CHECK(report.entries.size() == 3);
    REQUIRE(report.measures.size() == 1);
    CHECK(report.measures[0].field == FieldRef{"sex", "pain"});
    REQUIRE(report.items.size() == 1);
    CHECK(report.items[0].kind == "sex");
    CHECK(report.sessions == 3);
    CHECK(report.progression.empty());
}

TEST_CASE("visit report: an empty period has no outcome and empty lists") {
    const VisitReport report = visit_report_of(
        request_for(Period{day(2026, 9, 1), day(2026, 9, 30)}), autumn(), Plan{}, builtin_config());
    CHECK(report.entries.empty());
    CHECK(report.stats.entries == 0);
    CHECK_FALSE(report.outcome.has_value());
    CHECK(report.progression.empty());
    CHECK(report.notes_list.empty());
    REQUIRE(report.measures.size() == 4);  // the pain scales, each saying "no entries"
    CHECK(report.measures[2].points.empty());
}

TEST_CASE("visit report: visits, questions and the trend come from roles and outcomes, not names") {
    // The same story in a profile that calls visits "appointment" and treats dilating pain as
    // its outcome: nothing is lost and the trend follows the outcome.
    Config config = builtin_config();
    for (auto& kind : config.profile.kinds)
        if (kind.role == KindRole::visit) kind.name = "appointment";
    config.profile.outcomes = {{"dilate", "pain"}};
    auto entries = autumn();
    for (auto& entry : entries)
        if (entry.kind == "visit") entry.kind = "appointment";
    const ExportPeriod since = default_period_of(entries, config.profile, day(2026, 11, 2));
    CHECK(since.period == Period{day(2026, 10, 12), day(2026, 11, 2)});
    ExportRequest request = request_for(since.period);
    request.from_visit = true;
    const VisitReport report = visit_report_of(request, entries, Plan{}, config);
    REQUIRE(report.from_visit.has_value());
    CHECK(report.from_visit->local_second_of_day() == 10 * 3600);
    CHECK(report.last_visit == std::optional<Date>(day(2026, 10, 12)));
    REQUIRE(report.questions.size() == 3);
    CHECK(report.questions[2].note == "When can I move up a size?");
    REQUIRE(report.treatments.size() == 1);
    CHECK(report.treatments[0].kind == "med");
    REQUIRE(report.outcome.has_value());
    CHECK(report.outcome->field == FieldRef{"dilate", "pain"});
    // Dilate pain 6, 6 in the week of 13 Oct; 4, 3 in the week of 26 Oct.
    CHECK(report.outcome->first_mean == 6);
    CHECK(report.outcome->last_mean == 3.5);
    // A kind without its role is just a kind: no visit, so the last 30 days.
    Config no_roles = config;
    for (auto& kind : no_roles.profile.kinds)
        kind.role = KindRole::none;
    CHECK(default_period_of(entries, no_roles.profile, day(2026, 11, 2)).period ==
          Period{day(2026, 10, 4), day(2026, 11, 2)});
}

TEST_CASE("visit report: notes since a visit start at the visit's time on its day") {
    auto entries = autumn();
    entries.push_back(entry_on("dilate", day(2026, 10, 12), 8, {{"size", 2}, {"pain", 8}}));
    entries.push_back(entry_on("sex", day(2026, 10, 12), 21, {{"pain", 6}}));
    sort_by_time(entries);
    ExportRequest request = request_for(Period{day(2026, 10, 12), day(2026, 11, 2)});
    request.from_visit = true;
    const VisitReport report = visit_report_of(request, entries, Plan{}, builtin_config());
    REQUIRE(report.from_visit.has_value());  // the visit at 10:00
    CHECK(report.from_visit->local_second_of_day() == 10 * 3600);
    CHECK(*report.last_visit == day(2026, 10, 12));
    // Of 12 Oct: the question at 20:00, the answer at 11:00 and sex at 21:00; not the dilating
    // at 8:00 or the visit at 10:00, which were the notes before.
    CHECK(report.entries.size() == 14 + 3);
    CHECK(report.visits.empty());
    const Measure& sex = report.measures[2];
    REQUIRE(sex.points.size() == 4);
    CHECK(sex.points[0].date == day(2026, 10, 12));
    CHECK(sex.points[0].value == 6);
    CHECK(report.measures[0].points.size() == 7);  // dilating from 13 Oct only
    // Asked for the same days as a period, the whole first day counts.
    const VisitReport asked =
        visit_report_of(request_for(request.period), entries, Plan{}, builtin_config());
    CHECK_FALSE(asked.from_visit.has_value());
    CHECK(asked.measures[0].points.size() == 8);
    CHECK(asked.visits.size() == 1);
}

TEST_CASE("visit report: outcomes compare the first and last two weeks with entries") {
    // Six months; sex only from the fifth week on (a long period's first weeks are empty), two
    // entries a week for five weeks, then nothing for the rest.
    std::vector<Entry> entries;
    const int pains[5][2] = {{8, 7}, {7, 7}, {6, 5}, {4, 4}, {4, 3}};
    for (int week = 0; week < 5; ++week)
        for (int each = 0; each < 2; ++each)
            entries.push_back(
                entry_on("sex", day(2026, 6, 1) + std::chrono::days{7 * (4 + week) + 2 * each}, 20,
                         {{"pain", pains[week][each]}}));
    ExportRequest request{Period{day(2026, 6, 1), day(2026, 11, 30)}, {}, day(2026, 11, 30), true};
    const VisitReport report = visit_report_of(request, entries, Plan{}, builtin_config());
    REQUIRE_FALSE(report.glance.outcomes.empty());
    const OutcomeComparison& sex = report.glance.outcomes[0];
    // The weeks of 29 Jun and 6 Jul against those of 20 and 27 Jul.
    CHECK(sex.baseline.days == Period{day(2026, 6, 29), day(2026, 7, 12)});
    CHECK(sex.baseline.points.size() == 4);
    CHECK(*sex.baseline.mean == 7.3);  // 29 / 4 = 7.25, rounded as printed
    CHECK(sex.now.days == Period{day(2026, 7, 20), day(2026, 8, 2)});
    CHECK(*sex.now.mean == 3.8);  // 15 / 4 = 3.75
    CHECK(sex.comparable);
    CHECK(sex.meaningful_change == 1);
    // The change is the difference of the means as printed: 3.5, not 3.5 of unrounded ones.
    CHECK(*sex.now.mean - *sex.baseline.mean == doctest::Approx(-3.5));
}

TEST_CASE("visit report: one entry a week compares three weeks with three, never two with two") {
    // Seven weeks of sex once a week (the example's story): two weeks a side hold 2 entries,
    // under minimum_n, so each side takes in a third week; the sides stay apart.
    std::vector<Entry> entries;
    const int pains[] = {7, 6, 6, 5, 4, 3, 2};
    for (int week = 0; week < 7; ++week)
        entries.push_back(entry_on("sex", day(2026, 10, 5) + std::chrono::days{7 * week + 3}, 21,
                                   {{"pain", pains[week]}}));
    ExportRequest request{Period{day(2026, 10, 5), day(2026, 11, 22)}, {}, day(2026, 11, 25), true};
    const VisitReport report = visit_report_of(request, entries, Plan{}, builtin_config());
    REQUIRE_FALSE(report.glance.outcomes.empty());
    const OutcomeComparison& sex = report.glance.outcomes[0];
    CHECK(OutcomeComparison::minimum_n == 3);
    CHECK(sex.baseline.days == Period{day(2026, 10, 5), day(2026, 10, 25)});
    CHECK(sex.baseline.points.size() == 3);
    CHECK(*sex.baseline.mean == 6.3);  // 19 / 3
    CHECK(sex.now.days == Period{day(2026, 11, 2), day(2026, 11, 22)});
    CHECK(sex.now.points.size() == 3);
    CHECK(*sex.now.mean == 3.0);
    CHECK(sex.comparable);
    CHECK(sex.meaningful_change == 1);

    // Four weeks of one entry: two a side at most, the sides never share a week: too few.
    entries.resize(4);
    const VisitReport short_one = visit_report_of(
        ExportRequest{Period{day(2026, 10, 5), day(2026, 11, 1)}, {}, day(2026, 11, 25), true},
        entries, Plan{}, builtin_config());
    const OutcomeComparison& four = short_one.glance.outcomes[0];
    CHECK(four.baseline.points.size() == 2);
    CHECK(four.now.points.size() == 2);
    CHECK(*four.baseline.days.to < *four.now.days.from);
    CHECK_FALSE(four.comparable);
    CHECK(four.meaningful_change == 0);
}

TEST_CASE("visit report: page 1 compares whole weeks with sessions due, none still open") {
    // Dilating daily from 19 Oct; the period runs from 13 Oct to today, 2 Nov.
    Plan plan;
    plan.items = {plan_item("dilate", {"daily"}, day(2026, 10, 19))};
    const VisitReport report = visit_report_of(
        request_for(Period{day(2026, 10, 13), day(2026, 11, 2)}), autumn(), plan, builtin_config());
    const AdherenceGlance& adherence = report.glance.adherence;
    // 13-18 Oct: a stub before the plan; 2 Nov: today, still open. Left: 19-25 Oct (3 of 7) and
    // 26 Oct - 1 Nov (2 of 7).
    CHECK(adherence.weeks_compared == 2);
    REQUIRE(adherence.first_weeks.size() == 1);
    CHECK(adherence.first_weeks[0].first == day(2026, 10, 19));
    CHECK(*adherence.first_weeks[0].second == doctest::Approx(3.0 / 7));
    REQUIRE(adherence.last_weeks.size() == 1);
    CHECK(adherence.last_weeks[0].first == day(2026, 10, 26));
    CHECK(*adherence.last_weeks[0].second == doctest::Approx(2.0 / 7));
}

TEST_CASE("visit report: entries dated after today are in no list, as in no number") {
    std::vector<Entry> entries = autumn();
    // Today is 2 Nov; a clock ahead logged these on 5-7 Nov, inside the asked period.
    entries.push_back(with_note(entry_on("sex", day(2026, 11, 5), 22, {{"pain", 9}}), "ahead"));
    entries.push_back(with_text(entry_on("med", day(2026, 11, 6), 8), "name", "diazepam"));
    entries.push_back(question(day(2026, 11, 7), "Asked ahead?"));
    sort_by_time(entries);
    const VisitReport report =
        visit_report_of(request_for(Period{day(2026, 10, 13), day(2026, 11, 10)}), entries, Plan{},
                        builtin_config());
    for (const auto& entry : report.notes_list)
        CHECK(entry.note != "ahead");
    REQUIRE(report.treatments.size() == 1);
    CHECK(report.treatments[0].at.local_date() == day(2026, 10, 20));
    REQUIRE(report.questions.size() == 3);
    CHECK(report.questions[2].note == "When can I move up a size?");
    REQUIRE(report.glance.latest_notes.size() == 1);
    CHECK(report.glance.latest_notes[0].entry.note == "stopped early");
    for (const auto& measure : report.measures)
        for (const auto& point : measure.points)
            CHECK(point.date <= day(2026, 11, 2));
    CHECK(report.stats.entries == 14);
    // JSON and CSV carry every entry of the period: the 14, the answer of 5 Nov (ahead too, so
    // its question is still open above) and the 3 ahead.
    CHECK(report.entries.size() == 18);
}
