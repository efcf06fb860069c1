// plan.toml: toml++ parses the syntax; each [[item]] becomes a checked PlanItem.
#include "store/plan_file.h"

#include <toml++/toml.h>

#include <algorithm>

#include "core/text.h"
#include "store/file_io.h"
#include "store/plan_text_edit.h"
#include "store/toml_depth.h"
#include "store/toml_problem.h"
#include "store/toml_writer.h"
#include "store/write_check.h"
#include "tend/error.h"

namespace tend::store {

namespace {

const std::string display_name(plan_file_name);
constexpr std::string_view known_keys[] = {"kind", "schedule", "conditions", "total", "start",
                                           "end",  "length",   "name",       "note"};

// Reads one [[item]] table; problems go to `problems`, and nothing is returned after an error.
class ItemReader {
  public:
    ItemReader(const Config& config, std::vector<Problem>& problems)
        : config_(config), problems_(problems) {}

    std::optional<PlanItem> read(const toml::table& table) {
        failed_ = false;
        PlanItem item;
        item.line = static_cast<int>(table.source().begin.line);
        warn_unknown_keys(table);
        item.kind = text(table, "kind", true);
        check_kind(table, item.kind);
        item.name = text(table, "name", false);
        item.note = text(table, "note", false);
        read_rules(table, item);
        read_dates(table, item);
        if (failed_) return std::nullopt;
        try {
            check_plan_item(item, config_.profile);
        } catch (const user_error& error) {
            const std::string hint = error.hint().empty() ? "" : " (" + error.hint() + ")";
            report(table.source(), error.what() + hint);
            return std::nullopt;
        }
        return item;
    }

  private:
    void report(const toml::source_region& where, std::string message) {
        problems_.push_back(problem_at(display_name, where, std::move(message)));
        failed_ = true;
    }

    // Unknown kinds are reported at the kind, the way month files report them.
    void check_kind(const toml::table& table, const std::string& kind) {
        if (kind.empty() || config_.profile.kind(kind)) return;
        const auto suggestion = closest_match(kind, config_.profile.kind_names());
        report(table.get("kind")->source(),
               fmt::format("unknown kind '{}'{}", kind,
                           suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion)
                                      : std::string(" ('tend kinds' lists them)")));
    }

    void warn_unknown_keys(const toml::table& table) {
        for (const auto& [key, value] : table)
            if (std::find(std::begin(known_keys), std::end(known_keys), key.str()) ==
                std::end(known_keys))
                problems_.push_back(problem_at(
                    display_name, key.source(),
                    fmt::format("unknown key '{}' in a plan item (kept, but tend ignores it)",
                                key.str()),
                    Severity::warning));
    }

    std::string text(const toml::table& table, std::string_view key, bool required) {
        const toml::node* node = table.get(key);
        if (!node) {
            if (required) report(table.source(), fmt::format("plan item has no '{}'", key));
            return {};
        }
        const auto value = node->value<std::string>();
        if (!value) report(node->source(), fmt::format("'{}' must be a string", key));
        return value.value_or("");
    }

    // Runs a core parser on a string value, turning its user_error into a located problem.
    template <typename Parse>
    void parse_at(const toml::node& node, Parse&& parse) {
        try {
            parse();
        } catch (const user_error& error) {
            report(
                node.source(),
                error.what() + (error.hint().empty() ? std::string{} : " (" + error.hint() + ")"));
        }
    }

    void read_rules(const toml::table& table, PlanItem& item) {
        if (const toml::node* node = table.get("total")) {
            const auto value = node->value<std::string>();
            if (!value)
                report(node->source(), "'total' must be a string such as \"minutes>=120/day\"");
            else
                parse_at(*node, [&] { item.total = parse_total("total " + *value); });
        }
        if (const toml::node* node = table.get("schedule")) {
            const auto value = node->value<std::string>();
            if (!value)
                report(node->source(), "'schedule' must be a string such as \"3/day\"");
            else
                parse_at(*node, [&] { item.schedule = parse_schedule(*value); });
        } else if (item.total) {
            item.schedule.unit =
                item.total->per == Total::Per::day ? Schedule::Unit::day : Schedule::Unit::week;
        } else {
            report(table.source(), "plan item has no 'schedule'");
        }
        if (const toml::node* node = table.get("conditions")) {
            const toml::array* list = node->as_array();
            if (!list) {
                report(node->source(), "'conditions' must be a list such as [\"minutes>=10\"]");
                return;
            }
            for (const auto& element : *list) {
                const auto value = element.value<std::string>();
                if (!value)
                    report(element.source(), "each condition must be a string");
                else
                    parse_at(element, [&] { item.conditions.push_back(parse_condition(*value)); });
            }
        }
    }

