// `tend questions`: the open questions for the next visit, numbered, and answering one.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "core/text.h"
#include "tend/error.h"
#include "tend/period.h"
#include "tend/questions.h"

namespace tend::cli {

namespace {

struct QuestionsOptions {
    std::string number;
    std::vector<std::string> said;
};

std::vector<Entry> load_open_questions(Context& context) {
    const auto entries = context.journal().load(Period{}, context.time().offset_at_local);
    return open_questions(entries, context.journal().config().profile);
}

// The first line of a question, or a placeholder for one written without words.
std::string question_text(const Entry& question) {
    if (question.note.empty()) return "(a question without text)";
    const std::size_t line_end = question.note.find('\n');
    return line_end == std::string::npos ? question.note
                                         : question.note.substr(0, line_end) + " ...";
}

int run_list(Context& context) {
    // `questions answer N` doesn't file: its numbers are the ones this list showed.
    file_inbox(context);
    const auto questions = load_open_questions(context);
    if (questions.empty()) {
        fmt::print("No open questions. Add one with: tend log question ...\n");
        return exit_code::ok;
    }
    for (std::size_t index = 0; index < questions.size(); ++index)
        fmt::print("{:>3}  {}  {}\n", index + 1,
                   format_day_heading(questions[index].at.local_date()),
                   question_text(questions[index]));
    fmt::print("Answer one with: tend questions answer N [what was said]\n");
    return exit_code::ok;
}

int run_answer(const QuestionsOptions& options, Context& context) {
    const auto questions = load_open_questions(context);
    const auto number = parse_digits(options.number);
    if (questions.empty())
        throw user_error("there are no open questions to answer",
                         "add one with: tend log question ...");
    if (!number || *number < 1 || static_cast<std::size_t>(*number) > questions.size())
        throw user_error(
            fmt::format("there is no open question {}", options.number),
            fmt::format("use a number from 1 to {}, as 'tend questions' shows", questions.size()));
    const Entry& question = questions[static_cast<std::size_t>(*number - 1)];
    std::string said;
    for (const auto& word : options.said)
        said += (said.empty() ? "" : " ") + word;
    if (!is_valid_utf8(said))
        throw user_error("the answer is not valid UTF-8 text", "check your terminal's encoding");
    if (const auto character = unsafe_character_in(said, true))
        throw user_error(fmt::format("the answer contains {}", *character),
                         "an answer may hold text, newlines and tabs");
    const Entry answer = answer_to(question, context.journal().config().profile, context.time().now,
                                   std::move(said));
    const auto undo_problem = context.journal().append(answer, context.time().now.utc_seconds);
    fmt::print("answered: {} (asked {})\n", question_text(question),
               format_day_heading(question.at.local_date()));
    if (undo_problem)
        fmt::print(stderr, "tend: the answer is saved, but 'tend undo' can't take it back: {}\n",
                   *undo_problem);
    return exit_code::ok;
}

}  // namespace

Command add_questions_command(CLI::App& app) {
    auto options = std::make_shared<QuestionsOptions>();
    CLI::App* command = app.add_subcommand(
        "questions", "The open questions for the next visit, numbered, oldest first");
    command->require_subcommand(0, 1);
    CLI::App* answer = command->add_subcommand(
        "answer", "Mark question N answered (a new entry), with what was said if you like");
    answer->add_option("number", options->number, "The number 'tend questions' shows")
        ->required()
        ->option_text("N");
    answer->add_option("said", options->said, "What was said, as the answer's note")
        ->option_text("WORDS ...");
    add_examples(*command,
                 "  tend questions\n"
                 "  tend questions answer 1 yes, a little lidocaine is fine");
    add_examples(*answer,
                 "  tend questions answer 1\n"
                 "  tend questions answer 1 the PT said to keep size 3 for two more weeks");
    return {command, [options, answer](Context& context) {
                return answer->parsed() ? run_answer(*options, context) : run_list(context);
            }};
}

}  // namespace tend::cli
