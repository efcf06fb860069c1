// End-to-end tests of `tend plan`: adding a programme, adherence on a generated journal, today,
// due, end/rm, the calendar export and the line after `log`.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sys/wait.h>
#include <cstdio>

#include "e2e/run_tend.h"
#include "store/journal.h"
#include "store/plan_file.h"
#include "tend/adherence.h"

using namespace tend;
using namespace tend::testing;

namespace {

RunResult tend_in(const TempFolder& journal, std::vector<std::string> arguments,
                  const std::string& now = "2026-11-25T10:00:00+01:00") {
    arguments.insert(arguments.begin(), {"--dir", journal.path().string()});
    return run_tend(arguments, RunOptions{{}, {{"TEND_NOW", now}}, 077, {}, {}});
}

void add_item(const TempFolder& journal, const std::vector<std::string>& words) {
    std::vector<std::string> arguments = {"plan", "add"};
    arguments.insert(arguments.end(), words.begin(), words.end());
    const auto added = tend_in(journal, arguments);
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
}

// The seed programme, as the therapist gave it on Monday 5 October 2026.
void add_seed_programme(const TempFolder& journal) {
    add_item(journal, {"kegels", "3/day", "--from", "2026-10-05", "--for", "3w"});
    add_item(journal, {"dilate", "daily", "minutes>=10", "--from", "2026-10-05"});
    add_item(journal, {"cardio", "3/week", "--from", "2026-10-05"});
    add_item(journal, {"massage", "every", "2d", "--from", "2026-10-26", "--name", "Massage"});
}

struct Session {
    Date day;
    int hour;
    std::string kind;
    std::string fields;
};

// A journal of 1 Oct - 22 Nov 2026 that follows the programme with known slips (see below).
std::vector<Session> generated_sessions() {
    using std::chrono::days;
    std::vector<Session> sessions;
    const Date first = *make_date(2026, 10, 1);
    const Date last = *make_date(2026, 11, 22);
    const Date massage_start = *make_date(2026, 10, 26);
    for (Date day = first; day <= last; day += days{1}) {
        const int day_of_month = day_of(day);
        const bool october = month_of(day) == 10;
        // Kegels: 3 a day on 4-26 Oct; 2 on 10 and 17 Oct, none on 20 Oct, 4 on 21 Oct.
        if (october && day_of_month >= 4 && day_of_month <= 26) {
            int count = 3;
            if (day_of_month == 10 || day_of_month == 17) count = 2;
            if (day_of_month == 20) count = 0;
            if (day_of_month == 21) count = 4;
            for (int session = 0; session < count; ++session)
                sessions.push_back({day, 8 + session, "kegels", "reps = 10"});
        }
        // Dilating: 15 min daily from 5 Oct, but only 8 min on Mondays; a second one on 1 Nov.
        if (day >= *make_date(2026, 10, 5)) {
            const bool monday = Weekday{day} == std::chrono::Monday;
            sessions.push_back({day, 21, "dilate", monday ? "minutes = 8" : "minutes = 15"});
            if (!october && day_of_month == 1)
                sessions.push_back({day, 22, "dilate", "minutes = 20"});
        }
        // Cardio on Mon, Wed and Sat; only Monday in the week of 19 Oct; Friday too in the week
        // of 2 Nov.
        const Weekday weekday{day};
        const bool slack_week = day >= *make_date(2026, 10, 20) && day <= *make_date(2026, 10, 25);
        const bool cardio_day = weekday == std::chrono::Monday ||
                                weekday == std::chrono::Wednesday ||
                                weekday == std::chrono::Saturday || day == *make_date(2026, 11, 6);
        if (day >= *make_date(2026, 10, 5) && cardio_day && !slack_week)
            sessions.push_back({day, 18, "cardio", "minutes = 30"});
        // Massage on the second day of each two-day window, except the windows of 7 and 9 Nov.
        if (day > massage_start && (day - massage_start).count() % 2 == 1 &&
            day != *make_date(2026, 11, 8) && day != *make_date(2026, 11, 10))
            sessions.push_back({day, 20, "massage", "minutes = 10"});
    }
    return sessions;
}

void write_generated_journal(const TempFolder& journal) {
    std::map<std::string, std::string> months;
    for (const auto& session : generated_sessions()) {
        std::string& text = months[month_key(session.day)];
        text += fmt::format("[[entry]]\nat = {}T{:02}:00:00+{:02}:00\nkind = \"{}\"\n{}\n\n",
                            format_date(session.day), session.hour,
                            session.day < *make_date(2026, 10, 25) ? 2 : 1, session.kind,
                            session.fields);
    }
    for (const auto& [month, text] : months)
        write_text(journal / fmt::format("journal/{}.toml", month), text);
}

}  // namespace

