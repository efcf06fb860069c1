// The one home of two rules about scales: the default range (0 to 10) and what change counts as
// meaningful (about 2 points on 0-10, shared/domain.md after Farrar et al. 2001).
#pragma once

#include <cmath>

#include "tend/profile.h"

namespace tend {

// The range a field is read on: its min and max, 0 to 10 where the profile sets none.
inline double scale_min(const FieldSpec& field) {
    return field.min.value_or(0);
}
inline double scale_max(const FieldSpec& field) {
    return field.max.value_or(10);
}

// Whether a change (or a difference) of `change` on a scale that spans `range` counts: at least
// 2 points on a 0-10 scale, in proportion on other ranges.
inline bool is_meaningful(double change, double range) {
    return std::abs(change) >= 2 * range / 10;
}

}  // namespace tend
