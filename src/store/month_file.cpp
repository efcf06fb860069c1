// Month files: toml++ parses the syntax; here each [[entry]] is checked against the profile.
#include "store/month_file.h"

#include <toml++/toml.h>

#include <algorithm>

#include "core/text.h"
#include "store/device.h"
#include "store/toml_depth.h"
#include "store/toml_problem.h"

namespace tend::store {

namespace {

constexpr std::string_view inline_entries_problem =
    "'entry' is written as an inline array; write each entry as an [[entry]] table, as tend "
    "does, so that 'tend log' can add to this file";

class EntryReader {
  public:
    EntryReader(const std::string& file, const Config& config, const OffsetAtLocal& offset_at_local,
                const std::optional<std::string>& month, std::vector<Problem>& problems)
        : file_(file),
          config_(config),
          offset_at_local_(offset_at_local),
          month_(month),
          problems_(problems) {}

    std::optional<Entry> read(const toml::table& table) {
        errors_before_ = count_errors();
        Entry entry;
        entry.line = static_cast<int>(table.source().begin.line);
        const KindSpec* kind = read_kind(table, entry);
        read_at(table, entry);
        if (kind) read_fields(table, *kind, entry);
        return count_errors() == errors_before_ ? std::optional<Entry>(std::move(entry))
                                                : std::nullopt;
    }

  private:
    std::size_t count_errors() const {
        return static_cast<std::size_t>(std::count_if(
            problems_.begin(), problems_.end(),
            [](const Problem& problem) { return problem.severity == Severity::error; }));
    }

    void report(const toml::source_region& where, std::string message,
                Severity severity = Severity::error) {
        problems_.push_back(problem_at(file_, where, std::move(message), severity));
    }

    const KindSpec* read_kind(const toml::table& table, Entry& entry) {
        const toml::node* node = table.get("kind");
        if (!node) {
            report(table.source(), "entry has no 'kind'");
            return nullptr;
        }
        const auto name = node->value<std::string>();
        if (!name) {
            report(node->source(), "'kind' must be a string");
            return nullptr;
        }
        entry.kind = *name;
        const KindSpec* kind = config_.profile.kind(*name);
        if (!kind) {
            const auto suggestion = closest_match(*name, config_.profile.kind_names());
            report(node->source(),
                   fmt::format("unknown kind '{}'{}", *name,
                               suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion)
                                          : std::string{}));
        }
        return kind;
    }

    void read_at(const toml::table& table, Entry& entry) {
        const toml::node* node = table.get("at");
        if (!node) {
            report(table.source(), "entry has no 'at' (when it happened)");
            return;
        }
        const auto* date_time = node->as_date_time();
        if (!date_time) {
            report(node->source(),
                   node->is_date()
                       ? "'at' needs a time as well as a date, e.g. 2026-11-20T08:00:00+01:00"
                       : "'at' must be a date and time, e.g. 2026-11-20T08:00:00+01:00");
            return;
        }
        const toml::date_time& value = date_time->get();
        const auto date = make_date(value.date.year, value.date.month, value.date.day);
        if (!date) {
            report(node->source(), "'at' is not a real date");
            return;
        }
        const std::int64_t local = local_seconds_at(
            *date, value.time.hour * 3600 + value.time.minute * 60 + value.time.second);
        std::int32_t offset = 0;
        if (value.offset)
            offset = value.offset->minutes * 60;
        else if (offset_at_local_)
            offset = offset_at_local_(local);
        entry.at = Instant{local - offset, offset};
        if (year_of(*date) < earliest_year) {
            report(node->source(), fmt::format("this entry is dated {}, before {}; check the year",
                                               format_date(*date), earliest_year));
            return;
        }
        if (month_ && month_key(*date) != *month_)
            report(node->source(),
                   fmt::format(
                       "this entry is dated {} but the file is for {}; move it to journal/{}.toml",
                       format_date(*date), *month_, month_key(*date)));
    }

    void read_fields(const toml::table& table, const KindSpec& kind, Entry& entry) {
        for (auto&& [key, node] : table) {
            const std::string name(key.str());
            if (name == "at" || name == "kind") continue;
            if (name == "note") {
                if (const auto note = node.value<std::string>()) {
                    entry.note = *note;
                    warn_unsafe(node, *note, true);
                } else
                    report(node.source(), "'note' must be a string");
                continue;
            }
            if (name == "tags") {
                read_tags(node, entry);
                continue;
            }
            const FieldSpec* field = kind.field(name);
            if (!field) {
                report(
                    key.source(),
                    fmt::format("unknown field '{}' for {} (kept, but not used)", name, kind.name),
                    Severity::warning);
                continue;
            }
            read_field(*field, node, entry);
        }
        // The kind's field order, not toml++'s (alphabetical) map order.
        put_in_kind_order(kind, entry.fields);
    }

    void read_field(const FieldSpec& field, const toml::node& node, Entry& entry) {
        FieldValue value;
        if (const auto* integer = node.as_integer())
            value = integer->get();
        else if (const auto* number = node.as_floating_point())
            value = number->get();
        else if (const auto* flag = node.as_boolean())
            value = flag->get();
        else if (const auto* text = node.as_string()) {
            value = text->get();
            warn_unsafe(node, text->get(), true);
        } else {
            report(node.source(),
                   fmt::format("{} must be {}", field.name, describe_allowed(field)));
            return;
        }
        if (field.type == FieldType::number)
            if (const auto* integer = std::get_if<std::int64_t>(&value))
                value = static_cast<double>(*integer);
        if (const auto problem = check_field_value(field, value)) {
            report(node.source(), *problem);
            return;
        }
        entry.fields.emplace_back(field.name, std::move(value));
    }

