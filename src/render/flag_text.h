// The sentences for the flags of a stats report: calm, and naming a doctor only for pain that
// persists.
#pragma once

#include <string>

#include "tend/stats.h"

namespace tend::render {

// "Pain of 6 or more on 3 days of this period. Consistent pain is worth a check with your
// doctor.", "The dilate size went from 3 back to 2 on 18 Nov. ...", "No entries for 5 days ...".
std::string flag_sentence(const Flag& flag);

}  // namespace tend::render
