// End-to-end tests of `tend edit`: the editor works on a copy, the month file is replaced only
// when nobody wrote it meanwhile, and it is checked right after.
#include <doctest/doctest.h>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::string month_file = "journal/2026-11.laptop.toml";

// A journal with two entries this month, and an "editor" script run as $EDITOR.
struct EditFixture {
    TempFolder journal;

    EditFixture() {
        REQUIRE(run_tend({"--dir", journal.path(), "log", "dilate", "3", "pain=2"}).exit_code == 0);
        REQUIRE(run_tend({"--dir", journal.path(), "log", "pain", "4"}).exit_code == 0);
    }
    // The edit sessions' copies in the journal folder (.edit-2026-11.laptop-PID.toml).
    std::vector<std::filesystem::path> edit_copies() const {
        std::vector<std::filesystem::path> copies;
        for (const auto& item : std::filesystem::directory_iterator(journal.path()))
            if (item.path().filename().string().starts_with(".edit-")) copies.push_back(item);
        return copies;
    }
    RunResult edit(const std::string& script, std::vector<std::string> words = {}) {
        write_text(journal / "editor.sh", "#!/bin/sh\n" + script);
        std::filesystem::permissions(journal / "editor.sh", std::filesystem::perms::owner_all);
        std::vector<std::string> arguments = {"--dir", journal.path(), "edit"};
        arguments.insert(arguments.end(), words.begin(), words.end());
        return run_tend(arguments, {{},
                                    {{"EDITOR", (journal / "editor.sh").string()},
                                     {"VISUAL", ""},
                                     {"TEND_DIR", journal.path()}},
                                    077,
                                    {},
                                    {}});
    }
};

}  // namespace

TEST_CASE("e2e edit: a change is saved privately and checked") {
    EditFixture fixture;
    const std::string before = read_text(fixture.journal / month_file);
    const auto result = fixture.edit("sed -i 's/pain = 2/pain = 3/' \"$1\"\n");
    CHECK(result.exit_code == 0);
    CHECK(result.out == "saved journal/2026-11.laptop.toml: all good\n");
    std::string expected = before;
    expected.replace(expected.find("pain = 2"), 8, "pain = 3");
    CHECK(read_text(fixture.journal / month_file) == expected);
    CHECK(permissions_of(fixture.journal / month_file) == 0600);
    CHECK(fixture.edit_copies().empty());
}

TEST_CASE("e2e edit: a mistake is saved as typed and reported at once") {
    EditFixture fixture;
    const auto result = fixture.edit("sed -i 's/pain = 2/pain = 12/' \"$1\"\n");
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("journal/2026-11.laptop.toml:") == 0);
    CHECK(result.out.find("pain must be from 0 to 10, got 12") != std::string::npos);
    CHECK(result.out.find("saved journal/2026-11.laptop.toml: 1 problem to fix by hand ('tend edit "
                          "2026-11' opens it again)\n") != std::string::npos);
    CHECK(read_text(fixture.journal / month_file).find("pain = 12") != std::string::npos);
}

TEST_CASE("e2e edit: no change, a failing editor, or a month without a file change nothing") {
    EditFixture fixture;
    const auto files = snapshot(fixture.journal / "journal");
    const auto unchanged = fixture.edit("true\n");
    CHECK(unchanged.exit_code == 0);
    CHECK(unchanged.out == "no changes to journal/2026-11.laptop.toml: all good\n");
    const auto failed = fixture.edit("sed -i 's/pain = 2/pain = 3/' \"$1\"; exit 1\n");
    CHECK(failed.exit_code == 2);
    CHECK(failed.err.find("did not finish cleanly, so journal/2026-11.laptop.toml is unchanged") !=
          std::string::npos);
    const auto missing = fixture.edit("true\n", {"2026-09"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err ==
          "tend: there is no journal/2026-09.laptop.toml yet - 'tend log' starts a month; "
          "'tend edit' opens months that have entries\n");
    CHECK(snapshot(fixture.journal / "journal") == files);
    CHECK(fixture.edit_copies().empty());
}

TEST_CASE("e2e edit: an entry logged during the edit is never overwritten") {
    EditFixture fixture;
    // While the editor is open, another terminal logs an entry.
    const std::string tend = TEND_BINARY;
    const auto result = fixture.edit("'" + tend + "' log note from the other terminal\n" +
                                     "sed -i 's/pain = 2/pain = 3/' \"$1\"\n");
    CHECK(result.exit_code == 2);
    const auto copies = fixture.edit_copies();
    REQUIRE(copies.size() == 1);
    CHECK(result.err ==
          "tend: journal/2026-11.laptop.toml changed while you edited it, so your edit was not "
          "saved - "
          "it is kept in " +
              copies[0].filename().string() + ": copy your changes over, then delete it\n");
    const std::string month = read_text(fixture.journal / month_file);
    CHECK(month.find("from the other terminal") != std::string::npos);
    CHECK(month.find("pain = 2") != std::string::npos);
    CHECK(read_text(copies[0]).find("pain = 3") != std::string::npos);
}
