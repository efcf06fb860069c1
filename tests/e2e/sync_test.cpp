// End-to-end tests of sync through git (issue 20): `tend git`, `tend sync`, [git] autocommit and
// two clones that log in the same month, with real git and a bare repository as the remote.
// git's own configuration is isolated (HOME, GIT_CONFIG_NOSYSTEM, GIT_CONFIG_GLOBAL), so the
// person running the tests can't change what they see.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <regex>

#include "e2e/run_tend.h"
#include "e2e/sync_world.h"

using namespace tend::testing;

TEST_CASE("e2e sync: 'tend git' runs git in the journal folder, words and exit status as typed") {
    GitWorld world;
    world.add("laptop", {"log", "kegels", "3", "--at", "2026-11-24 08:00"});
    // From another folder, with a relative --dir: git still runs in the journal.
    const auto init =
        world.tend_in(world.folder / "home", "laptop", {"git", "init", "-q"}, "../laptop");
    CHECK(init.err == "");
    CHECK(init.exit_code == 0);
    CHECK(init.out ==
          "tend wrote .gitignore and .gitattributes: git keeps the settings, the plan, the month "
          "files and the inboxes (docs/sync.md)\n");
    // Under umask 022, git alone would make .git and its files readable by all.
    CHECK(permissions_of(world.folder / "laptop/.git") == 0700);
    CHECK(permissions_of(world.folder / "laptop/.git/config") == 0600);
    CHECK(read_text(world.folder / "laptop/.gitattributes").find("/inbox.txt merge=union\n") !=
          std::string::npos);

    // Arguments reach git untouched, one word each, options included: a message with spaces
    // and a semicolon is not split or run by a shell.
    REQUIRE(world.tend("laptop", {"git", "add", "--all"}).exit_code == 0);
    const auto commit =
        world.tend("laptop", {"git", "commit", "-q", "-m", "first; echo pwned > ../pwned"});
    CHECK(commit.err == "");
    CHECK(commit.exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(world.folder / "pwned"));
    const auto log = world.tend("laptop", {"git", "log", "--format=%s"});
    CHECK(log.out == "first; echo pwned > ../pwned\n");
    // What git keeps: the month file and the two git files; not the cache or the undo record.
    const auto files = world.tend("laptop", {"git", "ls-files"});
    CHECK(std::regex_search(files.out, std::regex("^\\.gitattributes\n\\.gitignore\njournal/")));
    CHECK(files.out.find(".cache") == std::string::npos);
    CHECK(files.out.find(".undo") == std::string::npos);

    // git's exit status is tend's: 1 for `git diff --quiet` with changes, 129 for a bad option.
    world.add("laptop", {"log", "kegels", "2", "--at", "2026-11-24 12:00"});
    CHECK(world.tend("laptop", {"git", "diff", "--quiet"}).exit_code == 1);
    const auto bad = world.tend("laptop", {"git", "log", "--no-such-option"});
    CHECK(bad.exit_code == 128);
    CHECK(bad.err.find("--no-such-option") != std::string::npos);
    // `--help` after `git` is git's.
    const auto help = world.tend("laptop", {"git", "--version"});
    CHECK(help.out.starts_with("git version "));
}

TEST_CASE("e2e sync: 'tend git' on a missing journal says how to start, and clone makes one") {
    GitWorld world;
    const auto status = world.tend("laptop", {"git", "status"});
    CHECK(status.exit_code == 2);
    CHECK(
        status.err.starts_with("tend: there is no journal at laptop yet - 'tend git clone "
                               "URL .' copies another device's journal there"));
    CHECK_FALSE(std::filesystem::exists(world.folder / "laptop"));
}

TEST_CASE("e2e sync: a journal that is not a repository gets one line on how to start") {
    GitWorld world;
    world.add("laptop", {"log", "kegels", "3"});
    const auto sync = world.tend("laptop", {"sync"});
    CHECK(sync.exit_code == 2);
    CHECK(sync.out == "");
    CHECK(sync.err ==
          "tend: the journal at laptop is not a git repository - 'tend git init' starts one, or "
          "a sync folder carries it instead (docs/sync.md)\n");
}

