// Tests for src/store/plan_file.cpp and plan_text_edit.cpp: reading plan.toml, its problems,
// and edits that keep every byte the user wrote outside the edited lines.
#include "store/plan_file.h"

#include <doctest/doctest.h>

#include "e2e/run_tend.h"
#include "fixtures.h"
#include "tend/error.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

namespace {

const std::string two_items =
    "# my programme\n"
    "\n"
    "[[item]]\n"
    "kind = \"kegels\"   # from the PT\n"
    "schedule = \"3/day\"\n"
    "start = 2026-10-06\n"
    "length = \"3w\"\n"
    "\n"
    "# the massage block\n"
    "[[item]]\n"
    "kind = \"massage\"\n"
    "schedule = \"every other day\"\n"
    "start = 2026-12-01\n"
    "note = \"\"\"gentle,\n"
    "10 min\"\"\"\n";

std::size_t first_item(const Plan&) {
    return 0;
}
std::size_t second_item(const Plan&) {
    return 1;
}

}  // namespace

TEST_CASE("plan file: items are read with their dates, lengths and notes") {
    const PlanFile parsed = parse_plan_file(two_items, builtin_config());
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.plan.items.size() == 2);
    const PlanItem& kegels = parsed.plan.items[0];
    CHECK(kegels.kind == "kegels");
    CHECK(kegels.schedule.times == 3);
    CHECK(kegels.start == day(2026, 10, 6));
    CHECK(kegels.end == day(2026, 10, 26));
    CHECK(kegels.length == "3w");
    CHECK(kegels.line == 3);
    CHECK(parsed.plan.items[1].note == "gentle,\n10 min");
    CHECK(parsed.plan.items[1].schedule.interval_days == 2);
}

TEST_CASE("plan file: every problem names its line and column") {
    struct Case {
        const char* text;
        const char* problem;
    };
    const Case cases[] = {
        {"[[item]]\nschedule = \"daily\"\nstart = 2026-10-06\n",
         "plan.toml:1:1: plan item has no 'kind'"},
        {"[[item]]\nkind = \"dilte\"\nschedule = \"daily\"\nstart = 2026-10-06\n",
         "plan.toml:2:8: unknown kind 'dilte' (did you mean 'dilate'?)"},
        {"[[item]]\nkind = \"dilate\"\nschedule = \"sometimes\"\nstart = 2026-10-06\n",
         "plan.toml:3:12: can't read the schedule 'sometimes' (try daily, 3/day, every 2d, every "
         "other day, 3/week, weekly, weekdays or mon,wed,fri)"},
        {"[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\n",
         "plan.toml:1:1: plan item has no 'start'"},
        {"[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\nstart = \"6 Oct\"\n",
         "plan.toml:4:9: 'start' must be a date such as 2026-10-06"},
        {"[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\nstart = 2026-10-06\n"
         "end = 2026-10-30\nlength = \"3w\"\n",
         "plan.toml:6:10: an item has an 'end' or a 'length', not both"},
        {"[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\nstart = 2026-10-06\nlength = \"3 "
         "months\"\n",
         "plan.toml:5:10: 'length' must be like \"3w\" or \"30d\""},
        {"[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\nconditions = \"minutes>=10\"\n"
         "start = 2026-10-06\n",
         "plan.toml:4:14: 'conditions' must be a list such as [\"minutes>=10\"]"},
        {"[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\nstart = 2026-10-06\nend = "
         "2026-10-01\n",
         "plan.toml:1:1: the item ends on 2026-10-01, before it starts on 2026-10-06 (the end is "
         "the last day the item is in force)"},
        {"[[item]\nkind = 1\n",
         "plan.toml:1:8: Error while parsing table header: expected ']', saw '\\n'"},
        {"item = 3\n", "plan.toml:1:8: 'item' must be a list of [[item]] tables"},
    };
    for (const auto& test : cases) {
        CAPTURE(test.text);
        const PlanFile parsed = parse_plan_file(test.text, builtin_config());
        REQUIRE_FALSE(parsed.problems.empty());
        CHECK(parsed.problems.front().text() == test.problem);
        CHECK(has_errors(parsed.problems));
    }
}

TEST_CASE("plan file: unknown keys are kept and reported as warnings") {
    const PlanFile parsed = parse_plan_file(
        "title = \"mine\"\n[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\nstart = 2026-10-06\n"
        "therapist = \"Dr Lee\"\n",
        builtin_config());
    REQUIRE(parsed.problems.size() == 2);
    CHECK_FALSE(has_errors(parsed.problems));
    CHECK(
        parsed.problems[0].text() ==
        "plan.toml:1:1: warning: unknown key 'title' (kept, but tend reads only [[item]] tables)");
    CHECK(parsed.problems[1].text() ==
          "plan.toml:6:1: warning: unknown key 'therapist' in a plan item (kept, but tend ignores "
          "it)");
    CHECK(parsed.plan.items.size() == 1);
}

