// `tend plan`: show the home programme, add, end and remove items; today, due and ics.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "cli/context.h"
#include "cli/plan_item_choice.h"
#include "core/text.h"
#include "render/ics.h"
#include "render/numbers.h"
#include "render/plan_text.h"
#include "store/file_io.h"
#include "store/plan_file.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

struct AddOptions {
    std::vector<std::string> words;
    std::string from = "today";
    std::string until;
    std::string length;
    std::string name;
    std::string note;
};

struct PlanOptions {
    AddOptions add;
    std::string item;
    std::string end_on = "today";
    bool quiet = false;
    std::string ics_output;
};

std::string item_heading(const PlanItem& item) {
    return item.name.empty() ? item.kind
                             : fmt::format("{} ({})", escape_unsafe(item.name, false), item.kind);
}

void print_group(std::string_view title, const Plan& plan, const Config& config, Date today,
                 const std::function<bool(const PlanItem&)>& belongs) {
    bool printed_title = false;
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        const PlanItem& item = plan.items[index];
        if (!belongs(item)) continue;
        if (!printed_title) fmt::print("{}\n", title);
        printed_title = true;
        const std::string dates = render::describe_dates(item, today);
        fmt::print("  {:>2}  {}: {}{}\n", index + 1, item_heading(item),
                   render::describe_rules(item, config), dates.empty() ? "" : ", " + dates);
        if (!item.note.empty()) fmt::print("      \"{}\"\n", escape_unsafe(item.note, true));
    }
}

int run_show(Context& context) {
    const Plan& plan = context.plan();
    if (plan.items.empty()) {
        fmt::print("{}\n", no_plan_line);
        return exit_code::ok;
    }
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    print_group("In force today", plan, config, today,
                [&](const PlanItem& item) { return item.in_force_on(today); });
    print_group("Starting later", plan, config, today,
                [&](const PlanItem& item) { return item.start > today; });
    print_group("Ended (kept: they measure the weeks they covered)", plan, config, today,
                [&](const PlanItem& item) { return item.has_ended_before(today); });
    return exit_code::ok;
}

// The same item twice (the same `plan add` typed again) would count every session twice.
void refuse_duplicate(const PlanItem& item, const Plan& plan, const Config& config) {
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        const PlanItem& existing = plan.items[index];
        const bool same = existing.kind == item.kind && existing.schedule == item.schedule &&
                          existing.conditions == item.conditions && existing.total == item.total &&
                          existing.start == item.start && existing.end == item.end;
        if (same)
            throw user_error(
                fmt::format("the plan already has this item: #{} {} ({})", index + 1,
                            existing.label(), render::describe_rules(existing, config)),
                "nothing was added; 'tend plan' lists the items");
    }
}

// "minutes=10" on a duration counts only sessions of exactly 10 minutes: rarely what is meant.
void warn_exact_durations(const PlanItem& item, std::size_t number, const Config& config) {
    const KindSpec* kind = config.profile.kind(item.kind);
    for (const auto& condition : item.conditions) {
        const FieldSpec* field = kind ? kind->field(condition.field) : nullptr;
        if (condition.comparison != Condition::Comparison::equal || !field ||
            field->type != FieldType::duration)
            continue;
        const std::string value = render::format_number(condition.value);
        fmt::print(stderr,
                   "tend: note: '{}' counts only sessions of exactly {} minutes; for {} or more, "
                   "write '{}>={}' (or {}:{}+) - to change it today: tend plan rm {}, then add it "
                   "again\n",
                   condition_text(condition), value, value, condition.field, value, condition.field,
                   value, number);
    }
}

