// Tests for src/render/table.cpp: aligned columns that split to fit the terminal.
#include "render/table.h"

#include <doctest/doctest.h>

using namespace tend::render;

TEST_CASE("table: columns under their headings, text left and numbers right") {
    const std::vector<TableColumn> columns = {
        {"Week of", {"2 Nov", "9 Nov"}, true},
        {"Entries", {"20", "7"}, false},
        {"Plan", {"86%", "-"}, false},
    };
    CHECK(table_text(columns) ==
          "  Week of  Entries  Plan\n"
          "  2 Nov         20   86%\n"
          "  9 Nov          7     -\n");
}

TEST_CASE("table: a multi-byte symbol takes one column") {
    CHECK(display_width("●◐○·") == 4);
    CHECK(display_width("23 Dec – 3 Jan") == 14);
    const std::vector<TableColumn> columns = {{"Day", {"●", "x"}, true}, {"n", {"1", "2"}, false}};
    CHECK(table_text(columns) ==
          "  Day  n\n"
          "  ●    1\n"
          "  x    2\n");
}

TEST_CASE("table: columns that do not fit continue below, repeating the first") {
    const std::vector<TableColumn> columns = {
        {"Week", {"2 Nov"}, true},
        {"aaaaaaaa", {"1"}, false},
        {"bbbbbbbb", {"2"}, false},
        {"cccccccc", {"3"}, false},
    };
    // 2 + 5 + (2 + 8) x 2 = 27 fits in 30; a third column would make 37.
    CHECK(table_text(columns, 30) ==
          "  Week   aaaaaaaa  bbbbbbbb\n"
          "  2 Nov         1         2\n"
          "\n"
          "  Week   cccccccc\n"
          "  2 Nov         3\n");
}

TEST_CASE("table: a column wider than the terminal still gets a part of its own") {
    const std::vector<TableColumn> columns = {{"W", {"1"}, true},
                                              {"a very long heading", {"2"}, false}};
    CHECK(table_text(columns, 10) ==
          "  W  a very long heading\n"
          "  1                    2\n");
}
