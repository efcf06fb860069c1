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

TEST_CASE("install: cpack makes a .deb that unpacks to a working tend with its manual") {
    TempFolder folder;
    const std::string build = std::string(TEND_BUILD_DIR);
    const std::string make = "cd '" + build + "' && cpack -G DEB -B '" + folder.path().string() +
                             "' > '" + (folder / "cpack.txt").string() + "' 2>&1";
    REQUIRE(std::system(make.c_str()) == 0);
    const auto deb = folder / "tend_0.1.0_amd64.deb";
    REQUIRE(std::filesystem::is_regular_file(deb));
    const std::string fields = "dpkg-deb -f '" + deb.string() + "' Package Depends > '" +
                               (folder / "fields.txt").string() + "'";
    REQUIRE(std::system(fields.c_str()) == 0);
    CHECK(read_text(folder / "fields.txt") ==
          "Package: tend\nDepends: libfmt9, libtomlplusplus3, libstdc++6, libc6\n");
    const std::string unpack =
        "dpkg-deb -x '" + deb.string() + "' '" + (folder / "root").string() + "'";
    REQUIRE(std::system(unpack.c_str()) == 0);
    const std::string version = "'" + (folder / "root/usr/bin/tend").string() + "' --version > '" +
                                (folder / "version.txt").string() + "'";
    REQUIRE(std::system(version.c_str()) == 0);
    CHECK(read_text(folder / "version.txt") == "tend 0.1.0\n");
    CHECK(std::filesystem::is_regular_file(folder / "root/usr/share/man/man1/tend.1"));
    CHECK(std::filesystem::is_regular_file(folder /
                                           "root/usr/share/bash-completion/completions/tend"));
}
