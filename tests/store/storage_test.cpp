// Tests of the one write path (src/store/storage.cpp, write_check.cpp, edit_session.cpp) on the
// in-memory storage: appends, undo, plan edits and edits, each read back before it is written and
// compared with the file right before it is replaced. No sleeps: another program's write is
// played through the storage's before_rename seam.
#include "store/storage.h"

#include <doctest/doctest.h>

#include "fixtures.h"
#include "store/edit_session.h"
#include "store/journal.h"
#include "store/month_file.h"
#include "store/plan_file.h"
#include "store/toml_writer.h"
#include "store/undo_log.h"
#include "tend/error.h"

using namespace tend;
using namespace tend::store;
using namespace tend::testing;

namespace {

const std::filesystem::path root = "/memory/tend";
const std::filesystem::path month_path = root / "journal/2026-11.laptop.toml";

Entry kegels(int day_of_month, std::string note = {}) {
    Entry entry;
    entry.at = instant_at(2026, 11, day_of_month, 8, 0);
    entry.kind = "kegels";
    entry.fields = {{"sets", FieldValue{std::int64_t{3}}}};
    entry.note = std::move(note);
    return entry;
}

std::vector<std::string> notes_in(const std::string& content) {
    const auto parsed = parse_month_file(content, "journal/2026-11.laptop.toml", builtin_config(),
                                         berlin_winter, std::string("2026-11"));
    REQUIRE_FALSE(has_errors(parsed.problems));
    std::vector<std::string> notes;
    for (const auto& entry : parsed.entries)
        notes.push_back(entry.note);
    return notes;
}

// The message of the user_error `action` throws, or "" when it throws none.
template <typename Action>
std::string refusal_of(Action&& action) {
    try {
        action();
    } catch (const user_error& error) {
        return error.what();
    }
    return {};
}

struct MemoryJournal {
    MemoryStorage storage;
    Journal journal{root, builtin_config(), storage, "laptop"};

    std::string month() { return storage.read(month_path, "month").value_or("<none>"); }
};

}  // namespace

TEST_CASE("storage: appends keep the file's bytes and add exactly one block each") {
    MemoryJournal memory;
    CHECK_FALSE(memory.journal.append(kegels(20, "first")).has_value());
    const std::string after_first = memory.month();
    CHECK(after_first.starts_with("# tend journal, November 2026"));
    CHECK_FALSE(memory.journal.append(kegels(21, "second")).has_value());
    CHECK(memory.month().starts_with(after_first));
    CHECK(notes_in(memory.month()) == std::vector<std::string>{"first", "second"});
    // The undo record names the month file and the exact text appended.
    const auto last = UndoLog(root, memory.storage).last();
    REQUIRE(last.has_value());
    CHECK(last->file == "journal/2026-11.laptop.toml");
    CHECK(memory.month() == after_first + last->text);
}

TEST_CASE("storage: an append that would not read back is refused and writes nothing") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"an inline array",
         "entry = [ { at = 2026-11-20T08:00:00+01:00, kind = \"kegels\", sets = 3 } ]\n"},
        {"a single [entry] table",
         "[entry]\nat = 2026-11-20T08:00:00+01:00\nkind = \"kegels\"\nsets = 3\n"},
    };
    for (const auto& [what, content] : cases) {
        CAPTURE(what);
        MemoryJournal memory;
        memory.storage.put(month_path, content);
        const std::string refusal = refusal_of([&] { (void)memory.journal.append(kegels(21)); });
        CHECK(refusal.find("journal/2026-11.laptop.toml would not read back after this change") ==
              0);
        CHECK(memory.month() == content);
        CHECK(memory.storage.replaced == 0);
        CHECK_FALSE(memory.storage.has(root / ".undo.toml"));
    }
}

TEST_CASE("storage: an entry another program brought in between read and rename is kept") {
    MemoryJournal memory;
    CHECK_FALSE(memory.journal.append(kegels(20, "mine, first")).has_value());
    // A sync tool renames a version with another device's entry into place at the worst moment.
    const std::string synced = memory.month() + "\n" + entry_block(kegels(21, "from the phone"));
    int writes_by_the_other_program = 0;
    memory.storage.before_rename = [&](const std::filesystem::path& target) {
        if (target == month_path && writes_by_the_other_program++ == 0)
            memory.storage.put(month_path, synced);
    };
    CHECK_FALSE(memory.journal.append(kegels(22, "mine, second")).has_value());
    CHECK(memory.month().starts_with(synced));
    CHECK(notes_in(memory.month()) ==
          std::vector<std::string>{"mine, first", "from the phone", "mine, second"});
    // undo takes back exactly the re-appended block.
    memory.storage.before_rename = nullptr;
    (void)undo_last_log(root, builtin_config(), false, nullptr, memory.storage);
    CHECK(memory.month() == synced);
}

