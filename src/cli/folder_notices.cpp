// Filing the phone inbox, and the notice about a sync tool's copies.
#include "cli/folder_notices.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/text.h"
#include "store/folder_files.h"
#include "tend/error.h"
#include "tend/inbox_line.h"

namespace tend::cli {

namespace {

// Bad lines beyond these are counted, not listed: a huge inbox of junk is a few lines here.
constexpr std::size_t bad_lines_listed = 5;

// What an inbox holds that no device has filed yet: its entries with their lines' keys, and
// the lines that can't be filed ("inbox.txt:5: unknown kind 'dilte' - ...").
struct InboxLines {
    std::vector<Entry> entries;
    std::vector<std::string> keys;
    std::vector<store::Problem> bad_lines;
};

// One pass, each line hashed once and looked up in `filed`: linear in the inbox's size. A
// filed line is not even parsed, so a line filed long ago never turns into an error when the
// profile changes.
InboxLines unfiled_lines(const std::string& name, std::string_view text,
                         const std::unordered_set<std::string>& filed, const Config& config,
                         const TimeContext& time) {
    InboxLines lines;
    int number = 0;
    for (const auto line : split(text, '\n')) {
        ++number;
        const auto key = inbox_line_key(line);
        if (!key || filed.contains(*key)) continue;
        try {
            if (auto entry = entry_of_inbox_line(line, config, time)) {
                lines.entries.push_back(std::move(*entry));
                lines.keys.push_back(*key);
            }
        } catch (const user_error& error) {
            lines.bad_lines.push_back(store::Problem{
                name, number, 1,
                error.hint().empty() ? error.what()
                                     : fmt::format("{} - {}", error.what(), error.hint())});
        }
    }
    return lines;
}

void report_bad_lines(const std::vector<store::Problem>& bad_lines) {
    for (std::size_t index = 0; index < bad_lines.size() && index < bad_lines_listed; ++index)
        fmt::print(stderr, "{}:{}: {}\n", store::on_one_line(bad_lines[index].file),
                   bad_lines[index].line, store::on_one_line(bad_lines[index].message));
    if (bad_lines.size() > bad_lines_listed)
        fmt::print(stderr, "... and {} more {} that can't be filed\n",
                   bad_lines.size() - bad_lines_listed,
                   bad_lines.size() - bad_lines_listed == 1 ? "line" : "lines");
    if (!bad_lines.empty())
        fmt::print(stderr,
                   "(lines that can't be filed stay in the inbox as they are; fix them there)\n");
}

// A phone app that saves while the person types leaves half a line at the end of the inbox:
// filed, it would be one entry and the finished line another. So a last line without its new
// line waits until the inbox has not changed for this long (many phone editors end a file
// without one when the person is done).
constexpr auto unfinished_line_settles = std::chrono::minutes(10);

// What of an inbox's text can be filed now: all of it, or all but a last line that may still
// be being written.
struct SettledText {
    std::string_view text;
    bool last_line_waits = false;
};

SettledText settled_text(std::string_view text, const std::filesystem::path& path) {
    if (text.empty() || text.ends_with('\n')) return {text, false};
    const std::string_view without_last = text.substr(0, text.rfind('\n') + 1);
    if (trim(text.substr(without_last.size())).empty()) return {text, false};
    std::error_code error;
    const auto changed = std::filesystem::last_write_time(path, error);
    if (!error &&
        std::filesystem::file_time_type::clock::now() - changed >= unfinished_line_settles)
        return {text, false};
    return {without_last, true};
}

// The journal folder, or nothing when it is not usable (the command says what is wrong).
std::optional<std::filesystem::path> usable_root(Context& context) {
    try {
        return context.root();
    } catch (const user_error&) {
        return std::nullopt;
    }
}

void say_not_filed(const std::string& name, const std::exception& error, std::string_view hint) {
    fmt::print(stderr, "tend: {} was not filed: {}{}\n", escape_unsafe(name, false),
               escape_unsafe(error.what(), false),
               hint.empty() ? "" : " - " + escape_unsafe(hint, false));
}

}  // namespace

void file_inbox(Context& context) {
    const auto root = usable_root(context);
    if (!root) return;
    const auto names = store::inbox_file_names(*root, store::disk());
    if (names.empty()) return;
    auto filed = store::filed_inbox_lines(*root, store::disk());
    for (const auto& name : names) {
        try {
            const std::string text = store::read_inbox(*root, name, store::disk());
            const auto settled = settled_text(text, *root / name);
            store::Journal& journal = context.journal();
            auto lines = unfiled_lines(name, settled.text, filed, journal.config(), context.time());
            report_bad_lines(lines.bad_lines);
            if (settled.last_line_waits)
                fmt::print(stderr,
                           "note: the last line of {} has no end of line yet, so it waits: it "
                           "is filed once it ends with one, or when the file has not changed "
                           "for {} minutes\n",
                           escape_unsafe(name, false), unfinished_line_settles.count());
            if (lines.entries.empty()) continue;
            filed.insert(lines.keys.begin(), lines.keys.end());
            // An entry the journal holds already (filed before the record was kept, or by a
            // device whose record has not arrived yet) is not added again, only recorded.
            // Counted first without the lock, so that a journal that holds them all (a
            // read-only copy too) is only recorded, and quietly: the record is a shortcut then.
            const auto& offset = context.time().offset_at_local;
            if (journal.import_entries(lines.entries, offset, true).added == 0) {
                try {
                    store::record_filed_inbox_lines(*root, journal.device(), lines.keys,
                                                    store::disk());
                } catch (const std::runtime_error&) {
                    // Unrecorded, the lines are matched to their entries again next time.
                }
                continue;
            }
            const auto count = journal.import_entries(lines.entries, offset, false);
            if (count.added > 0)
                fmt::print(stderr, "filed {} new entr{} from {}\n", count.added,
                           count.added == 1 ? "y" : "ies", escape_unsafe(name, false));
            try {
                store::record_filed_inbox_lines(*root, journal.device(), lines.keys, store::disk());
            } catch (const std::runtime_error& error) {
                // Filed all the same: unrecorded lines are matched to their entries next time.
                const auto* refused = dynamic_cast<const user_error*>(&error);
                fmt::print(stderr,
                           "note: the lines are filed, but tend could not add them to its record "
                           "of filed lines: {}{}\n",
                           escape_unsafe(error.what(), false),
                           refused && !refused->hint().empty()
                               ? " - " + escape_unsafe(refused->hint(), false)
                               : std::string());
            }
        } catch (const user_error& error) {
            say_not_filed(name, error, error.hint());
        } catch (const std::runtime_error& error) {  // the system: a read-only folder, a full disk
            say_not_filed(name, error, {});
        }
    }
}

InboxState inbox_state(Context& context, const Config& config) {
    InboxState state;
    const auto root = usable_root(context);
    if (!root) return state;
    auto filed = store::filed_inbox_lines(*root, store::disk());
    for (const auto& name : store::inbox_file_names(*root, store::disk())) {
        try {
            const std::string text = store::read_inbox(*root, name, store::disk());
            // A last line still being written waits here too: it is no line to file yet.
            auto lines = unfiled_lines(name, settled_text(text, *root / name).text, filed, config,
                                       context.time());
            state.bad_lines.insert(state.bad_lines.end(), lines.bad_lines.begin(),
                                   lines.bad_lines.end());
            if (lines.entries.empty()) continue;
            store::Journal journal(*root, config);
            state.waiting += journal
                                 .import_entries(lines.entries, context.time().offset_at_local,
                                                 /*dry_run=*/true)
                                 .added;
            filed.insert(lines.keys.begin(), lines.keys.end());
        } catch (const user_error& error) {
            state.bad_lines.push_back(store::Problem{
                name, 0, 0,
                error.hint().empty() ? error.what()
                                     : fmt::format("{} - {}", error.what(), error.hint())});
        }
    }
    return state;
}

void note_waiting_inbox(Context& context) {
    std::size_t waiting = 0;
    try {
        waiting = inbox_state(context, context.journal().config()).waiting;
    } catch (const std::runtime_error&) {
        return;  // the command itself says what is wrong with the journal
    }
    if (waiting == 0) return;
    fmt::print(stderr,
               "note: the inbox has {} new line{} not in the journal yet, so not in this either; "
               "'tend show' (or any command that logs) files {}\n",
               waiting, waiting == 1 ? "" : "s", waiting == 1 ? "it" : "them");
}

void note_stray_copies(Context& context) {
    const auto copies = store::stray_copies(context.root(), store::disk());
    // "once": one line for all of them, however many there are.
    if (copies.empty()) return;
    fmt::print(stderr,
               "note: {} holds {} cop{} that tend doesn't read ({}{}); 'tend check' names {}, "
               "and 'tend import FILE' takes in what {}\n",
               "journal/", copies.size(), copies.size() == 1 ? "y" : "ies",
               escape_unsafe(copies.front(), false), copies.size() > 1 ? ", ..." : "",
               copies.size() == 1 ? "it" : "them", copies.size() == 1 ? "it holds" : "they hold");
}

}  // namespace tend::cli