TEST_CASE("e2e sync: without a remote, sync commits and says so, in a message naming no kind") {
    GitWorld world;
    world.add("laptop", {"log", "dilate", "3", "min=15", "pain=2", "--at", "2026-11-24 21:00"});
    world.add("laptop", {"log", "sex", "pain=3", "--at", "2026-11-24 22:00"});
    REQUIRE(world.tend("laptop", {"git", "init", "-q"}).exit_code == 0);
    const auto sync = world.tend("laptop", {"sync"});
    CHECK(sync.err == "");
    CHECK(sync.exit_code == 0);
    CHECK(sync.out ==
          "committed: tend: 2 entries, .gitattributes, .gitignore\n"
          "no remote to sync with, so the journal was only committed - 'tend git remote add "
          "origin URL' adds one (docs/sync.md)\n");
    CHECK(world.git("laptop", "status --porcelain").out == "");
    // Nothing to commit the second time.
    const auto again = world.tend("laptop", {"sync"});
    CHECK(again.out.starts_with("no remote to sync with"));
    CHECK(world.git("laptop", "rev-list --count HEAD").out == "1\n");

    // undo takes an entry back: the commit says so, still without a kind.
    REQUIRE(world.tend("laptop", {"undo", "--yes"}).exit_code == 0);
    const auto undone = world.tend("laptop", {"sync"});
    CHECK(undone.out.starts_with("committed: tend: 1 taken back\n"));
}

TEST_CASE(
    "e2e sync: two clones log in one month, and plain git pull and push in both orders "
    "never conflict") {
    GitWorld world;
    world.start_shared("laptop", "phone");
    std::vector<std::string> notes;
    for (const std::string first : {"laptop", "phone"}) {
        const std::string second = first == "laptop" ? "phone" : "laptop";
        CAPTURE(first);
        // Both log in the same month, the same day, before either pulls.
        const auto note = [&](const std::string& device, const std::string& when) {
            notes.push_back(fmt::format("{} {} {}", device, when, notes.size()));
            return notes.back();
        };
        world.add(first, {"log", "kegels", "3", "--at", "2026-11-24 08:00", note(first, "am")});
        world.add(second, {"log", "kegels", "2", "--at", "2026-11-24 08:05", note(second, "am")});
        world.add(first,
                  {"log", "dilate", "3", "min=15", "--at", "2026-11-24 21:00", note(first, "pm")});
        for (const auto& device : {first, second})
            REQUIRE(world.git(device, "add --all && git commit -q -m entries").exit_code == 0);
        // git's default merge, asked for by name: git 2.33+ wants a choice for diverged
        // branches and the isolated configuration makes none.
        const auto pushed = world.git(first, "push -q");
        REQUIRE_MESSAGE(pushed.exit_code == 0, pushed.err);
        const auto pulled = world.git(second, "pull -q --no-rebase --no-edit");
        CHECK_MESSAGE(pulled.exit_code == 0, (pulled.out + pulled.err));
        CHECK(world.git(second, "ls-files --unmerged").out == "");
        REQUIRE(world.git(second, "push -q").exit_code == 0);
        REQUIRE(world.git(first, "pull -q --no-rebase --no-edit").exit_code == 0);
    }
    // Every entry once on both, in the same order: show, stats and check agree.
    const auto laptop = world.tend("laptop", {"show", "2026-11"});
    const auto phone = world.tend("phone", {"show", "2026-11"});
    CHECK(laptop.out == phone.out);
    REQUIRE(notes.size() == 6);
    for (const auto& note : notes)
        CHECK_MESSAGE(count_of(laptop.out, "— " + note + "\n") == 1, note);
    CHECK(count_of(laptop.out, "kegels") == 4);
    CHECK(count_of(laptop.out, "dilate") == 2);
    const auto stats = world.tend("phone", {"stats", "2026-11"});
    CHECK(stats.out.find("6 entries on 1 of 25 days so far") != std::string::npos);
    CHECK(world.tend("laptop", {"stats", "2026-11"}).out == stats.out);
    for (const auto& device : {"laptop", "phone"}) {
        const auto check = world.tend(device, {"check"});
        CHECK(check.exit_code == 0);
        CHECK(check.out.find("problem") == std::string::npos);
    }
}

