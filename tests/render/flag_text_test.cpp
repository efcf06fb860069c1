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
