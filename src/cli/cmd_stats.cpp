// `tend stats`: the summary of a period (this week by default) against the period before it.
#include <fmt/format.h>

#include "cli/context.h"
#include "render/stats_json.h"
#include "render/stats_text.h"
#include "tend/error.h"
#include "tend/stats.h"

namespace tend::cli {

namespace {

struct StatsOptions {
    std::string period = "this-week";
    std::vector<std::string> kinds;
    bool json = false;
};

// Open ends become the first entry and today, so the summary always covers real days.
Period bounded(Period period, const std::vector<Entry>& entries, Date today) {
    if (!period.from) period.from = entries.empty() ? today : entries.front().at.local_date();
    if (!period.to) period.to = today;
    if (*period.from > *period.to) period.from = period.to;
    return period;
}

int run_stats(const StatsOptions& options, Context& context) {
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    const Period asked = parse_period(options.period, today, config.settings.week_start);
    StatsRequest request;
    for (const auto& typed : options.kinds)
        request.kinds.push_back(resolve_kind(config.profile, typed).name);
    request.today = today;
    // Everything up to the period's end: the previous period, streaks and milestones look back.
    const auto entries =
        context.journal().load(Period{std::nullopt, asked.to}, context.time().offset_at_local);
    request.period = bounded(asked, entries, today);
    if (asked.from) request.previous = previous_period(request.period);
    const StatsReport report = compute_stats(request, entries, context.plan(), config);
    if (options.json)
        fmt::print("{}\n", render::stats_json(report).dump());
    else
        fmt::print("{}", render::stats_text(report, config, context.use_color()));
    return exit_code::ok;
}

}  // namespace

Command add_stats_command(CLI::App& app) {
    auto options = std::make_shared<StatsOptions>();
    CLI::App* command = app.add_subcommand(
        "stats", "A summary of a period (default: this week) against the one before");
    command
        ->add_option("period", options->period,
                     "PERIOD: this-week (default), last-week, 2026-11, last-30d ...")
        ->option_text("PERIOD");
    command->add_option("--kind", options->kinds, "Only this kind (repeat for more)")
        ->option_text("KIND");
    command->add_flag("--json", options->json, "Print the numbers as JSON (docs/json.md)");
    add_examples(*command,
                 "  tend stats\n"
                 "  tend stats last-week --kind dilate\n"
                 "  tend stats 2026-11 --json");
    return {command, [options](Context& context) { return run_stats(*options, context); }};
}

}  // namespace tend::cli