TEST_CASE("e2e plan: plan add writes readable items and plan shows them in plain words") {
    TempFolder journal;
    add_seed_programme(journal);
    add_item(journal, {"dilate", "total", "minutes>=120/day", "--from", "2026-12-01", "--until",
                       "2027-01-25", "--note", "after the review"});
    const std::string plan = read_text(journal / "plan.toml");
    CHECK(plan.find("[[item]]\nkind = \"kegels\"\nschedule = \"3/day\"\nstart = 2026-10-05\n"
                    "length = \"3w\"\n") != std::string::npos);
    CHECK(plan.find("[[item]]\nkind = \"dilate\"\nschedule = \"daily\"\n"
                    "conditions = [\"minutes>=10\"]\nstart = 2026-10-05\n") != std::string::npos);
    CHECK(permissions_of(journal / "plan.toml") == 0600);

    const auto shown = tend_in(journal, {"plan"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out ==
          "In force today\n"
          "   2  dilate: daily, at least 10 min each\n"
          "   3  cardio: 3 times a week\n"
          "   4  Massage (massage): every other day\n"
          "Starting later\n"
          "   5  dilate: at least 2 h a day, from 1 Dec until 25 Jan 2027\n"
          "      \"after the review\"\n"
          "Ended (kept: they measure the weeks they covered)\n"
          "   1  kegels: 3 times a day, 5 Oct - 25 Oct\n");
    CHECK(tend_in(journal, {"plan", "show"}).out == shown.out);
    CHECK(tend_in(journal, {"check"}).out == "checked 0 month files and plan.toml: all good\n");
}

TEST_CASE(
    "e2e plan: the seed programme on a generated journal gives exact expected and done counts") {
    TempFolder journal;
    add_seed_programme(journal);
    write_generated_journal(journal);
    REQUIRE(tend_in(journal, {"check"}).exit_code == 0);

    const store::Journal opened(journal.path());
    const Plan plan = store::load_plan(journal.path(), opened.config());
    const Period seven_weeks{*make_date(2026, 10, 5), *make_date(2026, 11, 22)};
    const auto entries = opened.load_compact(seven_weeks, [](std::int64_t) { return 3600; });
    const Date today = *make_date(2026, 11, 25);
    struct Expected {
        const char* kind;
        double expected;
        double credited;
        int windows;
    };
    // kegels: 21 days x 3, less 1 (10 Oct), 1 (17 Oct) and 3 (20 Oct); 21 Oct's 4th is capped.
    // dilate: 49 days, the 7 Mondays' 8-minute sessions do not count.
    // cardio: 7 weeks x 3; the week of 19 Oct has 1, the week of 2 Nov 4 (capped at 3).
    // massage: 14 two-day windows from 26 Oct to 22 Nov; two were skipped.
    const Expected expected[] = {{"kegels", 63, 58, 21},
                                 {"dilate", 49, 42, 49},
                                 {"cardio", 21, 19, 7},
                                 {"massage", 14, 12, 14}};
    double all_expected = 0;
    double all_credited = 0;
    REQUIRE(plan.items.size() == 4);
    for (std::size_t index = 0; index < plan.items.size(); ++index) {
        CAPTURE(expected[index].kind);
        const PlanItem& item = plan.items[index];
        CHECK(item.kind == expected[index].kind);
        const auto windows = windows_for(item, seven_weeks, CountedAmounts(item, entries.entries()),
                                         std::chrono::Monday, today);
        const Adherence adherence = adherence_of(windows, today);
        CHECK(adherence.expected == expected[index].expected);
        CHECK(adherence.credited == expected[index].credited);
        CHECK(adherence.windows == expected[index].windows);
        all_expected += adherence.expected;
        all_credited += adherence.credited;
    }
    CHECK(all_expected == 147);
    CHECK(all_credited == 131);
}

TEST_CASE("e2e plan: plan today on a day of the generated journal") {
    TempFolder journal;
    add_seed_programme(journal);
    write_generated_journal(journal);
    // Sunday 8 Nov, late: dilating done, cardio had 4 this week, and the massage window of
    // 7-8 Nov was skipped, so today is its last day.
    const auto today = tend_in(journal, {"plan", "today"}, "2026-11-08T23:30:00+01:00");
    CHECK(today.exit_code == 0);
    CHECK(today.out ==
          "Today, Sun 8 Nov 2026\n"
          "  ✓ dilate   done today\n"
          "  ✓ cardio   4 of 3 this week — done\n"
          "  • Massage  due today\n"
          "\n"
          "Good going: one thing still open, whenever it suits you.\n");
    CHECK(tend_in(journal, {}, "2026-11-08T23:30:00+01:00").out == today.out);
    // Friday 13 Nov: the massage window of 13-14 Nov has just begun (its session is logged on
    // the 14th, which is still to come); cardio had Monday and Wednesday.
    const auto later = tend_in(journal, {"plan", "today"}, "2026-11-13T23:00:00+01:00");
    CHECK(later.out ==
          "Today, Fri 13 Nov 2026\n"
          "  ✓ dilate   done today\n"
          "  • cardio   2 of 3 this week — 1 to go\n"
          "  • Massage  due by tomorrow\n"
          "\n"
          "Good going: 2 things still open, whenever it suits you.\n");
    // Saturday 14 Nov: the session of the 14th closes that window.
    const auto saturday = tend_in(journal, {"plan", "today"}, "2026-11-14T23:00:00+01:00");
    CHECK(saturday.out.find("  ✓ Massage  done (next: tomorrow)\n") != std::string::npos);
    CHECK(saturday.out.find("  ✓ cardio   3 of 3 this week — done\n") != std::string::npos);
    // Sunday 15 Nov: massage was done yesterday for the window of 13-14 Nov, and today opens
    // the next one.
    const auto sunday = tend_in(journal, {"plan", "today"}, "2026-11-15T23:00:00+01:00");
    CHECK(sunday.out ==
          "Today, Sun 15 Nov 2026\n"
          "  ✓ dilate   done today\n"
          "  ✓ cardio   3 of 3 this week — done\n"
          "  • Massage  due by tomorrow\n"
          "\n"
          "Good going: one thing still open, whenever it suits you.\n");
}

TEST_CASE("e2e plan: plan due answers 0 while something is due and 1 after the last session") {
    TempFolder journal;
    add_item(journal, {"kegels", "2/day"});
    add_item(journal, {"dilate", "daily", "minutes>=10"});

    CHECK(tend_in(journal, {"plan", "today"}).out ==
          "Today, Wed 25 Nov 2026\n"
          "  • kegels  0 of 2 today — 2 to go\n"
          "  • dilate  to do today\n"
          "\n"
          "2 things on the plan today. Whatever you manage counts.\n");
    const auto before = tend_in(journal, {"plan", "due"});
    CHECK(before.exit_code == 0);
    CHECK(before.out == "kegels: 0 of 2 today — 2 to go\ndilate: to do today\n");
    const auto quiet = tend_in(journal, {"plan", "due", "-q"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out.empty());

    const auto first = tend_in(journal, {"log", "kegels", "10"});
    CHECK(first.out ==
          "logged kegels (reps 10) today at 10:00\nplan: kegels 1 of 2 today — 1 to go\n");
    tend_in(journal, {"log", "kegels", "10"});
    const auto short_session = tend_in(journal, {"log", "dilate", "2", "min=5"});
    CHECK(short_session.out.ends_with(
        "plan: dilate to do today (this one isn't counted: the plan asks for at least 10 min "
        "each)\n"));
    CHECK(tend_in(journal, {"plan", "due", "-q"}).exit_code == 0);

    const auto last = tend_in(journal, {"log", "dilate", "2", "min=12"});
    CHECK(last.out.ends_with("plan: dilate done today\n"));
    CHECK(tend_in(journal, {"plan", "today"}).out.ends_with("\nAll done for today. Well done.\n"));
    const auto after = tend_in(journal, {"plan", "due"});
    CHECK(after.exit_code == 1);
    CHECK(after.out == "all done for today\n");
    CHECK(tend_in(journal, {"plan", "due", "-q"}).out.empty());

    // The next morning both are due again; a broken plan.toml is an error (2), not a "no".
    CHECK(tend_in(journal, {"plan", "due", "-q"}, "2026-11-26T07:00:00+01:00").exit_code == 0);
    write_text(journal / "plan.toml", read_text(journal / "plan.toml") + "[[item]]\nkind = 3\n");
    const auto broken = tend_in(journal, {"plan", "due", "-q"});
    CHECK(broken.exit_code == 2);
    CHECK(broken.err.starts_with("tend: plan.toml:"));
    // Logging still works with a broken plan; the status line says what is missing.
    const auto logged = tend_in(journal, {"log", "kegels", "10"});
    CHECK(logged.exit_code == 0);
    CHECK(logged.out.find("(the plan status is missing: plan.toml:") != std::string::npos);
}

TEST_CASE("e2e plan: an empty journal has nothing due") {
    TempFolder journal;
    const auto due = tend_in(journal, {"plan", "due"});
    CHECK(due.exit_code == 1);
    CHECK(due.out == "no plan yet, so nothing is due\n");
}

TEST_CASE(
    "e2e plan: plan end keeps the item's history, plan rm only deletes what has counted nothing") {
    TempFolder journal;
    add_seed_programme(journal);
    add_item(journal, {"kegels", "3/day", "--from", "2026-12-01", "--for", "2w"});

    // "kegels" matches the ended block and the future one: end picks the one not yet ended.
    const auto ended = tend_in(journal, {"plan", "end", "massage"});
    CHECK(ended.exit_code == 0);
    CHECK(ended.out == "Massage (massage) ends today; its history stays in the plan\n");
    CHECK(read_text(journal / "plan.toml").find("name = \"Massage\"\nend = 2026-11-25\n") !=
          std::string::npos);

    const std::string before = read_text(journal / "plan.toml");
    // One session that met 'minutes>=10': #2 is part of the record now.
    REQUIRE(tend_in(journal, {"log", "--at", "2026-10-07 20:00", "dilate", "min=12"}).exit_code ==
            0);
    const auto started = tend_in(journal, {"plan", "rm", "2"});
    CHECK(started.exit_code == 2);
    CHECK(started.err ==
          "tend: #2 dilate has counted sessions since 2026-10-05; removing it would change how "
          "those days are measured - end it instead: tend plan end 2\n");
    CHECK(read_text(journal / "plan.toml") == before);
    const auto ambiguous = tend_in(journal, {"plan", "end", "kegels", "--on", "2026-12-05"});
    CHECK(ambiguous.exit_code == 0);  // only the December block is still in force on 5 Dec
    const std::string after_end = read_text(journal / "plan.toml");
    CHECK(after_end.ends_with("start = 2026-12-01\nend = 2026-12-05\n"));

    const auto unknown = tend_in(journal, {"plan", "end", "yoga"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err ==
          "tend: no plan item is called 'yoga' - use the number, name or kind that 'tend plan' "
          "shows\n");
    CHECK(tend_in(journal, {"plan", "end", "9"}).err ==
          "tend: there is no item #9 - the plan has items 1 to 5; 'tend plan' lists them\n");

    // Two kegels items have counted nothing (the ended one had no session): the number says which.
    const auto removed = tend_in(journal, {"plan", "rm", "5"});
    CHECK(removed.exit_code == 0);
    CHECK(removed.out ==
          "removed from the plan: #5 kegels: 3 times a day\n");  // the last: no renumbering
    CHECK(read_text(journal / "plan.toml") ==
          after_end.substr(0, after_end.rfind("\n\n[[item]]\nkind = \"kegels\"") + 1));
    CHECK(before != after_end);
}

TEST_CASE("e2e plan: an item started weeks ago that counted nothing yet is removed, and says so") {
    TempFolder journal;
    add_seed_programme(journal);
    // Added with a wrong start weeks ago; the only stretch logged is before it started.
    add_item(journal, {"stretch", "daily", "--from", "2026-11-02", "--name", "Stretches"});
    REQUIRE(tend_in(journal, {"log", "stretch", "--at", "2026-11-01 09:00"}).exit_code == 0);
    const std::string with_stretch = read_text(journal / "plan.toml");

    // From another folder, options after the item.
    TempFolder elsewhere;
    const auto removed =
        run_tend_in(elsewhere.path(), {"--dir", journal.path(), "plan", "rm", "Stretches"});
    CHECK(removed.err == "");
    CHECK(removed.exit_code == 0);
    CHECK(removed.out == "removed from the plan: #5 Stretches (stretch): daily\n");
    CHECK(read_text(journal / "plan.toml") ==
          with_stretch.substr(0, with_stretch.rfind("\n\n[[item]]\nkind = \"stretch\"") + 1));

    // Not the last item: the ones after it move up, and rm says so.
    const auto kegels = tend_in(journal, {"plan", "rm", "1"});
    CHECK(kegels.exit_code == 0);
    CHECK(kegels.out ==
          "removed from the plan: #1 kegels: 3 times a day\n"
          "#2 is now #1, #3 is now #2, #4 is now #3\n");
    CHECK(tend_in(journal, {"plan"}).out.find("   1  dilate: daily, at least 10 min each\n") !=
          std::string::npos);

    // Removing can't be undone: a kind that several items answer to needs the number, even
    // when only one of them could be removed.
    add_item(journal, {"dilate", "daily", "min:15+", "--from", "2026-12-01"});
    const std::string two_dilate = read_text(journal / "plan.toml");
    const auto by_kind = tend_in(journal, {"plan", "rm", "dilate"});
    CHECK(by_kind.exit_code == 2);
    CHECK(by_kind.err ==
          "tend: 'dilate' matches 2 items: #1 dilate (daily), #4 dilate (daily) - this can't be "
          "undone, so use the number, e.g. 'tend plan rm 4'\n");
    CHECK(read_text(journal / "plan.toml") == two_dilate);
    CHECK(tend_in(journal, {"plan", "rm", "4"}).out ==
          "removed from the plan: #4 dilate: daily, at least 15 min each\n");
    // The last block goes with the blank line before it: the file does not end in a blank line.
    CHECK(read_text(journal / "plan.toml") ==
          two_dilate.substr(0, two_dilate.rfind("\n\n[[item]]\nkind = \"dilate\"") + 1));
}

TEST_CASE("e2e plan: bad plan input is one line with a hint, exit 2, and nothing written") {
    TempFolder journal;
    add_seed_programme(journal);
    struct Case {
        std::vector<std::string> arguments;
        const char* error;
    };
    const Case cases[] = {
        {{"plan", "add", "dilate", "sometimes"},
         "tend: can't read the schedule 'sometimes' - try daily, 3/day, every 2d, every other "
         "day, 3/week, weekly, weekdays or mon,wed,fri\n"},
        {{"plan", "add", "dilate"},
         "tend: the item needs a schedule - try daily, 3/day, every 2d, 3/week or mon,wed,fri "
         "after the kind\n"},
        {{"plan", "add", "yoga", "daily"}, "tend: unknown kind 'yoga' - 'tend kinds' lists them\n"},
        {{"plan", "add", "kegels", "0/day"},
         "tend: can't read the schedule '0/day' - try daily, 3/day, every 2d, every other day, "
         "3/week, weekly, weekdays or mon,wed,fri\n"},
        {{"plan", "add", "dilate", "daily", "--for", "3 months"},
         "tend: can't read the length '3 months' - use days or weeks: 30d, 3w, 8w\n"},
        {{"plan", "add", "dilate", "daily", "--from", "2026-12-01", "--until", "2026-11-01"},
         "tend: the item ends on 2026-11-01, before it starts on 2026-12-01 - the end is the last "
         "day the item is in force\n"},
        {{"plan", "add", "dilate", "daily", "--until", "2026-12-01", "--for", "3w"},
         "tend: --until excludes --for - see 'tend --help'\n"},
        {{"plan", "add", "dilate", "daily", "--from", "soon"},
         "tend: can't read the date 'soon' - use YYYY-MM-DD, today, tomorrow, yesterday, a weekday "
         "(mon) or '3 weeks ago'\n"},
        {{"plan", "end", "2", "--on", "2026-10-01"},
         "tend: #2 dilate starts on 2026-10-05, after 2026-10-01 - to drop an item that has not "
         "started, use 'tend plan rm 2'\n"},
        {{"plan", "end", "kegels"},
         "tend: 'kegels' matches only #1 kegels (3/day), which had already ended by 25 Nov - "
         "'tend plan' lists every item with its number\n"},
        {{"plan", "frobnicate"},
         "tend: unknown command 'plan frobnicate' - see 'tend plan --help' for the commands\n"},
        {{"plan", "ad", "kegels", "daily"},
         "tend: unknown command 'plan ad' - did you mean 'plan add'?\n"},
    };
    const auto before = snapshot(journal.path());
    for (const auto& test : cases) {
        CAPTURE(test.arguments.back());
        const auto result = tend_in(journal, test.arguments);
        CHECK(result.exit_code == 2);
        CHECK(result.err == test.error);
        CHECK(result.out.empty());
    }
    CHECK(snapshot(journal.path()) == before);
}

TEST_CASE("e2e plan: plan ics is valid iCalendar with the right recurrences") {
    TempFolder journal;
    add_seed_programme(journal);
    add_item(journal, {"kegels", "3/day", "--from", "2026-12-01", "--for", "2w", "--note",
                       "Long note, with commas; semicolons and a very long sentence that must be "
                       "folded at seventy-five octets — ünïcödé included."});
    add_item(journal, {"stretch", "mon,wed,fri", "--from", "2026-11-26", "--until", "2026-12-31"});
    const auto written = tend_in(journal, {"plan", "ics", "-o", (journal / "plan.ics").string()});
    CHECK(written.exit_code == 0);
    CHECK(permissions_of(journal / "plan.ics") == 0600);
    const std::string calendar = read_text(journal / "plan.ics");
    CHECK(calendar == tend_in(journal, {"plan", "ics"}).out);
    CHECK(calendar.find("DTSTAMP:20261125T090000Z\r\n") != std::string::npos);
    // A file to import, not an iTIP message: a METHOD:PUBLISH would need an ORGANIZER.
    CHECK(calendar.find("METHOD") == std::string::npos);

    // libical, as calendar servers read it: no parse error, no RFC 5545/5546 restriction broken.
    const auto libical = output_of(
        fmt::format("'{}' '{}'", TEND_ICS_LIBICAL_CHECK, (journal / "plan.ics").string()));
    CHECK(libical.exit_code == 0);
    CHECK(libical.out == "ok: 7 events\n");

    const auto python =
        output_of(fmt::format("/usr/bin/python3 {}/tests/e2e/check_ics.py {} 2026-12-31",
                              TEND_SOURCE_DIR, (journal / "plan.ics").string()));
    CHECK(python.exit_code == 0);
    const std::string& report = python.out;
    // Up to 31 Dec: the ended kegels block is left out; dilate daily from 5 Oct (88 days);
    // cardio on Mon, Wed and Sat (13 + 13 + 12); massage every 2 days from 26 Oct (34); the
    // December kegels as 3 events of 14 days; stretch on Mon, Wed, Fri from Fri 27 Nov (15).
    CHECK(report ==
          "dilate|2026-10-05T08:00:00|FREQ=DAILY|88\n"
          "cardio|2026-10-05T08:00:00|FREQ=WEEKLY;BYDAY=MO,WE,SA|38\n"
          "Massage|2026-10-26T08:00:00|FREQ=DAILY;INTERVAL=2|34\n"
          "kegels (1 of 3)|2026-12-01T08:00:00|FREQ=DAILY;UNTIL=20261214T235959|14\n"
          "kegels (2 of 3)|2026-12-01T13:00:00|FREQ=DAILY;UNTIL=20261214T235959|14\n"
          "kegels (3 of 3)|2026-12-01T20:00:00|FREQ=DAILY;UNTIL=20261214T235959|14\n"
          "stretch|2026-11-27T08:00:00|FREQ=WEEKLY;UNTIL=20261231T235959;BYDAY=MO,WE,FR|15\n"
          "ok\n");
}
