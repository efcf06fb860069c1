// Tests for src/store/toml_depth.cpp: TOML nested deeper than tend reads is refused at its place,
// before toml++ parses it, and strings and comments never count.
#include "store/toml_depth.h"

#include <doctest/doctest.h>

#include "fixtures.h"
#include "store/config_file.h"
#include "store/month_file.h"
#include "store/plan_file.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

namespace {

std::string repeated(std::string_view piece, int count) {
    std::string text;
    for (int index = 0; index < count; ++index)
        text += piece;
    return text;
}

}  // namespace

TEST_CASE("toml depth: too many levels are found at their line and column") {
    struct Case {
        std::string what;
        std::string content;
        int line;
        int column;
    };
    const std::vector<Case> cases = {
        {"nested arrays", "# x\nvalue = " + repeated("[", 65), 2, 73},
        {"nested inline tables", "a = " + repeated("{ b = ", 65), 1, 5 + 6 * 64},
        {"a dotted table header", "\n\n[" + repeated("a.", 65) + "a]", 3, 2 + 2 * 64 + 1},
        {"a dotted key", repeated("k.", 65) + "k = 1", 1, 2 * 64 + 2},
    };
    for (const auto& [what, content, line, column] : cases) {
        CAPTURE(what);
        const auto problem = nesting_problem(content, "plan.toml");
        REQUIRE(problem.has_value());
        CHECK(problem->text() == fmt::format("plan.toml:{}:{}: nested more than 64 levels deep; "
                                             "tend reads no deeper",
                                             line, column));
    }
}

TEST_CASE("toml depth: strings, comments and tend's own files are not nesting") {
    const std::vector<std::string> fine = {
        "note = \"" + repeated("[{.", 500) + "\"\n",
        "note = '" + repeated("[{.", 500) + "'\n",
        "note = \"\"\"\n" + repeated("[[.\n", 500) + "\"\"\"\n",
        "# " + repeated("[.", 500) + "\n",
        "[[entry]]\nat = 2026-11-20T08:00:00.5+01:00\nkind = \"x\"\ntags = [\"a\", \"b\"]\n",
        "values = [" + repeated("1.5, ", 500) + "]\n",
        "[kinds.dilate.fields.size]\nx = { a = { b = 1 } }\n",
    };
    for (const auto& content : fine) {
        CAPTURE(content.substr(0, 40));
        CHECK_FALSE(nesting_problem(content, "x.toml").has_value());
    }
}

TEST_CASE(
    "toml depth: tens of thousands of levels are a problem in every file tend reads, not a "
    "crash") {
    const std::string headers = "[" + repeated("a.", 50000) + "a]\n";
    const std::string arrays = "x = " + repeated("[", 50000) + "\n";
    const Config config = builtin_config();
    for (const auto& content : {headers, arrays}) {
        const auto month = parse_month_file(content, "journal/2026-11.toml", config, {}, {});
        REQUIRE(month.problems.size() == 1);
        CHECK(month.problems[0].message == "nested more than 64 levels deep; tend reads no deeper");
        CHECK(check_toml_syntax(content, "journal/2026-11.toml").has_value());
        const auto plan = parse_plan_file(content, config);
        REQUIRE(plan.problems.size() == 1);
        CHECK(plan.problems[0].file == "plan.toml");
        const auto settings = parse_config(content, "tend.toml");
        REQUIRE(settings.problems.size() == 1);
        CHECK(settings.problems[0].line == 1);
    }
}
