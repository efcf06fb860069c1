// The sentences for the flags of a stats report.
#include "render/flag_text.h"

#include <fmt/format.h>

#include "render/numbers.h"

namespace tend::render {

std::string flag_sentence(const Flag& flag) {
    switch (flag.kind) {
        case Flag::Kind::persistent_pain:
            return fmt::format(
                "Pain of {} or more on {} days of this period. Consistent pain is worth a check "
                "with your doctor.",
                flag.level, flag.days);
        case Flag::Kind::step_back:
            return fmt::format(
                "The {} {} went from {} back to {} on {}. Stepping back after a break or a hard "
                "day is common; move up again when it feels comfortable.",
                flag.about, flag.field, flag.from, flag.to, format_short_date(flag.first));
        case Flag::Kind::gap:
            return fmt::format(
                "No entries for {} days ({} - {}) while the plan was running. Whenever you are "
                "ready, picking up again is what counts.",
                flag.days, format_short_date(flag.first), format_short_date(flag.last));
    }
    return {};
}

std::string flag_facts_sentence(const FlagFacts& flag, const Period& period) {
    const std::string when = format_days(flag.first, flag.last);
    if (flag.kind == Flag::Kind::gap)
        return fmt::format("Nothing logged on {} days, {}{}.", flag.days.size(), when,
                           flag.to_the_end ? ", up to the period's end" : "");
    std::string line = fmt::format("Pain {} or more on {} {}, ", flag.level, flag.days.size(),
                                   flag.days.size() == 1 ? "day" : "days");
    line += flag.days.size() == 1
                ? fmt::format("on {}", when)
                : fmt::format("all between {} and {}", format_date_in(flag.first, period),
                              format_date_in(flag.last, period));
    if (!flag.to_the_end)
        line += fmt::format("; none since (to {})", format_date_in(*period.to, period));
    return line + ".";
}

}  // namespace tend::render
