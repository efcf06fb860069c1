// `tend export`: the notes for a doctor visit, since the last visit by default, as Markdown,
// HTML, CSV or JSON, to standard output or to a private file.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "render/report_csv.h"
#include "render/report_document.h"
#include "render/report_html.h"
#include "render/report_json.h"
#include "render/report_markdown.h"
#include "store/file_io.h"
#include "tend/error.h"
#include "tend/visit_report.h"

namespace tend::cli {

namespace {

struct ExportOptions {
    std::string period;  // empty: since the last visit, or the last 30 days
    std::string format;  // empty: from the output's extension, else Markdown
    std::string output;  // empty or "-": standard output
    std::vector<std::string> kinds;
    bool no_notes = false;
};

// --format wins; then the output file's extension; then Markdown.
std::string format_of(const ExportOptions& options) {
    if (!options.format.empty()) return options.format;
    if (options.output.empty() || options.output == "-") return "md";
    const std::string extension = std::filesystem::path(options.output).extension().string();
    if (extension == ".md" || extension == ".markdown") return "md";
    if (extension == ".html" || extension == ".htm") return "html";
    if (extension == ".csv") return "csv";
    if (extension == ".json") return "json";
    throw user_error(fmt::format("can't tell the format of '{}' from its name", options.output),
                     "add --format md, html, csv or json");
}

std::string rendered(const std::string& format, const VisitReport& report,
                     const std::vector<std::string>& kinds, const Config& config) {
    if (format == "html") return render::report_html(render::visit_document(report, config));
    if (format == "csv") return render::entries_csv(report.entries, config, kinds);
    if (format == "json") return render::visit_report_json(report, config).dump() + "\n";
    return render::report_markdown(render::visit_document(report, config));
}

int run_export(const ExportOptions& options, Context& context) {
    const Config& config = context.journal().config();
    const Date today = context.time().today();
    if (!options.output.empty() && std::filesystem::is_directory(options.output))
        throw user_error(fmt::format("'{}' is a folder", options.output),
                         "name the file to write, e.g. -o visit.html");
    const std::string format = format_of(options);
    ExportRequest request;
    for (const auto& typed : options.kinds)
        request.kinds.push_back(resolve_kind(config.profile, typed).name);
    request.today = today;
    request.notes = !options.no_notes;
    // The default period is the time since the last visit (or the last 30 days).
    SliceRequest wanted;
    wanted.since_last_visit = options.period.empty();
    if (!options.period.empty())
        wanted.period = parse_period(options.period, today, config.settings.week_start);
    wanted.full_entries = true;
    const JournalSlice slice =
        context.journal().slice_for(wanted, context.plan(), today, context.time().offset_at_local);
    request.period = slice.period;
    request.from_visit = options.period.empty();
    const VisitReport report = compute_visit_report(request, slice, context.plan(), config);
    const std::string text = rendered(format, report, request.kinds, config);
    // An export only reads: it files no inbox lines, and says when some wait (docs/sync.md).
    if (options.output.empty() || options.output == "-") {
        fmt::print("{}", text);  // flushed and checked at exit (main.cpp)
        note_waiting_inbox(context);
        return exit_code::ok;
    }
    store::write_named_output(options.output, text, context.root());
    fmt::print("wrote the notes for {} to {}\n", render::period_words(request.period),
               options.output);
    note_waiting_inbox(context);
    return exit_code::ok;
}

}  // namespace

Command add_export_command(CLI::App& app) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* command = app.add_subcommand(
        "export",
        "Notes for a doctor visit (default: since the last visit) as md, html, csv, json");
    command
        ->add_option("period", options->period,
                     "PERIOD (default: since the last visit, or the last 30 days)")
        ->option_text("PERIOD");
    command->add_option("--format", options->format, "md (default), html, csv or json")
        ->check(CLI::IsMember({"md", "html", "csv", "json"}))
        ->option_text("FORMAT");
    command
        ->add_option("-o,--output", options->output,
                     "Write to FILE (private, 0600); the format follows its extension")
        ->check(file_name())
        ->option_text("FILE");
    command->add_option("--kind", options->kinds, "Only this kind (repeat for more)")
        ->option_text("KIND")
        ->allow_extra_args(false);
    command->add_flag("--no-notes", options->no_notes,
                      "Leave out every free-text note, tag and question");
    add_examples(*command,
                 "  tend export -o visit.html\n"
                 "  tend export 2026-10-07..2026-11-25 -o visit.md\n"
                 "  tend export last-90d --kind dilate --kind sex --no-notes -o share.html\n"
                 "  tend export --format csv > entries.csv");
    return {command, [options](Context& context) { return run_export(*options, context); }};
}

}  // namespace tend::cli
