// A simulation of one journal on five devices (issue 20): each logs random entries through a
// month while they sync in a random order, the way people's devices do: three through git (a
// bare repository as the remote, `tend sync`, plain `git pull`), three through a sync folder
// (files copied, conflict copies, a file duplicated under another name; one device is in both).
// Conflict copies are imported. Seeded, so a failure repeats. At the end every device shows the
// same entries, exactly the ones logged, each once.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <random>
#include <set>

#include "e2e/run_tend.h"
#include "e2e/sync_world.h"

using namespace tend::testing;

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> devices = {"d0", "d1", "d2", "d3", "d4"};
const std::vector<std::string> git_devices = {"d0", "d1", "d2"};
const std::vector<std::string> folder_devices = {"d2", "d3", "d4"};  // d2 bridges the two

struct Simulation {
    GitWorld world;
    std::mt19937 random;
    std::vector<std::string> logged;  // the note of every entry logged, each unique
    int conflict_copies = 0;
    int imports = 0;     // conflict copies imported
    int duplicates = 0;  // files copied under a second name
    int plain_git = 0;   // syncs by plain git commands rather than `tend sync`

    explicit Simulation(unsigned seed) : random(seed) {
        world.start_shared("d0", "d1");
        world.add("d2", {"git", "clone", "-q", world.remote(), "."});
        for (const auto& device : {"d3", "d4"})
            fs::create_directories(world.folder / device / "journal");
    }

    int below(int count) { return std::uniform_int_distribution<int>(0, count - 1)(random); }
    const std::string& one_of(const std::vector<std::string>& names) {
        return names[static_cast<std::size_t>(below(static_cast<int>(names.size())))];
    }
    fs::path journal_of(const std::string& device) const {
        return world.folder / device / "journal";
    }
    // The files in the device's journal/, none before its first entry.
    std::vector<fs::path> files_of(const std::string& device) const {
        std::vector<fs::path> files;
        if (fs::exists(journal_of(device)))
            for (const auto& item : fs::directory_iterator(journal_of(device)))
                files.push_back(item.path());
        return files;
    }

    void log(const std::string& device) {
        const std::string note = fmt::format("entry{}", logged.size());
        const std::string at =
            fmt::format("2026-11-{:02} {:02}:{:02}", 1 + below(24), below(24), below(60));
        static const std::vector<std::vector<std::string>> kinds = {
            {"kegels", "3"}, {"dilate", "2"}, {"relax", "10"}, {"pain", "4"}};
        std::vector<std::string> arguments = {"log"};
        for (const auto& word : kinds[static_cast<std::size_t>(below(4))])
            arguments.push_back(word);
        arguments.insert(arguments.end(), {"--at", at, note});
        world.add(device, arguments);
        logged.push_back(note);
    }

    void git_sync(const std::string& device) {
        if (below(3) == 0) {  // plain git, as a person types it
            ++plain_git;
            REQUIRE(world.git(device, "add --all").exit_code == 0);
            world.git(device, "commit -q -m by-hand");  // 1 when nothing changed
            const auto pulled = world.git(device, "pull -q --no-rebase --no-edit");
            REQUIRE_MESSAGE(pulled.exit_code == 0, (pulled.out + pulled.err));
            REQUIRE(world.git(device, "push -q").exit_code == 0);
            return;
        }
        const auto synced = world.tend(device, {"sync"});
        REQUIRE_MESSAGE(synced.exit_code == 0, synced.err);
    }

    // A sync folder's round from `from` to `to`: a file `to` lacks is copied; a file that grew
    // (files are only appended to) replaces the shorter one; two that differ otherwise leave a
    // conflict copy. Tend's own dot files never travel (docs/sync.md).
    void copy_folder(const std::string& from, const std::string& to) {
        const fs::path settings = world.folder / from / "tend.toml";
        if (fs::exists(settings) && !fs::exists(world.folder / to / "tend.toml"))
            fs::copy_file(settings, world.folder / to / "tend.toml");
        for (const auto& path : files_of(from)) {
            const std::string name = path.filename().string();
            if (name.starts_with(".")) continue;
            fs::create_directories(journal_of(to));
            const fs::path target = journal_of(to) / name;
            const std::string content = read_text(path);
            if (!fs::exists(target)) {
                write_text(target, content);
                continue;
            }
            const std::string existing = read_text(target);
            if (content.starts_with(existing))
                write_text(target, content);
            else if (!existing.starts_with(content))
                make_conflict_copy(to, name, content);
        }
    }

    void make_conflict_copy(const std::string& device, const std::string& name,
                            const std::string& content) {
        const std::string stem = name.substr(0, name.size() - 5);  // without .toml
        fs::create_directories(journal_of(device));
        write_text(journal_of(device) / fmt::format("{}.sync-conflict-20261124-2100{:02}-ABC.toml",
                                                    stem, conflict_copies++),
                   content);
    }