TEST_CASE("storage: a file that keeps changing under an append is refused, never overwritten") {
    MemoryJournal memory;
    CHECK_FALSE(memory.journal.append(kegels(20)).has_value());
    int version = 0;
    std::string last_version;
    memory.storage.before_rename = [&](const std::filesystem::path& target) {
        if (target != month_path) return;
        last_version =
            memory.month() + "\n" + entry_block(kegels(21, fmt::format("v{}", ++version)));
        memory.storage.put(month_path, last_version);
    };
    const std::string refusal = refusal_of([&] { (void)memory.journal.append(kegels(22)); });
    CHECK(refusal ==
          "journal/2026-11.laptop.toml kept changing while tend wrote to it, so nothing was "
          "written");
    CHECK(version == 5);
    CHECK(memory.month() == last_version);
}

TEST_CASE("storage: undo takes back the last block, and refuses when the file changed") {
    MemoryJournal memory;
    CHECK_FALSE(memory.journal.append(kegels(20, "kept")).has_value());
    const std::string before = memory.month();
    CHECK_FALSE(memory.journal.append(kegels(21, "undone")).has_value());
    const std::string removed =
        undo_last_log(root, builtin_config(), false, nullptr, memory.storage).text;
    CHECK(removed.find("note = \"undone\"") != std::string::npos);
    CHECK(memory.month() == before);

    CHECK_FALSE(memory.journal.append(kegels(22, "raced")).has_value());
    const std::string edited = memory.month() + "# a line another program added\n";
    memory.storage.before_rename = [&](const std::filesystem::path& target) {
        if (target == month_path) memory.storage.put(month_path, edited);
    };
    CHECK(refusal_of([&] {
              (void)undo_last_log(root, builtin_config(), false, nullptr, memory.storage);
          }).find("the last logged entry is no longer at the end") == 0);
    CHECK(memory.month() == edited);
}

TEST_CASE("storage: undo records naming anything but a month file of the journal are ignored") {
    for (const std::string file : {"../outside.toml", "/etc/passwd", "journal/../../x.toml",
                                   "plan.toml", "journal/x.toml"}) {
        CAPTURE(file);
        MemoryJournal memory;
        memory.storage.put(root / "plan.toml", "# mine\n");
        memory.storage.put(
            root / ".undo.toml",
            fmt::format("[[logged]]\nfile = {}\ntext = \"# mine\\n\"\n", toml_string(file)));
        CHECK(refusal_of([&] {
                  (void)undo_last_log(root, builtin_config(), false, nullptr, memory.storage);
              }) == "there is nothing to undo");
        CHECK(memory.storage.read(root / "plan.toml", "plan") == "# mine\n");
    }
}

TEST_CASE("storage: plan add, end and rm read back as the old items plus exactly the change") {
    MemoryStorage storage;
    const Config config = builtin_config();
    PlanItem item;
    item.kind = "kegels";
    item.schedule = parse_schedule("3/day");
    item.start = day(2026, 11, 1);
    add_plan_item(root, config, item, storage);
    item.kind = "massage";
    item.schedule = parse_schedule("every other day");
    add_plan_item(root, config, item, storage);
    const auto plan_text = [&] { return *storage.read(root / "plan.toml", "plan.toml"); };
    CHECK(parse_plan_file(plan_text(), config).plan.items.size() == 2);

    end_plan_item(
        root, config, [](const Plan&) { return std::size_t{0}; }, day(2026, 11, 30), storage);
    const Plan ended = parse_plan_file(plan_text(), config).plan;
    REQUIRE(ended.items.size() == 2);
    CHECK(ended.items[0].end == day(2026, 11, 30));
    CHECK_FALSE(ended.items[1].end.has_value());

    remove_plan_item(
        root, config, [](const Plan&) { return std::size_t{0}; }, storage);
    const Plan removed = parse_plan_file(plan_text(), config).plan;
    REQUIRE(removed.items.size() == 1);
    CHECK(removed.items[0].kind == "massage");
}

