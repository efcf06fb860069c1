// Small inline SVG charts: a dated x axis, a labelled y axis, dots, a line or steps.
#include "render/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "render/numbers.h"

namespace tend::render {

namespace {

// Sized so that 15-unit text prints at 8 pt or more on a 10 cm chart (9.7 pt) and reads at 12 px
// or more on a 390 px phone, where the chart is 358 px wide (12.2 px).
constexpr double width = 440;
constexpr double height = 180;
constexpr double left = 44;
constexpr double right = 16;
constexpr double top = 12;  // the title is the heading above the chart, and its <title>
constexpr double bottom = 42;
constexpr double plot_width = width - left - right;
constexpr double plot_height = height - top - bottom;

std::string coordinate(double value) {
    return format_number(value);
}

// A date under the axis is centred on its tick, unless half of it would run off the chart's
// right edge ("30 Nov" is about 46 units wide at 15 units): then it ends at its tick.
std::string_view tick_anchor(double x) {
    return x + 24 > width ? "end" : "middle";
}

struct Scale {
    const Chart& chart;

    double x(Date date) const {
        const auto span = (*chart.x.to - *chart.x.from).count();
        if (span <= 0) return left + plot_width / 2;
        return left + plot_width * static_cast<double>((date - *chart.x.from).count()) /
                          static_cast<double>(span);
    }
    double y(double value) const {
        const double range = chart.y_max - chart.y_min;
        const double share = range > 0 ? (value - chart.y_min) / range : 0.5;
        return top + plot_height * (1 - std::clamp(share, 0.0, 1.0));
    }
};

// Up to 6 dated ticks on the x axis: the chart's own (week starts), else the period's first day,
// then every step of days.
std::vector<Date> x_ticks(const Chart& chart) {
    if (!chart.ticks.empty()) return chart.ticks;
    const Period& period = chart.x;
    const auto span = (*period.to - *period.from).count();
    const auto weeks_per_tick = static_cast<long>(std::ceil(static_cast<double>(span + 1) / 42.0));
    const auto step = 7 * std::max<long>(1, weeks_per_tick);
    std::vector<Date> ticks;
    for (Date day = *period.from; day <= *period.to; day += std::chrono::days{step})
        ticks.push_back(day);
    return ticks;
}

// A step chart up to 10: each value. Else the range's ends and, between them, round values
// (multiples of 1, 2 or 5 times a power of ten, about five steps): "2, 10, 20, 30, 36" for a
// 2-36 score rather than "2, 8.8, 15.6, ...", whose long labels ran into the axis' label.
std::vector<double> y_ticks(const Chart& chart) {
    const double range = chart.y_max - chart.y_min;
    if (range <= 0) return {chart.y_min};
    std::vector<double> ticks;
    if (chart.style == Chart::Style::steps && range <= 10) {
        for (double value = chart.y_min; value <= chart.y_max + 0.5; value += 1)
            ticks.push_back(value);
        return ticks;
    }
    const double rough = range / 5;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10 * power;
    for (const double multiple : {1.0, 2.0, 5.0})
        if (multiple * power >= rough - 1e-9) {
            step = multiple * power;
            break;
        }
    ticks.push_back(chart.y_min);
    for (double value = std::ceil(chart.y_min / step) * step; value < chart.y_max; value += step)
        if (value - chart.y_min >= step / 2 - 1e-9 && chart.y_max - value >= step / 2 - 1e-9)
            ticks.push_back(value);
    ticks.push_back(chart.y_max);
    return ticks;
}

void add_axes(std::string& out, const Chart& chart, const Scale& scale) {
    for (const double value : y_ticks(chart)) {
        const std::string y = coordinate(scale.y(value));
        out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#e4e4e4" />)", left, y,
                           width - right, y);
        out += fmt::format(
            R"(<text x="{}" y="{}" text-anchor="end" font-size="15" fill="#555">{}</text>)",
            left - 6, coordinate(scale.y(value) + 5), format_number(value));
        out += "\n";
    }
    const std::string base = coordinate(top + plot_height);
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#777" />)", left, base,
                       width - right, base);
    out += "\n";
    for (const Date day : x_ticks(chart)) {
        const std::string x = coordinate(scale.x(day));
        out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#777" />)", x, base, x,
                           coordinate(top + plot_height + 4));
        out += fmt::format(
            R"(<text x="{}" y="{}" text-anchor="{}" font-size="15" fill="#555">{}</text>)", x,
            coordinate(top + plot_height + 19), tick_anchor(scale.x(day)),
            html_escaped(format_short_date(day)));
        out += "\n";
    }
    out += fmt::format(
        R"(<text x="{}" y="{}" text-anchor="end" font-size="15" fill="#555">date</text>)",
        width - right, height - 6);
    out += fmt::format(
        R"svg(<text x="12" y="{}" text-anchor="middle" transform="rotate(-90 12 {})" font-size="15" fill="#555">{}</text>)svg",
        coordinate(top + plot_height / 2), coordinate(top + plot_height / 2),
        html_escaped(chart.y_label));
    out += "\n";
}

