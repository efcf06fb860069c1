// `cmake --install` of the build the tests run from: the binary, the manual pages and the
// completion scripts land where man and the shells look for them.
#include <doctest/doctest.h>

#include <cstdlib>

#include "e2e/run_tend.h"

using namespace tend::testing;

TEST_CASE(
    "install: the binary, tend(1), tend(5) (compressed) and the bash, zsh and fish completions") {
    TempFolder prefix;
    const std::string command = "cmake --install '" + std::string(TEND_BUILD_DIR) + "' --prefix '" +
                                prefix.path().string() + "' > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK(std::filesystem::is_regular_file(prefix / "bin/tend"));
    CHECK(output_of("gzip -dc '" + (prefix / "share/man/man1/tend.1.gz").string() + "'")
              .out.starts_with(".TH TEND 1"));
    CHECK(output_of("gzip -dc '" + (prefix / "share/man/man5/tend.5.gz").string() + "'")
              .out.starts_with(".TH TEND 5"));
    CHECK(read_text(prefix / "share/bash-completion/completions/tend")
              .find("complete -F _tend tend") != std::string::npos);
    CHECK(read_text(prefix / "share/zsh/vendor-completions/_tend").starts_with("#compdef tend\n"));
    CHECK(
        read_text(prefix / "share/fish/vendor_completions.d/tend.fish").find("complete -c tend") !=
        std::string::npos);
}

namespace {

// Runs cpack on the build the tests run from; the .deb lands in `folder`.
std::filesystem::path make_deb(const TempFolder& folder) {
    const std::string make = "cd '" + std::string(TEND_BUILD_DIR) + "' && cpack -G DEB -B '" +
                             folder.path().string() + "' > '" + (folder / "cpack.txt").string() +
                             "' 2>&1";
    REQUIRE(std::system(make.c_str()) == 0);
    const auto deb = folder / "tend_0.1.0_amd64.deb";
    REQUIRE(std::filesystem::is_regular_file(deb));
    return deb;
}

// The lines of `text` that start with `prefix`.
std::string lines_starting(const std::string& text, const std::string& prefix) {
    std::string found;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end - start);
        if (line.starts_with(prefix)) found += line + "\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return found;
}

}  // namespace

TEST_CASE("install: cpack makes a .deb that unpacks to a working tend with its manual") {
    TempFolder folder;
    const auto deb = make_deb(folder);
    const std::string fields = "dpkg-deb -f '" + deb.string() + "' Package Depends > '" +
                               (folder / "fields.txt").string() + "'";
    REQUIRE(std::system(fields.c_str()) == 0);
    CHECK(read_text(folder / "fields.txt") == "Package: tend\nDepends: libc6\n");
    const std::string unpack =
        "dpkg-deb -x '" + deb.string() + "' '" + (folder / "root").string() + "'";
    REQUIRE(std::system(unpack.c_str()) == 0);
    const std::string version = "'" + (folder / "root/usr/bin/tend").string() + "' --version > '" +
                                (folder / "version.txt").string() + "'";
    REQUIRE(std::system(version.c_str()) == 0);
    CHECK(read_text(folder / "version.txt") == "tend 0.1.0\n");
    CHECK(std::filesystem::is_regular_file(folder / "root/usr/share/man/man1/tend.1.gz"));
    CHECK(std::filesystem::is_regular_file(folder / "root/usr/share/doc/tend/changelog.gz"));
    CHECK(std::filesystem::is_regular_file(folder /
                                           "root/usr/share/bash-completion/completions/tend"));
}

TEST_CASE("install: the license is the MIT license, word for word in the .deb's copyright file") {
    const std::string license = read_text(std::string(TEND_SOURCE_DIR) + "/LICENSE");
    CHECK(license.starts_with("MIT License\n\nCopyright (c) 2026 the tend developers\n\n"));
    // Debian's copyright format: the license text indented by one space, "." for empty lines.
    std::string indented;
    for (std::size_t start = license.find("Permission"); start < license.size();) {
        const std::size_t end = license.find('\n', start);
        const std::string line = license.substr(start, end - start);
        indented += line.empty() ? " .\n" : " " + line + "\n";
        start = end + 1;
    }
    const std::string copyright =
        read_text(std::string(TEND_SOURCE_DIR) + "/packaging/debian/copyright");
    CHECK(copyright.starts_with(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"));
    CHECK(copyright.find("Files: *\nCopyright: 2026 the tend developers\nLicense: Expat\n") !=
          std::string::npos);
    CHECK(copyright.ends_with("\n\nLicense: Expat\n" + indented));

    TempFolder prefix;
    const std::string install = "cmake --install '" + std::string(TEND_BUILD_DIR) + "' --prefix '" +
                                prefix.path().string() + "' > /dev/null";
    REQUIRE(std::system(install.c_str()) == 0);
    CHECK(read_text(prefix / "share/doc/tend/copyright") == copyright);
}

TEST_CASE("install: lintian finds no error in the .deb") {
    TempFolder folder;
    const auto deb = make_deb(folder);
    const std::string unpack =
        "dpkg-deb -x '" + deb.string() + "' '" + (folder / "root").string() + "'";
    REQUIRE(std::system(unpack.c_str()) == 0);
    CHECK(read_text(folder / "root/usr/share/doc/tend/copyright") ==
          read_text(std::string(TEND_SOURCE_DIR) + "/packaging/debian/copyright"));
    if (!on_path("lintian")) {
        MESSAGE(
            "lintian is not installed: the .deb was not checked with it "
            "(apt-get install lintian to run this check)");
        return;
    }
    const auto lintian = output_of("lintian --tag-display-limit 0 '" + deb.string() + "' 2>&1");
    CAPTURE(lintian.out);
    CHECK(lines_starting(lintian.out, "E: ") == "");
    CHECK(lintian.exit_code == 0);
}
