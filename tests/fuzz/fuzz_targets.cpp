// The fuzz targets' bodies; see fuzz_targets.h for what each promises.
#include "fuzz/fuzz_targets.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/text.h"
#include "fixtures.h"
#include "store/cache_codec.h"
#include "store/journal.h"
#include "store/month_file.h"
#include "store/plan_file.h"
#include "store/storage.h"
#include "store/toml_writer.h"
#include "store/undo_log.h"
#include "store/write_check.h"
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
    // A warning (a control character in a note, shown escaped) is no failure to read back.
    for (const auto& problem : parsed.problems)
        if (problem.severity == store::Severity::error)
            return fmt::format("tend's own block does not read back: {}\n{}", problem.text(),
                               block);
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
    const bool compact_read =
        store::read_compact_entries(compact_reader, Period{}, compacted, Identities::record);
    if (compact_read != entries.has_value())
        return fmt::format("the compact read {} where the full one {}",
                           compact_read ? "succeeded" : "failed", entries ? "succeeded" : "failed");
    if (entries) {
        if (compacted.size() != entries->size()) return "the compact read lost entries";
        for (std::size_t index = 0; index < entries->size(); ++index) {
            const Entry& entry = (*entries)[index];
            const CompactEntry& compact = compacted.entries()[index];
            if (compact.at != entry.at || compact.kind != entry.kind ||
                compact.fields.size() != entry.fields.size() ||
                compacted.identity(index) != identity_of(entry))
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
    // months.bin, given the right magic and checksum so that the records themselves are explored.
    std::string index_bytes = store::write_cache_index(store::CacheIndex{}).substr(0, 8);
    index_bytes += input;
    const std::uint64_t checksum = store::checksum_of(index_bytes);
    index_bytes.append(reinterpret_cast<const char*>(&checksum), sizeof checksum);
    if (const auto index = store::read_cache_index(index_bytes)) {
        const auto again = store::read_cache_index(store::write_cache_index(*index));
        if (!again || !(*again == *index)) return "an index written and read again changed";
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

namespace {

const std::filesystem::path memory_root = "/memory/tend";

std::vector<std::string> plan_blocks(const Plan& plan) {
    std::vector<std::string> blocks;
    for (const auto& item : plan.items)
        blocks.push_back(store::plan_item_block(item));
    return blocks;
}

}  // namespace

Failure plan_edit(std::string_view input) {
    if (input.empty()) return std::nullopt;
    const auto choice = static_cast<unsigned char>(input[0]);
    const std::string old_content(input.substr(1));
    store::MemoryStorage storage;
    storage.put(memory_root / "plan.toml", old_content);
    const Config& config = builtin_config();
    const Plan old_plan = store::parse_plan_file(old_content, config).plan;
    std::vector<std::string> expected = plan_blocks(old_plan);
    const std::size_t index = old_plan.items.empty() ? 0 : (choice / 3) % old_plan.items.size();
    const auto chooser = [&](const Plan& plan) {
        if (plan.items.empty()) throw user_error("no items");
        return index;
    };
    try {
        switch (choice % 3) {
            case 0: {
                PlanItem item;
                item.kind = "kegels";
                item.schedule = parse_schedule("3/day");
                item.start = testing::day(2026, 11, 1);
                item.note = "from the fuzzer";
                store::add_plan_item(memory_root, config, item, storage);
                expected.push_back(store::plan_item_block(item));
                break;
            }
            case 1: {
                store::end_plan_item(memory_root, config, chooser, testing::day(2026, 12, 24),
                                     storage);
                PlanItem ended = old_plan.items.at(index);
                ended.end = testing::day(2026, 12, 24);
                ended.length.clear();
                expected.at(index) = store::plan_item_block(ended);
                break;
            }
            default:
                store::remove_plan_item(memory_root, config, chooser, storage);
                expected.erase(expected.begin() + static_cast<std::ptrdiff_t>(index));
        }
    } catch (const user_error&) {
        if (storage.read(memory_root / "plan.toml", "plan.toml") != old_content)
            return "a refused plan change still changed plan.toml";
        return std::nullopt;
    }
    const std::string new_content = *storage.read(memory_root / "plan.toml", "plan.toml");
    const auto parsed = store::parse_plan_file(new_content, config);
    if (has_errors(parsed.problems)) return "a written plan.toml has errors";
    if (plan_blocks(parsed.plan) != expected)
        return "a written plan.toml does not hold the old items plus exactly the change";
    if (choice % 3 == 0 && !new_content.starts_with(old_content))
        return "plan add changed bytes before its new item";
    return std::nullopt;
}

Failure write_path(std::string_view input) {
    const std::string old_content(input);
    store::MemoryStorage storage;
    const auto month = memory_root / "journal/2026-11.fuzz.toml";
    storage.put(month, old_content);
    const Config& config = builtin_config();
    store::Journal journal(memory_root, config, storage, "fuzz");
    Entry entry;
    entry.at = testing::instant_at(2026, 11, 25, 9, 30);
    entry.kind = "pain";
    entry.fields = {{"level", FieldValue{std::int64_t{3}}}};
    entry.note = "from the fuzzer\nsecond line";
    entry.tags = {"fuzz"};
    try {
        (void)journal.append(entry);
    } catch (const user_error&) {
        if (storage.read(month, "month") != old_content)
            return "a refused append still changed the month file";
        return std::nullopt;
    }
    const std::string new_content = *storage.read(month, "month");
    if (!new_content.starts_with(old_content)) return "an append changed the bytes before it";
    const auto offset = [](std::int64_t) { return fixed_offset; };
    const auto before =
        store::parse_month_file(old_content, "m", config, offset, std::string("2026-11"));
    const auto after =
        store::parse_month_file(new_content, "m", config, offset, std::string("2026-11"));
    std::vector<std::string> expected;
    for (const auto& old_entry : before.entries)
        expected.push_back(store::entry_identity(old_entry));
    expected.push_back(store::entry_identity(entry));
    std::vector<std::string> found;
    for (const auto& new_entry : after.entries)
        found.push_back(store::entry_identity(new_entry));
    if (found != expected) return "the appended file does not hold the old entries plus the new";
    try {
        (void)store::undo_last_log(memory_root, config, false, nullptr, storage);
    } catch (const user_error& error) {
        return fmt::format("undo refused right after the append: {}", error.what());
    }
    if (storage.read(month, "month") != old_content) return "undo did not restore the old bytes";
    return std::nullopt;
}

const std::vector<NamedTarget>& all_targets() {
    static const std::vector<NamedTarget> targets = {
        {"field_value", field_value}, {"when", when},
        {"period", period},           {"schedule", schedule},
        {"journal", journal},         {"month_cache", month_cache},
        {"plan_edit", plan_edit},     {"write_path", write_path}};
    return targets;
}

}  // namespace tend::fuzz
