// End-to-end tests of the streamed exports: `export --format json` and `--format csv` write the
// period's entries month by month, and say exactly what the whole report, held in memory, says.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "e2e/run_tend.h"
#include "render/report_csv.h"
#include "render/report_json.h"
#include "store/file_io.h"
#include "store/journal.h"
#include "store/plan_file.h"
#include "tend/visit_report.h"

using namespace tend;
using namespace tend::testing;
namespace fs = std::filesystem;

namespace {

const fs::path example = fs::path(TEND_SOURCE_DIR) / "examples/pelvic-floor";
const Date today = *parse_iso_date("2026-11-25");  // run_tend's TEND_NOW

// Berlin's offset at a local time of 2026 (the only year these files have times without one).
std::int32_t berlin(std::int64_t local_seconds) {
    const bool summer =
        local_seconds >= local_seconds_at(*parse_iso_date("2026-03-29"), 2 * 3600) &&
        local_seconds < local_seconds_at(*parse_iso_date("2026-10-25"), 3 * 3600);
    return summer ? 7200 : 3600;
}

// The example journal, with what people's folders hold besides: a second device's files of two
// months (some entries in both devices' files), entries logged in other time zones around the
// end of October (the November one comes first in time), a month edited by hand (CRLF, comments,
// entries out of order, a time without an offset) and a month with keys tend doesn't know.
void write_mixed_journal(const fs::path& root) {
    fs::copy(example, root, fs::copy_options::recursive);
    fs::remove_all(root / ".cache");  // when tests ran tend on the example itself
    const fs::path journal = root / "journal";
    // The phone's file starts with a copy of the laptop's first entry of October.
    const std::string october = read_text(journal / "2026-10.toml");
    const auto first = october.find("\n[[entry]]") + 1;
    const std::string copied =
        october.substr(first, october.find("\n[[entry]]", first) + 1 - first);
    write_text(journal / "2026-10.phone.toml", copied +
                                                   "[[entry]]\n"
                                                   "at = 2026-10-31T23:30:00-05:00\n"
                                                   "kind = \"relax\"\n"
                                                   "minutes = 10\n"
                                                   "note = \"Breathing, on the trip.\"\n"
                                                   "tags = [\"travel\"]\n");
    write_text(journal / "2026-11.phone.toml",
               "[[entry]]\n"
               "at = 2026-11-01T01:00:00+09:00\n"
               "kind = \"kegels\"\n"
               "sets = 3\n"
               "reps = 10\n"
               "hold = 5\n");
    std::string september = read_text(journal / "2026-09.toml");
    september +=
        "\n# added by hand after the trip\n"
        "[[entry]]\n"
        "at = 2026-09-29T08:00:00\n"
        "kind = \"pain\"\n"
        "level = 3\n"
        "location = \"left\"\n"
        "note = 'a \"sharp\" one, then dull'\n"
        "\n"
        "[[entry]]\n"
        "at = 2026-09-03T07:00:00+02:00   # out of order\n"
        "kind = \"stretch\"\n"
        "pose = \"child\"\n"
        "minutes = 2\n";
    std::string crlf;
    for (const char character : september) {
        if (character == '\n') crlf += '\r';
        crlf += character;
    }
    write_text(journal / "2026-09.toml", crlf);
    std::string june = read_text(journal / "2026-06.toml");
    june.insert(0, "version = 2\n");
    june +=
        "\n[[entry]]\n"
        "at = 2026-06-20T20:00:00+02:00\n"
        "kind = \"dilate\"\n"
        "size = 1\n"
        "minutes = 10\n"
        "mood = \"calm\"\n";
    write_text(journal / "2026-06.toml", june);
}

struct ExportArguments {
    std::string period;  // empty: since the last visit
    std::string format;
    std::vector<std::string> kinds;
    bool notes = true;
};

// What `tend export` printed before it streamed: the whole report, its entries held in memory.
std::string unstreamed_export(const fs::path& root, const ExportArguments& arguments) {
    const store::Journal journal(root);
    const Config& config = journal.config();
    const Plan plan = store::load_plan(root, config);
    ExportRequest request;
    request.kinds = arguments.kinds;
    request.today = today;
    request.notes = arguments.notes;
    SliceRequest wanted;
    wanted.since_last_visit = arguments.period.empty();
    if (!arguments.period.empty())
        wanted.period = parse_period(arguments.period, today, config.settings.week_start);
    wanted.full_entries = true;
    const JournalSlice slice = journal.slice_for(wanted, plan, today, berlin);
    request.period = slice.period;
    request.from_visit = arguments.period.empty();
    const VisitReport report = compute_visit_report(request, slice, plan, config);
    if (arguments.format == "csv")
        return render::entries_csv(report.entries, config, request.kinds);
    return render::visit_report_json(report, config).dump() + "\n";
}

RunResult streamed_export(const fs::path& root, const ExportArguments& arguments) {
    std::vector<std::string> words = {"--dir", root.string(), "export"};
    if (!arguments.period.empty()) words.push_back(arguments.period);
    words.insert(words.end(), {"--format", arguments.format});
    for (const auto& kind : arguments.kinds)
        words.insert(words.end(), {"--kind", kind});
    if (!arguments.notes) words.push_back("--no-notes");
    return run_tend(words);
}

const std::vector<ExportArguments> exports = {
    {"all", "json", {}, true},      {"all", "csv", {}, true},
    {"last-90d", "json", {}, true}, {"all", "csv", {"dilate"}, true},
    {"", "json", {}, true},         {"", "csv", {}, true},
    {"2026-10", "json", {}, false}, {"2026-09..2026-11-01", "json", {"relax", "kegels"}, true},
    {"2026-08", "json", {}, true},  {"2026-08", "csv", {}, true},  // nothing logged
};

}  // namespace

