// Tests for the month cache's check by content (src/store/month_cache.cpp, cache_codec.cpp): a
// file whose stamp changed but whose bytes did not is served from the cache; any other is parsed.
#include <doctest/doctest.h>

#include <set>

#include "e2e/run_tend.h"
#include "fixtures.h"
#include "store/cache_codec.h"
#include "store/journal.h"
#include "store/month_cache.h"
#include "store/month_file.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

namespace {

std::string dilate_block(const std::string& month, int day_of_month, int size) {
    return fmt::format("[[entry]]\nat = {}-{:02}T21:00:00+01:00\nkind = \"dilate\"\nsize = {}\n",
                       month, day_of_month, size);
}

std::vector<std::int64_t> sizes(const std::vector<Entry>& entries) {
    std::vector<std::int64_t> values;
    for (const auto& entry : entries)
        values.push_back(std::get<std::int64_t>(*entry.field("size")));
    return values;
}

const std::function<std::int64_t()> a_minute_later = [] { return real_time_ns() + 60'000'000'000; };

// Caches the file `key` (journal/KEY.toml) under its stamp and bytes, with each dilator size one
// more than the file says: what a later read returns tells whether it came from the cache.
void cache_with_marks(const Journal& journal, const std::string& key) {
    const auto file = journal.journal_folder() / (key + ".toml");
    const std::string content = read_text(file);
    auto entries = parse_month_file(content, "journal/" + key + ".toml", journal.config(),
                                    berlin_winter, key.substr(0, 7))
                       .entries;
    for (auto& entry : entries)
        for (auto& [name, value] : entry.fields)
            if (name == "size") value = std::get<std::int64_t>(value) + 1;
    MonthCache cache(journal.root(), cache_context(journal.config()), a_minute_later);
    cache.remember(key, *stamp_of(file), entries, content_key_of(content));
    cache.save();
}

}  // namespace

TEST_CASE("month cache: content keys differ for every one-byte change and every length") {
    const std::string text =
        "[[entry]]\nat = 2026-11-03T21:00:00+01:00\nkind = \"dilate\"\nsize = 2\nminutes = 15\n";
    std::set<std::uint64_t> hashes;
    for (std::size_t length = 0; length <= text.size(); ++length)
        hashes.insert(content_key_of(std::string_view(text).substr(0, length)).hash);
    CHECK(hashes.size() == text.size() + 1);
    for (std::size_t index = 0; index < text.size(); ++index) {
        std::string changed = text;
        changed[index] = static_cast<char>(changed[index] + 1);
        CAPTURE(index);
        CHECK(content_key_of(changed).hash != content_key_of(text).hash);
        CHECK(content_key_of(changed).size == text.size());
    }
    CHECK(content_key_of(text) == content_key_of(std::string(text)));
    // Zero bytes at the end are bytes: "a" and "a\0" differ.
    CHECK(content_key_of(std::string("a")).hash != content_key_of(std::string("a\0", 2)).hash);
}

TEST_CASE("month cache: a copied journal folder with its .cache is served from the cache") {
    TempFolder original;
    std::filesystem::create_directories(original / "journal");
    write_text(original / "journal" / "2026-10.toml", dilate_block("2026-10", 3, 1));
    write_text(original / "journal" / "2026-11.toml", dilate_block("2026-11", 3, 2));
    write_text(original / "journal" / "2026-11.phone.toml", dilate_block("2026-11", 4, 4));
    {
        const Journal journal(original.path());
        for (const std::string key : {"2026-10", "2026-11", "2026-11.phone"})
            cache_with_marks(journal, key);
    }
    // A copy has other inodes and times: every stamp differs, every byte is the same.
    TempFolder copy;
    std::filesystem::copy(original.path(), copy.path(),
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::overwrite_existing);
    const Journal journal(copy.path());
    const Period autumn{day(2026, 10, 1), day(2026, 11, 30)};
    CHECK(sizes(journal.load(autumn, berlin_winter)) == std::vector<std::int64_t>{2, 3, 5});
    // One byte changed in one file of a month, the same size: that file alone is parsed again;
    // the other file of November and October still come from the cache.
    write_text(copy / "journal" / "2026-11.phone.toml", dilate_block("2026-11", 4, 6));
    const Journal after_edit(copy.path());
    CHECK(sizes(after_edit.load(autumn, berlin_winter)) == std::vector<std::int64_t>{2, 3, 6});
    const auto compact = after_edit.load_compact(autumn, berlin_winter);
    std::vector<std::int64_t> compact_sizes;
    for (const auto& entry : compact.entries())
        compact_sizes.push_back(std::get<std::int64_t>(*entry.field("size")));
    CHECK(compact_sizes == std::vector<std::int64_t>{2, 3, 6});
}

TEST_CASE("month cache: a same-size edit behind an old stamp's back is caught by its bytes") {
    TempFolder root;
    std::filesystem::create_directories(root / "journal");
    const auto file = root / "journal" / "2026-11.toml";
    write_text(file, dilate_block("2026-11", 3, 2));
    const Journal journal(root.path());
    cache_with_marks(journal, "2026-11");
    MonthCache cache(root.path(), cache_context(journal.config()), a_minute_later);
    FileStamp moved = *stamp_of(file);
    moved.inode += 1;
    CHECK_FALSE(cache.find("2026-11", moved).has_value());
    CHECK_FALSE(cache.confirm("2026-11", moved, content_key_of(dilate_block("2026-11", 3, 7))));
    CHECK_FALSE(cache.find("2026-11", moved).has_value());
    REQUIRE(cache.confirm("2026-11", moved, content_key_of(read_text(file))));
    REQUIRE(cache.find("2026-11", moved).has_value());
    CHECK(sizes(*cache.find("2026-11", moved)) == std::vector<std::int64_t>{3});
    // Through the journal: the edited file is parsed, whatever its stamp says.
    write_text(file, dilate_block("2026-11", 3, 5));
    CHECK(sizes(journal.load(Period{}, berlin_winter)) == std::vector<std::int64_t>{5});
}

TEST_CASE(
    "month cache: a file written just now is cached by its bytes, its stamp kept once settled") {
    TempFolder root;
    std::filesystem::create_directories(root / "journal");
    const auto file = root / "journal" / "2026-11.toml";
    write_text(file, dilate_block("2026-11", 3, 2));
    const Journal journal(root.path());
    const auto context = cache_context(journal.config());
    const auto entries = journal.load(Period{}, berlin_winter);
    {
        MonthCache cache(root.path(), context);  // the real clock: the file is seconds old
        cache.remember("2026-11", *stamp_of(file), entries, content_key_of(read_text(file)));
        cache.save();
    }
    MonthCache fresh(root.path(), context);
    // Not by its stamp, which may not move with a write in the same clock tick...
    CHECK_FALSE(fresh.find("2026-11", *stamp_of(file)).has_value());
    // ...but by its bytes.
    REQUIRE(fresh.confirm("2026-11", *stamp_of(file), content_key_of(read_text(file))));
    CHECK(fresh.find("2026-11", *stamp_of(file)) == entries);
    fresh.save();
    // A minute on, the stamp has settled: confirmed once, then kept.
    {
        MonthCache later(root.path(), context, a_minute_later);
        CHECK_FALSE(later.find("2026-11", *stamp_of(file)).has_value());
        REQUIRE(later.confirm("2026-11", *stamp_of(file), content_key_of(read_text(file))));
        later.save();
    }
    MonthCache settled(root.path(), context, a_minute_later);
    CHECK(settled.find("2026-11", *stamp_of(file)) == entries);
}

TEST_CASE("month cache: a copied journal's settled past is taken by its bytes, an edit is seen") {
    TempFolder original;
    std::filesystem::create_directories(original / "journal");
    write_text(original / "journal" / "2026-09.toml", dilate_block("2026-09", 3, 2));
    write_text(original / "journal" / "2026-10.toml", dilate_block("2026-10", 3, 3));
    const Plan no_plan;
    const Date today = day(2026, 11, 25);
    const auto highest = [&](const Journal& journal) {
        const History history = journal.history_before("2026-11", no_plan, berlin_winter, today);
        REQUIRE(history.progression.size() == 1);
        return history.progression[0].highest;
    };
    CHECK(highest(Journal(original.path())) == 3);
    // A copy: every stamp differs, every byte is the same; the months before are the record's.
    TempFolder copy;
    std::filesystem::copy(original.path(), copy.path(),
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::overwrite_existing);
    CHECK(highest(Journal(copy.path())) == 3);
    // The same size, other bytes, in the oldest month: the record is not taken.
    write_text(copy / "journal" / "2026-09.toml", dilate_block("2026-09", 3, 5));
    CHECK(highest(Journal(copy.path())) == 5);
    write_text(copy / "journal" / "2026-09.toml", dilate_block("2026-09", 3, 2));
    CHECK(highest(Journal(copy.path())) == 3);
}
