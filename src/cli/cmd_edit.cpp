// `tend edit [PERIOD]`: a month file in the user's editor, saved only when it reads back and
// nobody else wrote it meanwhile, then checked at once.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <set>
#include <vector>

#include "cli/context.h"
#include "cli/editor.h"
#include "store/edit_session.h"
#include "store/file_io.h"
#include "store/journal.h"
#include "store/month_file.h"
#include "tend/entry.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

// Like crontab -e: an edit that no longer parses is not saved over the month; the person may
// edit it again, else it is kept aside. The answer is read from standard input.
bool wants_to_edit_again(const store::Problem& problem, std::string_view what_is_wrong) {
    fmt::print(stderr, "tend: {}\nyour edit {}, so it was not saved. Edit again? [y/N] ",
               problem.text(), what_is_wrong);
    std::fflush(stderr);
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return answer == "y" || answer == "Y" || answer == "yes";
}

// An edit that removes every entry is far more often an editor's mistake (a crash, a wrong
// key) than a wish, so, as visudo guards sudoers, it is not saved: the month stays as it was,
// and the line says how to remove entries on purpose.
void refuse_emptying(store::EditSession& session, const std::string& edited,
                     const store::MonthShape& shape, const std::filesystem::path& root) {
    if (shape.entries > 0) return;
    const std::string& name = session.month_file();
    if (store::month_shape(session.original(), name).entries == 0) return;
    const bool blank = edited.find_first_not_of(" \t\r\n") == std::string::npos;
    std::string kept;
    if (blank)
        session.discard();
    else
        kept = "; your text is kept in " + session.copy().filename().string();
    throw user_error(
        fmt::format("your edit of {} removes every entry, so it was not saved{}", name, kept),
        fmt::format("to remove some entries, delete their [[entry]] blocks and keep the others; "
                    "to remove the whole month, delete the file {}",
                    (root / name).string()));
}

// An entry removed from one file of a month still counts while another file of the month holds
// the same entry (two devices filed one inbox line, a file copied by hand): the journal reads
// each entry once, wherever it is stored (docs/format.md). Says where, so the person can remove
// it there too; nothing when no other file holds what was removed.
void note_removed_elsewhere(const std::vector<Entry>& before, const std::vector<Entry>& after,
                            const store::MonthFileName& edited, Context& context) {
    std::multiset<std::uint64_t> removed;
    for (const auto& entry : before)
        removed.insert(identity_of(entry));
    for (const auto& entry : after)
        if (const auto found = removed.find(identity_of(entry)); found != removed.end())
            removed.erase(found);
    if (removed.empty()) return;
    const store::Journal& journal = context.journal();
    for (const auto& other : journal.month_files()) {
        if (other.month != edited.month || other == edited) continue;
        const auto content = store::read_file_if_exists(
            journal.journal_folder() / (other.key() + ".toml"), other.path());
        if (!content) continue;
        const auto parsed = store::parse_month_file(*content, other.path(), journal.config(),
                                                    context.time().offset_at_local, other.month);
        std::size_t held = 0;
        for (const auto& entry : parsed.entries)
            if (removed.contains(identity_of(entry))) ++held;
        if (held == 0) continue;
        fmt::print(stderr,
                   "note: {} {} you removed {} also in {}, so {} still count{}; remove {} there "
                   "too with 'tend edit {}'\n",
                   held, held == 1 ? "entry" : "entries", held == 1 ? "is" : "are", other.path(),
                   held == 1 ? "it" : "they", held == 1 ? "s" : "", held == 1 ? "it" : "them",
                   other.key());
    }
}