    // Shown escaped wherever tend prints it, but worth knowing about: `tend check` warns.
    void warn_unsafe(const toml::node& node, std::string_view text, bool newlines_allowed) {
        if (const auto character = unsafe_character_in(text, newlines_allowed))
            report(node.source(),
                   fmt::format("{} in the text; tend shows {} escaped", *character,
                               character->find(',') == std::string::npos ? "it" : "them"),
                   Severity::warning);
    }

    void read_tags(const toml::node& node, Entry& entry) {
        const auto* tags = node.as_array();
        if (!tags) {
            report(node.source(), "'tags' must be a list of strings, e.g. [\"evening\"]");
            return;
        }
        for (const auto& tag : *tags) {
            if (const auto text = tag.value<std::string>()) {
                entry.tags.push_back(*text);
                warn_unsafe(tag, *text, false);
            } else
                report(tag.source(), "each tag must be a string");
        }
    }

    const std::string& file_;
    const Config& config_;
    const OffsetAtLocal& offset_at_local_;
    const std::optional<std::string>& month_;
    std::vector<Problem>& problems_;
    std::size_t errors_before_ = 0;
};

}  // namespace

std::optional<Problem> check_toml_syntax(std::string_view content,
                                         const std::string& display_name) {
    if (auto problem = nesting_problem(content, display_name)) return problem;
    try {
        (void)toml::parse(without_bom(content), display_name);
    } catch (const toml::parse_error& error) {
        return month_file_problem(display_name, error, content);
    }
    return std::nullopt;
}

MonthFile parse_month_file(std::string_view content, const std::string& display_name,
                           const Config& config, const OffsetAtLocal& offset_at_local,
                           const std::optional<std::string>& month) {
    MonthFile result;
    toml::table root;
    if (auto problem = nesting_problem(content, display_name)) {
        result.problems.push_back(std::move(*problem));
        return result;
    }
    try {
        root = toml::parse(without_bom(content), display_name);
    } catch (const toml::parse_error& error) {
        result.problems.push_back(month_file_problem(display_name, error, content));
        return result;
    }
    EntryReader reader(display_name, config, offset_at_local, month, result.problems);
    for (auto&& [key, node] : root) {
        if (key.str() != "entry") {
            result.problems.push_back(problem_at(
                display_name, key.source(),
                fmt::format("unknown key '{}' (kept; tend reads only [[entry]] tables)", key.str()),
                Severity::warning));
            continue;
        }
        const auto* entries = node.as_array();
        if (!entries || !entries->is_array_of_tables()) {
            result.problems.push_back(problem_at(display_name, node.source(),
                                                 "'entry' must be written as [[entry]] tables"));
            continue;
        }
        // An inline `entry = [ {...} ]` parses, but the next `tend log` appends [[entry]] to a
        // key it already holds, and the file no longer reads back; say so before that.
        if (!entries->empty() && entries->front().as_table()->is_inline()) {
            result.problems.push_back(
                problem_at(display_name, node.source(), std::string(inline_entries_problem)));
        }
        for (const auto& item : *entries)
            if (auto entry = reader.read(*item.as_table()))
                result.entries.push_back(std::move(*entry));
    }
    return result;
}

MonthShape month_shape(std::string_view content, const std::string& display_name) {
    MonthShape shape;
    if ((shape.problem = check_toml_syntax(content, display_name))) return shape;
    const toml::table root = toml::parse(without_bom(content), display_name);
    const toml::node* node = root.get("entry");
    if (!node) return shape;
    const auto* entries = node->as_array();
    if (!entries || !entries->is_array_of_tables())
        shape.problem =
            problem_at(display_name, node->source(), "'entry' must be written as [[entry]] tables");
    else if (entries->front().as_table()->is_inline())
        shape.problem =
            problem_at(display_name, node->source(), std::string(inline_entries_problem));
    else
        shape.entries = entries->size();
    return shape;
}

std::optional<MonthFileName> parse_month_file_name(std::string_view file_name) {
    if (file_name.size() < 12 || !file_name.ends_with(".toml")) return {};
    const std::string_view key = file_name.substr(0, 7);
    const auto year = parse_digits(key.substr(0, 4));
    const auto month = parse_digits(key.substr(5, 2));
    if (!year || !month || key[4] != '-' || *month < 1 || *month > 12) return {};
    if (file_name.size() == 12) return MonthFileName{std::string(key), {}};
    const std::string_view device = file_name.substr(8, file_name.size() - 8 - 5);
    // A sync tool's copy of a device's file ("2026-11.sync-conflict-20261121-1234567") is not
    // that device's file, even when its name happens to pass as one.
    if (file_name[7] != '.' || !is_device_name(device) ||
        device.find("conflict") != std::string_view::npos)
        return {};
    return MonthFileName{std::string(key), std::string(device)};
}

std::optional<std::string> month_of_file_name(std::string_view file_name) {
    if (auto parsed = parse_month_file_name(file_name)) return std::move(parsed->month);
    return {};
}

std::string MonthFileName::key() const {
    return device.empty() ? month : month + "." + device;
}

std::string MonthFileName::path() const {
    return "journal/" + key() + ".toml";
}

}  // namespace tend::store