TEST_CASE("e2e sync: 'tend sync' carries an entry from one clone to the other") {
    GitWorld world;
    world.start_shared("laptop", "phone");
    world.add("laptop", {"log", "dilate", "3", "min=15", "pain=2", "--at", "2026-11-24 21:00"});
    const auto sent = world.tend("laptop", {"sync"});
    CHECK(sent.err == "");
    CHECK(sent.exit_code == 0);
    CHECK(sent.out ==
          "committed: tend: 1 entry\nsynced with origin/main: 1 entry sent, 0 entries received\n");

    world.add("phone", {"log", "kegels", "3", "--at", "2026-11-24 08:00"});
    const auto received = world.tend("phone", {"sync"});
    CHECK(received.err == "");
    CHECK(received.out ==
          "committed: tend: 1 entry\nsynced with origin/main: 1 entry sent, 1 entry received\n");
    CHECK(world.tend("phone", {"show", "2026-11-24"}).out.find("dilate") != std::string::npos);

    const auto back = world.tend("laptop", {"sync"});
    CHECK(back.out == "synced with origin/main: 0 entries sent, 1 entry received\n");
    CHECK(world.tend("laptop", {"show", "2026-11"}).out ==
          world.tend("phone", {"show", "2026-11"}).out);
    const auto quiet = world.tend("laptop", {"sync"});
    CHECK(quiet.out == "synced with origin/main: no new entries either way\n");
}

TEST_CASE(
    "e2e sync: a conflict in plan.toml stops sync with git's words, and nothing is "
    "committed over it") {
    GitWorld world;
    world.start_shared("laptop", "phone");
    world.add("laptop", {"plan", "add", "kegels", "3/day", "--from", "2026-11-16"});
    world.add("phone", {"plan", "add", "massage", "every", "2d", "--from", "2026-11-16"});
    REQUIRE(world.tend("laptop", {"sync"}).exit_code == 0);
    const auto conflict = world.tend("phone", {"sync"});
    CHECK(conflict.exit_code == 2);
    CHECK(conflict.err.starts_with(
        "tend: 'git pull' stopped at a conflict in plan.toml; your entries are committed - fix "
        "plan.toml by hand (docs/sync.md says how), then 'tend git add plan.toml' and 'tend "
        "sync'\n"));
    CHECK(conflict.err.find("CONFLICT") != std::string::npos);  // git's own message follows
    // A second sync refuses to commit the conflict markers.
    const auto again = world.tend("phone", {"sync"});
    CHECK(again.exit_code == 2);
    CHECK(again.err.starts_with("tend: a merge is unfinished: plan.toml still holds a conflict"));
    CHECK(world.git("phone", "diff --name-only --diff-filter=U").out == "plan.toml\n");
    // Added with the markers still in it (found by a trial): still nothing is committed.
    REQUIRE(world.git("phone", "add plan.toml").exit_code == 0);
    const std::string head = world.git("phone", "rev-parse HEAD").out;
    const auto marked = world.tend("phone", {"sync"});
    CHECK(marked.exit_code == 2);
    CHECK(marked.err.starts_with(
        "tend: plan.toml still holds git's conflict markers (<<<<<<<), so nothing was committed"));
    CHECK(world.git("phone", "rev-parse HEAD").out == head);
}