// A file by its name ("2026-11.phone", "journal/2026-11.phone.toml", "2026-11.toml"); else the
// month of PERIOD ("2026-11", "last-month"): this device's file, or the plain month file when
// this device has none for that month yet.
store::MonthFileName file_to_edit(const std::string& text, Context& context) {
    std::string_view name = text;
    if (name.starts_with("journal/")) name.remove_prefix(8);
    const std::string with_suffix =
        name.ends_with(".toml") ? std::string(name) : std::string(name) + ".toml";
    if (const auto named = store::parse_month_file_name(with_suffix);
        named && (!named->device.empty() || text.ends_with(".toml")))
        return *named;
    const store::Journal& journal = context.journal();
    const Date today = context.time().today();
    const Period period = text.empty()
                              ? Period{today, today}
                              : parse_period(text, today, journal.config().settings.week_start);
    const std::string month = month_key(period.from.value_or(period.to.value_or(today)));
    const store::MonthFileName own = journal.own_file(month);
    const store::MonthFileName plain{month, {}};
    const auto files = journal.month_files();
    const auto has = [&](const store::MonthFileName& file) {
        return std::find(files.begin(), files.end(), file) != files.end();
    };
    if (!has(own) && has(plain)) return plain;
    if (!has(own)) {
        std::string others;
        for (const auto& other : files)
            if (other.month == month) others += (others.empty() ? "" : ", ") + other.key();
        if (!others.empty())
            throw user_error(
                fmt::format("this device ({}) has no file for {} yet", own.device, month),
                fmt::format("open another device's file by its name, e.g. 'tend edit {}'",
                            others.substr(0, others.find(','))));
    }
    return own;
}

int run_edit(const std::string& period_text, Context& context) {
    const Config& config = context.journal().config();
    const store::MonthFileName file = file_to_edit(period_text, context);
    const std::string& month = file.month;
    // The editor works on the session's own copy, so a crash or a concurrent log cannot mix the
    // two, and two edits of one month cannot share a copy.
    store::EditSession session(context.root(), file.key());
    const std::string& name = session.month_file();
    std::string edited;
    while (true) {
        try {
            run_editor(session.copy(), fmt::format("so {} is unchanged", name));
        } catch (...) {
            session.discard();
            throw;
        }
        edited = session.edited();
        const auto shape = store::month_shape(edited, name);
        if (!shape.problem) {
            refuse_emptying(session, edited, shape, context.root());
            break;
        }
        // A syntax error, or entries tend can't add to (`entry = [...]`): the next log would
        // fail on them.
        const std::string_view what_is_wrong =
            store::check_toml_syntax(edited, name) ? "does not parse" : "can't be added to";
        if (!wants_to_edit_again(*shape.problem, what_is_wrong))
            throw user_error(
                fmt::format("your edit of {} {}, so it was not saved", name, what_is_wrong),
                session.keep_message());
    }
    const bool saved = session.save(edited);

    const auto parsed =
        store::parse_month_file(edited, name, config, context.time().offset_at_local, month);
    const std::size_t errors = print_problems(parsed.problems);
    if (saved) {
        const auto before = store::parse_month_file(session.original(), name, config,
                                                    context.time().offset_at_local, month);
        note_removed_elsewhere(before.entries, parsed.entries, file, context);
    }
    const std::string what = saved ? "saved " + name : "no changes to " + name;
    // `tend edit 2026-11` opens this device's file (or the plain one); another's needs its name.
    const bool by_month = file.device.empty() || file == context.journal().own_file(month);
    const std::string again = by_month ? month : file.key();
    if (errors == 0) {
        fmt::print("{}: all good\n", what);
        return exit_code::ok;
    }
    fmt::print("{}: {} problem{} to fix by hand ('tend edit {}' opens it again)\n", what, errors,
               errors == 1 ? "" : "s", again);
    return exit_code::no;
}

}  // namespace

Command add_edit_command(CLI::App& app) {
    auto period = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "edit", "Open a month file in $VISUAL or $EDITOR, then check it (default: this month)");
    command
        ->add_option("period", *period,
                     "PERIOD: its first day's month is opened, this device's file (default: this "
                     "month); or a file by name, e.g. 2026-11.phone")
        ->option_text("PERIOD|FILE");
    add_examples(*command,
                 "  tend edit\n"
                 "  tend edit last-month\n"
                 "  tend edit 2026-10");
    return {command, [period](Context& context) { return run_edit(*period, context); }};
}

}  // namespace tend::cli
