// The visit report laid out once as sections of paragraphs, lists, tables and charts, so that
// the Markdown and the HTML renderers show the same content. Text here is plain: each renderer
// escapes it for its format.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "tend/visit_report.h"

namespace tend::render {

struct Paragraph {
    std::string text;
    bool fine_print = false;  // how a figure was made (a rule, a legend): smaller type on paper
};

struct Subheading {
    std::string text;
};

struct Bullets {
    std::vector<std::string> items;  // an item may hold newlines (a note of several lines)
    bool checklist = false;          // "[ ]" boxes to tick at the visit
};

struct Table {
    std::vector<std::string> headings;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> numeric;  // per column: aligned right
    std::string caption;        // what the table holds (HTML <caption>; Markdown: none)
};

struct ChartPoint {
    Date date{};
    double value = 0;
    bool marked = false;  // a step back in a step chart; the second outcome on a timeline
};

// Days marked on a timeline's lane: a procedure, a visit, a run of rest days, a run at one size.
struct ChartMark {
    Date first{};
    Date last{};
    std::string label;  // shown in the mark's <title>, and in a band's run
};

struct ChartLane {
    std::string name;  // "procedure", "rest"
    std::vector<ChartMark> marks;
};

// A small chart: dated x axis over the period, y axis from y_min to y_max.
struct Chart {
    // timeline: page 1's one chart: outcomes as large dots, under them a band of the progression
    // and lanes of dated marks, all on one dated axis.
    enum class Style { points_and_line, steps, timeline };
    Style style = Style::points_and_line;
    std::string title;
    std::string y_label;
    Period x;                 // bounded
    std::vector<Date> ticks;  // dated ticks on the x axis (week starts); empty: every week from x
    double y_min = 0;
    double y_max = 10;
    std::vector<ChartPoint> points;  // daily values, or each session of a step chart
    // The weekly mean (points_and_line), in runs of consecutive weeks: no line bridges a week
    // without values, and a week of one value is that value's dot, not a line.
    std::vector<std::vector<ChartPoint>> lines;
    std::string description;  // the trend in words, for the SVG's <desc>
    // timeline: what the filled and the hollow dots are ("sex pain", "dilate pain").
    std::vector<std::string> legend;
    std::string band_name;         // timeline: the progression ("size"); empty: no band
    std::vector<ChartMark> band;   // timeline: each run at one value, labelled with it
    std::vector<ChartLane> lanes;  // timeline: marks under the band
};

// A chart and the table of its numbers, kept together on paper (side by side where they fit).
// Markdown shows the table only.
struct Figure {
    Chart chart;
    Table table;
};

using Block = std::variant<Paragraph, Subheading, Bullets, Table, Chart, Figure>;

struct Section {
    std::string title;
    std::vector<Block> blocks;
};

struct Document {
    std::string title;
    std::string running_head;        // on every printed page: "Visit notes: Alex, 7 Oct - ..."
    std::vector<std::string> lines;  // under the title: period, made on
    std::vector<Section> sections;
};

Document visit_document(const VisitReport& report, const Config& config);

// A field by its kind's and its own name or label, as typed: "sex pain", "dilate anxiety",
// "pain" (pain.level is labelled pain). The terminal's words (`stats --effect`).
std::string field_words(const FieldRef& field, const Config& config);

// A field in the visit notes' words: its phrase ("pain during sex"), else its kind's words and
// its label or name ("sex pain", "dilate anxiety"; "pain" for pain.level, labelled pain).
std::string field_phrase(const FieldRef& field, const Config& config);

// A kind in the profile's words: its label ("dilator"), else its name.
std::string kind_words(const std::string& kind_name, const Config& config);

// A medication's or procedure's name as the notes show it: its `name` field as written, else
// (when the name is its kind's) the kind's label ("lidocaine gel" for an unnamed `lido` entry).
std::string treatment_words(const std::string& name, const std::string& kind_name,
                            const Config& config);

// A plan item's name as written, else its kind's words with a capital ("Relaxation" for an
// unnamed relax item).
std::string item_words(const PlanItem& item, const Config& config);

// "1 Sep - 25 Nov 2026", or with both years when they differ.
std::string period_words(const Period& period);

// "Sex pain".
std::string capitalized(std::string text);

}  // namespace tend::render