    std::optional<Date> date(const toml::table& table, std::string_view key) {
        const toml::node* node = table.get(key);
        if (!node) return std::nullopt;
        if (const auto value = node->value<toml::date>()) {
            if (const auto day = make_date(value->year, value->month, value->day)) return day;
        } else if (const auto written = node->value<std::string>()) {
            if (const auto day = parse_iso_date(*written)) return day;
        }
        report(node->source(), fmt::format("'{}' must be a date such as 2026-10-06", key));
        return std::nullopt;
    }

    void read_dates(const toml::table& table, PlanItem& item) {
        const auto start = date(table, "start");
        if (!start && !table.get("start")) report(table.source(), "plan item has no 'start'");
        item.start = start.value_or(Date{});
        item.end = date(table, "end");
        if (const toml::node* node = table.get("length")) {
            item.length = text(table, "length", false);
            const auto days = parse_length_days(item.length);
            if (!days)
                report(node->source(), "'length' must be like \"3w\" or \"30d\"");
            else if (item.end)
                report(node->source(), "an item has an 'end' or a 'length', not both");
            else if (start)
                item.end = end_after_length(*start, *days);
        }
    }

    const Config& config_;
    std::vector<Problem>& problems_;
    bool failed_ = false;
};

struct ParsedPlan {
    PlanFile file;
    std::vector<ItemPlace> places;  // where each item's text is, in the same order
};

ParsedPlan parse(std::string_view content, const Config& config) {
    ParsedPlan parsed;
    toml::table root;
    if (auto problem = nesting_problem(content, display_name)) {
        parsed.file.problems.push_back(std::move(*problem));
        return parsed;
    }
    try {
        root = toml::parse(without_bom(content), display_name);
    } catch (const toml::parse_error& error) {
        parsed.file.problems.push_back(shared_file_problem(display_name, error, content));
        return parsed;
    }
    ItemReader reader(config, parsed.file.problems);
    for (const auto& [key, value] : root) {
        if (key.str() == "item") continue;
        parsed.file.problems.push_back(problem_at(
            display_name, key.source(),
            fmt::format("unknown key '{}' (kept, but tend reads only [[item]] tables)", key.str()),
            Severity::warning));
    }
    const toml::node* items = root.get("item");
    if (!items) return parsed;
    const toml::array* list = items->as_array();
    if (!list) {
        parsed.file.problems.push_back(
            problem_at(display_name, items->source(), "'item' must be a list of [[item]] tables"));
        return parsed;
    }
    for (const auto& element : *list) {
        const toml::table* table = element.as_table();
        if (!table) {
            parsed.file.problems.push_back(
                problem_at(display_name, element.source(), "each item must be an [[item]] table"));
            continue;
        }
        if (auto item = reader.read(*table)) parsed.file.plan.items.push_back(std::move(*item));
        parsed.places.push_back(place_of(*table));
    }
    return parsed;
}

// Reads plan.toml under the lock and refuses to touch it while it has errors.
struct PlanForChange {
    std::optional<std::string> bytes;  // as read, for compare before replace
    std::string content;
    ParsedPlan parsed;
};

PlanForChange read_for_change(const std::filesystem::path& root, const Config& config,
                              Storage& storage) {
    PlanForChange plan;
    plan.bytes = storage.read(root / plan_file_name, display_name);
    plan.content = plan.bytes.value_or("");
    plan.parsed = parse(plan.content, config);
    for (const auto& problem : plan.parsed.file.problems)
        if (problem.severity == Severity::error)
            throw user_error(problem.text(), "nothing was changed; fix plan.toml by hand first");
    return plan;
}

// Writes the changed plan once it reads back as `expected`, unless plan.toml changed since it
// was read (a sync tool, an editor): then nothing is written.
void write_plan_change(const std::filesystem::path& root, const Config& config,
                       const PlanForChange& plan, const std::string& changed,
                       const std::vector<PlanItem>& expected, Storage& storage) {
    check_plan_change(changed, config, expected);
    if (!storage.replace(root / plan_file_name, changed, display_name, Durability::synced,
                         &plan.bytes))
        throw user_error("plan.toml changed while tend was changing it, so nothing was written",
                         "another program wrote it meanwhile; look at it, then try again");
}

}  // namespace