TEST_CASE("plan file: a written item reads back the same") {
    PlanItem item;
    item.kind = "dilate";
    item.schedule = parse_schedule("mon,wed,fri");
    item.conditions = {parse_condition("minutes>=10"), parse_condition("size>=2")};
    item.total = parse_total("total minutes>=30/day");
    item.start = day(2026, 11, 2);
    item.end = day(2026, 12, 20);
    item.name = "Dilator \"short\"";
    item.note = "breathe\nslowly";
    const std::string block = plan_item_block(item);
    CHECK(block ==
          "[[item]]\nkind = \"dilate\"\nschedule = \"mon,wed,fri\"\n"
          "conditions = [\"minutes>=10\", \"size>=2\"]\ntotal = \"minutes>=30/day\"\n"
          "start = 2026-11-02\nend = 2026-12-20\nname = \"Dilator \\\"short\\\"\"\n"
          "note = \"breathe\\nslowly\"\n");
    const PlanFile parsed = parse_plan_file(block, builtin_config());
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.plan.items.size() == 1);
    const PlanItem& back = parsed.plan.items[0];
    CHECK(back.schedule == item.schedule);
    CHECK(back.conditions == item.conditions);
    CHECK(back.total == item.total);
    CHECK(back.end == item.end);
    CHECK(back.name == item.name);
    CHECK(back.note == item.note);
}

TEST_CASE("plan file: ending an item replaces its length, its end, or adds an end line") {
    TempFolder folder;
    SUBCASE("a length becomes an end on the same line") {
        write_text(folder / "plan.toml", two_items);
        end_plan_item(folder.path(), builtin_config(), first_item, day(2026, 10, 20));
        std::string expected = two_items;
        expected.replace(expected.find("length = \"3w\""), 13, "end = 2026-10-20");
        CHECK(read_text(folder / "plan.toml") == expected);
    }
    SUBCASE("an item without an end gets a line after its last value, even a multi-line one") {
        write_text(folder / "plan.toml", two_items);
        end_plan_item(folder.path(), builtin_config(), second_item, day(2026, 12, 24));
        CHECK(read_text(folder / "plan.toml") == two_items + "end = 2026-12-24\n");
    }
    SUBCASE("an existing end is replaced, comments and CRLF line endings stay") {
        const std::string crlf =
            "[[item]]\r\nkind = \"cardio\"\r\nschedule = \"3/week\"\r\nstart = 2026-10-06\r\n"
            "end = 2027-01-31 # maybe longer\r\n";
        write_text(folder / "plan.toml", crlf);
        end_plan_item(folder.path(), builtin_config(), first_item, day(2026, 11, 25));
        CHECK(read_text(folder / "plan.toml") ==
              "[[item]]\r\nkind = \"cardio\"\r\nschedule = \"3/week\"\r\nstart = 2026-10-06\r\n"
              "end = 2026-11-25 # maybe longer\r\n");
    }
    SUBCASE("a file without a final newline") {
        write_text(folder / "plan.toml",
                   "[[item]]\nkind = \"cardio\"\nschedule = \"weekly\"\nstart = 2026-10-06");
        end_plan_item(folder.path(), builtin_config(), first_item, day(2026, 11, 25));
        CHECK(read_text(folder / "plan.toml") ==
              "[[item]]\nkind = \"cardio\"\nschedule = \"weekly\"\nstart = 2026-10-06\n"
              "end = 2026-11-25");
    }
    CHECK(permissions_of(folder / "plan.toml") == 0600);
}

TEST_CASE("plan file: removing an item deletes only its block") {
    TempFolder folder;
    write_text(folder / "plan.toml", two_items);
    remove_plan_item(folder.path(), builtin_config(), first_item);
    CHECK(
        read_text(folder / "plan.toml") ==
        "# my programme\n\n# the massage block\n[[item]]\nkind = \"massage\"\n"
        "schedule = \"every other day\"\nstart = 2026-12-01\nnote = \"\"\"gentle,\n10 min\"\"\"\n");
}

TEST_CASE("plan file: a plan.toml with errors is never changed") {
    TempFolder folder;
    const std::string broken = two_items + "[[item]]\nkind = \"cardio\"\n";
    write_text(folder / "plan.toml", broken);
    CHECK_THROWS_WITH_AS(
        end_plan_item(folder.path(), builtin_config(), first_item, day(2026, 10, 20)),
        "plan.toml:16:1: plan item has no 'schedule'", user_error);
    CHECK_THROWS_AS(remove_plan_item(folder.path(), builtin_config(), second_item), user_error);
    PlanItem item;
    item.kind = "stretch";
    item.start = day(2026, 11, 25);
    CHECK_THROWS_AS(add_plan_item(folder.path(), builtin_config(), item), user_error);
    CHECK(read_text(folder / "plan.toml") == broken);
}

TEST_CASE("plan file: adding to a missing plan.toml starts it with a header, privately") {
    TempFolder folder;
    PlanItem item;
    item.kind = "stretch";
    item.start = day(2026, 11, 25);
    add_plan_item(folder.path() / "new", builtin_config(), item);
    const std::string text = read_text(folder / "new" / "plan.toml");
    CHECK(text.starts_with("# tend plan: your home programme"));
    CHECK(text.ends_with(
        "\n\n[[item]]\nkind = \"stretch\"\nschedule = \"daily\"\nstart = 2026-11-25\n"));
    CHECK(permissions_of(folder / "new" / "plan.toml") == 0600);
    CHECK(permissions_of(folder / "new") == 0700);
    CHECK(load_plan(folder.path() / "new", builtin_config()).items.size() == 1);
}
