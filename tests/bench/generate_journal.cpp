// Writes a synthetic journal for benchmarks: YEARS of ENTRIES a day of a pelvic-floor programme
// (kegels, dilating, stretches, cardio, massage, pain, sex, notes), one month file per month, a
// tend.toml and a plan.toml. Deterministic: the same arguments give the same files.
//
//   tend_bench_generate FOLDER [--years 10] [--per-day 12] [--end 2026-11-25]
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <array>
#include <map>
#include <random>

#include "store/config_file.h"
#include "store/file_io.h"
#include "store/toml_writer.h"
#include "tend/civil_time.h"
#include "tend/entry.h"
#include "tend/profile.h"

namespace {

using namespace tend;
using std::chrono::days;

struct Options {
    std::string folder;
    int years = 10;
    int per_day = 12;
    std::string end = "2026-11-25";
};

// Summer time from April to October, roughly as in Europe: the offset of each entry varies.
std::int32_t offset_on(Date date) {
    const int month = month_of(date);
    return month >= 4 && month <= 10 ? 7200 : 3600;
}

class DayWriter {
  public:
    explicit DayWriter(std::uint32_t seed) : random_(seed) {}

    // The entries of one day: a fixed routine, then notes and pain until `per_day`.
    std::vector<Entry> day(Date date, int per_day, int day_number) {
        std::vector<Entry> entries;
        const auto at = [&](int minute_of_day) {
            const std::int64_t local =
                std::int64_t{date.time_since_epoch().count()} * 86400 + minute_of_day * 60;
            return Instant{local - offset_on(date), offset_on(date)};
        };
        const std::array<int, 12> minutes = {450,  480,  600,  720,  780,  900,
                                             1020, 1080, 1140, 1230, 1290, 1350};
        for (int slot = 0; slot < per_day; ++slot) {
            Entry entry;
            entry.at = at(minutes[static_cast<std::size_t>(slot) % minutes.size()] + slot / 12);
            fill(entry, slot, day_number);
            entries.push_back(std::move(entry));
        }
        return entries;
    }

  private:
    int between(int low, int high) { return std::uniform_int_distribution<>(low, high)(random_); }

    void fill(Entry& entry, int slot, int day_number) {
        const std::int64_t size = std::min<std::int64_t>(6, 1 + day_number / 120);
        switch (slot % 12) {
            case 0:
            case 4:
            case 8:
                entry.kind = "kegels";
                entry.fields = {{"sets", std::int64_t{3}},
                                {"reps", std::int64_t{between(8, 15)}},
                                {"hold", std::int64_t{between(3, 6)}}};
                break;
            case 1:
                entry.kind = "stretch";
                entry.fields = {{"pose", std::string("happy-baby")},
                                {"minutes", std::int64_t{between(2, 5)}}};
                break;
            case 2:
            case 9:
                entry.kind = "dilate";
                entry.fields = {
                    {"size", std::max<std::int64_t>(1, size - (between(0, 20) == 0 ? 1 : 0))},
                    {"minutes", std::int64_t{between(10, 25)}},
                    {"pain", std::int64_t{between(0, 6)}},
                    {"anxiety", std::int64_t{between(0, 5)}}};
                if (between(0, 9) == 0) entry.note = "Went slowly, breathing helped.";
                break;
            case 3:
                entry.kind = "relax";
                entry.fields = {{"minutes", std::int64_t{between(5, 15)}}};
                break;
            case 5:
                entry.kind = day_number % 2 == 0 ? "massage" : "cardio";
                entry.fields = {{"minutes", std::int64_t{between(10, 40)}}};
                if (entry.kind == "massage")
                    entry.fields.emplace_back("pain", std::int64_t{between(0, 5)});
                else
                    entry.fields.emplace_back("activity", std::string("walk"));
                break;
            case 6:
                entry.kind = "pain";
                entry.fields = {{"level", std::int64_t{between(0, 7)}},
                                {"location", std::string("entrance")}};
                break;
            case 7:
                entry.kind = "note";
                entry.note = "A calm day; tired in the evening but the routine went fine.";
                entry.tags = {"work"};
                break;
            case 10:
                entry.kind = "sex";
                entry.fields = {{"pain", std::int64_t{between(0, 8)}},
                                {"anxiety", std::int64_t{between(0, 6)}},
                                {"penetration", between(0, 1) == 1},
                                {"comfort", std::int64_t{between(2, 9)}}};
                entry.tags = {"partner"};
                break;
            default:
                entry.kind = "kegels";
                entry.fields = {{"sets", std::int64_t{2}}, {"reps", std::int64_t{10}}};
                break;
        }
    }

    std::mt19937 random_;
};

std::string plan_text(Date start) {
    const std::string from = format_date(start);
    return fmt::format(
        "# A synthetic home programme for benchmarks.\n\n"
        "[[item]]\nkind = \"kegels\"\nschedule = \"3/day\"\nstart = {0}\n\n"
        "[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\nconditions = [\"minutes>=10\"]\n"
        "start = {0}\nname = \"Dilator\"\n\n"
        "[[item]]\nkind = \"stretch\"\nschedule = \"daily\"\nstart = {0}\n\n"
        "[[item]]\nkind = \"cardio\"\nschedule = \"3/week\"\nstart = {0}\n\n"
        "[[item]]\nkind = \"massage\"\nschedule = \"every 2d\"\nstart = {0}\n",
        from);
}

int generate(const Options& options) {
    const auto end = parse_iso_date(options.end);
    if (!end) throw std::runtime_error("--end must be a date such as 2026-11-25");
    const std::filesystem::path root = options.folder;
    const Date start = *end - days{365 * options.years + options.years / 4 - 1};
    store::ensure_private_directory(root / "journal", "journal");
    Settings settings;
    settings.name = "Bench";
    store::write_file_atomically(root / "tend.toml",
                                 store::config_template(pelvic_floor_profile(settings), settings),
                                 "tend.toml");
    store::write_file_atomically(root / "plan.toml", plan_text(start), "plan.toml");

    DayWriter writer(20261125);
    std::map<std::string, std::string> months;
    std::size_t count = 0;
    int day_number = 0;
    for (Date date = start; date <= *end; date += days{1}, ++day_number)
        for (const auto& entry : writer.day(date, options.per_day, day_number)) {
            std::string& text = months[month_key(date)];
            if (!text.empty()) text += "\n";
            text += store::entry_block(entry);
            ++count;
        }
    for (const auto& [month, text] : months)
        store::write_file_atomically(root / "journal" / (month + ".toml"), text, month);
    fmt::print("{} entries in {} month files, {} - {}\n", count, months.size(), format_date(start),
               format_date(*end));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app("Writes a synthetic tend journal for benchmarks");
    app.add_option("folder", options.folder, "The journal folder to create")->required();
    app.add_option("--years", options.years, "Years of entries")->check(CLI::Range(1, 50));
    app.add_option("--per-day", options.per_day, "Entries a day")->check(CLI::Range(1, 100));
    app.add_option("--end", options.end, "The last day (YYYY-MM-DD)");
    CLI11_PARSE(app, argc, argv);
    try {
        return generate(options);
    } catch (const std::exception& error) {
        fmt::print(stderr, "tend_bench_generate: {}\n", error.what());
        return 1;
    }
}