// Under the axis: what a dot and the line are.
void add_legend(std::string& out) {
    const double y = height - 6;
    out += fmt::format(R"(<circle cx="{}" cy="{}" r="3.5" fill="#1b3a57" />)", left + 4,
                       coordinate(y - 5));
    out += fmt::format(R"(<text x="{}" y="{}" font-size="15" fill="#555">each entry</text>)",
                       left + 12, coordinate(y));
    out += fmt::format(
        R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#6f879e" stroke-width="2.5" />)",
        left + 100, coordinate(y - 5), left + 120, coordinate(y - 5));
    out += fmt::format(
        R"(<text x="{}" y="{}" font-size="15" fill="#555">weekly mean (2+ entries)</text>)",
        left + 126, coordinate(y));
    out += "\n";
}

// The values as dark dots over the weekly means' lighter line: data points darker than derived
// lines, told apart in greyscale too.
void add_points_and_line(std::string& out, const Chart& chart, const Scale& scale) {
    add_legend(out);
    for (const auto& run : chart.lines) {
        std::string points;
        for (const auto& point : run)
            points +=
                fmt::format("{}{},{}", points.empty() ? "" : " ", coordinate(scale.x(point.date)),
                            coordinate(scale.y(point.value)));
        out += fmt::format(
            R"(<polyline points="{}" fill="none" stroke="#6f879e" stroke-width="2.5" />)", points);
        out += "\n";
    }
    for (const auto& point : chart.points)
        out += fmt::format(R"(<circle cx="{}" cy="{}" r="3.5" fill="#1b3a57" />)",
                           coordinate(scale.x(point.date)), coordinate(scale.y(point.value)));
    out += "\n";
}

void add_steps(std::string& out, const Chart& chart, const Scale& scale) {
    std::string path;
    for (std::size_t index = 0; index < chart.points.size(); ++index) {
        const auto& point = chart.points[index];
        const std::string x = coordinate(scale.x(point.date));
        const std::string y = coordinate(scale.y(point.value));
        path += index == 0 ? fmt::format("M{} {}", x, y) : fmt::format(" H{} V{}", x, y);
    }
    if (!chart.points.empty()) path += fmt::format(" H{}", coordinate(scale.x(*chart.x.to)));
    out += fmt::format(R"(<path d="{}" fill="none" stroke="#3a7ca5" stroke-width="2" />)", path);
    out += "\n";
    for (const auto& point : chart.points) {
        if (!point.marked) continue;
        out += fmt::format(
            R"(<circle cx="{}" cy="{}" r="5" fill="none" stroke="#c0392b" stroke-width="2"><title>step back on {}</title></circle>)",
            coordinate(scale.x(point.date)), coordinate(scale.y(point.value)),
            html_escaped(format_short_date(point.date)));
        out += "\n";
    }
}

}  // namespace

std::string html_escaped(std::string_view raw) {
    // Control characters and bidi overrides from a note never reach the page raw: printed
    // notes must read as written, and `cat notes.html` must not run terminal escapes.
    const std::string text = escape_unsafe(raw, true);
    std::string out;
    for (const char character : text) {
        switch (character) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += character;
        }
    }
    return out;
}