    // What a sync tool does when two devices touched one file: the other side's version lands
    // beside it as a copy. Here: this device's own month file, as another device saw it.
    void conflict_copy(const std::string& from, const std::string& to) {
        for (const auto& path : files_of(from)) {
            const std::string name = path.filename().string();
            if (name.ends_with("." + from + ".toml")) {
                make_conflict_copy(to, name, read_text(path));
                return;
            }
        }
    }

    // A file copied under another name ("keep both"), read as one more device's file.
    void duplicate_file(const std::string& device) {
        for (const auto& path : files_of(device)) {
            const std::string name = path.filename().string();
            if (name.starts_with(".") || name.find("conflict") != std::string::npos) continue;
            fs::copy_file(path,
                          journal_of(device) / fmt::format("2026-11.copy{}.toml", below(1000)),
                          fs::copy_options::overwrite_existing);
            ++duplicates;
            return;
        }
    }

    // `tend import` takes the new entries of each conflict copy, which is then deleted.
    void import_copies(const std::string& device) {
        std::vector<fs::path> copies;
        for (const auto& path : files_of(device))
            if (path.filename().string().find(".sync-conflict-") != std::string::npos)
                copies.push_back(path);
        for (const auto& copy : copies) {
            const auto imported =
                world.tend(device, {"import", fs::relative(copy, world.folder.path()).string()});
            REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
            fs::remove(copy);
            ++imports;
        }
    }

    void random_step() {
        const int step = below(20);
        if (step < 9) {
            log(one_of(devices));
        } else if (step < 13) {
            git_sync(one_of(git_devices));
        } else if (step < 16) {
            const std::string& from = one_of(folder_devices);
            const std::string& to = one_of(folder_devices);
            if (from != to) copy_folder(from, to);
        } else if (step == 16) {
            const std::string& from = one_of(folder_devices);
            const std::string& to = one_of(folder_devices);
            if (from != to) conflict_copy(from, to);
        } else if (step == 17) {
            duplicate_file(one_of(folder_devices));
        } else {
            import_copies(one_of(devices));
        }
    }

    // Everyone imports, then the folder and git carry everything everywhere.
    void settle() {
        for (const auto& device : devices)
            import_copies(device);
        for (int round = 0; round < 2; ++round) {
            for (const auto& device : git_devices)
                git_sync(device);
            for (const auto& from : folder_devices)
                for (const auto& to : folder_devices)
                    if (from != to) copy_folder(from, to);
        }
        for (const auto& device : git_devices)
            git_sync(device);
    }
};

}  // namespace

TEST_CASE(
    "e2e sync simulation: five devices, random syncs, every device ends with every entry "
    "once") {
    // One seed keeps it to seconds; TEND_SIMULATION_SEED=N runs another, to explore.
    const char* chosen = std::getenv("TEND_SIMULATION_SEED");
    for (const unsigned seed : {chosen ? static_cast<unsigned>(std::atoi(chosen)) : 5u}) {
        CAPTURE(seed);
        Simulation simulation(seed);
        for (int step = 0; step < 60; ++step)
            simulation.random_step();
        simulation.settle();
        REQUIRE(simulation.logged.size() > 15);
        // Every way of syncing happened.
        CHECK(simulation.conflict_copies > 0);
        CHECK(simulation.imports > 0);
        CHECK(simulation.duplicates > 0);
        CHECK(simulation.plain_git > 0);

        const auto shown = simulation.world.tend("d0", {"show", "2026-11"});
        REQUIRE(shown.exit_code == 0);
        // Exactly what was logged, each once (the notes are unique).
        std::size_t entries = 0;
        for (const auto& note : simulation.logged) {
            CAPTURE(note);
            CHECK(count_of(shown.out, "— " + note + "\n") == 1);
            entries += count_of(shown.out, "— " + note + "\n");
        }
        CHECK(entries == simulation.logged.size());
        const auto stats = simulation.world.tend("d0", {"stats", "2026-11"});
        CHECK(stats.out.find(fmt::format("{} entries on", simulation.logged.size())) !=
              std::string::npos);
        for (const auto& device : devices) {
            CAPTURE(device);
            CHECK(simulation.world.tend(device, {"show", "2026-11"}).out == shown.out);
            CHECK(simulation.world.tend(device, {"stats", "2026-11"}).out == stats.out);
            CHECK(simulation.world.tend(device, {"check"}).exit_code == 0);
        }
        CHECK(simulation.world.git("d2", "ls-files --unmerged").out == "");
    }
}
