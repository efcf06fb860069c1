// `tend show`: entries of a period, grouped by day.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "core/text.h"
#include "render/entry_text.h"
#include "tend/error.h"
#include "tend/period.h"

namespace tend::cli {

namespace {

struct ShowOptions {
    std::string period = "today";
    std::vector<std::string> kinds;
    std::vector<std::string> tags;
    std::string contains;
    std::optional<std::size_t> last;
    bool json = false;
};

bool matches(const Entry& entry, const std::vector<std::string>& kinds,
             const std::vector<std::string>& tags, const std::string& contains_lowered) {
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), entry.kind) == kinds.end())
        return false;
    for (const auto& tag : tags)
        if (std::find(entry.tags.begin(), entry.tags.end(), tag) == entry.tags.end()) return false;
    return contains_lowered.empty() ||
           to_lower(entry.note).find(contains_lowered) != std::string::npos;
}

int run_show(const ShowOptions& options, Context& context) {
    note_stray_copies(context);
    const Config& config = context.journal().config();
    const Period period =
        parse_period(options.period, context.time().today(), config.settings.week_start);
    std::vector<std::string> kinds;
    for (const auto& typed : options.kinds)
        kinds.push_back(resolve_kind(config.profile, typed).name);
    std::vector<std::string> tags;
    for (const auto& tag : options.tags)
        tags.push_back(tag.starts_with('@') ? tag.substr(1) : tag);

    file_inbox(context);  // once the command line was accepted (docs/sync.md)
    std::vector<Entry> entries = context.journal().load(period, context.time().offset_at_local);
    std::erase_if(entries, [&](const Entry& entry) {
        return !matches(entry, kinds, tags, to_lower(options.contains));
    });
    if (options.last && entries.size() > *options.last)
        entries.erase(entries.begin(), entries.end() - static_cast<std::ptrdiff_t>(*options.last));

    if (options.json) {
        render::Json list = render::Json::array();
        for (const auto& entry : entries)
            list.push(render::entry_json(entry));
        render::Json json = render::Json::object();
        json.set("period", render::period_json(period)).set("entries", std::move(list));
        fmt::print("{}\n", json.dump());
        return exit_code::ok;
    }
    if (entries.empty()) {
        const bool filtered = !kinds.empty() || !tags.empty() || !options.contains.empty();
        const bool today = period.from == context.time().today() && period.to == period.from;
        const std::string when = today ? "today" : "in " + describe_period(period);
        if (filtered)
            fmt::print("No matching entries {}.\n", when);
        else
            fmt::print("Nothing logged {}{}.\n", when, today ? " yet" : "");
        return exit_code::ok;
    }
    fmt::print("{}", render::entries_by_day(entries, config));
    return exit_code::ok;
}

}  // namespace

Command add_show_command(CLI::App& app) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* command = app.add_subcommand("show", "List entries of a period, grouped by day");
    command
        ->add_option("period", options->period,
                     "today (default), last-7d, this-week, 2026-11, 2026-11-20, all ...")
        ->option_text("PERIOD");
    command->add_option("--kind,-k", options->kinds, "Only this kind (may be repeated)")
        ->option_text("KIND")
        ->allow_extra_args(false);
    command->add_option("--tag,-t", options->tags, "Only entries with this tag (may be repeated)")
        ->option_text("TAG")
        ->allow_extra_args(false);
    command->add_option("--contains", options->contains, "Only entries whose note contains TEXT")
        ->option_text("TEXT");
    command->add_option("-n", options->last, "Only the last N entries")
        ->option_text("N")
        ->check(whole_number(1, std::numeric_limits<int>::max()));
    command->add_flag("--json", options->json, "JSON for scripts (docs/json.md)");
    add_examples(*command,
                 "  tend show\n"
                 "  tend show last-7d --kind dilate\n"
                 "  tend show all --contains lidocaine");
    return {command, [options](Context& context) { return run_show(*options, context); }};
}

}  // namespace tend::cli
