// Tests for src/core/effect.cpp: an outcome on days after a factor against days without it.
#include "tend/effect.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.h"

using namespace tend;
using namespace tend::testing;

namespace {

Entry sex(Date date, int hour, std::int64_t pain) {
    return entry_on("sex", date, hour, {{"pain", pain}});
}

// Cardio on 1, 5 and 10 Nov (18:00); sex on the days below. Worked out by hand:
//   with cardio in the 2 days before, or earlier that day: 2 Nov (2), 3 Nov (4), 5 Nov (3),
//   11 Nov (4): 4 days, mean 3.25.
//   without: 4 Nov (6), 10 Nov (7: cardio came later that day), 14 Nov (6 and 8, mean 7):
//   3 days, mean 6.67.
std::vector<Entry> november() {
    std::vector<Entry> entries;
    for (const int date : {1, 5, 10})
        entries.push_back(entry_on("cardio", day(2026, 11, date), 18));
    entries.push_back(sex(day(2026, 11, 2), 22, 2));
    entries.push_back(sex(day(2026, 11, 3), 22, 4));
    entries.push_back(sex(day(2026, 11, 4), 22, 6));
    entries.push_back(sex(day(2026, 11, 5), 22, 3));
    entries.push_back(sex(day(2026, 11, 10), 8, 7));
    entries.push_back(sex(day(2026, 11, 11), 22, 4));
    entries.push_back(sex(day(2026, 11, 14), 9, 6));
    entries.push_back(sex(day(2026, 11, 14), 22, 8));
    sort_by_time(entries);
    return entries;
}

EffectRequest cardio_on_sex_pain(Period period) {
    return EffectRequest{period, "cardio", FieldRef{"sex", "pain"}, 2};
}

const Period whole_november{day(2026, 11, 1), day(2026, 11, 30)};

}  // namespace

TEST_CASE("effect: means and days on each side, and their difference") {
    const EffectReport report =
        effect_of(cardio_on_sex_pain(whole_november), november(), builtin_config());
    CHECK(report.with.days == 4);
    CHECK(*report.with.mean == doctest::Approx(3.25));
    CHECK(report.without.days == 3);
    CHECK(*report.without.mean == doctest::Approx(20.0 / 3.0));
    CHECK(report.enough());
    // Of the means as printed: 3.3 (3.25) and 6.7 (6.67).
    CHECK(*report.difference() == doctest::Approx(3.3 - 6.7));
    CHECK(report.outcome_type == FieldType::scale);
    CHECK(report.lower_is_better);
    CHECK(report.meaningful());  // 3.4 points on 0-10
}

TEST_CASE("effect: --within 1 moves the day two days after cardio to the other side") {
    EffectRequest request = cardio_on_sex_pain(whole_november);
    request.within_days = 1;
    const EffectReport report = effect_of(request, november(), builtin_config());
    CHECK(report.with.days == 3);  // 2, 5 and 11 Nov
    CHECK(*report.with.mean == 3);
    CHECK(report.without.days == 4);  // 3, 4, 10 and 14 Nov
    CHECK(*report.without.mean == 6);
}

TEST_CASE("effect: fewer than three days on a side is not enough to compare") {
    const EffectReport report =
        effect_of(cardio_on_sex_pain(Period{day(2026, 11, 1), day(2026, 11, 5)}), november(),
                  builtin_config());
    CHECK(report.with.days == 3);
    CHECK(report.without.days == 1);
    CHECK(*report.without.mean == 6);
    CHECK_FALSE(report.enough());
    CHECK_FALSE(report.difference().has_value());
    CHECK_FALSE(report.meaningful());
}

TEST_CASE("effect: a factor just before the period counts, outcomes outside it do not") {
    const EffectReport report =
        effect_of(cardio_on_sex_pain(Period{day(2026, 11, 2), day(2026, 11, 11)}), november(),
                  builtin_config());
    CHECK(report.with.days == 4);     // 2 Nov is after the cardio of 1 Nov
    CHECK(report.without.days == 2);  // 4 and 10 Nov; 14 Nov is outside
}