TEST_CASE("e2e export stream: JSON and CSV written month by month equal the whole report") {
    TempFolder folder;
    const fs::path root = folder / "journal-folder";
    write_mixed_journal(root);
    REQUIRE_FALSE(fs::exists(root / ".cache"));
    for (const std::string state : {"cold", "warm"}) {
        if (state == "cold") REQUIRE_FALSE(fs::exists(root / ".cache"));
        for (const auto& arguments : exports) {
            CAPTURE(state);
            CAPTURE(arguments.period);
            CAPTURE(arguments.format);
            const auto result = streamed_export(root, arguments);
            CHECK(result.exit_code == 0);
            CHECK(result.err.empty());
            CHECK(result.out == unstreamed_export(root, arguments));
            // Cold once: the first export made the cache the next ones read.
        }
    }
    // The entries the edge cases added are there, in time order across months and devices.
    const auto all = streamed_export(root, {"all", "csv", {}, true}).out;
    const auto tokyo = all.find("2026-11-01T01:00:00+09:00");
    const auto new_york = all.find("2026-10-31T23:30:00-05:00");
    REQUIRE(tokyo != std::string::npos);
    REQUIRE(new_york != std::string::npos);
    CHECK(tokyo < new_york);
    // The example's 204 entries and the 5 added: the entry both devices' files hold is there once.
    CHECK(count_of(all, "\r\n2026-") == 209);
    CHECK(count_of(all, "2026-09-29T08:00:00+02:00") == 1);
    CHECK(count_of(all, "a \"\"sharp\"\" one, then dull") == 1);
    CHECK(all.find("2026-09-03T07:00:00+02:00") < all.find("2026-09-29T08:00:00+02:00"));
}

TEST_CASE("e2e export stream: load month by month gives load's entries in load's order") {
    TempFolder folder;
    const fs::path root = folder / "journal-folder";
    write_mixed_journal(root);
    const store::Journal journal(root);
    const Period all{std::nullopt, today};
    const auto whole = journal.load(all, berlin);
    std::vector<Entry> pieces;
    int calls = 0;
    journal.load_month_by_month(all, berlin, [&](std::vector<Entry>& some) {
        ++calls;
        pieces.insert(pieces.end(), some.begin(), some.end());
    });
    CHECK(pieces == whole);
    CHECK(whole.size() == 209);
    CHECK(calls >= 4);  // June, September, October and November at least, not all at once
    // The kegels of 1 Nov in Tokyo (31 Oct, 16:00 UTC) come before the relax of 31 Oct in New
    // York (1 Nov, 04:30 UTC).
    const auto at = [&](const std::string& kind, Date day) {
        return std::find_if(whole.begin(), whole.end(), [&](const Entry& entry) {
            return entry.kind == kind && entry.at.local_date() == day;
        });
    };
    CHECK(at("kegels", *parse_iso_date("2026-11-01")) < at("relax", *parse_iso_date("2026-10-31")));
}

