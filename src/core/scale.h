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

// Whether the rule for a meaningful change applies to `field`: a scale, or an int or a number
// with both a min and a max (a questionnaire score of 2 to 36). Other numbers have no range to
// take a share of.
inline bool has_range(const FieldSpec& field) {
    if (field.type == FieldType::scale) return true;
    return (field.type == FieldType::integer || field.type == FieldType::number) && field.min &&
           field.max && *field.max > *field.min;
}

// Whether a change (or a difference) of `change` on a scale that spans `range` counts: at least
// 2 points on a 0-10 scale, in proportion on other ranges.
inline bool is_meaningful(double change, double range) {
    return std::abs(change) >= 2 * range / 10;
}

// Tenths, as tend prints a mean: what is compared is what is read (3.8 → 2.4 is 1.4 lower).
inline double to_tenths(double value) {
    return std::round(value * 10) / 10;
}

}  // namespace tend
