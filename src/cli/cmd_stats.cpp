// `tend stats`: the summary of a period (this week by default) against the period before it.
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "render/effect.h"
#include "render/stats_json.h"
#include "render/stats_text.h"
#include "render/weekly_text.h"
#include "tend/effect.h"
#include "tend/error.h"
#include "tend/stats.h"

namespace tend::cli {

namespace {

using std::chrono::days;

struct StatsOptions {
    std::string period;  // none: this week; the 12 weeks up to it for --weekly; all for --effect
    bool period_given = false;  // typed, even as '' (which is no period)
    std::vector<std::string> kinds;
    bool weekly = false;
    std::string effect;         // the factor kind
    bool effect_given = false;  // --effect was typed, even as --effect ''
    std::string on;             // the outcome: "sex.pain", or a kind whose first field is numeric
    int within_days = 2;
    bool json = false;
};

Period asked_period(const StatsOptions& options, Date today, Weekday week_start) {
    if (options.period_given) return parse_period(options.period, today, week_start);
    if (options.effect_given) return Period{};
    const Date this_week = start_of_week(today, week_start);
    if (options.weekly) return Period{this_week - days{77}, this_week + days{6}};
    return Period{this_week, this_week + days{6}};
}

// "sex.pain", "pain" (the kind's primary field), "dil.min": a numeric field of a kind.
FieldRef resolve_outcome(const Profile& profile, std::string_view typed) {
    const auto dot = typed.find('.');
    const KindSpec& kind = resolve_kind(profile, typed.substr(0, dot));
    const FieldSpec* field = nullptr;
    if (dot != std::string_view::npos)
        field = &resolve_field(kind, typed.substr(dot + 1));
    else
        field = kind.field(kind.primary);
    if (field && field->is_numeric()) return FieldRef{kind.name, field->name};
    const auto numeric = std::find_if(kind.fields.begin(), kind.fields.end(),
                                      [](const FieldSpec& spec) { return spec.is_numeric(); });
    if (numeric == kind.fields.end())
        throw user_error(fmt::format("'{}' has no numbers to compare", kind.name),
                         "--on needs a numeric field, such as sex.pain");
    throw user_error(fmt::format("'{}' is not a number to compare", typed),
                     fmt::format("try --on {}.{}", kind.name, numeric->name));
}

int run_effect(const StatsOptions& options, Context& context) {
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    EffectRequest request;
    request.factor = resolve_kind(config.profile, options.effect).name;
    request.outcome = resolve_outcome(config.profile, options.on);
    request.within_days = options.within_days;
    const Period asked = asked_period(options, today, config.settings.week_start);
    file_inbox(context);  // once the command line was accepted (docs/sync.md)
    // Every entry up to the period's end counts (a factor just before it too), read a month at
    // a time: ten years take the memory of a month. An open period starts at the first entry,
    // as slice_for closes it.
    EffectCount count(request, config);
    std::optional<Date> first;  // the earliest day written (not the earliest instant's day)
    context.journal().load_compact_month_by_month(
        Period{std::nullopt, asked.to}, context.time().offset_at_local,
        [&](const CompactEntries& month) {
            for (const auto& entry : month.entries()) {
                if (!first || entry.at.local_date() < *first) first = entry.at.local_date();
                count.add(entry);
            }
        });
    request.period = close_open_ends(asked, first.value_or(today), today);
    const EffectReport report = count.report(request.period);
    if (options.json)
        fmt::print("{}\n", render::effect_json(report).dump());
    else
        fmt::print("{}", render::effect_text(report, config));
    return exit_code::ok;
}

int run_stats(const StatsOptions& options, Context& context) {
    note_stray_copies(context);
    if (options.effect_given) return run_effect(options, context);
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    StatsRequest request;
    for (const auto& typed : options.kinds)
        request.kinds.push_back(resolve_kind(config.profile, typed).name);
    request.today = today;
    // The summary compares the period with the one before it; the weekly rows compare nothing.
    SliceRequest wanted;
    wanted.period = asked_period(options, today, config.settings.week_start);
    wanted.look_back = options.weekly ? LookBack::period : LookBack::previous_period;
    file_inbox(context);  // once the command line was accepted (docs/sync.md)
    const JournalSlice slice =
        context.journal().slice_for(wanted, context.plan(), today, context.time().offset_at_local);
    request.period = slice.period;
    if (wanted.period.from && !options.weekly) request.previous = previous_period(request.period);
    const StatsReport report = compute_stats(request, slice, context.plan(), config);
    if (options.json)
        fmt::print("{}\n", render::stats_json(report).dump());
    else if (options.weekly)
        fmt::print("{}", render::weekly_text(report));
    else
        fmt::print("{}", render::stats_text(report, config, context.use_color()));
    return exit_code::ok;
}

}  // namespace

Command add_stats_command(CLI::App& app) {
    auto options = std::make_shared<StatsOptions>();
    CLI::App* command = app.add_subcommand(
        "stats", "A summary of a period (default: this week) against the one before");
    CLI::Option* period =
        command
            ->add_option("period", options->period,
                         "PERIOD: this-week (default), last-week, 2026-11, last-30d ...")
            ->option_text("PERIOD");
    CLI::Option* kind =
        command->add_option("--kind", options->kinds, "Only this kind (repeat for more)")
            ->option_text("KIND")
            ->allow_extra_args(false);
    CLI::Option* weekly = command->add_flag(
        "--weekly", options->weekly,
        "One row per week: entries, adherence, sessions, pain, size (default: 12 weeks)");
    CLI::Option* effect =
        command
            ->add_option("--effect", options->effect,
                         "Compare days after this kind with days without (default: all time)")
            ->option_text("KIND");
    CLI::Option* on =
        command->add_option("--on", options->on, "The outcome --effect compares, e.g. sex.pain")
            ->option_text("KIND.FIELD");
    CLI::Option* within =
        command
            ->add_option("--within", options->within_days,
                         "Days before an outcome that a --effect entry counts (default 2)")
            ->option_text("DAYS")
            ->check(whole_number(1, 30));
    effect->needs(on)->excludes(weekly)->excludes(kind);
    on->needs(effect);
    within->needs(effect);
    command->add_flag("--json", options->json, "Print the numbers as JSON (docs/json.md)");
    add_examples(*command,
                 "  tend stats\n"
                 "  tend stats last-week --kind dilate\n"
                 "  tend stats 2026-09.. --weekly\n"
                 "  tend stats --effect cardio --on sex.pain\n"
                 "  tend stats 2026-11 --json");
    return {command, [options, effect, period](Context& context) {
                options->effect_given = effect->count() > 0;
                options->period_given = period->count() > 0;
                return run_stats(*options, context);
            }};
}

}  // namespace tend::cli