TEST_CASE("effect: entries out of time order give the same answer") {
    std::vector<Entry> entries = november();
    std::reverse(entries.begin(), entries.end());
    const EffectReport report =
        effect_of(cardio_on_sex_pain(whole_november), entries, builtin_config());
    CHECK(report.with.days == 4);
    CHECK(*report.with.mean == doctest::Approx(3.25));
    CHECK(report.without.days == 3);
}

TEST_CASE("effect: days are local days, whatever the offset was") {
    // Cardio late on 20 Nov at +01:00; sex just after midnight on 23 Nov at +02:00 (a trip).
    // In UTC that is still 22 Nov, within 2 days; as the user lived it, it is 3 days after.
    std::vector<Entry> entries;
    Entry cardio = entry_on("cardio", day(2026, 11, 20), 23);
    Entry late = sex(day(2026, 11, 23), 0, 5);
    late.at = instant_at(2026, 11, 23, 0, 15, 7200);
    entries = {cardio, late};
    const EffectReport report =
        effect_of(cardio_on_sex_pain(Period{day(2026, 11, 20), day(2026, 11, 30)}), entries,
                  builtin_config());
    CHECK(report.with.days == 0);
    CHECK(report.without.days == 1);
    CHECK_FALSE(report.with.mean.has_value());
}

TEST_CASE("effect: a difference in minutes is never called meaningful") {
    std::vector<Entry> entries;
    for (const int date : {2, 4, 6})
        entries.push_back(entry_on("cardio", day(2026, 11, date), 7));
    for (const int date : {2, 3, 4, 5, 6, 20, 21, 22})
        entries.push_back(entry_on("dilate", day(2026, 11, date), 21, {{"minutes", date * 2}}));
    sort_by_time(entries);
    const EffectRequest request{whole_november, "cardio", FieldRef{"dilate", "minutes"}, 2};
    const EffectReport report = effect_of(request, entries, builtin_config());
    CHECK(report.with.days == 5);  // 2-6 Nov: 4 + 6 + 8 + 10 + 12 = 40
    CHECK(*report.with.mean == 8);
    CHECK(report.without.days == 3);  // 40 + 42 + 44
    CHECK(*report.without.mean == 42);
    CHECK(report.outcome_type == FieldType::duration);
    CHECK(*report.difference() == -34);
    CHECK_FALSE(report.meaningful());
}

TEST_CASE("effect: counted an entry at a time in two pieces, the report is compare_effect's") {
    const Config config = builtin_config();
    const auto entries = november();
    const EffectRequest request = cardio_on_sex_pain(Period{day(2026, 11, 1), day(2026, 11, 30)});
    EffectCount count(request, config);
    // The later piece first: what is kept for each day doesn't depend on their order.
    const CompactEntries counted = compact(entries, config.profile);
    for (const auto& entry : counted.entries())
        if (entry.at.local_date() >= day(2026, 11, 10)) count.add(entry);
    for (const auto& entry : counted.entries())
        if (entry.at.local_date() < day(2026, 11, 10)) count.add(entry);
    const EffectReport pieces = count.report(request.period);
    CHECK(pieces.with.days == 4);
    CHECK(*pieces.with.mean == doctest::Approx(3.25));
    CHECK(pieces.without.days == 3);
    CHECK(*pieces.without.mean == doctest::Approx(20.0 / 3));
    // A shorter period from the same counts: only 10 Nov on (11 Nov with, 10 and 14 without).
    const EffectReport later = count.report(Period{day(2026, 11, 10), day(2026, 11, 30)});
    CHECK(later.with.days == 1);
    CHECK(later.without.days == 2);
    CHECK(later.request.period == Period{day(2026, 11, 10), day(2026, 11, 30)});
}