int run_add(const AddOptions& options, Context& context) {
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    if (options.words.empty())
        throw user_error("'plan add' needs a kind and a schedule",
                         "e.g. tend plan add kegels 3/day --for 3w");
    PlanItem item;
    item.kind = options.words.front();
    PlanWords words =
        parse_plan_words(std::vector<std::string>(options.words.begin() + 1, options.words.end()));
    item.schedule = words.schedule;
    item.conditions = std::move(words.conditions);
    item.total = words.total;
    item.start = parse_plan_date(options.from, today);
    if (!options.length.empty()) {
        const auto days = parse_length_days(options.length);
        if (!days)
            throw user_error(fmt::format("can't read the length '{}'", options.length),
                             "use days or weeks: 30d, 3w, 8w");
        item.length = to_lower(options.length);
        item.end = end_after_length(item.start, *days);
    } else if (!options.until.empty()) {
        item.end = parse_plan_date(options.until, today);
    }
    item.name = options.name;
    item.note = options.note;
    // What `log` refuses in a note, plan.toml refuses too: it is printed on every `tend plan`.
    for (const auto& [what, text, newlines] :
         {std::tuple{"--name", &item.name, false}, std::tuple{"--note", &item.note, true}}) {
        if (const auto character = unsafe_character_in(*text, newlines))
            throw user_error(
                fmt::format("{} contains {}", what, *character),
                newlines ? "notes may hold text, newlines and tabs" : "a name is one line of text");
        if (!is_valid_utf8(*text))
            throw user_error(fmt::format("{} is not valid UTF-8 text", what),
                             "check your terminal's encoding");
    }
    check_plan_item(item, config.profile);
    refuse_duplicate(item, context.plan(), config);
    store::add_plan_item(context.root(), config, item);
    warn_exact_durations(item, context.plan().items.size() + 1, config);

    const std::string dates = render::describe_dates(item, today);
    fmt::print("added to the plan: {}: {}{}\n", item_heading(item),
               render::describe_rules(item, config), dates.empty() ? "" : ", " + dates);
    return exit_code::ok;
}

int run_end(const PlanOptions& options, Context& context) {
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    const Date end = parse_plan_date(options.end_on, today);
    PlanItem ended;
    store::end_plan_item(
        context.root(), config,
        [&](const Plan& plan) {
            const std::size_t index = choose_plan_item(
                plan, options.item,
                [&](const PlanItem& item) { return !item.has_ended_before(end); },
                fmt::format("had already ended by {}", format_short_date(end)), today, "end");
            const PlanItem& item = plan.items[index];
            // Ending it again on a later day would quietly re-open it until then.
            if (item.end && *item.end <= end)
                throw user_error(
                    fmt::format("#{} {} already ended on {}", index + 1, item.label(),
                                format_date(*item.end)),
                    "nothing was changed; to follow it again, add a new item with 'tend plan add'");
            if (end < item.start)
                throw user_error(
                    fmt::format("#{} {} starts on {}, after {}", index + 1, item.label(),
                                format_date(item.start), format_date(end)),
                    fmt::format("to drop an item that has not started, use 'tend plan rm {}'",
                                index + 1));
            ended = item;
            return index;
        },
        end);
    fmt::print("{} ends {}; its history stays in the plan\n", item_heading(ended),
               end == today ? std::string("today") : "on " + format_day_heading(end));
    return exit_code::ok;
}

int run_remove(const PlanOptions& options, Context& context) {
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    // An item that has counted no session yet has measured nothing the user did: a mistake
    // (a wrong start, a wrong rule) is undone by removing it. One that counted a session is
    // part of the record and is ended instead.
    const auto has_counted = [&](const PlanItem& item) {
        if (item.start >= today) return false;  // a mistake made today is undone at once
        const CompactEntries entries = context.journal().load_compact(
            Period{item.start, today}, context.time().offset_at_local);
        return std::any_of(entries.entries().begin(), entries.entries().end(),
                           [&](const CompactEntry& entry) { return item.counts(entry); });
    };
    PlanItem removed;
    std::size_t removed_index = 0;
    std::size_t item_count = 0;
    store::remove_plan_item(context.root(), config, [&](const Plan& plan) {
        require_one_named(plan, options.item, "rm");
        const std::size_t index = choose_plan_item(
            plan, options.item, [&](const PlanItem& item) { return !has_counted(item); },
            "has counted no session yet", today, "rm");
        const PlanItem& item = plan.items[index];
        if (has_counted(item))
            throw user_error(
                fmt::format("#{} {} has counted sessions since {}; removing it would change how "
                            "those days are measured",
                            index + 1, item.label(), format_date(item.start)),
                fmt::format("end it instead: tend plan end {}", index + 1));
        removed = item;
        removed_index = index;
        item_count = plan.items.size();
        return index;
    });
    fmt::print("removed from the plan: #{} {}: {}\n", removed_index + 1, item_heading(removed),
               render::describe_rules(removed, config));
    // Numbers are positions: say which changed, so that a following 'plan end 4' is not a
    // surprise.
    if (removed_index + 1 < item_count) {
        std::string moved;
        for (std::size_t number = removed_index + 2; number <= item_count; ++number)
            moved += fmt::format("{}#{} is now #{}", moved.empty() ? "" : ", ", number, number - 1);
        fmt::print("{}\n", moved);
    }
    return exit_code::ok;
}

