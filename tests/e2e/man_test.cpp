// The manual pages: every option of every command's --help is in tend(1), and groff finds
// nothing to warn about in either page.
#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>
#include <set>

#include "e2e/run_tend.h"

using namespace tend::testing;

namespace {

const std::string man_folder = std::string(TEND_SOURCE_DIR) + "/docs/man/";

// The page's text without roff's escapes: "\-\-dry\-run" and "\fB\-q\fR" read as typed.
std::string plain(std::string page) {
    std::string out;
    for (std::size_t index = 0; index < page.size(); ++index) {
        if (page[index] == '\\' && index + 1 < page.size()) {
            if (page[index + 1] == '-') {
                out += '-';
                ++index;
                continue;
            }
            if (page[index + 1] == 'f' && index + 2 < page.size()) {
                index += 2;
                continue;
            }
        }
        out += page[index];
    }
    return out;
}

// `name` as a whole option: "--on" is not found inside "--only".
bool has_option(const std::string& page, const std::string& name) {
    for (std::size_t at = page.find(name); at != std::string::npos; at = page.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        const bool ends =
            end == page.size() ||
            !(std::isalnum(static_cast<unsigned char>(page[end])) || page[end] == '-');
        const bool starts = at == 0 || page[at - 1] != '-';
        if (starts && ends) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("man: every option in the help of every command is in tend(1)") {
    const std::string page = plain(read_text(man_folder + "tend.1"));
    const std::vector<std::vector<std::string>> commands = {{},
                                                            {"log"},
                                                            {"skip"},
                                                            {"show"},
                                                            {"undo"},
                                                            {"check"},
                                                            {"init"},
                                                            {"kinds"},
                                                            {"stats"},
                                                            {"export"},
                                                            {"completions"},
                                                            {"questions"},
                                                            {"import"},
                                                            {"questions", "answer"},
                                                            {"plan", "add"},
                                                            {"plan", "end"},
                                                            {"plan", "due"},
                                                            {"plan", "ics"},
                                                            {"remind"},
                                                            {"remind", "install"},
                                                            {"remind", "uninstall"},
                                                            {"sync"}};
    const std::regex option(R"((^|[\s,])(--?[a-z][a-z-]*))");
    std::set<std::string> seen;
    for (auto words : commands) {
        words.push_back("--help");
        const auto help = run_tend(words);
        REQUIRE(help.exit_code == 0);
        // Only the option lists, not the examples at the end.
        const std::string options = help.out.substr(0, help.out.find("Examples:"));
        for (std::sregex_iterator match(options.begin(), options.end(), option), end; match != end;
             ++match)
            seen.insert((*match)[2]);
    }
    REQUIRE(seen.size() > 25);
    for (const auto& name : seen) {
        CAPTURE(name);
        CHECK(has_option(page, name));
    }
}

TEST_CASE("man: groff renders both pages without a warning") {
    TempFolder folder;
    for (const std::string page : {"tend.1", "tend.5"}) {
        CAPTURE(page);
        const std::string command = "groff -ww -z -man '" + man_folder + page + "' > '" +
                                    (folder / "warnings.txt").string() + "' 2>&1";
        CHECK(std::system(command.c_str()) == 0);
        CHECK(read_text(folder / "warnings.txt").empty());
    }
}
