// `tend completions bash|zsh|fish` prints a completion script; the scripts ask the hidden
// `tend __complete LINE` for candidates, so subcommands and options come from the one CLI11
// definition, and kinds, fields and choices from the user's own tend.toml at Tab time.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "cli/context.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

constexpr std::string_view bash_script = R"(# tend completion for bash: source it, or install it as
# /usr/share/bash-completion/completions/tend (cmake --install does).
_tend() {
    local line="${COMP_LINE:0:COMP_POINT}"
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local full="${line##*[[:space:]]}"
    # bash splits "pose=happy" at "=": offer only what follows the part bash already split off.
    local prefix="${full%"$cur"}"
    local IFS=$'\n'
    local candidates=($(tend __complete "$line" 2>/dev/null))
    COMPREPLY=()
    local candidate
    for candidate in "${candidates[@]}"; do
        COMPREPLY+=("${candidate#"$prefix"}")
    done
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
        compopt -o nospace 2>/dev/null
    fi
    if [[ ${#candidates[@]} -eq 0 ]]; then
        compopt -o default 2>/dev/null
    fi
}
complete -F _tend tend
)";

constexpr std::string_view zsh_script = R"(#compdef tend
# tend completion for zsh: install it as _tend in a folder of $fpath (cmake --install does).
_tend() {
    local -a candidates
    candidates=("${(@f)$(tend __complete "${BUFFER[1,CURSOR]}" 2>/dev/null)}")
    if (( ${#candidates} == 0 )) || [[ -z ${candidates[1]} ]]; then
        _files
        return
    fi
    compadd -Q -S '' -- "${candidates[@]}"
}
# Autoloaded from $fpath it completes right away; sourced, it registers itself.
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _tend "$@"
else
    compdef _tend tend
fi
)";

constexpr std::string_view fish_script = R"(# tend completion for fish: install it as tend.fish in
# a vendor_completions.d folder (cmake --install does).
complete -c tend -f -a '(tend __complete (commandline -cp))'
)";

constexpr std::string_view period_words[] = {"today",      "yesterday",  "this-week", "last-week",
                                             "this-month", "last-month", "last-7d",   "last-30d",
                                             "last-90d",   "all"};

std::vector<std::string> split_words(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream stream(line);
    for (std::string word; stream >> word;)
        words.push_back(word);
    // A line that ends in a space is starting a new word.
    if (line.empty() || std::isspace(static_cast<unsigned char>(line.back()))) words.emplace_back();
    return words;
}

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        for (const auto& name : option->get_lnames())
            names.push_back("--" + name);
        for (const auto& name : option->get_snames())
            names.push_back("-" + name);
    }
    return names;
}

// The option `word` names in `app` or its parents, if any.
const CLI::Option* find_option(const CLI::App* app, const std::string& word) {
    for (; app != nullptr; app = app->get_parent())
        for (const CLI::Option* option : app->get_options())
            if (option->check_name(word)) return option;
    return nullptr;
}

class Completer {
  public:
    Completer(const CLI::App& root, Context& context) : root_(root), context_(context) {}

    std::vector<std::string> candidates(const std::vector<std::string>& words) {
        const CLI::App* app = &root_;
        std::vector<std::string> positionals;
        const CLI::Option* awaiting = nullptr;   // an option whose value comes next
        const CLI::App* awaiting_app = nullptr;  // the command it was typed in
        for (std::size_t index = 1; index + 1 < words.size(); ++index) {
            const std::string& word = words[index];
            if (awaiting) {
                awaiting = nullptr;
                continue;
            }
            if (word.starts_with('-')) {
                const CLI::Option* option = find_option(app, word.substr(0, word.find('=')));
                if (option && option->get_type_size() != 0 && word.find('=') == std::string::npos) {
                    awaiting = option;
                    awaiting_app = app;
                }
                continue;
            }
            const auto subcommands = app->get_subcommands([](const CLI::App*) { return true; });
            const auto sub =
                std::find_if(subcommands.begin(), subcommands.end(), [&](const CLI::App* child) {
                    return child->check_name(word) && !child->get_group().empty();
                });
            if (positionals.empty() && sub != subcommands.end())
                app = *sub;
            else
                positionals.push_back(word);
        }
        const std::string& current = words.back();
        std::vector<std::string> all;
        if (awaiting)
            all = option_values(*awaiting_app, *awaiting);
        else if (current.starts_with('-'))
            all = option_names_up_from(*app);
        else
            all = positional_values(*app, positionals, current);
        std::vector<std::string> matching;
        for (auto& candidate : all)
            if (candidate.starts_with(current)) matching.push_back(std::move(candidate));
        return matching;
    }

  private:
    std::vector<std::string> option_names_up_from(const CLI::App& app) {
        std::vector<std::string> names;
        for (const CLI::App* level = &app; level != nullptr; level = level->get_parent()) {
            const auto more = option_names(*level);
            names.insert(names.end(), more.begin(), more.end());
        }
        return names;
    }

    std::vector<std::string> option_values(const CLI::App& app, const CLI::Option& option) {
        // check_name, not get_name: "--kind,-k" is one option with two names.
        const auto is = [&](const char* name) { return option.check_name(name); };
        if (is("--kind") || is("--effect")) return kind_names();
        if (is("--on") && app.get_name() == "stats") return outcome_names();
        if (is("--color")) return {"auto", "always", "never"};
        if (is("--format")) return {"md", "html", "csv", "json"};
        if (is("--at") || is("--from") || is("--until") || is("--on"))
            return {"today", "yesterday"};
        return {};  // files and folders: the shell's own completion
    }

    std::vector<std::string> positional_values(const CLI::App& app,
                                               const std::vector<std::string>& positionals,
                                               const std::string& current) {
        const std::string name = app.get_name();
        if (&app == &root_ || name == "plan" || name == "questions") {
            if (!positionals.empty()) return {};
            std::vector<std::string> names;
            for (const CLI::App* child : app.get_subcommands([](const CLI::App*) { return true; }))
                if (!child->get_group().empty()) names.push_back(child->get_name());
            return names;
        }
        if (name == "log") {
            if (positionals.empty()) return kind_names();
            return field_words(positionals.front(), current);
        }
        if (name == "add") {  // plan add KIND SCHEDULE [CONDITION ...]
            if (positionals.empty()) return kind_names();
            if (positionals.size() == 1)
                return {"daily",  "3/day",    "every",    "weekly",
                        "3/week", "weekdays", "weekends", "mon,wed,fri"};
            return {};
        }
        if ((name == "end" || name == "rm") && positionals.empty()) return plan_item_words();
        if (name == "skip") return plan_kinds(positionals);
        if (name == "show" || name == "stats" || name == "export" || name == "edit") {
            if (!positionals.empty()) return {};
            return {std::begin(period_words), std::end(period_words)};
        }
        if (name == "completions") return {"bash", "zsh", "fish"};
        return {};
    }

    // "size=", "minutes=" ... of the kind; after "field=", that field's choices.
    std::vector<std::string> field_words(const std::string& typed_kind,
                                         const std::string& current) {
        const Profile* profile = this->profile();
        if (!profile) return {};
        const KindSpec* kind = nullptr;
        try {
            kind = &resolve_kind(*profile, typed_kind);
        } catch (const user_error&) {
            return {};
        }
        const auto equals = current.find('=');
        std::vector<std::string> words;
        if (equals == std::string::npos) {
            for (const auto& field : kind->fields)
                words.push_back(field.name + "=");
            return words;
        }
        const std::string typed_field = current.substr(0, equals);
        for (const auto& field : kind->fields) {
            if (field.name != typed_field) continue;
            for (const auto& choice : field.choices)
                words.push_back(typed_field + "=" + choice);
            if (field.type == FieldType::boolean) {
                words.push_back(typed_field + "=yes");
                words.push_back(typed_field + "=no");
            }
        }
        return words;
    }

    // "sex.pain", "dilate.size", ...: the numeric fields --on compares.
    std::vector<std::string> outcome_names() {
        const Profile* profile = this->profile();
        std::vector<std::string> names;
        if (!profile) return names;
        for (const auto& kind : profile->kinds)
            for (const auto& field : kind.fields)
                if (field.is_numeric()) names.push_back(kind.name + "." + field.name);
        return names;
    }

    // Item numbers, then the kinds and one-word names of the plan's items.
    std::vector<std::string> plan_item_words() {
        std::vector<std::string> words;
        try {
            const Plan& plan = context_.plan();
            for (std::size_t index = 0; index < plan.items.size(); ++index)
                words.push_back(std::to_string(index + 1));
            for (const auto& item : plan.items)
                for (const std::string& word : {item.kind, item.name})
                    if (!word.empty() && word.find(' ') == std::string::npos &&
                        std::find(words.begin(), words.end(), word) == words.end())
                        words.push_back(word);
        } catch (const std::exception&) {
            // A broken plan.toml offers nothing, and says nothing.
        }
        return words;
    }

    // The kinds of the plan's items not yet typed, while only kinds were typed (`tend skip`).
    std::vector<std::string> plan_kinds(const std::vector<std::string>& typed) {
        std::vector<std::string> kinds;
        try {
            const Plan& plan = context_.plan();
            const auto planned = [&](const std::string& word) {
                return std::any_of(plan.items.begin(), plan.items.end(),
                                   [&](const PlanItem& item) { return item.kind == word; });
            };
            if (!std::all_of(typed.begin(), typed.end(), planned)) return {};
            for (const auto& item : plan.items)
                if (std::find(typed.begin(), typed.end(), item.kind) == typed.end() &&
                    std::find(kinds.begin(), kinds.end(), item.kind) == kinds.end())
                    kinds.push_back(item.kind);
        } catch (const std::exception&) {
            // A broken plan.toml offers nothing, and says nothing.
        }
        return kinds;
    }

    std::vector<std::string> kind_names() {
        const Profile* profile = this->profile();
        return profile ? profile->kind_names() : std::vector<std::string>{};
    }

    // The user's profile; none when tend.toml is broken (Tab then offers no kinds).
    const Profile* profile() {
        try {
            return &context_.journal().config().profile;
        } catch (const std::exception&) {
            return nullptr;
        }
    }

    const CLI::App& root_;
    Context& context_;
};

}  // namespace

