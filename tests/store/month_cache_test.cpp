// Tests for src/store/month_cache.cpp: the parsed-month cache is used, and never serves a month
// that changed since.
#include "store/month_cache.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <thread>

#include "e2e/run_tend.h"
#include "fixtures.h"
#include "store/journal.h"
#include "store/month_file.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

namespace {

const Period november{day(2026, 11, 1), day(2026, 11, 30)};

std::string dilate_block(int day_of_month, int size) {
    return fmt::format(
        "[[entry]]\nat = 2026-11-{:02}T21:00:00+01:00\nkind = \"dilate\"\nsize = {}\n",
        day_of_month, size);
}

std::vector<std::int64_t> sizes(const std::vector<Entry>& entries) {
    std::vector<std::int64_t> values;
    for (const auto& entry : entries)
        values.push_back(std::get<std::int64_t>(*entry.field("size")));
    return values;
}

// A journal with one month file, and the clock of a minute later (the file has settled).
struct OneMonth {
    TempFolder root;
    std::filesystem::path month;
    Config config;
    std::function<std::int64_t()> later = [] { return real_time_ns() + 60'000'000'000; };

    explicit OneMonth(const std::string& text) : month(root / "journal" / "2026-11.toml") {
        std::filesystem::create_directories(root / "journal");
        write_text(month, text);
        config.profile = pelvic_floor_profile(config.settings);
    }
    std::vector<Entry> parsed() const {
        return parse_month_file(read_text(month), "journal/2026-11.toml", config, berlin_winter,
                                std::string("2026-11"))
            .entries;
    }
    void cache_it() const {
        MonthCache cache(root.path(), cache_context(config), later);
        cache.remember("2026-11", *stamp_of(month), parsed());
        cache.save();
    }
    std::optional<std::vector<Entry>> cached() const {
        MonthCache cache(root.path(), cache_context(config), later);
        return cache.find("2026-11", *stamp_of(month));
    }
};

}  // namespace

TEST_CASE("month cache: a month read back from the cache is the month that was parsed") {
    const OneMonth journal(dilate_block(3, 2) + "\n" + dilate_block(4, 3));
    journal.cache_it();
    CHECK(permissions_of(journal.root / ".cache" / "months.bin") == 0600);
    CHECK(permissions_of(journal.root / ".cache") == 0700);
    const auto cached = journal.cached();
    REQUIRE(cached.has_value());
    const auto parsed = journal.parsed();
    REQUIRE(cached->size() == 2);
    CHECK(sizes(*cached) == std::vector<std::int64_t>{2, 3});
    for (std::size_t index = 0; index < parsed.size(); ++index) {
        CHECK((*cached)[index].at == parsed[index].at);
        CHECK((*cached)[index].kind == parsed[index].kind);
        CHECK((*cached)[index].fields == parsed[index].fields);
        CHECK((*cached)[index].line == parsed[index].line);
    }
    CHECK((*cached)[1].line == 6);
}

TEST_CASE("month cache: the compact read of a month is the compact form of the parsed month") {
    const OneMonth journal(dilate_block(3, 2) + "note = \"after the long walk\"\n\n" +
                           dilate_block(4, 3) + "tags = [\"evening\"]\n\n" + dilate_block(9, 4));
    journal.cache_it();
    MonthCache cache(journal.root.path(), cache_context(journal.config), journal.later);
    CompactEntries read(journal.config.profile);
    REQUIRE(cache.find_compact("2026-11", *stamp_of(journal.month),
                               Period{day(2026, 11, 4), day(2026, 11, 30)}, read,
                               Identities::skip));
    const auto parsed = journal.parsed();
    REQUIRE(read.size() == 2);
    for (std::size_t index = 0; index < read.size(); ++index) {
        const CompactEntry& entry = read.entries()[index];
        const Entry& expected = parsed[index + 1];
        CHECK(entry.at == expected.at);
        CHECK(entry.kind == expected.kind);
        REQUIRE(entry.fields.size() == expected.fields.size());
        for (std::size_t field = 0; field < entry.fields.size(); ++field) {
            CHECK(entry.fields[field].name == expected.fields[field].first);
            CHECK(entry.fields[field].value == compact_value(expected.fields[field].second));
        }
    }
    // Another stamp, or a damaged cache: nothing is added.
    FileStamp other = *stamp_of(journal.month);
    other.size += 1;
    CHECK_FALSE(cache.find_compact("2026-11", other, november, read, Identities::skip));
    CHECK(read.size() == 2);
    // A blob that claims five entries but holds three: the three read are taken back.
    const auto file = journal.root / ".cache" / "blobs.bin";
    std::string damaged_bytes = read_text(file);
    const std::size_t blob_start = 8 + 8;  // after blobs.bin's magic and generation
    REQUIRE(damaged_bytes[blob_start] == 3);
    damaged_bytes[blob_start] = 5;
    write_text(file, damaged_bytes);
    MonthCache damaged(journal.root.path(), cache_context(journal.config), journal.later);
    CHECK_FALSE(damaged.find_compact("2026-11", *stamp_of(journal.month), november, read,
                                     Identities::skip));
    CHECK(read.size() == 2);
}

TEST_CASE("month cache: load and load_compact give the same entries, cached or not") {
    TempFolder root;
    std::filesystem::create_directories(root / "journal");
    write_text(root / "journal" / "2026-10.toml",
               "[[entry]]\nat = 2026-10-03T21:00:00+02:00\nkind = \"dilate\"\nsize = 1\n");
    write_text(root / "journal" / "2026-11.toml",
               dilate_block(9, 4) + "note = \"tired\"\n\n" + dilate_block(3, 2));
    const auto same = [](const std::vector<Entry>& full, const CompactEntries& compacted) {
        REQUIRE(full.size() == compacted.size());
        for (std::size_t index = 0; index < full.size(); ++index) {
            CHECK(compacted.entries()[index].at == full[index].at);
            CHECK(compacted.entries()[index].kind == full[index].kind);
            CHECK(*compacted.entries()[index].field("size") ==
                  compact_value(*full[index].field("size")));
        }
    };
    const Period all{};
    {
        const Journal fresh(root.path());  // files too new for the cache: parsed
        same(fresh.load(all, berlin_winter), fresh.load_compact(all, berlin_winter));
        CHECK(sizes(fresh.load(all, berlin_winter)) == std::vector<std::int64_t>{1, 2, 4});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const Journal journal(root.path());
    journal.load(all, berlin_winter);  // fills the cache
    REQUIRE(MonthCache(root.path(), cache_context(journal.config()))
                .find("2026-11", *stamp_of(root / "journal" / "2026-11.toml"))
                .has_value());
    same(journal.load(all, berlin_winter), journal.load_compact(all, berlin_winter));
    same(journal.load(november, berlin_winter), journal.load_compact(november, berlin_winter));
    CHECK(journal.load_compact(november, berlin_winter).size() == 2);
}

TEST_CASE("month cache: an edit of the same size with the old modification time is still seen") {
    const OneMonth journal(dilate_block(3, 2));
    journal.cache_it();
    const auto old_time = std::filesystem::last_write_time(journal.month);
    write_text(journal.month, dilate_block(3, 5));
    std::filesystem::last_write_time(journal.month, old_time);
    // The change time moved, so the stamp differs: the cache has nothing for this file.
    CHECK_FALSE(journal.cached().has_value());
}

TEST_CASE("month cache: a file written just now is not cached until it settles") {
    const OneMonth journal(dilate_block(3, 2));
    MonthCache cache(journal.root.path(), cache_context(journal.config));  // the real clock
    cache.remember("2026-11", *stamp_of(journal.month), journal.parsed());
    CHECK_FALSE(cache.find("2026-11", *stamp_of(journal.month)).has_value());
}

TEST_CASE("month cache: a damaged or foreign cache is empty, never an error") {
    const OneMonth journal(dilate_block(3, 2));
    journal.cache_it();
    const auto file = journal.root / ".cache" / "months.bin";
    const std::string good = read_text(file);
    write_text(file, good.substr(0, good.size() - 3));
    CHECK_FALSE(journal.cached().has_value());
    write_text(file, "tendcac1" + std::string(64, '\xff'));
    CHECK_FALSE(journal.cached().has_value());
    // A cache of the format before rest days (3) is not read, though it is otherwise whole.
    write_text(file, "tendcac3" + good.substr(8));
    CHECK_FALSE(journal.cached().has_value());
    write_text(file, good);
    REQUIRE(journal.cached().has_value());
    // Another profile (a field less) is another context.
    Config other = journal.config;
    other.profile.kinds[0].fields.pop_back();
    CHECK(cache_context(other) != cache_context(journal.config));
    MonthCache foreign(journal.root.path(), cache_context(other), journal.later);
    CHECK_FALSE(foreign.find("2026-11", *stamp_of(journal.month)).has_value());
}

TEST_CASE("month cache: the journal uses it, sees every edit, and works without it") {
    TempFolder root;
    std::filesystem::create_directories(root / "journal");
    const auto month = root / "journal" / "2026-11.toml";
    write_text(month, dilate_block(3, 2));
    // Wait for the file to settle, as a real journal's older months have.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const Journal journal(root.path());
    CHECK(sizes(journal.load(november, berlin_winter)) == std::vector<std::int64_t>{2});
    MonthCache cache(root.path(), cache_context(journal.config()));
    REQUIRE(cache.find("2026-11", *stamp_of(month)).has_value());
    // A hand edit right away is seen, and that month is not cached while it is fresh.
    write_text(month, dilate_block(3, 4));
    CHECK(sizes(journal.load(november, berlin_winter)) == std::vector<std::int64_t>{4});
    MonthCache after(root.path(), cache_context(journal.config()));
    CHECK_FALSE(after.find("2026-11", *stamp_of(month)).has_value());
    // A folder the cache cannot be written to: the journal still loads.
    std::filesystem::remove_all(root / ".cache");
    std::filesystem::permissions(
        root.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    CHECK(sizes(journal.load(november, berlin_winter)) == std::vector<std::int64_t>{4});
    std::filesystem::permissions(root.path(), std::filesystem::perms::owner_all);
}

TEST_CASE("month cache: a month with local times (no offset) is never cached") {
    TempFolder root;
    std::filesystem::create_directories(root / "journal");
    const auto month = root / "journal" / "2026-11.toml";
    write_text(month, "[[entry]]\nat = 2026-11-03T21:00:00\nkind = \"dilate\"\nsize = 2\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const Journal journal(root.path());
    CHECK(sizes(journal.load(november, berlin_winter)) == std::vector<std::int64_t>{2});
    MonthCache cache(root.path(), cache_context(journal.config()));
    CHECK_FALSE(cache.find("2026-11", *stamp_of(month)).has_value());
}

TEST_CASE("month cache: a cache replaced by another tend mid-command is still read consistently") {
    const OneMonth journal(dilate_block(2, 2) + "\n" + dilate_block(3, 3));
    journal.cache_it();
    MonthCache reading(journal.root.path(), cache_context(journal.config), journal.later);
    // Another command replaces the cache file with a different layout: an extra month in front.
    {
        MonthCache writer(journal.root.path(), cache_context(journal.config), journal.later);
        Entry early = journal.parsed().front();
        early.at = instant_at(2026, 10, 5, 9, 0);
        const auto stamp = *stamp_of(journal.month);
        FileStamp other = stamp;
        other.inode += 1;
        writer.remember("2026-10", other, {early, early, early});
        writer.save();
    }
    // The first reader still sees the file it opened, not offsets into the new one.
    const auto found = reading.find("2026-11", *stamp_of(journal.month));
    REQUIRE(found.has_value());
    CHECK(sizes(*found) == std::vector<std::int64_t>{2, 3});
}

TEST_CASE("month cache: histories are kept per month and plan, and every edit is seen") {
    TempFolder root;
    std::filesystem::create_directories(root / "journal");
    const auto october = root / "journal" / "2026-10.toml";
    write_text(october,
               "[[entry]]\nat = 2026-10-03T21:00:00+02:00\nkind = \"dilate\"\nsize = 5\n\n"
               "[[entry]]\nat = 2026-10-04T21:00:00+02:00\nkind = \"dilate\"\nsize = 3\n\n"
               "[[entry]]\nat = 2026-10-30T12:00:00+01:00\nkind = \"skip\"\ndays = 4\n"
               "note = \"period\"\n");
    write_text(root / "journal" / "2026-11.toml", dilate_block(3, 4) + "minutes = 12\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    Plan plan;
    plan.items = {plan_item("dilate", {"daily"}, day(2026, 10, 1))};
    const Journal journal(root.path());
    // A today before the months end: nothing is settled, the histories are joined whole.
    const Date early = day(2026, 10, 15);
    const History before_november = journal.history_before("2026-11", plan, berlin_winter, early);
    REQUIRE(before_november.progression_of("dilate") != nullptr);
    CHECK(before_november.progression_of("dilate")->highest == 5);
    CHECK(before_november.progression_of("dilate")->last == 3);
    CHECK(before_november.first_day == std::optional<Date>(day(2026, 10, 3)));
    // October's rest runs into November: its rest days are all in October's history.
    CHECK(before_november.rested ==
          std::vector<std::vector<Date>>{
              {day(2026, 10, 30), day(2026, 10, 31), day(2026, 11, 1), day(2026, 11, 2)}});
    // Joined over both months, as history_of over every entry.
    const auto all = journal.load(Period{}, berlin_winter);
    CHECK(journal.history_before("2026-12", plan, berlin_winter, early) ==
          history_of(all, plan, journal.config().profile));
    // Each month's history is in the cache now, for this plan only.
    MonthCache cache(root.path(), cache_context(journal.config()));
    const auto stamp = *stamp_of(october);
    REQUIRE(cache.find_history("2026-10", stamp, plan_key(plan)).has_value());
    CHECK(*cache.find_history("2026-10", stamp, plan_key(plan)) == before_november);
    Plan other = plan;
    other.items[0] = plan_item("dilate", {"daily", "minutes>=10"}, day(2026, 10, 1));
    CHECK(plan_key(other) != plan_key(plan));
    CHECK_FALSE(cache.find_history("2026-10", stamp, plan_key(other)).has_value());
    // Another plan counts again: without minutes, October's sessions don't count.
    const History for_other = journal.history_before("2026-12", other, berlin_winter, early);
    REQUIRE(for_other.counted.size() == 1);
    CHECK(for_other.counted[0] == std::vector<std::pair<Date, double>>{{day(2026, 11, 3), 1.0}});
    // A hand edit of October is seen at once.
    write_text(october, "[[entry]]\nat = 2026-10-03T21:00:00+02:00\nkind = \"dilate\"\nsize = 6\n");
    CHECK(journal.history_before("2026-11", plan, berlin_winter, early)
              .progression_of("dilate")
              ->highest == 6);
}

TEST_CASE("month cache: an item moved to start earlier rests on the days it now covers") {
    TempFolder root;
    std::filesystem::create_directories(root / "journal");
    write_text(root / "journal" / "2026-10.toml",
               "[[entry]]\nat = 2026-10-05T09:00:00+02:00\nkind = \"skip\"\nitems = \"dilate\"\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const Journal journal(root.path());
    const Date early = day(2026, 10, 15);  // nothing settled: the months' own histories
    Plan plan;
    plan.items = {plan_item("dilate", {"daily"}, day(2026, 10, 10))};
    CHECK(journal.history_before("2026-11", plan, berlin_winter, early).rested ==
          std::vector<std::vector<Date>>{{}});
    // The same item from 1 October: the cached October was made for another plan.
    Plan earlier = plan;
    earlier.items[0].start = day(2026, 10, 1);
    CHECK(plan_key(earlier) != plan_key(plan));
    CHECK(journal.history_before("2026-11", earlier, berlin_winter, early).rested ==
          std::vector<std::vector<Date>>{{day(2026, 10, 5)}});
}

TEST_CASE(
    "month cache: the settled months before a report are one record, and every edit is seen") {
    TempFolder root;
    std::filesystem::create_directories(root / "journal");
    const auto september = root / "journal" / "2026-09.toml";
    const auto october = root / "journal" / "2026-10.toml";
    std::string daily;
    for (int day_of_month = 1; day_of_month <= 30; ++day_of_month)
        daily += fmt::format(
            "[[entry]]\nat = 2026-09-{:02}T21:00:00+02:00\nkind = \"dilate\"\n"
            "size = 3\n\n",
            day_of_month);
    write_text(september, daily);
    write_text(october,
               "[[entry]]\nat = 2026-10-01T21:00:00+02:00\nkind = \"dilate\"\nsize = 4\n\n"
               "[[entry]]\nat = 2026-10-30T12:00:00+01:00\nkind = \"skip\"\ndays = 4\n");
    write_text(root / "journal" / "2026-11.toml", dilate_block(3, 4));
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    Plan plan;
    plan.items = {plan_item("dilate", {"daily"}, day(2026, 9, 1))};
    const Date today = day(2026, 11, 25);
    // A week's summary: read in full from 1 November, the months before as their history.
    const History settled = [&] {
        const Journal journal(root.path());
        SliceRequest week;
        week.period = Period{day(2026, 11, 16), day(2026, 11, 22)};
        return journal.slice_for(week, plan, today, berlin_winter).before;
    }();
    // Settled at the end of October: 1 September to 1 October done, a miss on 2 October.
    CHECK(settled.settled_through == std::optional<Date>(day(2026, 10, 31)));
    CHECK(settled.runs == std::vector<DailyRun>{{0, 31}});
    CHECK(settled.counted == std::vector<std::vector<std::pair<Date, double>>>{{}});
    CHECK(settled.rested == std::vector<std::vector<Date>>{{day(2026, 11, 1), day(2026, 11, 2)}});
    CHECK(settled.progression_of("dilate")->highest == 4);
    // It is in the cache as one record, named by the plan and the months' cached entries.
    const Journal journal(root.path());
    const auto files = [&] {
        return std::vector<std::pair<std::string, FileStamp>>{{"2026-09", *stamp_of(september)},
                                                              {"2026-10", *stamp_of(october)}};
    };
    {
        MonthCache cache(root.path(), cache_context(journal.config()));
        const auto digest = cache.past_digest("2026-11", run_key(plan), files());
        REQUIRE(digest.has_value());
        REQUIRE(cache.find_past("2026-11", *digest).has_value());
        CHECK(*cache.find_past("2026-11", *digest) == settled);
        CHECK_FALSE(cache.find_past("2026-10", *digest).has_value());
        // Another schedule, another record: the runs depend on it.
        Plan other = plan;
        other.items[0] = plan_item("dilate", {"mon,wed,fri"}, day(2026, 9, 1));
        CHECK(run_key(other) != run_key(plan));
        CHECK(plan_key(other) == plan_key(plan));  // it counts and rests the same days
        CHECK(cache.past_digest("2026-11", run_key(other), files()) != digest);
    }
    CHECK(journal.history_before("2026-11", plan, berlin_winter, today) == settled);
    // A hand edit of September, the size kept: the record no longer matches, and the history is
    // made again from the months.
    std::string edited = daily;
    edited.replace(edited.find("2026-09-15"), 10, "2026-09-16");
    REQUIRE(edited.size() == daily.size());
    write_text(september, edited);
    const History after_edit = journal.history_before("2026-11", plan, berlin_winter, today);
    CHECK(after_edit.runs == std::vector<DailyRun>{{0, 16}});
    // A month file removed is seen too.
    std::filesystem::remove(september);
    const History without_september = journal.history_before("2026-11", plan, berlin_winter, today);
    CHECK(without_september.runs == std::vector<DailyRun>{{0, 1}});
    CHECK(without_september.first_day == std::optional<Date>(day(2026, 10, 1)));
    // A report of a month not yet over is never settled: its runs depend on the days to come.
    const History unsettled = journal.history_before("2026-12", plan, berlin_winter, today);
    CHECK_FALSE(unsettled.settled_through.has_value());
    CHECK(unsettled.runs.empty());
}

TEST_CASE("month cache: the month tend wrote last is known by its exact bytes") {
    const OneMonth journal(dilate_block(3, 2));
    const std::string content = read_text(journal.month);
    MonthCache cache(journal.root.path(), cache_context(journal.config));  // the real clock
    cache.remember_latest("2026-11", content, journal.parsed());
    CHECK(permissions_of(journal.root / ".cache" / "latest.bin") == 0600);
    // The next command reads it from the file.
    MonthCache next(journal.root.path(), cache_context(journal.config));
    const auto found = next.find_latest("2026-11", content);
    REQUIRE(found.has_value());
    CHECK(*found == journal.parsed());
    // One byte else, another month, another profile, a damaged file: nothing.
    std::string edited = content;
    edited[edited.find("size = 2") + 7] = '5';
    CHECK_FALSE(cache.find_latest("2026-11", edited).has_value());
    CHECK_FALSE(cache.find_latest("2026-10", content).has_value());
    Config other = journal.config;
    other.profile.kinds[0].fields.pop_back();
    CHECK_FALSE(MonthCache(journal.root.path(), cache_context(other))
                    .find_latest("2026-11", content)
                    .has_value());
    const auto file = journal.root / ".cache" / "latest.bin";
    const std::string good = read_text(file);
    write_text(file, good.substr(0, good.size() - 1));
    CHECK_FALSE(MonthCache(journal.root.path(), cache_context(journal.config))
                    .find_latest("2026-11", content)
                    .has_value());
}

TEST_CASE("month cache: after a log, the next command reads the month it wrote, and sees edits") {
    TempFolder root;
    const Config config = builtin_config();
    {
        Journal journal(root.path(), config, disk(), "laptop");
        Entry entry;
        entry.at = instant_at(2026, 11, 3, 21, 0);
        entry.kind = "dilate";
        entry.fields = {{"size", std::int64_t{2}}};
        CHECK_FALSE(journal.append(entry).has_value());
        entry.at = instant_at(2026, 11, 4, 21, 0);
        entry.fields = {{"size", std::int64_t{3}}};
        CHECK_FALSE(journal.append(entry).has_value());
    }
    const auto month = root / "journal" / "2026-11.laptop.toml";
    MonthCache cache(root.path(), cache_context(config));
    const auto latest = cache.find_latest("2026-11.laptop", read_text(month));
    REQUIRE(latest.has_value());
    CHECK(sizes(*latest) == std::vector<std::int64_t>{2, 3});
    CHECK(sizes(Journal(root.path(), config).load(november, berlin_winter)) ==
          std::vector<std::int64_t>{2, 3});
    // Read right after the log, the month comes from latest.bin and the cache is not written:
    // the month goes into it once its stamp has settled.
    CHECK_FALSE(std::filesystem::exists(root / ".cache" / "months.bin"));
    CHECK_FALSE(cache.find("2026-11.laptop", *stamp_of(month)).has_value());
    // A hand edit of the same size right away: the bytes differ, so the file is read again.
    std::string text = read_text(month);
    text[text.rfind("size = 3") + 7] = '4';
    write_text(month, text);
    CHECK(sizes(Journal(root.path(), config).load(november, berlin_winter)) ==
          std::vector<std::int64_t>{2, 4});
}

TEST_CASE("month cache: a save copies the months it kept from the old file beside the new ones") {
    const OneMonth journal(dilate_block(3, 2) + "\n" + dilate_block(4, 3));
    journal.cache_it();
    {
        MonthCache cache(journal.root.path(), cache_context(journal.config), journal.later);
        FileStamp october = *stamp_of(journal.month);
        october.inode += 1;
        cache.remember("2026-10", october, {journal.parsed().front()});
        cache.save();
    }
    MonthCache reopened(journal.root.path(), cache_context(journal.config), journal.later);
    const auto november = reopened.find("2026-11", *stamp_of(journal.month));
    REQUIRE(november.has_value());
    CHECK(sizes(*november) == std::vector<std::int64_t>{2, 3});
    FileStamp october = *stamp_of(journal.month);
    october.inode += 1;
    REQUIRE(reopened.find("2026-10", october).has_value());
    CHECK(sizes(*reopened.find("2026-10", october)) == std::vector<std::int64_t>{2});
}

TEST_CASE(
    "month cache: a save that can't read the old file's months drops them, and keeps the "
    "rest") {
    const OneMonth journal(dilate_block(3, 2));
    journal.cache_it();
    const auto file = journal.root / ".cache" / "blobs.bin";
    MonthCache cache(journal.root.path(), cache_context(journal.config), journal.later);
    // Someone cuts the open file short in place: November's bytes are gone.
    std::filesystem::resize_file(file, 40);
    FileStamp october = *stamp_of(journal.month);
    october.inode += 1;
    cache.remember("2026-10", october, journal.parsed());
    cache.save();
    MonthCache reopened(journal.root.path(), cache_context(journal.config), journal.later);
    CHECK_FALSE(reopened.find("2026-11", *stamp_of(journal.month)).has_value());
    const auto kept = reopened.find("2026-10", october);
    REQUIRE(kept.has_value());
    CHECK(sizes(*kept) == std::vector<std::int64_t>{2});
}

TEST_CASE(
    "month cache: a bit flipped anywhere in months.bin, blobs.bin or latest.bin never shows a "
    "wrong value, and is not copied into the next cache") {
    const OneMonth journal(dilate_block(3, 2) + "note = \"tired\"\n\n" + dilate_block(4, 3));
    const auto expected = journal.parsed();
    const std::string content = read_text(journal.month);
    journal.cache_it();
    MonthCache(journal.root.path(), cache_context(journal.config))
        .remember_latest("2026-11", content, expected);
    std::map<std::string, std::string> good;
    for (const std::string name : {"months.bin", "blobs.bin", "latest.bin"})
        good[name] = read_text(journal.root / ".cache" / name);
    const auto restore = [&] {
        for (const auto& [name, bytes] : good)
            write_text(journal.root / ".cache" / name, bytes);
    };
    for (const auto& [name, bytes] : good) {
        const auto file = journal.root / ".cache" / name;
        std::size_t served = 0;
        for (std::size_t index = 0; index < bytes.size(); ++index) {
            CAPTURE(name);
            CAPTURE(index);
            restore();
            std::string flipped = bytes;
            flipped[index] = static_cast<char>(flipped[index] ^ (1 << (index % 8)));
            write_text(file, flipped);
            MonthCache cache(journal.root.path(), cache_context(journal.config), journal.later);
            const auto found = name != "latest.bin"
                                   ? cache.find("2026-11", *stamp_of(journal.month))
                                   : cache.find_latest("2026-11", content);
            if (found) {
                ++served;
                CHECK(*found == expected);
            }
            if (name != "latest.bin") {
                // Saving again (another month remembered) drops the damaged month.
                cache.remember("2026-10", *stamp_of(journal.month), {});
                cache.save();
                MonthCache next(journal.root.path(), cache_context(journal.config), journal.later);
                const auto again = next.find("2026-11", *stamp_of(journal.month));
                if (again) CHECK(*again == expected);
            }
        }
        // Every byte of the index and of the blobs is checked; none of latest.bin is unread.
        CHECK(served == 0);
    }
    restore();
}
