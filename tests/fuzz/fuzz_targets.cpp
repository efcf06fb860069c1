// The fuzz targets' bodies; see fuzz_targets.h for what each promises.
#include "fuzz/fuzz_targets.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/plan_fixture.h"
#include "core/text.h"
#include "core/time_fixture.h"
#include "store/cache_codec.h"
#include "store/month_file.h"
#include "store/toml_writer.h"
#include "tend/error.h"
#include "tend/field_value.h"
#include "tend/log_words.h"
#include "tend/period.h"
#include "tend/schedule.h"
#include "tend/when.h"

namespace tend::fuzz {

namespace {

constexpr std::int32_t fixed_offset = 3600;  // +01:00, as in the core tests

using testing::fixed_time;  // Wed 2026-11-25 10:00 at a fixed +01:00: text, not time zones

const Config& builtin_config() {
    static const Config config = testing::builtin_config();
    return config;
}

std::vector<const FieldSpec*> every_field() {
    std::vector<const FieldSpec*> fields;
    for (const auto& kind : builtin_config().profile.kinds)
        for (const auto& field : kind.fields)
            fields.push_back(&field);
    return fields;
}

bool same_value(const FieldValue& left, const FieldValue& right) {
    if (left.index() != right.index()) return false;
    if (const auto* number = std::get_if<double>(&left)) {
        const double other = std::get<double>(right);
        return (std::isnan(*number) && std::isnan(other)) || *number == other;
    }
    return left == right;
}

// Differences between an entry and the same entry read back from its TOML block.
Failure compare_entries(const Entry& before, const Entry& after) {
    if (before.at != after.at)
        return fmt::format("time {} came back as {}", format_iso(before.at), format_iso(after.at));
    if (before.kind != after.kind)
        return fmt::format("kind '{}' came back as '{}'", before.kind, after.kind);
    if (before.note != after.note)
        return fmt::format("note '{}' came back as '{}'", before.note, after.note);
    if (before.tags != after.tags) return std::string("tags came back changed");
    if (before.fields.size() != after.fields.size())
        return fmt::format("{} fields came back as {}", before.fields.size(), after.fields.size());
    for (std::size_t index = 0; index < before.fields.size(); ++index) {
        const auto& [name, value] = before.fields[index];
        if (name != after.fields[index].first || !same_value(value, after.fields[index].second))
            return fmt::format("field '{}' came back changed", name);
    }
    return std::nullopt;
}

// Writes `entry` as tend's `log` would and reads it back as a month file.
Failure round_trip(const Entry& entry) {
    const std::string month = month_key(entry.at.local_date());
    const std::string block = store::entry_block(entry);
    const auto parsed = store::parse_month_file(
        block, "fuzz.toml", builtin_config(), [](std::int64_t) { return fixed_offset; }, month);
    if (!parsed.problems.empty())
        return fmt::format("tend's own block does not read back: {}\n{}",
                           parsed.problems.front().text(), block);
    if (parsed.entries.size() != 1)
        return fmt::format("one block read back as {} entries", parsed.entries.size());
    return compare_entries(entry, parsed.entries.front());
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    for (const auto word : split(text, '\n'))
        words.emplace_back(word);
    return words;
}

}  // namespace

Failure field_value(std::string_view input) {
    static const auto fields = every_field();
    if (input.empty()) return std::nullopt;
    const FieldSpec& field = *fields[static_cast<unsigned char>(input[0]) % fields.size()];
    const std::string_view typed = input.substr(1);
    try {
        const FieldValue value = parse_field_value(field, typed);
        if (const auto problem = check_field_value(field, value))
            return fmt::format("'{}' parsed for {} but fails the file check: {}", typed, field.name,
                               *problem);
        (void)format_field_value(field, value);
    } catch (const user_error&) {
    }

    try {
        const auto words = words_of(input.substr(1));
        LogWords parsed = parse_log_words(builtin_config(), words);
        if (!is_valid_utf8(parsed.note)) return std::string("a note that is not UTF-8 got through");
        Entry entry{fixed_time().now, parsed.kind->name, parsed.fields,
                    parsed.note,      parsed.tags,       0};
        return round_trip(entry);
    } catch (const user_error&) {
    }
    return std::nullopt;
}

Failure when(std::string_view input) {
    const TimeContext time = fixed_time();
    try {
        const Instant at = parse_when(input, time);
        const std::string written = format_iso(at);
        const Instant again = parse_when(written, time);
        if (again != at)
            return fmt::format("'{}' gave {}, which reads back as {}", input, written,
                               format_iso(again));
        const std::string month = month_key(at.local_date());
        if (month.size() != 7) return fmt::format("'{}' gave the month key '{}'", input, month);
    } catch (const user_error&) {
    }
    return std::nullopt;
}

Failure period(std::string_view input) {
    const Date today = fixed_time().today();
    for (const Weekday week_start : {std::chrono::Monday, std::chrono::Sunday}) {
        try {
            const Period parsed = parse_period(input, today, week_start);
            if (parsed.from && parsed.to && *parsed.to < *parsed.from)
                return fmt::format("'{}' ends before it starts", input);
            (void)describe_period(parsed);
            const Period closed = close_open_ends(parsed, today - std::chrono::days{400}, today);
            if (!closed.bounded()) return fmt::format("'{}' stayed open after closing", input);
        } catch (const user_error&) {
        }
    }
    return std::nullopt;
}

Failure schedule(std::string_view input) {
    try {
        const Schedule parsed = parse_schedule(input);
        if (parsed.times < 1 || parsed.interval_days < 1)
            return fmt::format("'{}' parsed to a schedule with nothing to do", input);
        (void)describe_schedule(parsed);
        const std::string written = schedule_text(parsed);
        const Schedule again = parse_schedule(written);
        if (!(again == parsed))
            return fmt::format("'{}' written as '{}' reads back differently", input, written);
    } catch (const user_error&) {
    }
    try {
        const Condition condition = parse_condition(input);
        (void)describe_condition(condition);
        (void)condition_text(condition);
    } catch (const user_error&) {
    }
    try {
        const Total total = parse_total(input);
        (void)describe_total(total);
        (void)total_text(total);
    } catch (const user_error&) {
    }
    return std::nullopt;
}

Failure journal(std::string_view input) {
    const std::string name = "journal/2026-11.toml";
    const auto offset = [](std::int64_t) { return fixed_offset; };
    const auto parsed =
        store::parse_month_file(input, name, builtin_config(), offset, std::string("2026-11"));
    const auto syntax = store::check_toml_syntax(input, name);
    const bool parse_found_syntax_error =
        parsed.entries.empty() && parsed.problems.size() == 1 &&
        parsed.problems.front().severity == store::Severity::error && syntax &&
        parsed.problems.front().text() == syntax->text();
    if (syntax && !parse_found_syntax_error)
        return fmt::format("the syntax check found '{}' but the loader did not say so",
                           syntax->text());
    for (const auto& problem : parsed.problems)
        if (problem.text().find('\n') != std::string::npos)
            return fmt::format("a problem spans lines: '{}'", problem.text());
    for (const auto& entry : parsed.entries)
        if (auto failure = round_trip(entry)) return failure;
    return std::nullopt;
}

// Equal, with doubles compared bit for bit (a NaN read from the input is not equal to itself).
bool same_bits(const CompactValue& left, const CompactValue& right) {
    const auto* left_number = std::get_if<double>(&left);
    const auto* right_number = std::get_if<double>(&right);
    if (left_number && right_number)
        return std::memcmp(left_number, right_number, sizeof(double)) == 0;
    return left == right;
}

Failure month_cache(std::string_view input) {
    store::Reader full_reader(input);
    const auto entries = store::read_entries(full_reader);
    CompactEntries compacted(builtin_config().profile);
    store::Reader compact_reader(input);
    const bool compact_read = store::read_compact_entries(compact_reader, Period{}, compacted);
    if (compact_read != entries.has_value())
        return fmt::format("the compact read {} where the full one {}",
                           compact_read ? "succeeded" : "failed", entries ? "succeeded" : "failed");
    if (entries) {
        if (compacted.size() != entries->size()) return "the compact read lost entries";
        for (std::size_t index = 0; index < entries->size(); ++index) {
            const Entry& entry = (*entries)[index];
            const CompactEntry& compact = compacted.entries()[index];
            if (compact.at != entry.at || compact.kind != entry.kind ||
                compact.fields.size() != entry.fields.size())
                return fmt::format("entry {} differs in its compact form", index);
            for (std::size_t field = 0; field < entry.fields.size(); ++field)
                if (compact.fields[field].name != entry.fields[field].first ||
                    !same_bits(compact.fields[field].value,
                               compact_value(entry.fields[field].second)))
                    return fmt::format("entry {}'s field {} differs in its compact form", index,
                                       field);
        }
        store::Writer writer;
        store::write_entries(writer, *entries);
        store::Reader again(writer.out());
        store::Writer rewriter;
        const auto read_again = store::read_entries(again);
        if (read_again) store::write_entries(rewriter, *read_again);
        // Compared as bytes: a NaN read from the input is not equal to itself.
        if (!read_again || rewriter.out() != writer.out())
            return "entries written and read again changed";
    }
    store::Reader history_reader(input);
    const History history = store::read_history(history_reader);
    if (history_reader.ok() && history_reader.at_end()) {
        store::Writer writer;
        store::write_history(writer, history);
        store::Reader again(writer.out());
        store::Writer rewriter;
        store::write_history(rewriter, store::read_history(again));
        if (rewriter.out() != writer.out()) return "a history written and read again changed";
    }
    return std::nullopt;
}

const std::vector<NamedTarget>& all_targets() {
    static const std::vector<NamedTarget> targets = {
        {"field_value", field_value}, {"when", when},       {"period", period},
        {"schedule", schedule},       {"journal", journal}, {"month_cache", month_cache}};
    return targets;
}

}  // namespace tend::fuzz
