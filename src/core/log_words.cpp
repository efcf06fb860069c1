// Reading `tend log` words: kind, bare primary value, field=value pairs, @tags and the note.
#include "tend/log_words.h"

#include <fmt/format.h>
#include <algorithm>

#include "core/text.h"
#include "tend/error.h"
#include "tend/questions.h"
#include "tend/when.h"

namespace tend {

namespace {

// "min=15" -> {"min", "15"} when the left side looks like a field name.
std::optional<std::pair<std::string_view, std::string_view>> split_assignment(
    std::string_view word) {
    const std::size_t equals = word.find('=');
    if (equals == std::string_view::npos || equals == 0) return {};
    const std::string_view name = word.substr(0, equals);
    const bool looks_like_name = std::all_of(name.begin(), name.end(), [](char character) {
        return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
               (character >= '0' && character <= '9') || character == '_' || character == '-';
    });
    if (!looks_like_name) return {};
    return std::pair{name, word.substr(equals + 1)};
}

bool looks_numeric(std::string_view word) {
    if (!word.empty() && (word.front() == '-' || word.front() == '+')) word.remove_prefix(1);
    return !word.empty() && word.front() >= '0' && word.front() <= '9';
}

void check_tag(std::string_view tag) {
    if (tag.empty()) throw user_error("a tag needs a name after '@'", "for example @evening");
    for (const char character : tag) {
        const auto byte = static_cast<unsigned char>(character);
        if (byte <= 0x20 || byte == 0x7F || character == ',' || character == '@')
            throw user_error(fmt::format("the tag '@{}' has a character tags can't hold", tag),
                             "tags are single words such as @evening or @after-work");
    }
}

void check_note_word(std::string_view word) {
    if (!is_valid_utf8(word))
        throw user_error("the note is not valid UTF-8 text", "check your terminal's encoding");
    if (word.find('\0') != std::string_view::npos) throw user_error("the note contains a NUL byte");
}

// Adds a field value, refusing a field that was already given.
void set_once(std::vector<std::pair<std::string, FieldValue>>& fields, const FieldSpec& field,
              FieldValue value, std::string_view typed) {
    const bool already = std::any_of(fields.begin(), fields.end(),
                                     [&](const auto& pair) { return pair.first == field.name; });
    if (already)
        throw user_error(
            fmt::format("{} is given twice", field.name),
            fmt::format("'{}' sets {} again; give each field once", typed, field.name));
    fields.emplace_back(field.name, std::move(value));
}

// The field `name` names as the first of two words: its exact name, or the start of one field's
// name of three letters or more ("min" for minutes), as `min=15` would.
const FieldSpec* field_named(const KindSpec& kind, std::string_view name) {
    const std::string lowered = to_lower(name);
    if (const FieldSpec* exact = kind.field(lowered)) return exact;
    if (lowered.size() < 3) return nullptr;
    const FieldSpec* found = nullptr;
    for (const auto& field : kind.fields) {
        if (!field.name.starts_with(lowered)) continue;
        if (found) return nullptr;  // "s" could be several: the words stay a note
        found = &field;
    }
    return found;
}

// `size 3` (or `min 15`) typed as two words: the kind's field of that name and a value it takes.
// Never a text field: any word is a valid text, so "location of the pain is..." would lose its
// first words to the field; a text field is set as `location=knee`.
std::optional<std::pair<const FieldSpec*, FieldValue>> two_word_field(const KindSpec& kind,
                                                                      std::string_view name,
                                                                      std::string_view value) {
    const FieldSpec* field = field_named(kind, name);
    if (!field || field->type == FieldType::text) return {};
    // "size 9" is meant as the size: say what is wrong rather than keep it as a note.
    if (field->is_numeric() && looks_numeric(value))
        return std::pair{field, parse_field_value(*field, value)};
    try {
        return std::pair{field, parse_field_value(*field, value)};
    } catch (const user_error&) {
        return {};  // "pain after walking": not a value, so the words are the note
    }
}

}  // namespace

LogWords parse_log_words(const Config& config, std::span<const std::string> words) {
    if (words.empty())
        throw user_error("tend log needs a kind", "for example: tend log kegels, tend log pain 4");
    for (const auto& word : words)
        check_note_word(word);

    LogWords result;
    result.kind = &resolve_kind(config.profile, words[0]);
    const KindSpec& kind = *result.kind;
    std::vector<std::string_view> note_words;

    for (std::size_t index = 1; index < words.size(); ++index) {
        const std::string_view word = words[index];
        if (word == "-") {
            result.note_from_stdin = true;
        } else if (word.starts_with("@")) {
            check_tag(word.substr(1));
            if (std::find(result.tags.begin(), result.tags.end(), word.substr(1)) ==
                result.tags.end())
                result.tags.emplace_back(word.substr(1));
        } else if (const auto assignment = split_assignment(word)) {
            const FieldSpec& field = resolve_field(kind, assignment->first);
            set_once(result.fields, field, parse_field_value(field, assignment->second), word);
        } else if (const auto pair = note_words.empty() && index + 1 < words.size()
                                         ? two_word_field(kind, word, words[index + 1])
                                         : std::nullopt) {
            set_once(result.fields, *pair->first, pair->second,
                     fmt::format("{} {}", word, words[index + 1]));
            ++index;
        } else if (index == 1 && !kind.primary.empty() && !kind.field(to_lower(word)) &&
                   (!kind.field(kind.primary)->is_numeric() || looks_numeric(word))) {
            // A number after a numeric primary must be a valid value; a plain word after one
            // starts the note instead ("tend log pain sharp after walking"). A field's own name
            // is never the primary's value: "pose 3" with no pose 3 stays the note.
            const FieldSpec& primary = *kind.field(kind.primary);
            set_once(result.fields, primary, parse_field_value(primary, word), word);
        } else {
            note_words.push_back(word);
        }
    }
    put_in_kind_order(kind, result.fields);
    for (std::size_t index = 0; index < note_words.size(); ++index) {
        if (index > 0) result.note += ' ';
        result.note += note_words[index];
    }
    return result;
}

void check_entry_as_logged(const Entry& entry, const Config& config, const TimeContext& time) {
    refuse_future(entry.at, time);
    if (entry.note.size() > longest_note)
        throw user_error(fmt::format("the note is {} bytes long; the most a note can hold is {}",
                                     entry.note.size(), longest_note),
                         "keep long texts in a file of your own and note where it is");
    if (const auto character = unsafe_character_in(entry.note, true))
        throw user_error(fmt::format("the note contains {}", *character),
                         "notes may hold text, newlines and tabs");
    if (!is_valid_utf8(entry.note))
        throw user_error("the note is not valid UTF-8 text", "check your terminal's encoding");
    for (const auto& tag : entry.tags) {
        if (!is_valid_utf8(tag) || unsafe_character_in(tag, false))
            throw user_error(fmt::format("the tag '@{}' has a character tags can't hold",
                                         escape_unsafe(tag, false)),
                             "tags are single words such as @evening or @after-work");
        check_tag(tag);
    }
    const KindSpec* question = question_kind(config.profile);
    if (question && entry.kind == question->name && trim(entry.note).empty())
        throw user_error("a question needs its words",
                         "for example: tend log question can I use lidocaine before dilating?");
}

}  // namespace tend
