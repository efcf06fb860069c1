// `tend import FILE...`: take in the entries of other files that the journal doesn't hold yet.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "store/file_io.h"
#include "store/import_file.h"
#include "store/journal.h"
#include "tend/entry.h"
#include "tend/error.h"

namespace tend::cli {

namespace {

struct ImportOptions {
    std::vector<std::string> files;
    bool dry_run = false;
};

int run_import(const ImportOptions& options, Context& context) {
    store::Journal& journal = context.journal();
    // Every file is read and checked before anything is written: one bad file, nothing added.
    std::vector<Entry> entries;
    store::MonthUnion joined;
    for (const auto& file : options.files) {
        const auto content = store::read_file_if_exists(file, file);
        if (!content)
            throw user_error(fmt::format("there is no file '{}', so nothing was imported", file),
                             "name files as you would for cat, relative to this folder");
        auto read = store::entries_to_import(*content, file, store::import_format_of(file),
                                             journal.config(), context.time());
        for (const auto& note : read.notes)
            fmt::print(stderr, "note: {}\n", note);
        // The files are joined as a month's files are: an entry counts as often as the one
        // file that holds it most, so two copies of one month file import it once.
        joined.start_file("the files to import");
        for (auto& entry : read.entries) {
            if (!joined.keep(identity_of(entry))) continue;
            entries.push_back(std::move(entry));
        }
    }
    // The inbox is filed once the files were read and accepted, and never on a dry run.
    if (!options.dry_run) file_inbox(context);
    const auto count =
        journal.import_entries(entries, context.time().offset_at_local, options.dry_run);
    fmt::print("{} new, {} already there{}\n", count.added, count.already_there,
               options.dry_run ? " (a dry run: nothing was written)" : "");
    return exit_code::ok;
}

}  // namespace

Command add_import_command(CLI::App& app) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* command = app.add_subcommand(
        "import",
        "Add the entries of other files that the journal doesn't hold yet: another device's "
        "month file, a sync tool's copy, a JSON or CSV export, an inbox file");
    command->add_option("files", options->files, "Files to import (.toml, .json, .csv, .txt)")
        ->required()
        ->option_text("FILE ...");
    command->add_flag("--dry-run,-n", options->dry_run,
                      "Say what would be added, and write nothing");
    add_examples(*command,
                 "  tend import '2026-11.sync-conflict-20261121-142233-ABCDEFG.toml'\n"
                 "  tend import --dry-run notes-export.json\n"
                 "  tend import old-phone.csv inbox-backup.txt");
    return {command, [options](Context& context) { return run_import(*options, context); }};
}

}  // namespace tend::cli
