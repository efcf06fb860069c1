// Plan items: which entries count, lengths and dates, and the words of `tend plan add`.
#include "tend/plan.h"

#include <fmt/format.h>

#include "core/text.h"
#include "tend/error.h"

namespace tend {

namespace {

constexpr int longest_length_days = 3653;

std::optional<double> field_number(const CompactEntry& entry, const std::string& field) {
    const auto* value = entry.field(field);
    if (!value) return std::nullopt;
    return numeric_value(*value);
}

// Resolves a typed field name against the kind and insists on a numeric field.
std::string numeric_field(const KindSpec& kind, const std::string& typed, std::string_view role) {
    const FieldSpec& field = resolve_field(kind, typed);
    if (!field.is_numeric())
        throw user_error(fmt::format("{} needs a number, but {}'s '{}' is {}", role, kind.name,
                                     field.name, field_type_name(field.type)),
                         "use a numeric field such as minutes or size");
    return field.name;
}

bool looks_like_condition(std::string_view word) {
    return word.find_first_of("<>=:") != std::string_view::npos;
}

// "3 weeks ago" -> 21, "a day ago" -> 1, "10d ago" -> 10; nothing when `text` is not of that form.
std::optional<int> days_ago(const std::string& text) {
    const auto words = split(text, ' ');
    std::vector<std::string> parts;
    for (const auto& word : words)
        if (!word.empty()) parts.emplace_back(word);
    if (parts.size() < 2 || parts.size() > 3 || parts.back() != "ago") return std::nullopt;
    std::string number = parts[0];
    std::string unit = parts.size() == 3 ? parts[1] : "";
    if (parts.size() == 2) {  // "10d", "2w"
        const auto letters = number.find_first_not_of("0123456789");
        if (letters == std::string::npos || letters == 0) return std::nullopt;
        unit = number.substr(letters);
        number = number.substr(0, letters);
    }
    int count = 0;
    if (number == "a" || number == "an" || number == "one") {
        count = 1;
    } else {
        if (number.empty() || number.size() > 4 ||
            number.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        count = std::stoi(number);
    }
    if (unit == "d" || unit == "day" || unit == "days") return count;
    if (unit == "w" || unit == "week" || unit == "weeks") return 7 * count;
    return std::nullopt;
}

}  // namespace

bool PlanItem::counts(const CompactEntry& entry) const {
    if (entry.kind != kind) return false;
    for (const auto& condition : conditions) {
        const auto value = field_number(entry, condition.field);
        if (!value || !condition.holds_for(*value)) return false;
    }
    return !total || field_number(entry, total->field).has_value();
}

double PlanItem::amount_of(const CompactEntry& entry) const {
    if (!total) return 1;
    return field_number(entry, total->field).value_or(0);
}

std::optional<int> parse_length_days(std::string_view text) {
    const std::string lowered = to_lower(trim(text));
    if (lowered.size() < 2) return std::nullopt;
    const char unit = lowered.back();
    const auto count = parse_digits(std::string_view(lowered).substr(0, lowered.size() - 1));
    if (!count || *count < 1) return std::nullopt;
    const int factor = unit == 'd' ? 1 : unit == 'w' ? 7 : 0;
    if (factor == 0 || *count > longest_length_days / factor) return std::nullopt;
    return *count * factor;
}

Date end_after_length(Date start, int days) {
    return start + std::chrono::days{days - 1};
}

void check_plan_item(PlanItem& item, const Profile& profile) {
    const KindSpec& kind = resolve_kind(profile, item.kind);
    item.kind = kind.name;
    for (auto& condition : item.conditions)
        condition.field = numeric_field(kind, condition.field, "a condition");
    if (item.total) {
        item.total->field = numeric_field(kind, item.total->field, "a total");
        const bool daily_total = item.total->per == Total::Per::day;
        const auto unit = item.schedule.unit;
        const bool suits =
            item.schedule.times == 1 &&
            (daily_total ? unit == Schedule::Unit::day || unit == Schedule::Unit::weekdays
                         : unit == Schedule::Unit::week);
        if (!suits)
            throw user_error(
                fmt::format("a total per {} can't be combined with '{}'",
                            daily_total ? "day" : "week", describe_schedule(item.schedule)),
                daily_total ? "use it with daily, weekdays or a list of days, or on its own"
                            : "use it with weekly, or on its own");
    }
    if (item.end && *item.end < item.start)
        throw user_error(fmt::format("the item ends on {}, before it starts on {}",
                                     format_date(*item.end), format_date(item.start)),
                         "the end is the last day the item is in force");
}

PlanWords parse_plan_words(const std::vector<std::string>& words) {
    PlanWords result;
    std::vector<std::string> schedule_words;
    for (std::size_t index = 0; index < words.size(); ++index) {
        const std::string lowered = to_lower(trim(words[index]));
        if (lowered == "total" || lowered.starts_with("total ")) {
            std::string text = lowered;
            if (lowered == "total") {
                if (index + 1 == words.size())
                    throw user_error("'total' needs a bound after it",
                                     "try 'total minutes>=120/day'");
                text += " " + words[++index];
            }
            if (result.total)
                throw user_error("the item has two totals", "an item can have one total");
            result.total = parse_total(text);
        } else if (looks_like_condition(lowered)) {
            result.conditions.push_back(parse_condition(lowered));
        } else {
            schedule_words.push_back(lowered);
        }
    }
    if (!schedule_words.empty()) {
        std::string text;
        for (const auto& word : schedule_words)
            text += (text.empty() ? "" : " ") + word;
        result.schedule = parse_schedule(text);
    } else if (result.total) {
        result.schedule.unit =
            result.total->per == Total::Per::day ? Schedule::Unit::day : Schedule::Unit::week;
    } else {
        throw user_error("the item needs a schedule",
                         "try daily, 3/day, every 2d, 3/week or mon,wed,fri after the kind");
    }
    return result;
}

Date parse_plan_date(std::string_view text, Date today) {
    const std::string lowered = to_lower(trim(text));
    if (lowered == "today") return today;
    if (lowered == "tomorrow") return today + std::chrono::days{1};
    if (lowered == "yesterday") return today - std::chrono::days{1};
    if (const auto date = parse_iso_date(lowered)) return *date;
    // The most recent past Monday (never today), as --at reads "mon".
    if (const auto weekday = parse_weekday(lowered)) {
        Date day = today - std::chrono::days{1};
        while (Weekday{day} != *weekday)
            day -= std::chrono::days{1};
        return day;
    }
    // "3 weeks ago", "10 days ago", "a week ago", "2w ago", "10d ago": for a programme already
    // under way when tend came along.
    if (const auto days = days_ago(lowered)) return today - std::chrono::days{*days};
    throw user_error(fmt::format("can't read the date '{}'", text),
                     "use YYYY-MM-DD, today, tomorrow, yesterday, a weekday (mon) or '3 weeks "
                     "ago'");
}

}  // namespace tend
