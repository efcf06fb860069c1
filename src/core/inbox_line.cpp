// Inbox lines: a date-time, then log words.
#include "tend/inbox_line.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "core/text.h"
#include "tend/error.h"
#include "tend/log_words.h"
#include "tend/when.h"

namespace tend {

namespace {

std::vector<std::string> words_of(std::string_view line) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < line.size()) {
        while (start < line.size() && (line[start] == ' ' || line[start] == '\t'))
            ++start;
        std::size_t end = start;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t')
            ++end;
        if (end > start) words.emplace_back(line.substr(start, end - start));
        start = end;
    }
    return words;
}

bool is_date(std::string_view word) {
    return word.size() >= 10 && word[4] == '-' && word[7] == '-' &&
           parse_iso_date(word.substr(0, 10)).has_value();
}

}  // namespace

std::optional<Entry> entry_of_inbox_line(std::string_view line, const Config& config,
                                         const TimeContext& time) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    const std::string_view content = trim(line);
    if (content.empty() || content.starts_with('#')) return std::nullopt;
    if (!is_valid_utf8(content)) throw user_error("the line is not valid UTF-8 text");
    auto words = words_of(content);
    if (!is_date(words.front()))
        throw user_error(
            fmt::format("a line starts with its date and time, not '{}'", words.front()),
            "for example: 2026-11-21 21:30 dilate 3 min=15");
    // "2026-11-21T21:30+01:00" is one word; "2026-11-21 21:30" two.
    std::string when = words.front();
    std::size_t first_log_word = 1;
    if (when.size() == 10) {
        if (words.size() < 2)
            throw user_error("the line has a date but no time and no entry",
                             "for example: 2026-11-21 21:30 dilate 3 min=15");
        when += " " + words[1];
        first_log_word = 2;
    }
    const Instant at = parse_when(when, time);
    // A line written ahead (a phone's clock, a plan for tonight) waits until its time has come;
    // one more than two days ahead is a typo in the date, and is said so.
    constexpr std::int64_t waits_up_to = 2 * 86400;
    if (at.utc_seconds > time.now.utc_seconds + waits_up_to)
        throw user_error(
            fmt::format("{} {} is more than two days ahead of this computer's clock",
                        format_date(at.local_date()), format_time_of_day(at.local_second_of_day())),
            "a typo in the date? fix it in the inbox");
    if (at.utc_seconds > time.now.utc_seconds + 300) return std::nullopt;
    if (words.size() <= first_log_word)
        throw user_error("the line has a date and a time but no entry",
                         "add the kind and its values, e.g. dilate 3 min=15");
    std::vector<std::string> log_words(words.begin() + static_cast<std::ptrdiff_t>(first_log_word),
                                       words.end());
    LogWords parsed = parse_log_words(config, log_words);
    if (parsed.note_from_stdin)
        throw user_error(
            "a lone '-' asks for the note on standard input, which an inbox line "
            "doesn't have",
            "write the note's words on the line itself");
    Entry entry{at,
                parsed.kind->name,
                std::move(parsed.fields),
                std::move(parsed.note),
                std::move(parsed.tags),
                0};
    check_entry_as_logged(entry, config, time);
    return entry;
}

std::optional<std::string> inbox_line_key(std::string_view line) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    const std::string_view content = trim(line);
    if (content.empty() || content.starts_with('#')) return std::nullopt;
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
    for (const char character : content) {
        hash ^= static_cast<unsigned char>(character);
        hash *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", hash);
}

}  // namespace tend
