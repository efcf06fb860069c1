// Filing the phone inbox, and the notice about a sync tool's copies.
#include "cli/folder_notices.h"

#include <fmt/format.h>

#include <stdexcept>
#include <vector>

#include "core/text.h"
#include "store/folder_files.h"
#include "tend/error.h"
#include "tend/inbox_line.h"

namespace tend::cli {

namespace {

// Bad lines beyond these are counted, not listed: a huge inbox of junk is a few lines here.
constexpr std::size_t bad_lines_listed = 5;

struct InboxLines {
    std::vector<Entry> entries;
    std::vector<std::string> bad_lines;
};

InboxLines read_inbox_lines(const std::string& name, const std::string& text, const Config& config,
                            const TimeContext& time) {
    InboxLines lines;
    std::size_t number = 0;
    for (const auto line : split(text, '\n')) {
        ++number;
        try {
            if (auto entry = entry_of_inbox_line(line, config, time))
                lines.entries.push_back(std::move(*entry));
        } catch (const user_error& error) {
            lines.bad_lines.push_back(fmt::format(
                "{}:{}: {}{}", escape_unsafe(name, false), number,
                escape_unsafe(error.what(), false),
                error.hint().empty() ? "" : " - " + escape_unsafe(error.hint(), false)));
        }
    }
    return lines;
}

void report_bad_lines(const std::vector<std::string>& bad_lines) {
    for (std::size_t index = 0; index < bad_lines.size() && index < bad_lines_listed; ++index)
        fmt::print(stderr, "{}\n", bad_lines[index]);
    if (bad_lines.size() > bad_lines_listed)
        fmt::print(stderr, "... and {} more {} that can't be filed\n",
                   bad_lines.size() - bad_lines_listed,
                   bad_lines.size() - bad_lines_listed == 1 ? "line" : "lines");
    if (!bad_lines.empty())
        fmt::print(stderr,
                   "(lines that can't be filed stay in the inbox as they are; fix them there)\n");
}

}  // namespace

void file_inbox(Context& context) {
    std::filesystem::path root;
    try {
        root = context.root();
    } catch (const user_error&) {
        return;  // the command says what is wrong with the folder
    }
    const auto names = store::inbox_file_names(root, store::disk());
    if (names.empty()) return;
    for (const auto& name : names) {
        try {
            const std::string text = store::read_inbox(root, name, store::disk());
            store::Journal& journal = context.journal();
            auto lines = read_inbox_lines(name, text, journal.config(), context.time());
            report_bad_lines(lines.bad_lines);
            if (lines.entries.empty()) continue;
            // Counted first without the lock: most commands find nothing new, and take no lock.
            const auto& offset = context.time().offset_at_local;
            if (journal.import_entries(lines.entries, offset, true).added == 0) continue;
            const auto count = journal.import_entries(lines.entries, offset, false);
            if (count.added > 0)
                fmt::print(stderr, "filed {} new entr{} from {}\n", count.added,
                           count.added == 1 ? "y" : "ies", escape_unsafe(name, false));
        } catch (const user_error& error) {
            fmt::print(stderr, "tend: {} was not filed: {}{}\n", escape_unsafe(name, false),
                       error.what(), error.hint().empty() ? "" : " - " + error.hint());
        } catch (const std::runtime_error& error) {  // the system: a read-only folder, a full disk
            fmt::print(stderr, "tend: {} was not filed: {}\n", escape_unsafe(name, false),
                       error.what());
        }
    }
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
