#include "render/colour.h"

#include <fmt/format.h>

namespace tend::render {

namespace {

// The SGR code of each tone.
std::string_view code_of(Tone tone) {
    switch (tone) {
        case Tone::good:
            return "32";
        case Tone::open:
            return "33";
        case Tone::rest:
            return "36";
        case Tone::quiet:
            return "2";
        case Tone::plain:
            break;
    }
    return "";
}

}  // namespace

std::string paint(std::string_view text, Tone tone, bool color) {
    const std::string_view code = code_of(tone);
    if (!color || code.empty()) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

}  // namespace tend::render
