// tend's entry point: parse the command line, run one subcommand, turn errors into exit codes.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/context.h"
#include "core/text.h"
#include "store/storage.h"
#include "tend/error.h"

namespace {

constexpr std::string_view exit_codes_help =
    "Exit codes: 0 ok; 1 a plain \"no\" (check found problems, plan due and remind: nothing\n"
    "due, log: its questions ended with Ctrl-D);\n"
    "2 bad input or a journal file to fix; 3 the system failed (disk, permissions);\n"
    "4 the change was saved, but its confirmation could not be written (don't repeat it).\n"
    "The journal is plain TOML in --dir, $TEND_DIR, $XDG_DATA_HOME/tend or ~/.local/share/tend.";

std::string lowercase_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
        text[0] = static_cast<char>(text[0] + 32);
    return text;
}

void print_error(std::string_view message, std::string_view hint = {}) {
    std::string line = fmt::format("tend: {}", message);
    if (!hint.empty()) line += fmt::format(" - {}", hint);
    // One line, whatever the message held.
    for (char& character : line)
        if (character == '\n' || character == '\r') character = ' ';
    std::fputs((line + "\n").c_str(), stderr);
}

// The deepest subcommand the user typed ("plan add" rather than "plan"), or the app itself.
const CLI::App& typed_command(const CLI::App& app) {
    for (const CLI::App* command : app.get_subcommands())
        if (command->parsed()) return typed_command(*command);
    return app;
}

// "'tend plan end' needs ITEM - see 'tend plan end --help'", for CLI11's "item is required".
void print_missing_argument(const CLI::App& app, const CLI::RequiredError& error) {
    const CLI::App& command = typed_command(app);
    std::string path;
    for (const CLI::App* level = &command; level != nullptr; level = level->get_parent())
        path = level->get_name() + (path.empty() ? "" : " " + path);
    for (const CLI::Option* option : command.get_options()) {
        if (!option->get_required() || option->count() > 0) continue;
        const std::string what =
            option->get_option_text().empty() ? option->get_name() : option->get_option_text();
        print_error(fmt::format("'{}' needs {}", path, what), fmt::format("see '{} --help'", path));
        return;
    }
    print_error(lowercase_first(error.what()), fmt::format("see '{} --help'", path));
}

// The visible commands under `command` ("log", "show", ... or "add", "end", ...).
std::vector<std::string> command_names(const CLI::App& command) {
    std::vector<std::string> names;
    for (const CLI::App* child : command.get_subcommands([](const CLI::App*) { return true; }))
        if (!child->get_name().starts_with("_")) names.push_back(child->get_name());
    return names;
}

// For a word typed where a command goes ("logg" in `tend logg dilate`, "ad" in
// `tend plan ad`): "unknown command 'logg' - did you mean 'log'?". False when no word stands in
// a command's place.
bool print_unknown_command(const CLI::App& app, int argc, char** argv) {
    const CLI::App* level = &app;
    std::string path;  // "" or "plan "
    for (int index = 1; index < argc; ++index) {
        const std::string word = argv[index];
        if (word == "--dir" || word == "--color") {
            ++index;
            continue;
        }
        if (word.starts_with("-")) continue;
        const auto names = command_names(*level);
        if (names.empty()) return false;
        if (std::find(names.begin(), names.end(), word) != names.end()) {
            level = level->get_subcommand(word);
            path += word + " ";
            continue;
        }
        const auto suggestion = tend::closest_match(tend::to_lower(word), names);
        print_error(fmt::format("unknown command '{}{}'", path, word),
                    suggestion ? fmt::format("did you mean '{}{}'?", path, *suggestion)
                               : fmt::format("see 'tend {}--help' for the commands", path));
        return true;
    }
    return false;
}

// The commands in the order `tend --help` lists them; each file registers its own.
struct CommandFactory {
    std::string_view name;
    tend::cli::Command (*add)(CLI::App&);
};
constexpr CommandFactory command_factories[] = {
    {"log", tend::cli::add_log_command},
    {"skip", tend::cli::add_skip_command},
    {"show", tend::cli::add_show_command},
    {"undo", tend::cli::add_undo_command},
    {"check", tend::cli::add_check_command},
    {"init", tend::cli::add_init_command},
    {"kinds", tend::cli::add_kinds_command},
    {"plan", tend::cli::add_plan_command},
    {"stats", tend::cli::add_stats_command},
    {"export", tend::cli::add_export_command},
    {"questions", tend::cli::add_questions_command},
    {"edit", tend::cli::add_edit_command},
    {"completions", tend::cli::add_completions_command},
    {"__complete", tend::cli::add_complete_command},
    {"remind", tend::cli::add_remind_command},
    {"import", tend::cli::add_import_command},
    {"sync", tend::cli::add_sync_command},
    {"git", tend::cli::add_git_command},
};

