// `tend log` without a kind, on a terminal: ask for the kind, each field and the note.
#include "cli/log_prompt.h"

#include <fmt/format.h>
#include <unistd.h>

#include <string>

#include "tend/error.h"
#include "tend/field_value.h"

namespace tend::cli {

namespace {

// A line the person typed and ended with Enter; nothing at the end of input (Ctrl-D), even
// after a half-typed line, so that Ctrl-D never logs what was on the screen.
std::optional<std::string> answer(std::istream& answers, std::FILE* questions,
                                  const std::string& question) {
    fmt::print(questions, "{}", question);
    std::fflush(questions);
    std::string line;
    if (!std::getline(answers, line) || answers.eof()) return {};
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

void show_problem(std::FILE* questions, const user_error& error) {
    fmt::print(questions, "tend: {}{}\n", error.what(),
               error.hint().empty() ? "" : " - " + error.hint());
}

// What may be typed for a field, in the question's brackets: "0-10", "1-60 s", "yes/no".
std::string allowed_text(const FieldSpec& field) {
    const auto bound = [](double value) { return fmt::format("{}", value); };
    const std::string unit = field.unit.empty() ? "" : " " + field.unit;
    switch (field.type) {
        case FieldType::boolean:
            return "yes/no";
        case FieldType::choice: {
            std::string list;
            for (const auto& choice : field.choices)
                list += (list.empty() ? "" : ", ") + choice;
            return list;
        }
        case FieldType::text:
            return "";
        case FieldType::duration:
            return "like 15 or 1h30m";
        case FieldType::integer:
        case FieldType::number:
        case FieldType::scale:
            if (field.min && field.max)
                return fmt::format("{}-{}{}", bound(*field.min), bound(*field.max), unit);
            if (field.min) return fmt::format("at least {}{}", bound(*field.min), unit);
            if (field.max) return fmt::format("at most {}{}", bound(*field.max), unit);
            return field.unit;
    }
    return "";
}

std::optional<const KindSpec*> ask_kind(const Config& config, std::istream& answers,
                                        std::FILE* questions) {
    std::string kinds;
    // Rest days have their own command (`tend skip`), so the rest kind is not offered here.
    for (const auto& kind : config.profile.kinds)
        if (kind.role != KindRole::rest) kinds += (kinds.empty() ? "" : ", ") + kind.name;
    fmt::print(questions, "Kinds: {}\n", kinds);
    for (;;) {
        const auto typed = answer(answers, questions, "kind: ");
        if (!typed) return {};
        if (typed->empty()) continue;
        try {
            return &resolve_kind(config.profile, *typed);
        } catch (const user_error& error) {
            show_problem(questions, error);
        }
    }
}

// The value typed for `field`: inside, nothing when left out (Enter); outside, nothing on Ctrl-D.
std::optional<std::optional<FieldValue>> ask_field(const FieldSpec& field, std::istream& answers,
                                                   std::FILE* questions) {
    const std::string allowed = allowed_text(field);
    const std::string question = allowed.empty()
                                     ? fmt::format("{}: ", field.display_name())
                                     : fmt::format("{} ({}): ", field.display_name(), allowed);
    for (;;) {
        const auto typed = answer(answers, questions, question);
        if (!typed) return {};
        if (typed->empty()) return std::optional<FieldValue>{};
        try {
            return std::optional<FieldValue>{parse_field_value(field, *typed)};
        } catch (const user_error& error) {
            show_problem(questions, error);
        }
    }
}

}  // namespace

bool can_prompt() {
    return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1;
}

std::optional<LogWords> ask_log_words(const Config& config, std::istream& answers,
                                      std::FILE* questions) {
    const auto kind = ask_kind(config, answers, questions);
    if (!kind) return {};
    LogWords words;
    words.kind = *kind;
    if (!words.kind->fields.empty()) fmt::print(questions, "Press Enter to leave a field out.\n");
    for (const auto& field : words.kind->fields) {
        const auto value = ask_field(field, answers, questions);
        if (!value) return {};
        if (*value) words.fields.emplace_back(field.name, std::move(**value));
    }
    const auto note = answer(answers, questions, "note: ");
    if (!note) return {};
    words.note = *note;
    return words;
}

}  // namespace tend::cli
