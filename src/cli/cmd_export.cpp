// `tend export`: the notes for a doctor visit, since the last visit by default, as Markdown,
// HTML, CSV or JSON, to standard output or to a private file.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/folder_notices.h"
#include "core/text.h"
#include "render/entry_text.h"
#include "render/json.h"
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
    std::string period;         // none: since the last visit, or the last 30 days
    bool period_given = false;  // typed, even as '' (which is no period)
    std::string format;         // empty: from the output's extension, else Markdown
    std::string output;         // empty or "-": standard output
    std::vector<std::string> kinds;
    bool no_notes = false;
};

// --format wins; then the output file's extension; then Markdown.
std::string format_of(const ExportOptions& options) {
    if (!options.format.empty()) return options.format;
    if (options.output.empty() || options.output == "-") return "md";
    // VISIT.HTML as visit.html: names from other systems keep their case.
    const std::string extension =
        to_lower(std::filesystem::path(options.output).extension().string());
    if (extension == ".md" || extension == ".markdown") return "md";
    if (extension == ".html" || extension == ".htm") return "html";
    if (extension == ".csv") return "csv";
    if (extension == ".json") return "json";
    throw user_error(fmt::format("can't tell the format of '{}' from its name", options.output),
                     "add --format md, html, csv or json");
}

// JSON and CSV list every entry of the period: they are written month by month as they are
// read, so that ten years take the memory of a month (docs/performance.md).
bool is_streamed(const std::string& format) {
    return format == "json" || format == "csv";
}

std::string rendered(const std::string& format, const VisitReport& report, const Config& config) {
    if (format == "html") return render::report_html(render::visit_document(report, config));
    return render::report_markdown(render::visit_document(report, config));
}

// Writes the JSON or CSV of `report` with the period's entries read again month by month; the
// report (computed first, from compact entries) has read every month of the period already, so
// a month that doesn't parse stops the export before anything is written.
void write_streamed(const std::string& format, const VisitReport& report, Context& context,
                    const std::function<void(std::string_view)>& put) {
    const Config& config = context.journal().config();
    std::string pending;
    const auto put_when_full = [&](std::string_view text) {
        pending += text;
        if (pending.size() < std::size_t{64} * 1024) return;
        put(pending);
        pending.clear();
    };
    const auto each_month = [&](const auto& write_entry) {
        context.journal().load_month_by_month(
            report.period, context.time().offset_at_local, [&](std::vector<Entry>& entries) {
                for (auto& entry : entries)
                    if (auto reported = reported_entry(report, std::move(entry)))
                        write_entry(*reported);
            });
    };
    if (format == "csv") {
        const render::EntriesCsv csv(config, report.kinds);
        put_when_full(csv.heading());
        each_month([&](const Entry& entry) { put_when_full(csv.row(entry)); });
    } else {
        const render::Json head =
            render::visit_report_json(report, config);  // its "entries" are []
        render::StreamedJson json(head, "entries", put_when_full);
        each_month([&](const Entry& entry) { json.add(render::entry_json(entry)); });
        json.finish();
        put_when_full("\n");
    }
    if (!pending.empty()) put(pending);
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
    wanted.since_last_visit = !options.period_given;
    if (options.period_given)
        wanted.period = parse_period(options.period, today, config.settings.week_start);
    wanted.full_entries = true;
    wanted.notes_only_in_full = is_streamed(format);
    request.list_entries = !is_streamed(format);
    // The report, then (for JSON and CSV) the entries again: both from the same files, or
    // a line that says one changed in between (docs/export.md).
    context.journal().read_as_one_snapshot();
    const JournalSlice slice =
        context.journal().slice_for(wanted, context.plan(), today, context.time().offset_at_local);
    request.period = slice.period;
    request.from_visit = !options.period_given;
    const VisitReport report = compute_visit_report(request, slice, context.plan(), config);
    const store::ContentProducer produce = [&](const auto& put) {
        if (is_streamed(format))
            write_streamed(format, report, context, put);
        else
            put(rendered(format, report, config));
    };
    // An export only reads: it files no inbox lines, and says when some wait (docs/sync.md).
    if (options.output.empty() || options.output == "-") {
        // Flushed and checked at exit (main.cpp).
        produce([](std::string_view text) { fmt::print("{}", text); });
        note_waiting_inbox(context);
        return exit_code::ok;
    }
    store::write_named_output(options.output, produce, context.root());
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
    CLI::Option* period =
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
    return {command, [options, period](Context& context) {
                options->period_given = period->count() > 0;
                return run_export(*options, context);
            }};
}

}  // namespace tend::cli
