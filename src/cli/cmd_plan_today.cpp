// `tend plan today` and `tend plan due`: what the plan asks of today, and what is still due.
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "cli/plan_status.h"
#include "render/colour.h"
#include "render/plan_text.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

using std::chrono::days;

std::string_view mark_of(DayStatus::State state) {
    switch (state) {
        case DayStatus::State::done:
            return "✓";
        case DayStatus::State::due:
            return "•";
        case DayStatus::State::not_due:
            return "-";
        case DayStatus::State::resting:
            return "~";
    }
    return " ";
}

// A kind word, never a verdict: what is left is framed as an option, not a failure.
std::string encouragement(const std::vector<ItemStatus>& statuses) {
    const auto due = std::count_if(statuses.begin(), statuses.end(), [](const ItemStatus& item) {
        return item.status.state == DayStatus::State::due;
    });
    const bool any_done_today =
        std::any_of(statuses.begin(), statuses.end(),
                    [](const ItemStatus& item) { return item.status.done_that_day > 0; });
    const bool anything_today =
        std::any_of(statuses.begin(), statuses.end(), [](const ItemStatus& item) {
            return item.status.state == DayStatus::State::due ||
                   item.status.state == DayStatus::State::done;
        });
    const bool resting = std::any_of(statuses.begin(), statuses.end(), [](const ItemStatus& item) {
        return item.status.state == DayStatus::State::resting;
    });
    if (!anything_today && resting) return "A rest day. Rest is part of the programme too.";
    if (!anything_today) return "Nothing is due today. Rest is part of the programme too.";
    if (due == 0) return "All done for today. Well done.";
    const std::string left = due == 1 ? "one thing" : fmt::format("{} things", due);
    if (any_done_today)
        return fmt::format("Good going: {} still open, whenever it suits you.", left);
    return fmt::format("{} on the plan today. Whatever you manage counts.",
                       due == 1 ? "One thing" : fmt::format("{} things", due));
}

std::string colored(std::string_view text, DayStatus::State state, bool color) {
    const render::Tone tone = state == DayStatus::State::done  ? render::Tone::good
                              : state == DayStatus::State::due ? render::Tone::open
                                                               : render::Tone::quiet;
    return render::paint(text, tone, color);
}

}  // namespace

int run_plan_today(Context& context) {
    const Plan& plan = context.plan();  // a broken plan.toml stops the command before it files
    file_inbox(context);                // what today shows includes the phone's lines
    const Date today = context.time().today();
    if (plan.items.empty()) {
        fmt::print("{}\n", no_plan_line);
        return exit_code::ok;
    }
    const Config& config = context.journal().config();
    const auto statuses = statuses_on(context, today);
    const bool color = context.use_color();
    fmt::print("Today, {}\n", format_day_heading(today));
    std::size_t width = 0;
    for (const auto& item : statuses)
        width = std::max(width, item.item->label().size());
    for (const auto& item : statuses) {
        const std::string status =
            render::describe_status(*item.item, item.status, config, today, today);
        fmt::print("  {} {:<{}}  {}\n",
                   colored(mark_of(item.status.state), item.status.state, color),
                   item.item->label(), width, status);
    }
    for (const auto& item : plan.items)
        if (item.start > today && item.start <= today + days{7})
            fmt::print("  starting {}: {} ({})\n", render::relative_day(item.start, today),
                       item.label(), render::describe_rules(item, config));
    fmt::print("\n{}\n", statuses.empty() ? "Nothing in the plan is in force today."
                                          : encouragement(statuses));
    return exit_code::ok;
}

int run_plan_due(Context& context, bool quiet) {
    context.plan();  // a broken plan.toml stops the command before it files
    file_inbox(context);
    const Date today = context.time().today();
    const Config& config = context.journal().config();
    std::vector<ItemStatus> due;
    bool any_done = false;
    for (auto& item : statuses_on(context, today)) {
        any_done = any_done || item.status.state == DayStatus::State::done;
        if (item.status.state == DayStatus::State::due) due.push_back(std::move(item));
    }
    if (!quiet) {
        for (const auto& item : due)
            fmt::print("{}: {}\n", item.item->label(),
                       render::describe_status(*item.item, item.status, config, today, today));
        if (due.empty())
            fmt::print("{}\n", context.plan().items.empty() ? "no plan yet, so nothing is due"
                               : any_done                   ? "all done for today"
                                                            : "nothing is due today");
    }
    return due.empty() ? exit_code::no : exit_code::ok;
}

std::string plan_status_after_log(Context& context, const Entry& entry) {
    // The entry is already saved: a broken plan.toml must not turn that into a failure.
    try {
        const Date day = entry.at.local_date();
        const Config& config = context.journal().config();
        const CompactEntries logged = compact({entry}, config.profile);
        std::string lines;
        for (const auto& item : statuses_on(context, day, &entry)) {
            if (item.item->kind != entry.kind) continue;
            // A session short of the item's conditions is kept, and the line says why it
            // did not count, so that "0 of 1" is not a puzzle.
            const std::string why =
                item.item->counts(logged.entries().front()) || item.item->conditions.empty()
                    ? ""
                    : fmt::format(" (this one isn't counted: the plan asks for {})",
                                  render::describe_conditions(*item.item, config));
            lines += fmt::format("plan: {} {}{}\n", item.item->label(),
                                 render::describe_status(*item.item, item.status, config, day,
                                                         context.time().today()),
                                 why);
        }
        return lines;
    } catch (const user_error& error) {
        return fmt::format("(the plan status is missing: {})\n", error.what());
    }
}

}  // namespace tend::cli
