// The terminal colours tend uses, in one place: what each colour means, and how text is painted.
// Colour is decoration only: every painted text carries its meaning without it (symbols, words).
#pragma once

#include <string>
#include <string_view>

namespace tend::render {

enum class Tone {
    plain,  // no colour
    good,   // done, better: green
    open,   // still due, partly done, worse: yellow (never red: nothing here is an alarm)
    rest,   // a rest day: cyan
    quiet,  // not due: dim
};

// `text` in `tone` when `color` is on, else unchanged.
std::string paint(std::string_view text, Tone tone, bool color);

}  // namespace tend::render
