// Tests for how the month cache is saved (src/store/month_cache.cpp): a command that changed one
// month writes about one month, old bytes are compacted away, and the files stay private.
#include <doctest/doctest.h>

#include "e2e/run_tend.h"
#include "fixtures.h"
#include "store/cache_codec.h"
#include "store/month_cache.h"
#include "store/month_file.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

namespace {

const std::function<std::int64_t()> a_minute_later = [] { return real_time_ns() + 60'000'000'000; };

Config pelvic_floor_config() {
    Config config;
    config.profile = pelvic_floor_profile(config.settings);
    return config;
}

// `count` dilate sessions of `month` ("2026-03"), each of `size`.
std::vector<Entry> sessions(const Config& config, const std::string& month, int count, int size) {
    std::string text;
    for (int day = 1; day <= count; ++day)
        text += fmt::format(
            "[[entry]]\nat = {}-{:02}T21:00:00+01:00\nkind = \"dilate\"\nsize = {}\n"
            "minutes = 15\n\n",
            month, day, size);
    return parse_month_file(text, "journal/" + month + ".toml", config, berlin_winter, month)
        .entries;
}

// A settled stamp for the file numbered `number` (no real file is needed).
FileStamp stamp_for(int number) {
    return FileStamp{1000, 1, 1, static_cast<std::uint64_t>(number), 1};
}

std::uint64_t encoded_size(const std::vector<Entry>& entries) {
    Writer writer;
    write_entries(writer, entries);
    return writer.out().size();
}

std::string month_key(int month) {
    return fmt::format("2026-{:02}", month);
}

}  // namespace

TEST_CASE("month cache: a save after one month changed appends that month, not the whole cache") {
    TempFolder root;
    const Config config = pelvic_floor_config();
    const auto context = cache_context(config);
    {
        MonthCache cache(root.path(), context, a_minute_later);
        for (int month = 1; month <= 10; ++month)
            cache.remember(month_key(month), stamp_for(month),
                           sessions(config, month_key(month), 28, 2));
        cache.save();
    }
    const auto blobs = root / ".cache" / "blobs.bin";
    const auto index = root / ".cache" / "months.bin";
    const std::string before = read_text(blobs);
    const auto october = sessions(config, "2026-10", 29, 3);
    {
        MonthCache cache(root.path(), context, a_minute_later);
        cache.remember("2026-10", stamp_for(99), october);
        cache.save();
    }
    const std::string after = read_text(blobs);
    CHECK(after.size() == before.size() + encoded_size(october));
    CHECK(after.substr(0, before.size()) == before);
    // The index is rewritten whole, and is smaller than one month's entries.
    CHECK(std::filesystem::file_size(index) < encoded_size(october));
    MonthCache reopened(root.path(), context, a_minute_later);
    CHECK(reopened.find("2026-10", stamp_for(99)) == october);
    CHECK_FALSE(reopened.find("2026-10", stamp_for(10)).has_value());
    CHECK(reopened.find("2026-01", stamp_for(1)) == sessions(config, "2026-01", 28, 2));
    // Private: files 0600, the folder 0700.
    using std::filesystem::perms;
    CHECK((std::filesystem::status(blobs).permissions() & perms::all) ==
          (perms::owner_read | perms::owner_write));
    CHECK((std::filesystem::status(index).permissions() & perms::all) ==
          (perms::owner_read | perms::owner_write));
    CHECK((std::filesystem::status(root / ".cache").permissions() & perms::all) ==
          perms::owner_all);
}

TEST_CASE("month cache: bytes nobody reads any more are compacted away, the months kept") {
    TempFolder root;
    const Config config = pelvic_floor_config();
    const auto context = cache_context(config);
    std::uint64_t live = 0;
    {
        MonthCache cache(root.path(), context, a_minute_later);
        for (int month = 1; month <= 4; ++month) {
            const auto entries = sessions(config, month_key(month), 28, 2);
            live += encoded_size(entries);
            cache.remember(month_key(month), stamp_for(month), entries);
        }
        cache.save();
    }
    const auto blobs = root / ".cache" / "blobs.bin";
    const std::uint64_t head = 16;
    CHECK(std::filesystem::file_size(blobs) == head + live);
    bool shrank = false;
    auto largest = std::filesystem::file_size(blobs);
    for (int round = 0; round < 12; ++round) {
        MonthCache cache(root.path(), context, a_minute_later);
        cache.remember("2026-04", stamp_for(100 + round),
                       sessions(config, "2026-04", 28, 1 + round % 6));
        cache.save();
        const auto size = std::filesystem::file_size(blobs);
        shrank = shrank || size < largest;
        largest = std::max(largest, size);
    }
    CHECK(shrank);
    // At most as many dead bytes as live ones, with the month just written.
    CHECK(largest <= head + 2 * (live + encoded_size(sessions(config, "2026-04", 28, 1))));
    MonthCache reopened(root.path(), context, a_minute_later);
    CHECK(reopened.find("2026-04", stamp_for(111)) == sessions(config, "2026-04", 28, 6));
    CHECK(reopened.find("2026-02", stamp_for(2)) == sessions(config, "2026-02", 28, 2));
}

TEST_CASE("month cache: an index whose places lie outside blobs.bin is ignored, never read") {
    TempFolder root;
    const Config config = pelvic_floor_config();
    const auto context = cache_context(config);
    const auto january = sessions(config, "2026-01", 28, 2);
    {
        MonthCache cache(root.path(), context, a_minute_later);
        cache.remember("2026-01", stamp_for(1), january);
        cache.save();
    }
    const auto index_file = root / ".cache" / "months.bin";
    const auto index = read_cache_index(read_text(index_file));
    REQUIRE(index.has_value());
    REQUIRE(index->files.size() == 1);
    CHECK(read_cache_index(write_cache_index(*index)) == index);
    const BlobPlace good = index->files[0].entries;
    CHECK(good.offset == 16);
    CHECK(good.size == encoded_size(january));
    // Past the end, longer than the file, over the head, and a length that wraps around.
    for (const BlobPlace place : {BlobPlace{std::uint64_t{1} << 40, good.size, good.checksum},
                                  BlobPlace{good.offset, std::uint64_t{1} << 40, good.checksum},
                                  BlobPlace{0, good.size, good.checksum},
                                  BlobPlace{good.offset, ~std::uint64_t{0}, good.checksum}}) {
        CAPTURE(place.offset);
        CAPTURE(place.size);
        CacheIndex hostile = *index;
        hostile.files[0].entries = place;
        write_text(index_file, write_cache_index(hostile));
        MonthCache cache(root.path(), context, a_minute_later);
        CHECK_FALSE(cache.find("2026-01", stamp_for(1)).has_value());
    }
    write_text(index_file, write_cache_index(*index));
    MonthCache cache(root.path(), context, a_minute_later);
    CHECK(cache.find("2026-01", stamp_for(1)) == january);
}
