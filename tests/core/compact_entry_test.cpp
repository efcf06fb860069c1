// Tests for src/core/compact_entry.cpp: the compact form keeps what reports read, exactly.
#include "tend/compact_entry.h"

#include <doctest/doctest.h>

#include "fixtures.h"

using namespace tend;
using namespace tend::testing;

namespace {

Entry dilate_at(Instant at, std::int64_t size, std::string note = "") {
    return Entry{
        at,          "dilate", {{"size", size}, {"minutes", std::int64_t{15}}}, std::move(note),
        {"evening"}, 7};
}

}  // namespace

TEST_CASE("compact entries: time, kind and fields are kept, names come from the profile") {
    const Profile profile = pelvic_floor_profile();
    const std::vector<Entry> entries{
        dilate_at(instant_at(2026, 11, 3, 21, 0), 3, "a long note that is not kept at all"),
        Entry{instant_at(2026, 11, 4, 9, 0),
              "procedure",
              {{"name", std::string("Botox")}},
              "",
              {},
              12}};
    const CompactEntries compacted = compact(entries, profile);
    REQUIRE(compacted.size() == 2);
    const CompactEntry& first = compacted.entries()[0];
    CHECK(first.at == entries[0].at);
    CHECK(first.kind == "dilate");
    CHECK(first.kind.data() == profile.kind("dilate")->name.data());
    REQUIRE(first.fields.size() == 2);
    CHECK(first.fields[0].name == "size");
    CHECK(first.fields[0].name.data() == profile.kind("dilate")->field("size")->name.data());
    CHECK(*first.field("size") == CompactValue{std::int64_t{3}});
    CHECK(*first.field("minutes") == CompactValue{std::int64_t{15}});
    CHECK(first.field("pain") == nullptr);
    CHECK(*compacted.entries()[1].field("name") == CompactValue{std::string_view("Botox")});
    // Text is copied: the compact form outlives the entries it was made from.
    const CompactEntries copied = compact({entries[1]}, profile);
    CHECK(std::get<std::string_view>(*copied.entries()[0].field("name")).data() !=
          std::get<std::string>(*entries[1].field("name")).data());
}

TEST_CASE("compact entries: names the profile doesn't declare are copied, not dangling") {
    const Profile profile = pelvic_floor_profile();
    CompactEntries compacted(profile);
    {
        const std::string kind = "juggling";
        const std::string field = "balls";
        compacted.add_entry(instant_at(2026, 11, 3, 9, 0), kind);
        compacted.add_field(field, std::int64_t{3});
    }
    const CompactEntries moved = std::move(compacted);
    CHECK(moved.entries()[0].kind == "juggling");
    CHECK(*moved.entries()[0].field("balls") == CompactValue{std::int64_t{3}});
}

TEST_CASE("compact entries: fields stay right across storage blocks and after sorting") {
    const Profile profile = pelvic_floor_profile();
    std::vector<Entry> entries;
    // 3,000 entries of two fields fill more than one block of 4,096 fields; added newest first.
    for (int index = 0; index < 3000; ++index)
        entries.push_back(dilate_at(Instant{1'800'000'000 - index * 60, 3600}, index));
    CompactEntries compacted = compact(entries, profile);
    compacted.sort_by_time();
    REQUIRE(compacted.size() == 3000);
    for (int index = 0; index < 3000; ++index) {
        const CompactEntry& entry = compacted.entries()[static_cast<std::size_t>(index)];
        CHECK(entry.at.utc_seconds == 1'800'000'000 - (2999 - index) * 60);
        REQUIRE(entry.fields.size() == 2);
        CHECK(*entry.field("size") == CompactValue{std::int64_t{2999 - index}});
        CHECK(*entry.field("minutes") == CompactValue{std::int64_t{15}});
    }
}

TEST_CASE("compact entries: sorting keeps entries of the same second in the order added") {
    const Profile profile = pelvic_floor_profile();
    const Instant at = instant_at(2026, 11, 3, 21, 0);
    CompactEntries compacted = compact(
        {dilate_at(at, 2), dilate_at(instant_at(2026, 11, 2, 9, 0), 1), dilate_at(at, 3)}, profile);
    compacted.sort_by_time();
    std::vector<std::int64_t> sizes;
    for (const auto& entry : compacted.entries())
        sizes.push_back(std::get<std::int64_t>(*entry.field("size")));
    CHECK(sizes == std::vector<std::int64_t>{1, 2, 3});
    compacted.truncate(1);
    CHECK(compacted.size() == 1);
}

TEST_CASE("compact entries: recorded identities move with their entries") {
    const Profile profile = pelvic_floor_profile();
    CompactEntries compacted(profile);
    // Identities 10, 20, 30, 40 on sizes 1, 2, 3, 4, added out of time order.
    const std::vector<std::pair<int, std::int64_t>> hours_and_sizes{
        {21, 1}, {9, 2}, {15, 3}, {12, 4}};
    for (const auto& [hour, size] : hours_and_sizes) {
        compacted.add(dilate_at(instant_at(2026, 11, 3, hour, 0), size));
        compacted.set_identity(static_cast<std::uint64_t>(size * 10));
    }
    compacted.sort_by_time();  // 9:00 size 2, 12:00 size 4, 15:00 size 3, 21:00 size 1
    const auto sizes_and_identities = [&] {
        std::vector<std::pair<std::int64_t, std::uint64_t>> pairs;
        for (std::size_t index = 0; index < compacted.size(); ++index)
            pairs.emplace_back(std::get<std::int64_t>(*compacted.entries()[index].field("size")),
                               compacted.identity(index));
        return pairs;
    };
    using Pairs = std::vector<std::pair<std::int64_t, std::uint64_t>>;
    CHECK(sizes_and_identities() == Pairs{{2, 20}, {4, 40}, {3, 30}, {1, 10}});
    // From the second on, the identities above 25 stay.
    compacted.keep_from(1, [](std::uint64_t identity) { return identity > 25; });
    CHECK(sizes_and_identities() == Pairs{{2, 20}, {4, 40}, {3, 30}});
    // An entry added without one has none; truncating drops both.
    compacted.add(dilate_at(instant_at(2026, 11, 4, 8, 0), 5));
    CHECK(compacted.identity(3) == 0);
    compacted.truncate(1);
    CHECK(sizes_and_identities() == Pairs{{2, 20}});
}