TEST_CASE("e2e sync: [git] autocommit commits after every write, and only then") {
    GitWorld world;
    world.add("laptop", {"init"});
    write_text(world.folder / "laptop/tend.toml",
               read_text(world.folder / "laptop/tend.toml") + "\n[git]\nautocommit = true\n");
    REQUIRE(world.tend("laptop", {"git", "init", "-q"}).exit_code == 0);
    const auto logged = world.tend("laptop", {"log", "kegels", "3"});
    CHECK(logged.err == "");
    CHECK(logged.exit_code == 0);
    CHECK(world.git("laptop", "log --format=%s").out ==
          "tend: 1 entry, .gitattributes, .gitignore, tend.toml\n");
    CHECK(world.git("laptop", "status --porcelain").out == "");
    world.add("laptop", {"show"});  // reads only: no commit
    world.add("laptop", {"plan", "add", "kegels", "3/day"});
    CHECK(world.git("laptop", "log -1 --format=%s").out == "tend: plan.toml\n");
    CHECK(world.git("laptop", "rev-list --count HEAD").out == "2\n");

    // When git can't commit (no name known to git), the entry is still saved and tend says so.
    RunOptions anonymous;
    const auto saved = world.tend("laptop", {"log", "kegels", "2"}, anonymous, true);
    CHECK(saved.exit_code == 0);
    CHECK(
        saved.err.starts_with("tend: saved, but [git] autocommit could not commit it: 'git "
                              "commit' failed, so nothing was committed - 'tend sync' commits "
                              "it later; git said:\n"));
    CHECK(count_of(world.tend("laptop", {"show"}).out, "kegels") == 2);
}

TEST_CASE("e2e sync: a wrong [git] autocommit is named by check, and changes nothing") {
    GitWorld world;
    world.add("laptop", {"init"});
    write_text(world.folder / "laptop/tend.toml",
               read_text(world.folder / "laptop/tend.toml") + "\n[git]\nautocommit = \"yes\"\n");
    const auto check = world.tend("laptop", {"check"});
    CHECK(check.exit_code == 1);
    CHECK(check.out.find("tend.toml:") != std::string::npos);
    CHECK(check.out.find("'autocommit' must be true or false") != std::string::npos);
}

TEST_CASE("e2e sync: a removal that arrives is said, calmly, not hidden as nothing new") {
    GitWorld world;
    world.start_shared("laptop", "phone");
    world.add("laptop", {"log", "note", "keep-a", "--at", "2026-11-24 08:00"});
    world.add("laptop", {"log", "note", "keep-b", "--at", "2026-11-24 09:00"});
    REQUIRE(world.tend("laptop", {"sync"}).exit_code == 0);
    REQUIRE(world.tend("phone", {"sync"}).exit_code == 0);
    // The last [[entry]] block of laptop's month file, cut by hand (or by a sync tool).
    const std::string cut_last =
        "f=journal/2026-11.laptop.toml && n=$(grep -n '^\\[\\[entry\\]\\]' $f | tail -1 | "
        "cut -d: -f1) && head -n $((n - 2)) $f > x && mv x $f";
    const auto cut =
        world.git("phone", "rev-parse && " + cut_last + " && git commit -qam cut && git push -q");
    REQUIRE_MESSAGE(cut.exit_code == 0, cut.err);
    const auto received = world.tend("laptop", {"sync"});
    CHECK(received.err == "");
    CHECK(received.exit_code == 0);
    CHECK(received.out ==
          "synced with origin/main: 0 entries sent, 0 entries received, 1 entry removed on "
          "another device\n");
    const auto shown = world.tend("laptop", {"show", "2026-11-24"}).out;
    CHECK(shown.find("keep-a") != std::string::npos);
    CHECK(shown.find("keep-b") == std::string::npos);
    // A removal made here is said as it is sent.
    REQUIRE(world.git("laptop", "rev-parse && " + cut_last).exit_code == 0);
    const auto sent = world.tend("laptop", {"sync"});
    CHECK(sent.exit_code == 0);
    CHECK(sent.out ==
          "committed: tend: 1 taken back\nsynced with origin/main: 0 entries sent, 0 entries "
          "received, 1 entry removed here\n");
    CHECK(world.tend("laptop", {"sync"}).out ==
          "synced with origin/main: no new entries either way\n");
}

