// Tests for device names, month file names, entry identity, the month union and the JSON reader.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

#include "fixtures.h"
#include "store/cache_codec.h"
#include "store/device.h"
#include "store/folder_files.h"
#include "store/journal.h"
#include "store/json_reader.h"
#include "store/month_file.h"
#include "store/storage.h"
#include "tend/error.h"
#include "tend/inbox_line.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

TEST_CASE("devices: a device name is 1 to 32 of a-z 0-9 - _, starting with a letter or digit") {
    for (const auto* good :
         {"phone", "laptop-2", "a", "x_y", "0", "abcdefghijabcdefghijabcdefghij12"})
        CHECK_MESSAGE(is_device_name(good), good);
    for (const auto* bad : {"", "Phone", "a b", "-x", "_x", "x/y", "..", "a.b", "ü", "x\n",
                            "abcdefghijabcdefghijabcdefghij123"})
        CHECK_FALSE_MESSAGE(is_device_name(bad), bad);
}

TEST_CASE("devices: month file names, plain and per device, and copies are not month files") {
    CHECK(parse_month_file_name("2026-11.toml") == MonthFileName{"2026-11", ""});
    CHECK(parse_month_file_name("2026-11.phone.toml") == MonthFileName{"2026-11", "phone"});
    CHECK(parse_month_file_name("2026-11.phone.toml")->path() == "journal/2026-11.phone.toml");
    for (const auto* other :
         {"2026-13.toml", "2026-11.TOML", "2026-11.Phone.toml", "2026-11..toml", "2026-11.a.b.toml",
          "2026-11.sync-conflict-20261121-142233-abc.toml", "2026-11 (conflicted copy).toml",
          "2026-11.toml.orig", "2026-11.phone.toml.tmp"})
        CHECK_FALSE_MESSAGE(parse_month_file_name(other).has_value(), other);
    for (const auto* copy :
         {"2026-11.TOML", "2026-11.Phone.toml", "2026-11.sync-conflict-20261121-142233-ABC.toml",
          "2026-11 (Sam's conflicted copy 2026-11-21).toml", "2026-11.phone.toml.orig"})
        CHECK_MESSAGE(is_stray_copy(copy), copy);
    for (const auto* not_copy : {"2026-11.toml", "2026-11.phone.toml", "notes.txt", "README"})
        CHECK_FALSE_MESSAGE(is_stray_copy(not_copy), not_copy);
}

TEST_CASE("devices: identity is time, offset, kind, fields, note and tags, and 3 and 3.0 are one") {
    Entry entry{instant_at(2026, 11, 20, 21, 30),
                "dilate",
                {{"size", std::int64_t{3}}},
                "ok",
                {"evening"},
                7};
    const auto identity = identity_of(entry);
    Entry other = entry;
    other.line = 90;
    CHECK(identity_of(other) == identity);
    other.fields = {{"size", 3.0}};
    CHECK(identity_of(other) == identity);
    const auto differs = [&](auto change) {
        Entry changed = entry;
        change(changed);
        return identity_of(changed) != identity;
    };
    CHECK(differs([](Entry& changed) { changed.note = "ok "; }));
    CHECK(differs([](Entry& changed) { changed.tags = {"evening", "x"}; }));
    CHECK(differs([](Entry& changed) { changed.tags.clear(); }));
    CHECK(differs([](Entry& changed) { changed.at.offset_seconds = 0; }));
    CHECK(differs([](Entry& changed) { changed.at.utc_seconds += 1; }));
    CHECK(differs([](Entry& changed) { changed.kind = "relax"; }));
    CHECK(differs([](Entry& changed) { changed.fields = {{"size", std::int64_t{4}}}; }));
    CHECK(differs([](Entry& changed) { changed.fields = {{"size", std::string("3")}}; }));
    // The note "a" with the tag "b" is not the note "ab" without tags.
    Entry joined = entry;
    joined.note = "okevening";
    joined.tags.clear();
    CHECK(identity_of(joined) != identity);
}

TEST_CASE("devices: the cache's compact read carries each entry's identity when asked to") {
    const Profile profile = builtin_config().profile;
    std::vector<Entry> entries = {
        Entry{
            instant_at(2026, 11, 20, 21, 30), "dilate", {{"size", std::int64_t{3}}}, "n", {"t"}, 1},
        Entry{instant_at(2026, 11, 21, 8, 0), "kegels", {}, "", {}, 9}};
    Writer writer;
    write_entries(writer, entries);
    Reader reader(writer.out());
    CompactEntries compact(profile);
    REQUIRE(read_compact_entries(reader, Period{}, compact, Identities::record));
    REQUIRE(compact.size() == 2);
    CHECK(compact.identity(0) == identity_of(entries[0]));
    CHECK(compact.identity(1) == identity_of(entries[1]));
    // A read that doesn't ask records none: reports never look.
    Reader again(writer.out());
    CompactEntries without(profile);
    REQUIRE(read_compact_entries(again, Period{}, without, Identities::skip));
    REQUIRE(without.size() == 2);
    CHECK(without.identity(0) == 0);
    CHECK(without.identity(1) == 0);
}

TEST_CASE("devices: a month is the union of its files as multisets") {
    MonthUnion seen;
    seen.start_file("2026-11");
    CHECK(seen.keep(1));
    CHECK(seen.keep(1));  // the same file's repeat counts
    CHECK(seen.keep(2));
    seen.start_file("2026-11");
    CHECK_FALSE(seen.keep(1));
    CHECK_FALSE(seen.keep(1));
    CHECK(seen.keep(1));  // a third in one file: more than any earlier file holds
    CHECK_FALSE(seen.keep(2));
    CHECK(seen.keep(3));
    seen.start_file("2026-12");
    CHECK(seen.keep(1));  // a new month starts afresh
}

