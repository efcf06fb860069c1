// `tend skip`: say "not today" for some plan items, or all, without it counting as missed.
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "core/text.h"
#include "tend/adherence.h"
#include "tend/error.h"
#include "tend/period.h"
#include "tend/when.h"

namespace tend::cli {

namespace {

using std::chrono::days;

struct SkipOptions {
    std::vector<std::string> words;
    std::string on;
    const CLI::Option* on_option = nullptr;  // to tell `--on ''` from no --on
};

// The days of --on: a date (YYYY-MM-DD, today, tomorrow, yesterday) or a PERIOD with both ends.
Period days_of(std::string_view text, Date today, Weekday week_start) {
    const std::string lowered = to_lower(trim(text));
    if (lowered.find("..") == std::string::npos &&
        (lowered == "tomorrow" || parse_iso_date(lowered))) {
        const Date day = parse_plan_date(lowered, today);
        return Period{day, day};
    }
    const Period period = parse_period(text, today, week_start);
    if (!period.from || !period.to)
        throw user_error(fmt::format("'--on {}' has no first or no last day", text),
                         "a rest needs both, e.g. --on 2026-10-14..2026-10-17");
    return period;
}

// A first reason word that is a date ("tomorrow", "2026-12-24"): people type it without --on.
bool looks_like_a_day(std::string_view word) {
    const std::string lowered = to_lower(word);
    return lowered == "today" || lowered == "yesterday" || lowered == "tomorrow" ||
           parse_iso_date(lowered).has_value();
}

// The plan kind `word` names: the kind itself, or the start of exactly one plan kind's name of
// three letters or more ("kegel", "dil"), as `tend log` reads kinds; nothing otherwise.
std::optional<std::string> planned_kind(const std::string& word, const Plan& plan) {
    std::optional<std::string> found;
    for (const auto& item : plan.items) {
        if (item.kind == word) return item.kind;
        if (word.size() < 3 || !item.kind.starts_with(word) || found == item.kind) continue;
        if (found) return std::nullopt;  // the start of two kinds: a word of the reason
        found = item.kind;
    }
    return found;
}

// The leading words that name kinds of plan items ("dilate massage period cramps" -> dilate,
// massage); the rest is the reason. A kind of the profile that no plan item has is a word of the
// reason: `tend skip period` rests everything, for the reason "period".
std::vector<std::string> take_kinds(std::vector<std::string>& words, const Plan& plan) {
    std::vector<std::string> kinds;
    std::size_t used = 0;
    for (; used < words.size(); ++used) {
        std::string word = to_lower(words[used]);
        if (word.size() > 1 && word.ends_with(',')) word.pop_back();  // "dilate, kegels"
        const auto kind = planned_kind(word, plan);
        if (!kind) break;
        if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
    }
    words.erase(words.begin(), words.begin() + static_cast<long>(used));
    return kinds;
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : std::string(separator)) + word;
    return text;
}

// "today", "yesterday", "tomorrow", "Mon 14 Dec 2026", "Mon 14 Dec 2026 - Thu 17 Dec 2026".
std::string days_text(const Period& period, Date today) {
    const Date day = *period.from;
    if (day != *period.to)
        return fmt::format("{} - {}", format_day_heading(day), format_day_heading(*period.to));
    if (day == today) return "today";
    if (day == today - days{1}) return "yesterday";
    if (day == today + days{1}) return "tomorrow";
    return format_day_heading(day);
}

// The kinds in force on some day of `period` among `kinds` (all plan items when empty). Refuses
// a kind whose item is not in force then, and a rest on days the plan asks nothing of.
void check_in_force(const std::vector<std::string>& kinds, const Plan& plan, const Period& period,
                    Date today) {
    const auto in_force = [&](const PlanItem& item) {
        return item.start <= *period.to && !item.has_ended_before(*period.from);
    };
    for (const auto& kind : kinds)
        if (std::none_of(plan.items.begin(), plan.items.end(),
                         [&](const PlanItem& item) { return item.kind == kind && in_force(item); }))
            throw user_error(
                fmt::format(
                    "{} is not in your plan {}, so there is nothing to rest", kind,
                    *period.from == *period.to ? days_text(period, today) : "on those days"),
                "see 'tend plan'; nothing was written");
    if (std::none_of(plan.items.begin(), plan.items.end(), in_force))
        throw user_error(
            fmt::format("nothing in your plan is in force {}, so there is nothing to rest",
                        *period.from == *period.to ? days_text(period, today) : "on those days"),
            plan.items.empty() ? "add your programme with 'tend plan add'"
                               : "see 'tend plan'; nothing was written");
}

int run_skip(SkipOptions options, Context& context) {
    const Config& config = context.journal().config();
    const Plan& plan = context.plan();
    const TimeContext& time = context.time();
    const Date today = time.today();
    const auto rest_kinds = config.profile.kinds_with_role(KindRole::rest);
    if (rest_kinds.empty())
        throw user_error("your tend.toml has no kind with role = \"rest\" to keep rest days in",
                         "remove the kind named skip from tend.toml, or give a kind that role");

    std::vector<std::string> kinds = take_kinds(options.words, plan);
    Period period{today, today};
    if (options.on_option && options.on_option->count() > 0 && trim(options.on).empty())
        throw user_error("'--on' needs a day or a period", "for example --on yesterday");
    if (!options.on.empty()) {
        period = days_of(options.on, today, config.settings.week_start);
    } else if (!options.words.empty() && looks_like_a_day(options.words.front())) {
        // Typed without --on: yesterday is fine, a day ahead must be said on purpose.
        period = days_of(options.words.front(), today, config.settings.week_start);
        if (*period.to > today)
            throw user_error(fmt::format("'{}' is after today", options.words.front()),
                             fmt::format("to plan a rest day ahead, say so with --on: tend skip "
                                         "--on {}",
                                         options.words.front()));
        options.words.erase(options.words.begin());
    }
    const long length = period.length();
    if (length > longest_rest_days)
        throw user_error(
            fmt::format("a rest of {} days is longer than one skip holds ({} days)", length,
                        longest_rest_days),
            "skip a month at a time, or end the items with 'tend plan end' and add them again");
    check_in_force(kinds, plan, period, today);

    const std::string reason = joined(options.words, " ");
    if (const auto character = unsafe_character_in(reason, false))
        throw user_error(fmt::format("the reason contains a control character ({})", *character));
    if (!is_valid_utf8(reason))
        throw user_error("the reason is not valid UTF-8 text", "check your terminal's encoding");

    // Dated on its first day: now when that is today, else noon (as `--at 2026-10-14` means).
    const Instant at =
        *period.from == today ? time.now : parse_when(format_date(*period.from), time);
    Entry entry{at, std::string(rest_kinds.front()), {}, reason, {}, 0};
    if (!kinds.empty()) entry.fields.emplace_back("items", joined(kinds, " "));
    if (length > 1) entry.fields.emplace_back("days", static_cast<std::int64_t>(length));
    file_inbox(context);  // once the rest day was accepted: a refused one changes nothing
    const auto undo_problem = context.journal().append(entry, time.now.utc_seconds);

    fmt::print("resting {}: {}{}\n", days_text(period, today),
               kinds.empty() ? std::string("every plan item") : joined(kinds, ", "),
               reason.empty() ? "" : fmt::format(" - {}", reason));
    if (undo_problem)
        fmt::print(stderr, "tend: the rest day is saved, but 'tend undo' can't take it back: {}\n",
                   *undo_problem);
    return exit_code::ok;
}

}  // namespace

Command add_skip_command(CLI::App& app) {
    auto options = std::make_shared<SkipOptions>();
    CLI::App* command = app.add_subcommand(
        "skip",
        "Rest: plan items not due on a day, neither missed nor breaking a streak: tend skip "
        "[KIND ...] [--on DAY|PERIOD] [reason ...]");
    command
        ->add_option("words", options->words,
                     "Kinds of plan items to rest (none: every item), then the reason")
        ->option_text("[KIND ...] [reason ...]");
    options->on_option =
        command
            ->add_option("--on", options->on,
                         "The day or days: today (default), yesterday, tomorrow, 2026-12-24, "
                         "2026-10-14..2026-10-17, this-week ...")
            ->option_text("DAY|PERIOD");
    add_examples(
        *command,
        "  tend skip period                         # every item, today; the reason: period\n"
        "  tend skip dilate massage period cramps   # two items only\n"
        "  tend skip --on 2026-12-24..2026-12-26 travelling\n"
        "  tend skip stretch --on yesterday ill");
    return {command, [options](Context& context) { return run_skip(*options, context); }};
}

}  // namespace tend::cli