TEST_CASE(
    "storage: plan add after an inline item array, or a plan.toml replaced meanwhile, "
    "writes nothing") {
    MemoryStorage storage;
    const Config config = builtin_config();
    PlanItem item;
    item.kind = "kegels";
    item.schedule = parse_schedule("3/day");
    item.start = day(2026, 11, 1);
    const std::string inline_plan =
        "item = [ { kind = \"relax\", schedule = \"daily\", start = 2026-11-01 } ]\n";
    storage.put(root / "plan.toml", inline_plan);
    CHECK(refusal_of([&] {
              add_plan_item(root, config, item, storage);
          }).find("plan.toml would not read back after this change") == 0);
    CHECK(storage.read(root / "plan.toml", "plan") == inline_plan);

    const std::string theirs = "# the therapist's version, synced in\n";
    storage.put(root / "plan.toml", "");
    storage.before_rename = [&](const std::filesystem::path&) {
        storage.put(root / "plan.toml", theirs);
    };
    CHECK(refusal_of([&] { add_plan_item(root, config, item, storage); }) ==
          "plan.toml changed while tend was changing it, so nothing was written");
    CHECK(storage.read(root / "plan.toml", "plan") == theirs);
}

TEST_CASE("storage: an edit session saves over what it started from, else keeps its copy") {
    MemoryStorage storage;
    storage.put(month_path, "# mine\n");
    {
        EditSession session(root, "2026-11.laptop", storage);
        CHECK(storage.read(session.copy(), "copy") == "# mine\n");
        CHECK(session.save("# mine, edited\n"));
        CHECK(storage.read(month_path, "month") == "# mine, edited\n");
        CHECK_FALSE(storage.has(session.copy()));
    }
    {
        EditSession session(root, "2026-11.laptop", storage);
        storage.put(session.copy(), "# my second edit\n");
        storage.put(month_path, "# mine, edited\n# logged meanwhile\n");
        CHECK(
            refusal_of([&] { (void)session.save(session.edited()); }) ==
            "journal/2026-11.laptop.toml changed while you edited it, so your edit was not saved");
        CHECK(storage.read(month_path, "month") == "# mine, edited\n# logged meanwhile\n");
        CHECK(storage.read(session.copy(), "copy") == "# my second edit\n");
        // The kept copy is never overwritten: the next edit refuses until it is dealt with.
        CHECK(
            refusal_of([&] { EditSession next(root, "2026-11.laptop", storage); })
                .find("an earlier edit of journal/2026-11.laptop.toml was not saved and is kept in "
                      ".edit-2026-11.laptop-") == 0);
        CHECK(storage.read(session.copy(), "copy") == "# my second edit\n");
        storage.remove(session.copy());
    }
    {
        EditSession session(root, "2026-11.laptop", storage);
        storage.remove(session.copy());
        CHECK(
            refusal_of([&] {
                (void)session.edited();
            }).find("vanished while you edited it, so journal/2026-11.laptop.toml is unchanged") !=
            std::string::npos);
    }
}

// An export reads the period twice (its figures, then its entries): read as one snapshot, a month
// file that changed, appeared or went away in between stops it, instead of figures that disagree
// with the list (found by a trial with a `tend log` loop beside the export).
TEST_CASE("storage: a journal read as one snapshot stops when a month file changes in between") {
    const Period november{day(2026, 11, 1), day(2026, 11, 30)};
    const auto read_twice = [&](const std::function<void(MemoryStorage&)>& in_between) {
        MemoryJournal memory;
        CHECK_FALSE(memory.journal.append(kegels(20, "first")).has_value());
        memory.journal.read_as_one_snapshot();
        CHECK(memory.journal.load(november, berlin_winter).size() == 1);
        in_between(memory.storage);
        return refusal_of([&] { memory.journal.load(november, berlin_winter); });
    };
    // Unchanged, and a file of a month not read before: read again as it was.
    CHECK(read_twice([](MemoryStorage&) {}) == "");
    CHECK(read_twice([](MemoryStorage& storage) {
              storage.put(root / "journal/2026-12.phone.toml", "");
          }) == "");
    CHECK(read_twice([](MemoryStorage& storage) {
              const auto text = storage.read(month_path, "month");
              storage.put(month_path, *text + "\n# a comment\n");
          }) == "journal/2026-11.laptop.toml changed while tend was reading the journal");
    CHECK(read_twice([](MemoryStorage& storage) {
              storage.put(root / "journal/2026-11.phone.toml", "");
          }) == "journal/2026-11.phone.toml changed while tend was reading the journal");
    CHECK(read_twice([](MemoryStorage& storage) { storage.remove(month_path); }) ==
          "journal/2026-11.laptop.toml changed while tend was reading the journal");
}
