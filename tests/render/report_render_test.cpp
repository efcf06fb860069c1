// Tests for the visit report's renderers: escaping in Markdown, HTML and CSV, and their layout.
#include <doctest/doctest.h>

#include "e2e/run_tend.h"
#include "fixtures.h"
#include "render/json.h"
#include "render/report_csv.h"
#include "render/report_html.h"
#include "render/report_markdown.h"
#include "render/svg_chart.h"

using namespace tend;
using namespace tend::render;
using namespace tend::testing;

TEST_CASE("markdown: special characters show as typed") {
    CHECK(markdown_escaped("a *b* _c_ [d](e) <b> | `x` #1 ~y~") ==
          "a \\*b\\* \\_c\\_ \\[d\\](e) \\<b\\> \\| \\`x\\` \\#1 \\~y\\~");
    CHECK(markdown_escaped("back\\slash") == "back\\\\slash");
    // What would start a list or a numbered list at the start of a line.
    CHECK(markdown_escaped("- not a list\n+ nor this\n1. nor this\n  2) nor this") ==
          "\\- not a list\n\\+ nor this\n1\\. nor this\n  2\\) nor this");
    CHECK(markdown_escaped("in the middle - 1. is fine") == "in the middle - 1. is fine");
    // What a viewer reads as a character reference shows as typed; a plain & needs nothing.
    CHECK(markdown_escaped("A&amp;B &#38; &copy;") == "A\\&amp;B &\\#38; \\&copy;");
    CHECK(markdown_escaped("Q&A, salt & pepper, &; &amp") == "Q&A, salt & pepper, &; &amp");
}

TEST_CASE("markdown: a document with a table, a checklist and a note of two lines") {
    Document document;
    document.title = "Visit notes: Alex";
    document.lines = {"7 Oct - 25 Nov 2026 (50 days)", "Made on Wed 25 Nov 2026 with tend"};
    document.sections = {
        Section{"Summary",
                {Bullets{{"Stopped early.\nBurning after."}, false},
                 Table{{"Week of", "Mean"},
                       {{"7 Oct", "5.4"}, {"a|b", "-"}},
                       {false, true},
                       "Weekly means"}}},
        Section{"Questions", {Bullets{{"When can I move up?"}, true}}},
    };
    CHECK(report_markdown(document) ==
          "# Visit notes: Alex\n"
          "\n"
          "7 Oct - 25 Nov 2026 (50 days)  \n"
          "Made on Wed 25 Nov 2026 with tend\n"
          "\n"
          "## Summary\n"
          "\n"
          "- Stopped early.\n"
          "  Burning after.\n"
          "\n"
          "| Week of | Mean |\n"
          "|---|---:|\n"
          "| 7 Oct | 5.4 |\n"
          "| a\\|b | - |\n"
          "\n"
          "## Questions\n"
          "\n"
          "- [ ] When can I move up?\n");
}