int run_ics(const PlanOptions& options, Context& context) {
    const std::string calendar =
        render::plan_calendar(context.plan(), context.journal().config(), context.time().now);
    if (options.ics_output.empty() || options.ics_output == "-") {
        fmt::print("{}", calendar);  // flushed and checked at exit (main.cpp)
        return exit_code::ok;
    }
    store::write_named_output(options.ics_output, calendar, context.root());
    fmt::print("wrote the plan to {}\n", options.ics_output);
    return exit_code::ok;
}

}  // namespace

Command add_plan_command(CLI::App& app) {
    auto options = std::make_shared<PlanOptions>();
    CLI::App* plan = app.add_subcommand(
        "plan", "The home programme: show it, add/end/rm items, today, due, ics");
    plan->require_subcommand(0, 1);
    add_examples(*plan,
                 "  tend plan\n"
                 "  tend plan add kegels 3/day --for 3w --name \"Kegels\"\n"
                 "  tend plan today");

    CLI::App* show = plan->add_subcommand("show", "The items in force, starting later and ended");
    add_examples(*show, "  tend plan show\n  tend plan\n  tend --dir examples/pelvic-floor plan");

    CLI::App* add = plan->add_subcommand(
        "add", "Add an item: tend plan add KIND SCHEDULE [CONDITION ...] [--from] [--until|--for]");
    add->add_option("words", options->add.words,
                    "Kind, schedule (daily, 3/day, every 2d, 3/week, mon,wed,fri), conditions "
                    "(minutes>=10) and a total (total minutes>=120/day)")
        ->required()
        ->option_text("KIND SCHEDULE ...");
    add->add_option("--from", options->add.from, "First day: YYYY-MM-DD, today (default), tomorrow")
        ->option_text("DATE");
    auto* until =
        add->add_option("--until", options->add.until, "Last day (inclusive)")->option_text("DATE");
    auto* length =
        add->add_option("--for", options->add.length, "Length: 30d, 3w, 8w")->option_text("LENGTH");
    until->excludes(length);
    add->add_option("--name", options->add.name, "A name shown instead of the kind")
        ->option_text("TEXT");
    add->add_option("--note", options->add.note, "The therapist's words, shown with the item")
        ->option_text("TEXT");
    add_examples(*add,
                 "  tend plan add relax daily --for 3w\n"
                 "  tend plan add dilate daily 'minutes>=15' --name \"Dilate, 15 min or more\"\n"
                 "  tend plan add dilate total minutes:120+/day --from 2026-06-16 --for 8w");

    CLI::App* end =
        plan->add_subcommand("end", "End an item (its history stays): tend plan end ITEM");
    end->add_option("item", options->item, "Number, name or kind, as 'tend plan' shows")
        ->required()
        ->option_text("ITEM");
    end->add_option("--on", options->end_on, "Its last day: YYYY-MM-DD, today (default), yesterday")
        ->option_text("DATE");
    add_examples(*end, "  tend plan end kegels\n  tend plan end 2 --on yesterday");

    CLI::App* remove = plan->add_subcommand(
        "rm", "Delete an item that starts today or has counted no session yet");
    remove->add_option("item", options->item, "Number, name or kind, as 'tend plan' shows")
        ->required()
        ->option_text("ITEM");
    add_examples(*remove, "  tend plan rm 7\n  tend plan rm \"Dilate, 15 min or more\"");

    CLI::App* today = plan->add_subcommand("today", "What the plan asks of today, done and to go");
    add_examples(*today, "  tend plan today\n  tend");

    CLI::App* due = plan->add_subcommand(
        "due", "Exit 0 when something is still due today, 1 when nothing is (for scripts)");
    due->add_flag("-q,--quiet", options->quiet, "Print nothing; only the exit code answers");
    add_examples(*due,
                 "  tend plan due\n  tend plan due -q && notify-send \"tend\" \"a session is still "
                 "due today\"");

    CLI::App* ics =
        plan->add_subcommand("ics", "The plan as iCalendar events for a phone calendar");
    ics->add_option("-o,--output", options->ics_output, "Write to FILE (0600) instead of stdout")
        ->check(file_name())
        ->option_text("FILE");
    add_examples(*ics, "  tend plan ics -o plan.ics\n  tend plan ics > ~/plan.ics");

    return {plan, [=](Context& context) {
                if (add->parsed()) return run_add(options->add, context);
                if (end->parsed()) return run_end(*options, context);
                if (remove->parsed()) return run_remove(*options, context);
                if (today->parsed()) return run_plan_today(context);
                if (due->parsed()) return run_plan_due(context, options->quiet);
                if (ics->parsed()) return run_ics(*options, context);
                return run_show(context);
            }};
}

}  // namespace tend::cli
