// Small inline SVG charts: a dated x axis, a labelled y axis, dots, a line or steps.
#include "render/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "render/numbers.h"

namespace tend::render {

namespace {

// Sized so that 14-unit text prints at 8 pt or more on a 10 cm chart and reads at 12 px or more
// on a 390 px phone.
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

// Up to 6 dated ticks on the x axis: the period's first day, then every step of days.
std::vector<Date> x_ticks(const Period& period) {
    const auto span = (*period.to - *period.from).count();
    const auto weeks_per_tick = static_cast<long>(std::ceil(static_cast<double>(span + 1) / 42.0));
    const auto step = 7 * std::max<long>(1, weeks_per_tick);
    std::vector<Date> ticks;
    for (Date day = *period.from; day <= *period.to; day += std::chrono::days{step})
        ticks.push_back(day);
    return ticks;
}

// Whole-number ticks: each value up to 10 steps, else five even steps.
std::vector<double> y_ticks(const Chart& chart) {
    const double range = chart.y_max - chart.y_min;
    const double step = chart.style == Chart::Style::steps && range <= 10 ? 1 : range / 5;
    std::vector<double> ticks;
    if (step <= 0) return {chart.y_min};
    for (double value = chart.y_min; value <= chart.y_max + step / 2; value += step)
        ticks.push_back(value);
    return ticks;
}

void add_axes(std::string& out, const Chart& chart, const Scale& scale) {
    for (const double value : y_ticks(chart)) {
        const std::string y = coordinate(scale.y(value));
        out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#e4e4e4" />)", left, y,
                           width - right, y);
        out += fmt::format(
            R"(<text x="{}" y="{}" text-anchor="end" font-size="14" fill="#555">{}</text>)",
            left - 6, coordinate(scale.y(value) + 5), format_number(value));
        out += "\n";
    }
    const std::string base = coordinate(top + plot_height);
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#777" />)", left, base,
                       width - right, base);
    out += "\n";
    for (const Date day : x_ticks(chart.x)) {
        const std::string x = coordinate(scale.x(day));
        out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#777" />)", x, base, x,
                           coordinate(top + plot_height + 4));
        out += fmt::format(
            R"(<text x="{}" y="{}" text-anchor="middle" font-size="14" fill="#555">{}</text>)", x,
            coordinate(top + plot_height + 19), html_escaped(format_short_date(day)));
        out += "\n";
    }
    out += fmt::format(
        R"(<text x="{}" y="{}" text-anchor="end" font-size="14" fill="#555">date</text>)",
        width - right, height - 6);
    out += fmt::format(
        R"svg(<text x="12" y="{}" text-anchor="middle" transform="rotate(-90 12 {})" font-size="14" fill="#555">{}</text>)svg",
        coordinate(top + plot_height / 2), coordinate(top + plot_height / 2),
        html_escaped(chart.y_label));
    out += "\n";
}

// The values as dark dots over the weekly means' lighter line: data points darker than derived
// lines, told apart in greyscale too.
void add_points_and_line(std::string& out, const Chart& chart, const Scale& scale) {
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

std::string svg_chart(const Chart& chart) {
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
