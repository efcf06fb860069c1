// `cmake --install` of the build the tests run from: the binary, the manual pages and the
// completion scripts land where man and the shells look for them.
#include <doctest/doctest.h>

#include <cstdlib>

#include "e2e/run_tend.h"

using namespace tend::testing;

TEST_CASE("install: the binary, tend(1), tend(5) and the bash, zsh and fish completions") {
    TempFolder prefix;
    const std::string command = "cmake --install '" + std::string(TEND_BUILD_DIR) + "' --prefix '" +
                                prefix.path().string() + "' > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK(std::filesystem::is_regular_file(prefix / "bin/tend"));
    CHECK(read_text(prefix / "share/man/man1/tend.1").starts_with(".TH TEND 1"));
    CHECK(read_text(prefix / "share/man/man5/tend.5").starts_with(".TH TEND 5"));
    CHECK(read_text(prefix / "share/bash-completion/completions/tend")
              .find("complete -F _tend tend") != std::string::npos);
    CHECK(read_text(prefix / "share/zsh/vendor-completions/_tend").starts_with("#compdef tend\n"));
    CHECK(
        read_text(prefix / "share/fish/vendor_completions.d/tend.fish").find("complete -c tend") !=
        std::string::npos);
}