TEST_CASE("e2e export stream: compact entries month by month are load_compact's, a month each") {
    TempFolder folder;
    const fs::path root = folder / "journal-folder";
    write_mixed_journal(root);
    const store::Journal journal(root);
    const Period all{std::nullopt, today};
    const CompactEntries whole = journal.load_compact(all, berlin);
    // An entry by its time, offset and kind (reports record no identities).
    const auto key_of = [](const CompactEntry& entry) {
        return std::to_string(entry.at.utc_seconds) + " " +
               std::to_string(entry.at.offset_seconds) + " " + std::string(entry.kind);
    };
    std::vector<std::string> pieces;
    std::vector<std::string> months;
    journal.load_compact_month_by_month(all, berlin, [&](const CompactEntries& month) {
        for (const auto& entry : month.entries())
            pieces.push_back(key_of(entry));
        months.push_back(month_key(month.entries().front().at.local_date()));
    });
    CHECK(months == std::vector<std::string>{"2026-06", "2026-09", "2026-10", "2026-11"});
    std::vector<std::string> expected;
    for (const auto& entry : whole.entries())
        expected.push_back(key_of(entry));
    CHECK(whole.size() == 209);
    // The same entries; the kegels logged in Tokyo on 1 Nov (31 Oct, 16:00 UTC) come with
    // November, after the relax of 31 Oct in New York (1 Nov, 04:30 UTC), where one sort of
    // every entry has it before.
    CHECK(std::is_permutation(pieces.begin(), pieces.end(), expected.begin(), expected.end()));
    const auto key_of_first = [&](std::string_view kind, std::int32_t offset_hours) {
        for (const auto& entry : whole.entries())
            if (entry.kind == kind && entry.at.offset_seconds == offset_hours * 3600)
                return key_of(entry);
        return std::string();
    };
    const auto position = [](const std::vector<std::string>& order, const std::string& key) {
        return std::find(order.begin(), order.end(), key) - order.begin();
    };
    const auto tokyo = key_of_first("kegels", 9);
    const auto new_york = key_of_first("relax", -5);
    REQUIRE_FALSE(tokyo.empty());
    REQUIRE_FALSE(new_york.empty());
    CHECK(position(expected, tokyo) < position(expected, new_york));
    CHECK(position(pieces, tokyo) > position(pieces, new_york));
}

TEST_CASE("e2e export stream: a month that doesn't parse stops the export before it writes") {
    TempFolder folder;
    const fs::path root = folder / "journal-folder";
    write_mixed_journal(root);
    REQUIRE(streamed_export(root, {"all", "json", {}, true}).exit_code == 0);  // cached
    const fs::path broken = root / "journal" / "2026-10.toml";
    std::string content = read_text(broken);
    content.insert(content.size() / 2, "\n[[entry\n");
    write_text(broken, content);
    const fs::path output = folder / "visit.json";
    for (const std::string format : {"json", "csv"}) {
        CAPTURE(format);
        for (const bool earlier_file : {false, true}) {
            if (earlier_file) write_text(output, "last week's notes");
            const auto result =
                run_tend_in(folder.path(), {"export", "all", "--dir", "journal-folder", "-o",
                                            "visit.json", "--format", format});
            CHECK(result.exit_code != 0);
            CHECK(result.out.empty());
            CHECK(count_of(result.err, "\n") == 1);
            CHECK(result.err.starts_with("tend: journal/2026-10.toml:"));
            if (earlier_file)
                CHECK(read_text(output) == "last week's notes");
            else
                CHECK_FALSE(fs::exists(output));
            // No temporary file is left beside it.
            std::set<std::string> names;
            for (const auto& file : fs::directory_iterator(folder.path()))
                names.insert(file.path().filename().string());
            if (earlier_file)
                CHECK(names == std::set<std::string>{"journal-folder", "visit.json"});
            else
                CHECK(names == std::set<std::string>{"journal-folder"});
            fs::remove(output);
        }
        // To standard output: nothing at all, not half a file.
        const auto printed =
            run_tend({"--dir", root.string(), "export", "all", "--format", format});
        CHECK(printed.exit_code != 0);
        CHECK(printed.out.empty());
    }
}

TEST_CASE("e2e export stream: an export that fails while it writes leaves the file it replaces") {
    TempFolder folder;
    const fs::path output = folder / "visit.json";
    write_text(output, "last week's notes");
    const auto failing = [](const std::function<void(std::string_view)>& put) {
        put("{\n  \"period\": ");
        throw std::runtime_error("a month changed while it was read");
    };
    CHECK_THROWS_AS(store::write_named_output(output, failing, folder / "journal"),
                    std::runtime_error);
    CHECK(read_text(output) == "last week's notes");
    const fs::path fresh = folder / "new.json";
    CHECK_THROWS_AS(store::write_named_output(fresh, failing, folder / "journal"),
                    std::runtime_error);
    CHECK_FALSE(fs::exists(fresh));
    std::set<std::string> names;
    for (const auto& file : fs::directory_iterator(folder.path()))
        names.insert(file.path().filename().string());
    CHECK(names == std::set<std::string>{"visit.json"});
}