// Which commands a parse of this command line needs: the one it names ("log"), none ("" for
// `tend`, `tend --version`), or all of them (nullopt) for help, for completion, and for a word
// that names no command, whose message lists them. Setting up every command's options is most
// of what a short command costs (docs/performance.md, "Start-up").
std::optional<std::string_view> commands_needed(int argc, char** argv) {
    for (int index = 1; index < argc; ++index) {
        const std::string_view word = argv[index];
        if (word == "--dir" || word == "--color") {
            ++index;
            continue;
        }
        if (word == "--" || word == "-h" || word == "--help") return std::nullopt;
        if (word.starts_with("-")) continue;
        for (const CommandFactory& factory : command_factories)
            if (word == factory.name && word != "__complete") return factory.name;
        return std::nullopt;
    }
    return std::string_view();
}

struct Parser {
    std::unique_ptr<CLI::App> app;
    std::vector<tend::cli::Command> commands;
};

// The command line's parser with the global options bound to `global` and the commands `needed`
// (see commands_needed).
Parser make_parser(tend::cli::GlobalOptions& global, std::optional<std::string_view> needed) {
    Parser parser;
    parser.app = std::make_unique<CLI::App>(
        "tend: a private journal for symptoms and therapy sessions", "tend");
    CLI::App& app = *parser.app;
    app.footer(std::string(exit_codes_help));
    // Wide enough for "--weekly Excludes: --effect", so no option runs into its description;
    // subcommands share this formatter.
    app.get_formatter()->column_width(36);
    app.set_version_flag("--version", std::string("tend ") + TEND_VERSION);
    app.require_subcommand(0, 1);
    app.fallthrough();  // global options (--dir, --color) work after the subcommand too

    app.add_option("--dir", global.dir,
                   "Journal folder (default: $TEND_DIR, $XDG_DATA_HOME/tend, ~/.local/share/tend)")
        ->option_text("FOLDER");
    app.add_option("--color", global.color, "Colour output: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));

    for (const CommandFactory& factory : command_factories)
        if (!needed || factory.name == *needed) parser.commands.push_back(factory.add(app));
    return parser;
}

// Parses with every command registered; the exit code when the command line asked for help or
// the version, or was refused (with its one line said).
std::optional<int> parse_in_full(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::RequiredError& error) {
        print_missing_argument(app, error);
        return tend::exit_code::user_error;
    } catch (const CLI::ArgumentMismatch& error) {
        // CLI11's "-n: 1 required UINT:N missing": say it in words.
        const std::string text = error.what();
        const std::string option = text.substr(0, text.find(':'));
        std::string help = "--help";
        for (const CLI::App* level = &typed_command(app); level; level = level->get_parent())
            help = level->get_name() + " " + help;
        const bool given_twice = text.find(": At Most ") != std::string::npos &&
                                 text.find(" required but received ") != std::string::npos;
        if (option.starts_with("-") && text.find(" missing") != std::string::npos)
            print_error(fmt::format("{} needs a value", option), fmt::format("see '{}'", help));
        else if (given_twice)  // CLI11's "--on: At Most 1 required but received 2"
            print_error(fmt::format("{} takes one value; it was given more", option),
                        fmt::format("give it once; see '{}'", help));
        else
            print_error(lowercase_first(text), fmt::format("see '{}'", help));
        return tend::exit_code::user_error;
    } catch (const CLI::ExtrasError& error) {
        if (!print_unknown_command(app, argc, argv))
            print_error(lowercase_first(error.what()), "see 'tend --help'");
        return tend::exit_code::user_error;
    } catch (const CLI::ParseError& error) {
        print_error(lowercase_first(error.what()), "see 'tend --help'");
        return tend::exit_code::user_error;
    }
}