// Page 1's timeline: the outcomes over a band of the progression and lanes of marks, with the
// lane names in a wider left margin.
std::string svg_timeline(const Chart& chart) {
    constexpr double lane_left = 96;
    constexpr double lane_width = width - lane_left - right;
    constexpr double plot_top = 26;
    constexpr double plot_h = 64;
    constexpr double row = 20;
    const double axis = plot_top + plot_h;
    const double band_top = axis + 28;
    const double lanes_top = band_top + (chart.band_name.empty() ? 0 : row);
    const double total = lanes_top + row * static_cast<double>(chart.lanes.size()) + 4;
    const auto span = std::max<long>(1, (*chart.x.to - *chart.x.from).count());
    const auto x_of = [&](Date date) {
        return lane_left + lane_width * static_cast<double>((date - *chart.x.from).count()) /
                               static_cast<double>(span);
    };
    const auto day_width = lane_width / static_cast<double>(span + 1);
    const auto y_of = [&](double value) {
        const double range = chart.y_max - chart.y_min;
        const double share = range > 0 ? (value - chart.y_min) / range : 0.5;
        return plot_top + plot_h * (1 - std::clamp(share, 0.0, 1.0));
    };
    std::string out = fmt::format(
        R"(<svg class="chart timeline" viewBox="0 0 {} {}" role="img" aria-label="{}">)", width,
        coordinate(total), html_escaped(chart.title));
    out += "\n<title>" + html_escaped(chart.title) + "</title>\n";
    if (!chart.description.empty()) out += "<desc>" + html_escaped(chart.description) + "</desc>\n";
    // The legend over the plot: filled dots, hollow dots.
    double legend_x = lane_left;
    for (std::size_t index = 0; index < chart.legend.size() && index < 2; ++index) {
        out += fmt::format(
            R"(<circle cx="{}" cy="14" r="5" {} />)", coordinate(legend_x + 5),
            index == 0 ? R"(fill="#1b3a57")" : R"(fill="#fff" stroke="#1b3a57" stroke-width="2")");
        out += fmt::format(R"(<text x="{}" y="17" font-size="15" fill="#222">{}</text>)",
                           coordinate(legend_x + 14), html_escaped(chart.legend[index]));
        legend_x += 24 + 8 * static_cast<double>(chart.legend[index].size());
    }
    out += "\n";
    for (const double value : {chart.y_min, (chart.y_min + chart.y_max) / 2, chart.y_max}) {
        const std::string y = coordinate(y_of(value));
        out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#e4e4e4" />)",
                           lane_left, y, width - right, y);
        out += fmt::format(
            R"(<text x="{}" y="{}" text-anchor="end" font-size="15" fill="#555">{}</text>)",
            lane_left - 6, coordinate(y_of(value) + 5), format_number(value));
    }
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#777" />)", lane_left,
                       coordinate(axis), width - right, coordinate(axis));
    out += "\n";
    // At most 4 dates under the narrower plot, so that they never run into each other.
    const auto ticks = x_ticks(chart);
    const std::size_t every = (ticks.size() + 3) / 4;
    for (std::size_t index = 0; index < ticks.size(); index += std::max<std::size_t>(1, every)) {
        const Date day = ticks[index];
        const std::string x = coordinate(x_of(day));
        out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#777" />)", x,
                           coordinate(axis), x, coordinate(axis + 4));
        out += fmt::format(
            R"(<text x="{}" y="{}" text-anchor="{}" font-size="15" fill="#555">{}</text>)", x,
            coordinate(axis + 19), tick_anchor(x_of(day)), html_escaped(format_short_date(day)));
    }
    out += "\n";
    for (const auto& point : chart.points)
        out +=
            fmt::format(R"(<circle cx="{}" cy="{}" {}><title>{}: {}</title></circle>)",
                        coordinate(x_of(point.date)), coordinate(y_of(point.value)),
                        point.marked ? R"(r="3.5" fill="none" stroke="#1b3a57" stroke-width="1.5")"
                                     : R"(r="5" fill="#1b3a57")",
                        html_escaped(format_short_date(point.date)), format_number(point.value));
    out += "\n";
    const auto lane_name = [&](double y, const std::string& name) {
        out += fmt::format(
            R"(<text x="{}" y="{}" text-anchor="end" font-size="15" fill="#222">{}</text>)",
            lane_left - 6, coordinate(y + 14), html_escaped(name));
    };
    if (!chart.band_name.empty()) {
        lane_name(band_top, chart.band_name);
        bool shade = false;
        for (const auto& run : chart.band) {
            const double x = x_of(run.first);
            const double run_width = x_of(run.last) + day_width - x;
            out += fmt::format(
                R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#777" stroke-width="0.5"><title>{}</title></rect>)",
                coordinate(x), coordinate(band_top + 1), coordinate(std::max(run_width, 1.0)),
                coordinate(row - 4), shade ? "#d9d9d9" : "#f2f2f2", html_escaped(run.label));
            if (run_width >= 16)
                out += fmt::format(R"(<text x="{}" y="{}" font-size="15" fill="#222">{}</text>)",
                                   coordinate(x + 3), coordinate(band_top + 14),
                                   html_escaped(run.label));
            shade = !shade;
        }
        out += "\n";
    }
    for (std::size_t index = 0; index < chart.lanes.size(); ++index) {
        const ChartLane& lane = chart.lanes[index];
        const double y = lanes_top + row * static_cast<double>(index);
        lane_name(y, lane.name);
        out +=
            fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#e4e4e4" />)", lane_left,
                        coordinate(y + row / 2), width - right, coordinate(y + row / 2));
        for (const auto& mark : lane.marks) {
            const double x = x_of(mark.first);
            const double mark_width = std::max(x_of(mark.last) + day_width - x, 3.0);
            out += fmt::format(
                R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#333"><title>{}</title></rect>)",
                coordinate(x), coordinate(y + 3), coordinate(mark_width), coordinate(row - 6),
                html_escaped(mark.label));
        }
        out += "\n";
    }
    return out + "</svg>\n";
}

std::string svg_chart(const Chart& chart) {
    if (chart.style == Chart::Style::timeline) return svg_timeline(chart);
    const Scale scale{chart};
    std::string out =
        fmt::format(R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">)", width,
                    height, html_escaped(chart.title));
    out += "\n<title>" + html_escaped(chart.title) + "</title>\n";
    if (!chart.description.empty()) out += "<desc>" + html_escaped(chart.description) + "</desc>\n";
    add_axes(out, chart, scale);
    if (chart.style == Chart::Style::steps)
        add_steps(out, chart, scale);
    else
        add_points_and_line(out, chart, scale);
    return out + "</svg>\n";
}

}  // namespace tend::render
