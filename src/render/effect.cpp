// What helps, for the terminal and as JSON.
#include "render/effect.h"

#include <fmt/format.h>

#include <cmath>

#include "render/numbers.h"
#include "render/report_document.h"
#include "render/table.h"

namespace tend::render {

namespace {

std::string value_text(const EffectReport& report, double value) {
    if (report.outcome_type == FieldType::duration)
        return format_minutes(static_cast<std::int64_t>(std::llround(value)));
    return format_number(value);
}

std::string side_line(std::string_view label, const EffectSide& side, const EffectReport& report) {
    const std::string days = side.days == 1 ? "1 day" : fmt::format("{} days", side.days);
    if (!side.mean) return fmt::format("  {:<16} no days yet\n", label);
    return fmt::format("  {:<16} mean {:<6} on {}\n", label, value_text(report, *side.mean), days);
}

std::string difference_words(const EffectReport& report, double difference) {
    const std::string& factor = report.request.factor;
    if (std::abs(difference) < 0.05)
        return fmt::format("About the same after {} as without.", factor);
    const bool lower = difference < 0;
    const std::string size = report.outcome_type == FieldType::duration
                                 ? value_text(report, std::abs(difference))
                                 : format_points(difference);
    std::string words = fmt::format("{} {} after {}", size, lower ? "lower" : "higher", factor);
    if (report.outcome_type != FieldType::scale) return words + ".";
    if (!report.meaningful()) return words + ": under 2 points, not a meaningful difference.";
    const bool better = lower == report.lower_is_better;
    return words +
           fmt::format(": a meaningful difference, for the {}.", better ? "better" : "worse");
}

}  // namespace

std::string effect_text(const EffectReport& report, const Config& config) {
    const EffectRequest& request = report.request;
    const std::string title = capitalized(field_words(request.outcome, config));
    std::string out =
        fmt::format("{} after {}, {}\n", title, request.factor, period_words(request.period));
    out += side_line(fmt::format("after {}", request.factor), report.with, report);
    out += side_line("other days", report.without, report);
    if (const auto difference = report.difference()) {
        out += wrapped_text(difference_words(report, *difference), "  ", "  ");
        out += wrapped_text(
            fmt::format("\"After\" means {} earlier that day or in the {} day{} "
                        "before. This compares days; it cannot tell what caused "
                        "what.",
                        request.factor, request.within_days, request.within_days == 1 ? "" : "s"),
            "  ", "  ");
    } else {
        out += fmt::format("  Not enough days to compare yet: each side needs at least {} days.\n",
                           EffectReport::minimum_days);
    }
    return out;
}

Json effect_json(const EffectReport& report) {
    const auto side_json = [](const EffectSide& side) {
        Json json = Json::object();
        json.set("days", side.days);
        json.set("mean", side.mean ? rounded(*side.mean, 2) : Json());
        return json;
    };
    Json json = Json::object();
    json.set("period", period_json(report.request.period));
    json.set("factor", report.request.factor);
    json.set("outcome", report.request.outcome.name());
    json.set("within_days", report.request.within_days);
    json.set("with", side_json(report.with));
    json.set("without", side_json(report.without));
    json.set("enough", report.enough());
    const auto difference = report.difference();
    json.set("difference", difference ? rounded(*difference, 2) : Json());
    json.set("meaningful", report.meaningful());
    return json;
}

}  // namespace tend::render
