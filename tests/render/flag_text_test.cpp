// The flags' sentences: calm, with their numbers and dates, a doctor named only for pain.
#include <doctest/doctest.h>

#include "render/flag_text.h"

using namespace tend;

namespace {

Date day(int year, int month, int day_of_month) {
    return *make_date(year, month, day_of_month);
}

}  // namespace

TEST_CASE("flag text: each flag's sentence holds its numbers and dates") {
    CHECK(render::flag_sentence(Flag{.kind = Flag::Kind::persistent_pain, .level = 6, .days = 3}) ==
          "Pain of 6 or more on 3 days of this period. Consistent pain is worth a check with "
          "your doctor.");
    CHECK(render::flag_sentence(Flag{.kind = Flag::Kind::step_back,
                                     .about = "dilate",
                                     .field = "size",
                                     .from = 3,
                                     .to = 2,
                                     .first = day(2026, 11, 18)}) ==
          "The dilate size went from 3 back to 2 on 18 Nov. Stepping back after a break or a hard "
          "day is common; move up again when it feels comfortable.");
    CHECK(render::flag_sentence(Flag{.kind = Flag::Kind::gap,
                                     .days = 5,
                                     .first = day(2026, 11, 17),
                                     .last = day(2026, 11, 21)}) ==
          "No entries for 5 days (17 Nov - 21 Nov) while the plan was running. Whenever you are "
          "ready, picking up again is what counts.");
}

TEST_CASE("flag text: ids stay the names JSON readers key on") {
    CHECK(Flag{.kind = Flag::Kind::persistent_pain}.id() == "persistent-pain");
    CHECK(Flag{.kind = Flag::Kind::step_back}.id() == "step-back");
    CHECK(Flag{.kind = Flag::Kind::gap}.id() == "gap");
}

TEST_CASE("flag text: the notes state flags as facts with their days, never advice") {
    const Period period{day(2026, 10, 7), day(2026, 11, 22)};
    FlagFacts pain{Flag::Kind::persistent_pain,
                   6,
                   {day(2026, 10, 9), day(2026, 10, 12), day(2026, 10, 24)},
                   day(2026, 10, 9),
                   day(2026, 10, 24),
                   false};
    CHECK(render::flag_facts_sentence(pain, period) ==
          "Pain 6 or more on 3 days, all between 9 Oct and 24 Oct; none since (to 22 Nov).");
    pain.days = {day(2026, 11, 22)};
    pain.first = pain.last = day(2026, 11, 22);
    pain.to_the_end = true;
    CHECK(render::flag_facts_sentence(pain, period) == "Pain 6 or more on 1 day, on 22 Nov.");
    const FlagFacts gap{Flag::Kind::gap,
                        0,
                        {day(2026, 11, 3), day(2026, 11, 4), day(2026, 11, 5)},
                        day(2026, 11, 3),
                        day(2026, 11, 5),
                        false};
    CHECK(render::flag_facts_sentence(gap, period) == "Nothing logged on 3 days, 3-5 Nov.");
}