Command add_completions_command(CLI::App& app) {
    auto shell = std::make_shared<std::string>();
    CLI::App* command =
        app.add_subcommand("completions", "Print a completion script for bash, zsh or fish");
    command->add_option("shell", *shell, "bash, zsh or fish")
        ->required()
        ->option_text("SHELL")
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    add_examples(
        *command,
        "  source <(tend completions bash)          # try it in this shell\n"
        "  mkdir -p ~/.zfunc && tend completions zsh > ~/.zfunc/_tend    # fpath+=(~/.zfunc)\n"
        "  mkdir -p ~/.config/fish/completions && tend completions fish > "
        "~/.config/fish/completions/tend.fish");
    return {command, [shell](Context&) {
                fmt::print("{}", *shell == "zsh"    ? zsh_script
                                 : *shell == "fish" ? fish_script
                                                    : bash_script);
                return exit_code::ok;
            }};
}

Command add_complete_command(CLI::App& app) {
    // What the scripts call at Tab time with the line up to the cursor; hidden from the help.
    CLI::App* command = app.add_subcommand("__complete", "Candidates for the word being typed");
    command->group("");
    auto line = std::make_shared<std::string>();
    command->add_option("line", *line, "The command line up to the cursor")->required();
    const CLI::App* root = &app;
    return {command, [line, root](Context& context) {
                const auto words = split_words(*line);
                for (const auto& candidate : Completer(*root, context).candidates(words))
                    fmt::print("{}\n", candidate);
                return exit_code::ok;
            }};
}

}  // namespace tend::cli
