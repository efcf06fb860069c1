// `tend log`: add one entry, quickly.
#include <fmt/format.h>
#include <unistd.h>

#include <sys/wait.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/context.h"
#include "cli/editor.h"
#include "cli/folder_notices.h"
#include "cli/log_prompt.h"
#include "core/text.h"
#include "render/entry_text.h"
#include "store/file_io.h"
#include "store/journal_paths.h"
#include "store/storage.h"
#include "tend/error.h"
#include "tend/log_words.h"
#include "tend/questions.h"
#include "tend/when.h"

namespace tend::cli {

namespace {

struct LogOptions {
    std::vector<std::string> words;
    std::string at = "now";
    bool edit = false;
};

std::string normalise_note(std::string text) {
    std::string clean;
    clean.reserve(text.size());
    for (std::size_t index = 0; index < text.size(); ++index)
        if (!(text[index] == '\r' && index + 1 < text.size() && text[index + 1] == '\n'))
            clean += text[index];
    while (!clean.empty() && (clean.back() == '\n' || clean.back() == ' '))
        clean.pop_back();
    return clean;
}

// Standard input, read only up to one byte past the longest note (a 300 MB stream is refused
// after 100 kB, not read whole); a read error is an error, not an empty note.
std::string read_standard_input() {
    std::string text;
    char buffer[8192];
    while (text.size() <= longest_note) {
        const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (count < 0) {
            if (errno == EINTR) continue;
            throw fmt::system_error(errno, "can't read the note from standard input");
        }
        if (count == 0) break;
        text.append(buffer, static_cast<std::size_t>(count));
    }
    if (text.size() > longest_note)
        throw user_error(
            fmt::format("the note on standard input is longer than the most a note can hold ({} "
                        "bytes)",
                        longest_note),
            "keep long texts in a file of your own and note where it is");
    return text;
}

// Opens $VISUAL or $EDITOR on a private temporary file in the journal folder.
std::string edit_note(const std::filesystem::path& root, const std::string& start) {
    store::Storage& storage = store::disk();
    storage.make_private_folder(root, root.string());
    const auto path = root / fmt::format(".note.tmp-{}", ::getpid());
    storage.replace(path, start + "\n# Write the note above. Lines starting with # are left out.\n",
                    "the note");
    std::optional<std::string> text;
    try {
        run_editor(path, "so nothing was logged");
        text = storage.read(path, "the note");
    } catch (...) {
        storage.remove(path);
        throw;
    }
    storage.remove(path);
    // A note file that vanished is an error, never an empty note.
    if (!text)
        throw user_error("the note's file vanished while you edited it, so nothing was logged");
    std::string note;
    for (const auto line : split(*text, '\n'))
        if (!line.starts_with('#')) note += std::string(line) + "\n";
    return note;
}

std::string when_text(const Instant& at, const TimeContext& time) {
    const Date day = at.local_date();
    const std::string clock = format_time_of_day(at.local_second_of_day());
    if (day == time.today()) return fmt::format("today at {}", clock);
    if (day == time.today() - std::chrono::days{1}) return fmt::format("yesterday at {}", clock);
    return fmt::format("on {} at {}", format_day_heading(day), clock);
}

// ' - note "sharp after walking"', so words that became the note are seen to be the note.
std::string note_text(const std::string& note) {
    if (note.empty()) return "";
    const std::size_t line_end = note.find('\n');
    const bool more = line_end != std::string::npos && line_end + 1 < note.size();
    return fmt::format(" - note \"{}{}\"", note.substr(0, line_end), more ? " ..." : "");
}

// The words typed after `tend log`, or, with none on a terminal, the answers to its questions.
// Nothing when the person ended the questions with Ctrl-D.
std::optional<LogWords> words_of(const LogOptions& options, const Config& config) {
    if (!options.words.empty()) return parse_log_words(config, options.words);
    if (!can_prompt()) throw user_error("'tend log' needs KIND ...", "see 'tend log --help'");
    return ask_log_words(config, std::cin, stderr);
}

int run_log(const LogOptions& options, Context& context) {
    const Config& config = context.journal().config();
    // --at is checked before any question, so a typo in it never costs the answers.
    const Instant at = parse_when(options.at, context.time());
    refuse_future(at, context.time());
    auto typed = words_of(options, config);
    if (!typed) {
        fmt::print(stderr, "\nnothing logged\n");
        return exit_code::no;
    }
    LogWords words = std::move(*typed);

    std::string note = words.note;
    if (words.note_from_stdin) note += (note.empty() ? "" : "\n") + read_standard_input();
    if (options.edit) note = edit_note(context.root(), note);
    note = normalise_note(std::move(note));
    Entry entry{
        at, words.kind->name, std::move(words.fields), std::move(note), std::move(words.tags), 0};
    check_entry_as_logged(entry, config, context.time());
    file_inbox(context);  // once the entry was accepted: a refused one changes nothing
    // The status is read before the append, so nothing reads the file just written.
    const std::string plan_status = plan_status_after_log(context, entry);
    const auto undo_problem = context.journal().append(entry, context.time().now.utc_seconds);

    const std::string values = render::describe_values(entry, config);
    std::string tags;
    for (const auto& tag : entry.tags)
        tags += " @" + tag;
    fmt::print("logged {}{} {}{}{}\n", entry.kind,
               values.empty() ? "" : fmt::format(" ({})", values), when_text(at, context.time()),
               tags, note_text(entry.note));
    fmt::print("{}", plan_status);
    if (undo_problem)
        fmt::print(stderr, "tend: the entry is saved, but 'tend undo' can't take it back: {}\n",
                   *undo_problem);
    return exit_code::ok;
}

}  // namespace

Command add_log_command(CLI::App& app) {
    auto options = std::make_shared<LogOptions>();
    CLI::App* command = app.add_subcommand(
        "log", "Add an entry: tend log KIND [VALUE] [FIELD=VALUE ...] [@tag ...] [note ...]");
    command
        ->add_option("words", options->words,
                     "Kind, values, @tags and note words; none on a terminal asks for each")
        ->option_text("KIND ...");
    command
        ->add_option("--at", options->at,
                     "When it happened: now, 21:30, 9pm, \"yesterday 8pm\", mon, 2026-11-20, \"90 "
                     "min ago\" ...")
        ->option_text("WHEN");
    command->add_flag("--edit", options->edit, "Write the note in $VISUAL or $EDITOR");
    add_examples(
        *command,
        "  tend log dilate 3 min=15 pain=2\n"
        "  tend log kegels sets=3 reps=10 @morning\n"
        "  tend log sex pain=3 anxiety=2 --at \"yesterday 22:30\" much easier than last week\n"
        "  tend log                   # on a terminal: asks for the kind, each field and the note");
    return {command, [options](Context& context) { return run_log(*options, context); }};
}

}  // namespace tend::cli
