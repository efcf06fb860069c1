// libFuzzer's entry point for one target, chosen at build time by TEND_FUZZ_TARGET.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (const auto failure = tend::fuzz::TEND_FUZZ_TARGET(input)) {
        std::fprintf(stderr, "tend fuzz target %s: %s\n", TEND_FUZZ_TARGET_NAME, failure->c_str());
        std::abort();
    }
    return 0;
}
