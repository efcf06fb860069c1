// The sentences for the flags of a stats report.
#include "render/flag_text.h"

#include <fmt/format.h>

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

}  // namespace tend::render