TEST_CASE("devices: each entry is kept as many times as the file that holds it most") {
    std::mt19937 random(20261201);
    for (int round = 0; round < 200; ++round) {
        MonthUnion seen;
        std::map<std::uint64_t, int> most;  // the multiset union, counted the plain way
        std::map<std::uint64_t, int> kept;
        const int files = 1 + static_cast<int>(random() % 4);
        for (int file = 0; file < files; ++file) {
            seen.start_file("2026-11");
            std::map<std::uint64_t, int> in_file;
            const int entries = static_cast<int>(random() % 12);
            for (int entry = 0; entry < entries; ++entry) {
                const std::uint64_t identity = 1 + random() % 5;
                ++in_file[identity];
                if (seen.keep(identity)) ++kept[identity];
            }
            for (const auto& [identity, count] : in_file)
                most[identity] = std::max(most[identity], count);
        }
        CHECK(kept == most);
    }
}

TEST_CASE("devices: the JSON reader reads tend's exports and locates mistakes") {
    const auto value = parse_json(
        "\xEF\xBB\xBF{\"a\": [1, -2.5, true, null, \"x\\n\\u00e9\\ud83d\\ude00\"], \"b\": {}}",
        "f");
    REQUIRE(value.type == JsonValue::Type::object);
    const auto& items = value.member("a")->items;
    REQUIRE(items.size() == 5);
    CHECK(items[0].type == JsonValue::Type::integer);
    CHECK(items[0].whole == 1);
    CHECK(items[1].number == -2.5);
    CHECK(items[2].flag);
    CHECK(items[3].type == JsonValue::Type::null);
    CHECK(items[4].text == "x\n\xC3\xA9\xF0\x9F\x98\x80");
    const auto refusal = [](std::string_view text) {
        try {
            (void)parse_json(text, "e.json");
        } catch (const user_error& error) {
            return std::string(error.what());
        }
        return std::string();
    };
    CHECK(refusal("{\"a\": 1,\n \"b\" 2}") == "e.json:2:6: expected ':'");
    CHECK(refusal("[1, 2") == "e.json:1:6: expected ',' or ']'");
    CHECK(refusal("\"\\ud800\"") == "e.json:1:8: a \\u escape lacks its low surrogate");
    CHECK(refusal(std::string(100, '[')) == "e.json:1:66: the JSON is nested too deeply");
    CHECK(refusal("{} x") == "e.json:1:4: unexpected text after the JSON value");
}

TEST_CASE("devices: an inbox line's key is the FNV-1a hash of its text, whatever the zone") {
    CHECK(inbox_line_key("a") == "af63dc4c8601ec8c");  // FNV-1a 64 of "a", the published value
    const auto key = inbox_line_key("2026-11-24 21:30 relax 10");
    REQUIRE(key.has_value());
    CHECK(key->size() == 16);
    CHECK(inbox_line_key("  2026-11-24 21:30 relax 10\t\r") == key);
    CHECK(inbox_line_key("2026-11-24 21:30 relax 11") != key);
    CHECK(inbox_line_key("2026-11-24  21:30 relax 10") != key);  // any change is a new line
    CHECK_FALSE(inbox_line_key("").has_value());
    CHECK_FALSE(inbox_line_key("  \r").has_value());
    CHECK_FALSE(inbox_line_key("# a comment").has_value());
}

TEST_CASE("devices: the record of filed inbox lines is each device's own, read as one") {
    MemoryStorage storage;
    const std::filesystem::path root = "/j";
    CHECK(filed_inbox_lines(root, storage).empty());
    record_filed_inbox_lines(root, "laptop", {"00000000000000aa", "00000000000000bb"}, storage);
    record_filed_inbox_lines(root, "laptop", {"00000000000000cc"}, storage);
    record_filed_inbox_lines(root, "phone", {"00000000000000aa", "00000000000000dd"}, storage);
    const auto laptop = storage.read(root / "journal/inbox-filed.laptop.txt", "record");
    REQUIRE(laptop.has_value());
    CHECK(laptop->ends_with("\n00000000000000aa\n00000000000000bb\n00000000000000cc\n"));
    CHECK(laptop->starts_with("# The phone inbox's lines this device filed"));
    // A sync tool's copy of a record counts too; it is no stray copy of a month file.
    storage.put(root / "journal/inbox-filed.laptop.sync-conflict-20261124-1-ABC.txt",
                "00000000000000ee\n");
    CHECK_FALSE(is_stray_copy("inbox-filed.laptop.sync-conflict-20261124-1-ABC.txt"));
    const auto filed = filed_inbox_lines(root, storage);
    CHECK(filed == std::unordered_set<std::string>{"00000000000000aa", "00000000000000bb",
                                                   "00000000000000cc", "00000000000000dd",
                                                   "00000000000000ee"});
}

TEST_CASE("devices: inboxes are inbox.txt, inbox.NAME.txt and a sync tool's conflicted copy") {
    MemoryStorage storage;
    const std::filesystem::path root = "/j";
    for (const auto* name :
         {"inbox.txt", "inbox.phone.txt", "inbox (Sam's conflicted copy 2026-11-24).txt",
          "inbox notes.txt", "inbox.txt.tmp-12", "notes.txt", "inbox-filed.laptop.txt"})
        storage.put(root / name, "");
    CHECK(inbox_file_names(root, storage) ==
          std::vector<std::string>{"inbox (Sam's conflicted copy 2026-11-24).txt",
                                   "inbox.phone.txt", "inbox.txt"});
}