TEST_CASE("html: notes with markup and ampersands show as typed") {
    CHECK(html_escaped("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    Document document;
    document.title = "Notes & <more>";
    document.sections = {Section{"Notes", {Bullets{{"<script>1</script> & co"}, false}}}};
    const std::string html = report_html(document);
    CHECK(html.find("<title>Notes &amp; &lt;more&gt;</title>") != std::string::npos);
    CHECK(html.find("<li>&lt;script&gt;1&lt;/script&gt; &amp; co</li>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("html: the running head on every printed page is a CSS string that can't break out") {
    Document document;
    document.title = "Visit notes";
    document.running_head = "Visit notes: A\"</style>&\\, 7 Oct";
    const std::string html = report_html(document);
    CHECK(
        html.find(
            R"(@top-left { content: "Visit notes\3a  A\22 \3c \2f style\3e \26 \5c \2c  7 Oct";)") !=
        std::string::npos);
    CHECK(html.find(R"(content: "page " counter(page) " of " counter(pages);)") !=
          std::string::npos);
    CHECK(html.find("</style>&") == std::string::npos);
}

TEST_CASE("svg: a step chart marks its step backs, with its title and axis labels") {
    Chart chart;
    chart.style = Chart::Style::steps;
    chart.title = "Dilate size";
    chart.y_label = "size";
    chart.x = Period{day(2026, 11, 1), day(2026, 11, 11)};
    chart.y_min = 0;
    chart.y_max = 4;
    chart.points = {
        {day(2026, 11, 1), 2, false}, {day(2026, 11, 6), 3, false}, {day(2026, 11, 11), 2, true}};
    const std::string svg = svg_chart(chart);
    // x: 44 + 380 * days / 10; y: 12 + 126 * (1 - value / 4).
    CHECK(svg.find(R"(<path d="M44 75 H234 V43.5 H424 V75 H424")") != std::string::npos);
    CHECK(svg.find("<title>step back on 11 Nov</title>") != std::string::npos);
    CHECK(svg.find("<title>Dilate size</title>") != std::string::npos);
    CHECK(svg.find(">size</text>") != std::string::npos);
    CHECK(svg.find(">date</text>") != std::string::npos);
    CHECK(svg.find(">1 Nov</text>") != std::string::npos);
    CHECK(svg.find(">8 Nov</text>") != std::string::npos);
}

TEST_CASE("svg: a date at the chart's right edge ends at its tick instead of running off") {
    Chart chart;
    chart.style = Chart::Style::steps;
    chart.title = "Dilate size";
    chart.y_label = "size";
    chart.x = Period{day(2026, 11, 23), day(2026, 11, 30)};  // Monday to Monday
    chart.y_min = 0;
    chart.y_max = 4;
    chart.points = {{day(2026, 11, 23), 2, false}, {day(2026, 11, 30), 3, false}};
    const std::string svg = svg_chart(chart);
    // 30 Nov's tick is at x = 424, 16 units from the edge: centred, half of it would be cut.
    CHECK(
        svg.find(
            R"(<text x="424" y="157" text-anchor="end" font-size="15" fill="#555">30 Nov</text>)") !=
        std::string::npos);
    CHECK(
        svg.find(
            R"(<text x="44" y="157" text-anchor="middle" font-size="15" fill="#555">23 Nov</text>)") !=
        std::string::npos);
}

TEST_CASE("svg: dark dots over lighter weekly lines that never bridge a gap, and a <desc>") {
    Chart chart;
    chart.title = "Sex pain";
    chart.description = "3 values from 1 Nov to 11 Nov.";
    chart.x = Period{day(2026, 11, 1), day(2026, 11, 11)};
    chart.points = {{day(2026, 11, 1), 5, false}, {day(2026, 11, 6), 4, false}};
    chart.lines = {{{day(2026, 11, 1), 5, false}, {day(2026, 11, 2), 4, false}},
                   {{day(2026, 11, 9), 3, false}, {day(2026, 11, 11), 2, false}}};
    const std::string svg = svg_chart(chart);
    CHECK(count_of(svg, "<polyline ") == 2);
    // The two values and the legend's dot, darker than the lines.
    CHECK(count_of(svg, R"(fill="#1b3a57")") == 3);
    CHECK(svg.find(">weekly mean (2+ entries)</text>") != std::string::npos);
    CHECK(svg.find(R"(stroke="#6f879e")") != std::string::npos);
    CHECK(svg.find("<desc>3 values from 1 Nov to 11 Nov.</desc>") != std::string::npos);
}

TEST_CASE("csv: quotes, commas, line breaks and formulas, one row per entry") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    Entry dilate = entry_on("dilate", day(2026, 11, 3), 21, {{"size", 3}, {"minutes", 15}});
    dilate.tags = {"evening", "calm"};
    dilate.note = "easier, \"finally\"\nsecond line";
    Entry pain = entry_on("pain", day(2026, 11, 4), 7, {{"level", 4}});
    pain.fields.emplace_back("location", FieldValue{std::string("=left side")});
    CHECK(entries_csv({dilate, pain}, builtin_config(), {"dilate", "pain"}) ==
          "\xEF\xBB\xBF"
          "date,time,kind,size,minutes,pain,anxiety,overnight,level,location,trigger,tags,note,"
          "at\r\n"
          "2026-11-03,21:00,dilate,3,15,,,,,,,evening calm,\"easier, \"\"finally\"\"\n"
          "second line\",2026-11-03T21:00:00+01:00\r\n"
          "2026-11-04,07:00,pain,,,,,,4,'=left side,,,,2026-11-04T07:00:00+01:00\r\n");
}

TEST_CASE("json: control characters are escaped, other Unicode kept as it is") {
    CHECK(json_string("tab\there\x01 bell\x07 é ● \"q\" \\") ==
          "\"tab\\there\\u0001 bell\\u0007 é ● \\\"q\\\" \\\\\"");
}

TEST_CASE("svg: the timeline has outcomes, a band of the progression and lanes of marks") {
    Chart chart;
    chart.style = Chart::Style::timeline;
    chart.title = "Timeline, 1 - 14 Nov 2026";
    chart.description = "3 values of the outcomes. Size 2 at the start, 3 at the end.";
    chart.x = Period{day(2026, 11, 1), day(2026, 11, 14)};
    chart.legend = {"sex pain", "dilate pain"};
    chart.points = {
        {day(2026, 11, 2), 6, false}, {day(2026, 11, 3), 5, true}, {day(2026, 11, 9), 3, false}};
    chart.band_name = "size";
    chart.band = {{day(2026, 11, 1), day(2026, 11, 7), "2"},
                  {day(2026, 11, 8), day(2026, 11, 14), "3"}};
    chart.lanes = {{"rest", {{day(2026, 11, 4), day(2026, 11, 6), "4-6 Nov: period"}}}};
    const std::string svg = svg_chart(chart);
    CHECK(svg.find("<title>Timeline, 1 - 14 Nov 2026</title>") != std::string::npos);
    CHECK(svg.find("<desc>3 values of the outcomes. Size 2 at the start, 3 at the end.</desc>") !=
          std::string::npos);
    // Two filled values and the legend's filled dot; one hollow value.
    CHECK(count_of(svg, R"(r="5" fill="#1b3a57")") == 3);
    CHECK(count_of(svg, R"(fill="none" stroke="#1b3a57")") == 1);
    CHECK(svg.find(">sex pain</text>") != std::string::npos);
    // The band's two runs, each with its value; the lane with its name and its mark's words.
    CHECK(count_of(svg, "<title>2</title>") == 1);
    CHECK(count_of(svg, "<title>3</title>") == 1);
    CHECK(svg.find(">size</text>") != std::string::npos);
    CHECK(svg.find(">rest</text>") != std::string::npos);
    CHECK(svg.find("<title>4-6 Nov: period</title>") != std::string::npos);
    CHECK(svg.find("font-size=\"14\"") == std::string::npos);  // all text 15 units or more
}
