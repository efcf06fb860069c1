// The sentences for the flags of a stats report: calm, and naming a doctor only for pain that
// persists.
#pragma once

#include <string>

#include "tend/stats.h"
#include "tend/visit_report.h"

namespace tend::render {

// "Pain of 6 or more on 3 days of this period. Consistent pain is worth a check with your
// doctor.", "The dilate size went from 3 back to 2 on 18 Nov. ...", "No entries for 5 days ...".
std::string flag_sentence(const Flag& flag);

// A flag as the visit notes state it for a clinician: facts and days, no advice. "Pain 6 or more
// on 7 days, all between 9 Oct and 24 Oct; none since (to 22 Nov).", "Nothing logged on 6 days,
// 3-8 Nov."
std::string flag_facts_sentence(const FlagFacts& flag, const Period& period);

}  // namespace tend::render