int run(int argc, char** argv) {
    tend::cli::GlobalOptions global;
    const auto needed = commands_needed(argc, argv);
    Parser parser = make_parser(global, needed);
    bool parsed = false;
    if (needed) {
        try {
            parser.app->parse(argc, argv);
            parsed = true;
        } catch (const CLI::CallForVersion& version) {
            return parser.app->exit(version);
        } catch (const CLI::ParseError&) {
            // Help and every refusal are said by the full parser, as if it had been used from
            // the start: help lists all commands, and a message may name or suggest any.
            global = {};
            parser = make_parser(global, std::nullopt);
        }
    }
    if (!parsed)
        if (const auto exit = parse_in_full(*parser.app, argc, argv)) return *exit;

    tend::cli::Context context(global);
    // The commands that file the phone's inbox do so themselves, once their input was accepted
    // (file_inbox in folder_notices.h), so a refused command or a dry run changes nothing.
    for (const auto& command : parser.commands) {
        if (!command.app->parsed()) continue;
        const int code = command.run(context);
        // `sync` commits by itself, and `git` leaves the repository to the person.
        if (command.app->get_name() != "sync" && command.app->get_name() != "git")
            tend::cli::commit_after_write(context);
        return code;
    }
    // No subcommand: what the plan asks of today.
    const int code = tend::cli::run_plan_today(context);
    tend::cli::commit_after_write(context);  // the inbox lines it filed
    return code;
}

// A closed standard stream (tend >&-) would let the next file tend opens take its number, and
// output meant for the terminal would land in a journal file. Each closed one gets a stand-in:
// /dev/null for input, /dev/full for output, so that writing to a closed stdout fails.
// Returns whether stdout was closed.
bool fill_closed_standard_streams() {
    bool stdout_closed = false;
    for (const int descriptor : {0, 1, 2}) {
        if (::fcntl(descriptor, F_GETFD) != -1 || errno != EBADF) continue;
        const int opened = ::open(descriptor == 0 ? "/dev/null" : "/dev/full",
                                  descriptor == 0 ? O_RDONLY : O_WRONLY);
        if (opened != descriptor) std::_Exit(tend::exit_code::system_error);
        if (descriptor == 1) stdout_closed = true;
    }
    return stdout_closed;
}

// The errno of a failed write to standard output that fmt reported by throwing.
int output_error = 0;

// Output errors are errors: a full disk under `> notes.md`, /dev/full or a closed stdout end
// with one line and exit code 3, checked after the last flush. A closed pipe (`| head`) stays
// quiet.
// When the journal was changed before the output failed, the line says so and the exit code is
// 4, not 3 ("nothing was changed"), so that a script does not log the entry twice.
int checked_output(int exit_code, bool stdout_closed) {
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0;
    if (flushed && !std::ferror(stdout)) return exit_code;
    const int error = flushed ? output_error : errno;
    if (error == EPIPE) return exit_code;
    const std::string reason = stdout_closed ? "standard output is closed"
                               : error != 0  ? std::strerror(error)
                                             : "writing to standard output failed";
    if (tend::store::disk().durable_writes == 0) {
        print_error(fmt::format("can't write the output: {}", reason));
        return tend::exit_code::system_error;
    }
    print_error(fmt::format("saved, but could not write the confirmation: {}", reason),
                "the change is in the journal, so don't run the command again");
    return tend::exit_code::saved_but_output_failed;
}

int run_guarded(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const tend::user_error& error) {
        print_error(error.what(), error.hint());
        return tend::exit_code::user_error;
    } catch (const std::system_error& error) {
        // fmt::print's own check of a large write to standard output ("cannot write to file"):
        // checked_output says it, once.
        if (error.code().value() == EPIPE) return tend::exit_code::system_error;
        if (std::ferror(stdout) && std::string_view(error.what()).starts_with("cannot write")) {
            output_error = error.code().value();
            return tend::exit_code::system_error;
        }
        print_error(error.what());
        return tend::exit_code::system_error;
    } catch (const std::bad_alloc&) {
        print_error("out of memory");
        return tend::exit_code::system_error;
    } catch (const std::exception& error) {
        print_error(fmt::format("internal error: {}", error.what()), "please report this");
        return tend::exit_code::system_error;
    }
}

}  // namespace

int main(int argc, char** argv) {
    const bool stdout_closed = fill_closed_standard_streams();
    // Past a file-size limit (ulimit -f), write() should fail with EFBIG and get a clear
    // message, instead of the process being killed half-way.
    std::signal(SIGXFSZ, SIG_IGN);
    return checked_output(run_guarded(argc, argv), stdout_closed);
}