PlanFile parse_plan_file(std::string_view content, const Config& config) {
    return parse(content, config).file;
}

Plan load_plan(const std::filesystem::path& root, const Config& config) {
    const auto content = read_file_if_exists(root / plan_file_name, display_name);
    if (!content) return {};
    PlanFile parsed = parse_plan_file(*content, config);
    for (const auto& problem : parsed.problems)
        if (problem.severity == Severity::error)
            throw user_error(problem.text(), "fix it by hand, then run 'tend check'");
    return std::move(parsed.plan);
}

std::vector<Problem> check_plan_file(const std::filesystem::path& root, const Config& config) {
    const auto content = read_file_if_exists(root / plan_file_name, display_name);
    if (!content) return {};
    return parse_plan_file(*content, config).problems;
}

std::string plan_item_block(const PlanItem& item, std::string_view newline) {
    std::string block =
        fmt::format("[[item]]{}kind = {}{}", newline, toml_string(item.kind), newline);
    block += fmt::format("schedule = {}{}", toml_string(schedule_text(item.schedule)), newline);
    if (!item.conditions.empty()) {
        std::string list;
        for (const auto& condition : item.conditions)
            list += (list.empty() ? "" : ", ") + toml_string(condition_text(condition));
        block += fmt::format("conditions = [{}]{}", list, newline);
    }
    if (item.total)
        block += fmt::format("total = {}{}", toml_string(total_text(*item.total)), newline);
    block += fmt::format("start = {}{}", format_date(item.start), newline);
    if (!item.length.empty())
        block += fmt::format("length = {}{}", toml_string(item.length), newline);
    else if (item.end)
        block += fmt::format("end = {}{}", format_date(*item.end), newline);
    if (!item.name.empty()) block += fmt::format("name = {}{}", toml_string(item.name), newline);
    if (!item.note.empty()) block += fmt::format("note = {}{}", toml_string(item.note), newline);
    return block;
}

void add_plan_item(const std::filesystem::path& root, const Config& config, const PlanItem& item,
                   Storage& storage) {
    storage.make_private_folder(root, root.string());
    const auto lock = storage.lock(root);
    storage.remove_stale_temporary_files(root);
    const PlanForChange plan = read_for_change(root, config, storage);
    const std::string& content = plan.content;
    const std::string_view newline = newline_of(content);
    std::string addition;
    if (content.empty())
        addition = fmt::format(
            "# tend plan: your home programme, one [[item]] per prescription.{0}"
            "# Edit freely; the format is in docs/format.md. Ended items stay: they measure the "
            "past.{0}",
            newline);
    else if (content.back() != '\n')
        addition = newline;
    addition += newline;
    addition += plan_item_block(item, newline);
    std::vector<PlanItem> expected = plan.parsed.file.plan.items;
    expected.push_back(item);
    write_plan_change(root, config, plan, content + addition, expected, storage);
}

void end_plan_item(const std::filesystem::path& root, const Config& config,
                   const ItemChooser& choose, Date end, Storage& storage) {
    const auto lock = storage.lock(root);
    storage.remove_stale_temporary_files(root);
    const PlanForChange plan = read_for_change(root, config, storage);
    const std::size_t index = choose(plan.parsed.file.plan);
    const std::string changed =
        with_end_date(plan.content, plan.parsed.places.at(index), format_date(end));
    std::vector<PlanItem> expected = plan.parsed.file.plan.items;
    expected.at(index).end = end;
    expected.at(index).length.clear();
    write_plan_change(root, config, plan, changed, expected, storage);
}

void remove_plan_item(const std::filesystem::path& root, const Config& config,
                      const ItemChooser& choose, Storage& storage) {
    const auto lock = storage.lock(root);
    storage.remove_stale_temporary_files(root);
    const PlanForChange plan = read_for_change(root, config, storage);
    const std::size_t index = choose(plan.parsed.file.plan);
    std::vector<PlanItem> expected = plan.parsed.file.plan.items;
    expected.erase(expected.begin() + static_cast<std::ptrdiff_t>(index));
    write_plan_change(root, config, plan, without_item(plan.content, plan.parsed.places.at(index)),
                      expected, storage);
}

}  // namespace tend::store