TEST_CASE(
    "e2e sync: a month file committed as a link out of the journal is never written "
    "through") {
    GitWorld world;
    world.start_shared("laptop", "phone");
    world.add("laptop", {"log", "note", "first-entry", "--at", "2026-11-24 08:00"});
    REQUIRE(world.tend("laptop", {"sync"}).exit_code == 0);
    REQUIRE(world.tend("phone", {"sync"}).exit_code == 0);
    const std::string settings = "# app settings\ntheme = \"dark\"\n";
    write_text(world.folder / "home/config.toml", settings);
    // Another device (buggy or worse) replaces laptop's month file with a link to a file of
    // laptop's own home, and pushes it.
    const auto planted =
        world.git("phone", fmt::format("rev-parse && ln -sf {} journal/2026-11.laptop.toml "
                                       "&& git add -A && git commit -qm 'tend: 1 entry' && git "
                                       "push -q",
                                       (world.folder / "home/config.toml").string()));
    REQUIRE_MESSAGE(planted.exit_code == 0, planted.err);
    const auto sync = world.tend("laptop", {"sync"});
    CHECK(sync.err == "");
    CHECK(sync.exit_code == 0);
    CHECK(sync.out ==
          "synced with origin/main: 0 entries sent, 0 entries received, 1 entry removed on "
          "another device\n"
          "note: journal/2026-11.laptop.toml is a symbolic link in the repository, so tend "
          "doesn't write through it - 'tend check' says more (docs/reliability.md)\n");

    // Typed from another folder, options after the words: nothing leaves the journal.
    const auto log = world.tend_in(
        world.folder / "home", "laptop",
        {"log", "dilate", "3", "pain=4", "private", "--at", "2026-11-25 09:00"}, "../laptop");
    CHECK(log.exit_code == 2);
    CHECK(log.out == "");
    CHECK(log.err ==
          "tend: 'journal/2026-11.laptop.toml' is a link to a file outside the journal folder, "
          "so nothing was written - tend writes the journal's files only inside it; replace the "
          "link with the month's file (docs/reliability.md says how)\n");
    CHECK(read_text(world.folder / "home/config.toml") == settings);
    CHECK(std::filesystem::is_symlink(world.folder / "laptop/journal/2026-11.laptop.toml"));

    const auto check = world.tend("laptop", {"check"});
    CHECK(check.exit_code == 1);
    CHECK(check.out.find("journal/2026-11.laptop.toml: a link to a file outside the journal "
                         "folder (another device may have committed it); tend shows what it "
                         "leads to but never writes through it") != std::string::npos);
}

TEST_CASE("e2e sync: a month file that still holds conflict markers is not committed") {
    GitWorld world;
    world.start_shared("laptop", "phone");
    world.add("laptop", {"log", "note", "first", "--at", "2026-11-24 08:00"});
    REQUIRE(world.tend("laptop", {"sync"}).exit_code == 0);
    const std::string head = world.git("laptop", "rev-parse HEAD").out;
    // A hand merge of a month file left git's markers behind.
    const auto month = world.folder / "laptop/journal/2026-11.laptop.toml";
    write_text(month, read_text(month) + "<<<<<<< HEAD\n=======\n>>>>>>> origin/main\n");
    const auto sync = world.tend("laptop", {"sync"});
    CHECK(sync.exit_code == 2);
    CHECK(sync.out == "");
    CHECK(sync.err ==
          "tend: journal/2026-11.laptop.toml still holds git's conflict markers (<<<<<<<), so "
          "nothing was committed - keep what both sides need, delete the marker lines, check "
          "with 'tend check', then 'tend sync' (docs/sync.md)\n");
    CHECK(world.git("laptop", "rev-parse HEAD").out == head);
}
