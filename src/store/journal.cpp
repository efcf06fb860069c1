// The journal folder: month files in, entries out; new entries appended safely.
#include "store/journal.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "core/text.h"
#include "store/config_file.h"
#include "store/device.h"
#include "store/file_io.h"
#include "store/folder_files.h"
#include "store/month_cache.h"
#include "store/month_file.h"
#include "store/toml_writer.h"
#include "store/undo_log.h"
#include "store/write_check.h"
#include "tend/adherence.h"
#include "tend/error.h"
#include "tend/stats.h"
#include "tend/visit_report.h"

namespace tend::store {

namespace {

constexpr std::string_view month_names[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

std::string new_month_header(const std::string& month, std::string_view newline) {
    const int month_number = std::stoi(month.substr(5, 2));
    return fmt::format(
        "# tend journal, {} {}: one [[entry]] per session. Edit freely; see docs/format.md.{}",
        month_names[month_number - 1], month.substr(0, 4), newline);
}

[[noreturn]] void throw_changed_while_read(const std::string& file) {
    throw user_error(fmt::format("{} changed while tend was reading the journal", file),
                     "another program (a sync tool, a second tend) was writing it; run the "
                     "command again");
}

bool month_overlaps(const std::string& month, const Period& period) {
    const Date first = *parse_iso_date(month + "-01");
    return (!period.to || first <= *period.to) &&
           (!period.from || last_of_month(first) >= *period.from);
}

// The warning for an entry dated more than a day after today: a typo in the year, as 2062 for
// 2026. A day of slack covers a time zone ahead of the clock's, or a flight across the date line.
std::optional<Problem> future_problem(const std::string& name, const Entry& entry, Date today) {
    if (entry.at.local_date() <= today + std::chrono::days{1}) return std::nullopt;
    return Problem{name, entry.line, 1,
                   fmt::format("this entry is dated {}, after today; check the year",
                               format_date(entry.at.local_date())),
                   Severity::warning};
}

// Entries decoded from the cache are checked like parsed ones (kinds, fields, ranges, the month):
// a cache that passed its checksum but was made wrong still reads as "not cached".
bool plausible(const std::vector<Entry>& entries, const std::string& month, const Config& config) {
    for (const auto& entry : entries) {
        const KindSpec* kind = config.profile.kind(entry.kind);
        if (!kind || month_key(entry.at.local_date()) != month) return false;
        for (const auto& [name, value] : entry.fields) {
            const FieldSpec* field = kind->field(name);
            if (!field || check_field_value(*field, value)) return false;
        }
    }
    return true;
}

// Passes on months' entries in time order across months (the order of one stable sort of them
// all): an entry waits while an entry of a later month could still come before it, which one
// logged in another time zone can, by up to a day.
class TimeOrderedMonths {
  public:
    explicit TimeOrderedMonths(const std::function<void(std::vector<Entry>&)>& each)
        : each_(each) {}

    // The entries of `month` ("2026-11"), every file's, in file order.
    void add_month(const std::string& month, std::vector<Entry> entries) {
        sort_by_time(entries);
        const auto earlier = [](const Entry& left, const Entry& right) {
            return left.at.utc_seconds < right.at.utc_seconds;
        };
        std::vector<Entry> merged;
        merged.reserve(waiting_.size() + entries.size());
        // std::merge takes the earlier month's entry first among equals, as a stable sort would.
        std::merge(std::make_move_iterator(waiting_.begin()),
                   std::make_move_iterator(waiting_.end()),
                   std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()),
                   std::back_inserter(merged), earlier);
        // Entries of later months are dated after this month: whatever their offset (TOML's
        // are under a day), they come after two days before its end.
        const Date next_month =
            last_of_month(*parse_iso_date(month + "-01")) + std::chrono::days{1};
        const std::int64_t safe_before = local_seconds_at(next_month, 0) - 2 * seconds_per_day;
        const auto first_waiting =
            std::find_if(merged.begin(), merged.end(),
                         [&](const Entry& entry) { return entry.at.utc_seconds >= safe_before; });
        waiting_.assign(std::make_move_iterator(first_waiting),
                        std::make_move_iterator(merged.end()));
        merged.erase(first_waiting, merged.end());
        if (!merged.empty()) each_(merged);
    }

    void finish() {
        if (!waiting_.empty()) each_(waiting_);
        waiting_.clear();
    }

  private:
    static constexpr std::int64_t seconds_per_day = 86400;
    const std::function<void(std::vector<Entry>&)>& each_;
    std::vector<Entry> waiting_;
};

[[noreturn]] void stop_at(const Problem& problem) {
    throw user_error(problem.text(), "fix it by hand, then run 'tend check'");
}

}  // namespace

Journal::Journal(std::filesystem::path root)
    : root_(std::move(root)), config_(load_config(root_)), storage_(&disk()) {}

Journal::Journal(std::filesystem::path root, Config config, Storage& storage,
                 std::optional<std::string> device)
    : root_(std::move(root)),
      config_(std::move(config)),
      storage_(&storage),
      device_(std::move(device)) {}

void MonthUnion::start_file(const std::string& month) {
    if (month != month_) {
        month_ = month;
        earlier_.clear();
    } else {
        // The file just read joins the earlier ones: two sorted runs merged (a map per month
        // made a month of two devices' files cost a report a sixth more).
        std::sort(this_file_.begin(), this_file_.end());
        std::vector<Seen> joined;
        joined.reserve(earlier_.size() + this_file_.size());
        auto earlier = earlier_.begin();
        for (auto identity = this_file_.begin(); identity != this_file_.end();) {
            const auto next = std::find_if(identity, this_file_.end(),
                                           [&](std::uint64_t other) { return other != *identity; });
            for (; earlier != earlier_.end() && earlier->identity < *identity; ++earlier)
                joined.push_back({earlier->identity, earlier->in_earlier, 0});
            int most = static_cast<int>(next - identity);
            if (earlier != earlier_.end() && earlier->identity == *identity)
                most = std::max(most, (earlier++)->in_earlier);
            joined.push_back({*identity, most, 0});
            identity = next;
        }
        for (; earlier != earlier_.end(); ++earlier)
            joined.push_back({earlier->identity, earlier->in_earlier, 0});
        earlier_ = std::move(joined);
    }
    this_file_.clear();
}

bool MonthUnion::keep(std::uint64_t identity) {
    this_file_.push_back(identity);
    const auto found = std::lower_bound(
        earlier_.begin(), earlier_.end(), identity,
        [](const Seen& seen, std::uint64_t wanted) { return seen.identity < wanted; });
    if (found == earlier_.end() || found->identity != identity) return true;
    return ++found->in_this_file > found->in_earlier;
}

std::string Journal::device() const {
    return device_ ? *device_ : this_device(process_environment);
}

MonthFileName Journal::own_file(const std::string& month) const {
    return MonthFileName{month, device()};
}

std::vector<MonthFileName> Journal::month_files() const {
    if (listed_) return *listed_;
    std::vector<MonthFileName> files;
    for (const auto& name : storage_->names_in(journal_folder()))
        if (auto file = parse_month_file_name(name)) files.push_back(std::move(*file));
    // Sorted by month as a number ("2026-11" is 2026 * 16 + 11), then as before: thirty years
    // are 360 files, listed in no order.
    const auto number = [](const MonthFileName& file) {
        return (file.month[0] - '0') * 16000 + (file.month[1] - '0') * 1600 +
               (file.month[2] - '0') * 160 + (file.month[3] - '0') * 16 +
               (file.month[5] - '0') * 10 + (file.month[6] - '0');
    };
    std::vector<std::pair<int, MonthFileName>> numbered;
    numbered.reserve(files.size());
    for (auto& file : files)
        numbered.emplace_back(number(file), std::move(file));
    std::sort(numbered.begin(), numbered.end(), [](const auto& left, const auto& right) {
        return left.first != right.first ? left.first < right.first : left.second < right.second;
    });
    for (std::size_t index = 0; index < files.size(); ++index)
        files[index] = std::move(numbered[index].second);
    return files;
}

std::vector<std::string> Journal::months() const {
    std::vector<std::string> months;
    for (const auto& file : month_files())
        if (months.empty() || months.back() != file.month) months.push_back(file.month);
    return months;
}

void Journal::read_months(const Period& period, const OffsetAtLocal& offset_at_local,
                          const MonthReader& from_cache, const EntriesReader& parsed) const {
    const auto files = month_files();
    MonthCache& cache = this->cache();
    MonthUnion seen;
    std::vector<std::string> keys;
    for (std::size_t index = 0; index < files.size(); ++index) {
        const MonthFileName& file = files[index];
        keys.push_back(file.key());
        const std::string& month = file.month;
        if (!month_overlaps(month, period)) continue;
        const bool shared = (index > 0 && files[index - 1].month == month) ||
                            (index + 1 < files.size() && files[index + 1].month == month);
        seen.start_file(month);
        const FileRead read{file, shared, seen};
        const std::string name = file.path();
        const std::string key = file.key();
        const auto stamp = stamp_of((root_.native() + '/' + name).c_str());
        std::optional<std::string> content;
        if (snapshot_) {
            content = storage_->read(root_ / name, name);
            check_snapshot(file, content);
        }
        if (stamp && from_cache(cache, read, *stamp)) continue;
        if (!content) content = storage_->read(root_ / name, name);
        if (!content) continue;
        // A stamp that differs says little (a copy, a restore, a sync tool or git touching the
        // file); the same bytes say the month is what was cached.
        const ContentKey content_key = content_key_of(*content);
        if (stamp && cache.confirm(key, *stamp, content_key) && from_cache(cache, read, *stamp))
            continue;
        if (const auto latest = cache.find_latest(key, *content);
            latest && plausible(*latest, month, config_)) {
            // latest.bin already knows the file by its bytes: it goes into the cache once its
            // stamp has settled, so that a report right after a log writes nothing.
            if (stamp && cache.settled(*stamp)) cache.remember(key, *stamp, *latest, content_key);
            parsed(read, stamp, *latest);
            continue;
        }
        // A date-time written without its offset depends on the time zone: not cached.
        bool used_time_zone = false;
        const OffsetAtLocal noting_offset = [&](std::int64_t local) {
            used_time_zone = true;
            return offset_at_local(local);
        };
        auto month_file = parse_month_file(*content, name, config_, noting_offset, month);
        for (const auto& problem : month_file.problems)
            if (problem.severity == Severity::error) stop_at(problem);
        if (stamp && !used_time_zone) cache.remember(key, *stamp, month_file.entries, content_key);
        parsed(read, stamp, month_file.entries);
    }
    if (snapshot_) {
        // A file read before, of a month this read covers, that has gone away.
        for (const auto& [key, read] : snapshot_->files)
            if (month_overlaps(read.month, period) &&
                std::find(keys.begin(), keys.end(), key) == keys.end())
                throw_changed_while_read(read.path);
        snapshot_->periods.push_back(period);
    }
    cache.keep_only(std::move(keys));
    cache.save();
}

void Journal::read_as_one_snapshot() const {
    if (!snapshot_) snapshot_.emplace();
}

void Journal::check_snapshot(const MonthFileName& file,
                             const std::optional<std::string>& content) const {
    const std::string name = file.path();
    if (!content) {  // gone between the listing and the read
        if (snapshot_->files.contains(file.key())) throw_changed_while_read(name);
        return;
    }
    const ContentKey bytes = content_key_of(*content);
    const auto known = snapshot_->files.find(file.key());
    if (known != snapshot_->files.end()) {
        if (known->second.bytes != bytes) throw_changed_while_read(name);
        return;
    }
    // Not read before: new, when its month was read before without it.
    for (const Period& read : snapshot_->periods)
        if (month_overlaps(file.month, read)) throw_changed_while_read(name);
    snapshot_->files.emplace(file.key(), Snapshot::File{file.month, name, bytes});
}

std::vector<Entry> Journal::load(const Period& period, const OffsetAtLocal& offset_at_local) const {
    std::vector<Entry> entries;
    load_month_by_month(period, offset_at_local, [&](std::vector<Entry>& some) {
        entries.insert(entries.end(), std::make_move_iterator(some.begin()),
                       std::make_move_iterator(some.end()));
    });
    return entries;
}

void Journal::load_month_by_month(const Period& period, const OffsetAtLocal& offset_at_local,
                                  const std::function<void(std::vector<Entry>&)>& each) const {
    TimeOrderedMonths ordered(each);
    std::string month;  // the month being read, file by file
    std::vector<Entry> entries;
    const auto start_file = [&](const std::string& file_month) {
        if (file_month == month) return;
        if (!month.empty()) ordered.add_month(month, std::move(entries));
        entries.clear();
        month = file_month;
    };
    const auto add = [&](const FileRead& file, const std::optional<FileStamp>&,
                         const std::vector<Entry>& month_entries) {
        start_file(file.name.month);
        for (const auto& entry : month_entries)
            if (period.contains(entry.at.local_date()) && file.takes(entry))
                entries.push_back(entry);
    };
    const auto from_cache = [&](MonthCache& cache, const FileRead& file, const FileStamp& stamp) {
        auto cached = cache.find(file.name.key(), stamp);
        if (!cached || !plausible(*cached, file.name.month, config_)) return false;
        start_file(file.name.month);
        for (auto& entry : *cached)
            if (period.contains(entry.at.local_date()) && file.takes(entry))
                entries.push_back(std::move(entry));
        return true;
    };
    read_months(period, offset_at_local, from_cache, add);
    if (!month.empty()) ordered.add_month(month, std::move(entries));
    ordered.finish();
}

bool Journal::FileRead::add_cached(MonthCache& cache, const FileStamp& stamp, const Period& period,
                                   CompactEntries& into) const {
    const std::size_t before = into.size();
    // A shared file's entries are kept by identity: those another file of the month holds go.
    if (!cache.find_compact(name.key(), stamp, period, into,
                            shared ? Identities::record : Identities::skip))
        return false;
    if (shared) into.keep_from(before, [&](std::uint64_t identity) { return takes(identity); });
    return true;
}

CompactEntries Journal::load_compact(const Period& period,
                                     const OffsetAtLocal& offset_at_local) const {
    CompactEntries entries(config_.profile);
    const auto add = [&](const FileRead& file, const std::optional<FileStamp>&,
                         const std::vector<Entry>& month_entries) {
        for (const auto& entry : month_entries)
            if (period.contains(entry.at.local_date()) && file.takes(entry)) entries.add(entry);
    };
    const auto from_cache = [&](MonthCache& cache, const FileRead& file, const FileStamp& stamp) {
        return file.add_cached(cache, stamp, period, entries);
    };
    read_months(period, offset_at_local, from_cache, add);
    entries.sort_by_time();
    return entries;
}

void Journal::load_compact_month_by_month(
    const Period& period, const OffsetAtLocal& offset_at_local,
    const std::function<void(const CompactEntries&)>& each) const {
    std::string month;  // the month being read, file by file
    CompactEntries entries(config_.profile);
    const auto start_file = [&](const std::string& file_month) {
        if (file_month == month) return;
        if (!month.empty()) {
            entries.sort_by_time();
            each(entries);
        }
        entries = CompactEntries(config_.profile);
        month = file_month;
    };
    const auto add = [&](const FileRead& file, const std::optional<FileStamp>&,
                         const std::vector<Entry>& month_entries) {
        start_file(file.name.month);
        for (const auto& entry : month_entries)
            if (period.contains(entry.at.local_date()) && file.takes(entry)) entries.add(entry);
    };
    const auto from_cache = [&](MonthCache& cache, const FileRead& file, const FileStamp& stamp) {
        start_file(file.name.month);
        return file.add_cached(cache, stamp, period, entries);
    };
    read_months(period, offset_at_local, from_cache, add);
    if (!month.empty()) {
        entries.sort_by_time();
        each(entries);
    }
}

History Journal::history_before(const std::string& month, const Plan& plan,
                                const OffsetAtLocal& offset_at_local, Date today) const {
    const Date through = *parse_iso_date(month + "-01") - std::chrono::days{1};
    // Only a past that has ended is settled: a run depends on which of its days are still to
    // come. A snapshot reads every file itself.
    const bool settles = through < today && !snapshot_;
    const std::uint64_t key = run_key(plan);
    // What the month files before `month` hold, when the cache holds each for its stamp (and
    // there is one: without months before, there is nothing to keep). `by_content`: a file with
    // another stamp (a restore, a copy, a sync tool) counts when its bytes are the cached ones;
    // the first that isn't ends the search, and the months are read one by one.
    const auto digest = [&](bool by_content) -> std::optional<std::uint64_t> {
        std::vector<std::pair<std::string, FileStamp>> files;
        for (const auto& file : month_files()) {
            if (file.month >= month) break;
            const std::string name = file.path();
            const auto stamp = stamp_of((root_.native() + '/' + name).c_str());
            if (!stamp) return std::nullopt;
            if (by_content && !cache().holds(file.key(), *stamp)) {
                const auto content = storage_->read(root_ / name, name);
                if (!content || !cache().confirm(file.key(), *stamp, content_key_of(*content)))
                    return std::nullopt;
            }
            files.emplace_back(file.key(), *stamp);
        }
        if (files.empty()) return std::nullopt;
        return cache().past_digest(month, key, files);
    };
    if (settles)
        if (const auto known = digest(true))
            if (auto past = cache().find_past(month, *known)) return std::move(*past);
    History history;
    for (const auto& [name, month_history] : histories_before(month, plan, offset_at_local))
        history.append(month_history);
    if (!settles) return history;
    settle(history, plan, through);
    // Saved with the report's own read, which a file with an error stops before it writes.
    if (const auto known = digest(false)) cache().remember_past(month, *known, history);
    return history;
}

std::vector<std::pair<std::string, History>> Journal::histories_before(
    const std::string& month, const Plan& plan, const OffsetAtLocal& offset_at_local) const {
    const std::uint64_t key = plan_key(plan);
    std::vector<std::pair<std::string, History>> histories;
    // A month with several files has its history made from their union each time (not cached:
    // it depends on every file's stamp).
    std::map<std::string, std::vector<Entry>> shared_months;
    const auto add = [&](const FileRead& file, const std::optional<FileStamp>& stamp,
                         std::vector<Entry> month_entries) {
        if (file.shared) {
            auto& union_entries = shared_months[file.name.month];
            for (auto& entry : month_entries)
                if (file.takes(entry)) union_entries.push_back(std::move(entry));
            return;
        }
        sort_by_time(month_entries);
        History month_history = history_of(month_entries, plan, config_.profile);
        if (stamp) cache().remember_history(file.name.key(), *stamp, key, month_history);
        histories.emplace_back(file.name.month, std::move(month_history));
    };
    const auto from_cache = [&](MonthCache& cache, const FileRead& file, const FileStamp& stamp) {
        if (auto cached =
                file.shared ? std::nullopt : cache.find_history(file.name.key(), stamp, key)) {
            histories.emplace_back(file.name.month, std::move(*cached));
            return true;
        }
        auto entries = cache.find(file.name.key(), stamp);
        if (!entries || !plausible(*entries, file.name.month, config_)) return false;
        add(file, stamp, std::move(*entries));
        return true;
    };
    const Date first = *parse_iso_date(month + "-01");
    read_months(Period{std::nullopt, first - std::chrono::days{1}}, offset_at_local, from_cache,
                add);
    for (auto& [shared_month, entries] : shared_months) {
        sort_by_time(entries);
        histories.emplace_back(shared_month, history_of(entries, plan, config_.profile));
    }
    std::stable_sort(histories.begin(), histories.end(),
                     [](const auto& left, const auto& right) { return left.first < right.first; });
    return histories;
}

JournalSlice Journal::slice_for(const SliceRequest& request, const Plan& plan, Date today,
                                const OffsetAtLocal& offset_at_local) const {
    listed_ = month_files();
    struct Unlist {
        const Journal& journal;
        ~Unlist() { journal.listed_.reset(); }
    } unlist{*this};
    JournalSlice slice(config_.profile);
    const Weekday week_start = config_.settings.week_start;
    const auto read_entries = [&](const Period& span) {
        if (!request.full_entries) {
            slice.compact = load_compact(span, offset_at_local);
        } else if (request.notes_only_in_full) {
            load_month_by_month(span, offset_at_local, [&](std::vector<Entry>& entries) {
                for (auto& entry : entries) {
                    slice.compact.add(entry);
                    if (read_in_full_for_notes(entry, config_.profile))
                        slice.entries.push_back(std::move(entry));
                }
            });
        } else {
            slice.entries = load(span, offset_at_local);
            slice.compact = compact(slice.entries, config_.profile);
        }
    };
    // The days `measured` needs in full (with its plan windows), from the first of their month.
    const auto span_for = [&](const Period& measured) {
        Period span = days_read_in_full(plan, measured, week_start);
        span.from = first_day_read_in_full(*span.from, today);
        return span;
    };
    if (request.since_last_visit) {
        // The months before this one give the last visit and, up to where the report reads in
        // full, its history: each month's history is read once.
        const Date month_start = first_of_month(today);
        const auto histories = histories_before(month_key(month_start), plan, offset_at_local);
        History everything_before;
        for (const auto& [month, history] : histories)
            everything_before.append(history);
        const auto this_month = load(Period{month_start, today}, offset_at_local);
        slice.period =
            default_export_period(this_month, everything_before, config_.profile, today).period;
        const Period span = span_for(Period{previous_period(slice.period).from, slice.period.to});
        slice.read_from = span.from;
        const std::string first_month_read = month_key(*slice.read_from);
        for (const auto& [month, history] : histories)
            if (month < first_month_read) slice.before.append(history);
        read_entries(span);
        return slice;
    }
    const Period& asked = request.period;
    if (!asked.from || request.look_back == LookBack::everything) {
        // From the first entry on: everything is read in full (for the plan, to the end of the
        // window that holds the period's last day; --effect needs no windows).
        const Period everything{std::nullopt, asked.to};
        read_entries(request.look_back == LookBack::everything
                         ? everything
                         : days_read_in_full(plan, everything, week_start));
        // The earliest day written, which need not be the earliest instant's: an entry logged at
        // +14:00 may be earlier in time and a day later on its own calendar.
        const auto first_day = [&]() -> std::optional<Date> {
            std::optional<Date> first;
            for (const auto& entry : slice.compact.entries())
                if (!first || entry.at.local_date() < *first) first = entry.at.local_date();
            return first;
        }();
        slice.period = close_open_ends(asked, first_day.value_or(today), today);
        return slice;
    }
    slice.period = close_open_ends(asked, *asked.from, today);
    const Period measured = request.look_back == LookBack::period
                                ? slice.period
                                : Period{previous_period(slice.period).from, slice.period.to};
    Period span = span_for(measured);
    if (!asked.to) span.to = std::nullopt;  // an open period reads on to the last entry
    slice.read_from = span.from;
    slice.before = history_before(month_key(*slice.read_from), plan, offset_at_local, today);
    read_entries(span);
    return slice;
}

std::vector<Problem> Journal::check(const OffsetAtLocal& offset_at_local, Date today) const {
    std::vector<Problem> problems;
    for (const auto& file_name : storage_->names_in(journal_folder())) {
        if (is_stray_copy(file_name)) {
            problems.push_back(Problem{
                "journal/" + file_name, 0, 0,
                fmt::format("a copy that a sync tool or a merge left; tend doesn't read it - "
                            "'tend import {}' adds the entries it holds that the journal "
                            "doesn't, then delete it",
                            shell_quoted((journal_folder() / file_name).string())),
                Severity::warning});
            continue;
        }
        if (is_temporary_file_name(file_name) || !file_name.ends_with(".toml")) continue;
        if (!month_of_file_name(file_name))
            problems.push_back(
                Problem{"journal/" + file_name, 0, 0,
                        "not a month file (names are YYYY-MM.toml or YYYY-MM.DEVICE.toml), so tend "
                        "ignores it",
                        Severity::warning});
        else if (links_out_of(journal_folder() / file_name, root_))
            problems.push_back(Problem{
                "journal/" + file_name, 0, 0,
                "a link to a file outside the journal folder (another device may have committed "
                "it); tend shows what it leads to but never writes through it - replace the link "
                "with the month's file (docs/reliability.md)"});
    }
    // A sync tool's or a merge's copy of the shared settings or plan: tend reads neither, and
    // what one device changed there is lost unless someone compares it by hand.
    auto root_names = storage_->names_in(root_);
    std::sort(root_names.begin(), root_names.end());
    for (const auto& file_name : root_names) {
        const std::string lower = to_lower(file_name);
        const char* shared = lower.starts_with("plan")   ? "plan.toml"
                             : lower.starts_with("tend") ? "tend.toml"
                                                         : nullptr;
        if (!shared || file_name == shared || !is_stray_copy(file_name)) continue;
        problems.push_back(Problem{
            file_name, 0, 0,
            fmt::format("a copy of {} that a sync tool or a merge left; tend doesn't read it - "
                        "compare the two, keep in {} what both need (docs/sync.md), then delete "
                        "the copy",
                        shared, shared),
            Severity::warning});
    }
    MonthUnion seen;
    for (const auto& file : month_files()) {
        const std::string name = file.path();
        const auto content = storage_->read(root_ / name, name);
        if (!content) continue;
        auto parsed = parse_month_file(*content, name, config_, offset_at_local, file.month);
        problems.insert(problems.end(), parsed.problems.begin(), parsed.problems.end());
        seen.start_file(file.month);
        std::size_t repeated = 0;
        int first_repeated_line = 0;
        for (const auto& entry : parsed.entries)
            if (!seen.keep(identity_of(entry)) && repeated++ == 0) first_repeated_line = entry.line;
        if (repeated > 0)
            problems.push_back(Problem{
                name, first_repeated_line, 1,
                repeated == 1 ? "this entry is also in another file of the month; it counts once"
                              : fmt::format("{} entries from here on are also in another file of "
                                            "the month; each counts once",
                                            repeated),
                Severity::info});
        for (const auto& entry : parsed.entries) {
            // A rest planned ahead (`tend skip --on` a later day) is meant to be in the future.
            if (config_.profile.role_of(entry.kind) == KindRole::rest) continue;
            if (auto problem = future_problem(name, entry, today))
                problems.push_back(std::move(*problem));
        }
    }
    return problems;
}

MonthCache& Journal::cache() const {
    if (!cache_) cache_ = std::make_unique<MonthCache>(root_, cache_context(config_), *storage_);
    return *cache_;
}

std::optional<std::vector<Entry>> Journal::entries_before_append(const MonthFileName& file,
                                                                 const std::string& content) const {
    const std::string name = file.path();
    const std::string& month = file.month;
    if (const auto stamp = stamp_of(root_ / name)) {
        auto cached = cache().find(file.key(), *stamp);
        if (!cached && cache().confirm(file.key(), *stamp, content_key_of(content)))
            cached = cache().find(file.key(), *stamp);
        if (cached && plausible(*cached, month, config_)) return cached;
    }
    if (auto latest = cache().find_latest(file.key(), content);
        latest && plausible(*latest, month, config_))
        return latest;
    bool used_time_zone = false;
    const OffsetAtLocal unknown_offset = [&](std::int64_t) {
        used_time_zone = true;
        return 0;
    };
    auto parsed = parse_month_file(content, name, config_, unknown_offset, month);
    if (!has_errors(parsed.problems) && !used_time_zone) return std::move(parsed.entries);
    // Errors in entries don't stop a log (check and the next read report them); a broken file
    // does, since appending to it would bury the mistake.
    if (const auto problem = check_toml_syntax(content, name))
        throw user_error(
            problem->text(),
            "nothing was written; fix the file by hand ('tend check' lists every problem)");
    return std::nullopt;
}

std::optional<std::string> Journal::append(const Entry& entry,
                                           std::optional<std::int64_t> logged_utc) {
    // TOML holds an offset in whole minutes below 24 hours; TZ=XXX-24 (or a zone's old local
    // mean time, +00:53:28) would write a time that does not read back.
    const std::int32_t offset = entry.at.offset_seconds;
    if (offset <= -24 * 3600 || offset >= 24 * 3600 || offset % 60 != 0) {
        const int size = offset < 0 ? -offset : offset;
        throw user_error(
            fmt::format("the time zone's UTC offset ({}{:02}:{:02}{}) can't be written in a "
                        "journal file, so nothing was written",
                        offset < 0 ? "-" : "+", size / 3600, size / 60 % 60,
                        size % 60 ? fmt::format(":{:02}", size % 60) : ""),
            "TOML holds offsets from -23:59 to +23:59 in whole minutes; set TZ to a real time "
            "zone, e.g. TZ=Europe/Berlin");
    }
    const MonthFileName file = own_file(month_key(entry.at.local_date()));
    const std::string name = file.path();
    storage_->make_private_folder(root_, root_.string());
    storage_->make_private_folder(journal_folder(), "journal");
    // The lock is on the folder itself, so taking it creates nothing.
    const auto lock = storage_->lock(root_);
    storage_->remove_stale_temporary_files(root_);
    storage_->remove_stale_temporary_files(journal_folder());
    // Programs that don't take the lock (a sync tool, git) may replace the file meanwhile: then
    // the entry is appended to what they brought, never written over it.
    constexpr int tries = 5;
    std::string addition;
    int tried = 0;
    while (!try_append({entry}, file, addition))
        if (++tried == tries)
            throw user_error(
                fmt::format("{} kept changing while tend wrote to it, so nothing was written",
                            name),
                "another program (a sync tool?) is writing it; try again in a moment");
    // The entry is saved from here on; failing now would invite logging it twice.
    try {
        UndoLog(root_, *storage_).record(name, addition, logged_utc);
    } catch (const std::runtime_error& error) {  // a system_error, or user_error for a folder
        return std::string(error.what());
    }
    return std::nullopt;
}

bool Journal::try_append(const std::vector<Entry>& entries, const MonthFileName& file,
                         std::string& addition) const {
    const std::string name = file.path();
    const std::string& month = file.month;
    // A month file another device committed as a link to a file of this one (a settings file,
    // a note): writing through it would put health text outside the journal.
    if (links_out_of(root_ / name, root_))
        throw user_error(
            fmt::format("'{}' is a link to a file outside the journal folder, so nothing was "
                        "written",
                        name),
            "tend writes the journal's files only inside it; replace the link with the month's "
            "file (docs/reliability.md says how)");
    const auto existing = storage_->read(root_ / name, name);
    auto known = existing ? entries_before_append(file, *existing) : std::vector<Entry>{};

    const bool crlf = existing && existing->find("\r\n") != std::string::npos;
    const std::string_view newline = crlf ? "\r\n" : "\n";
    addition.clear();
    if (!existing || existing->empty()) {
        addition = new_month_header(month, newline);
    } else if (existing->back() != '\n') {
        addition = newline;
    }

    // Each new block's [[entry]] line, for the entries this process now knows.
    const auto lines = [](std::string_view text) {
        return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    };
    // Counted as the blocks are added, not over the whole addition each time: an import of
    // 8000 entries into one month was quadratic.
    int lines_so_far = (existing ? lines(*existing) : 0) + lines(addition);
    std::vector<Entry> added;
    for (const auto& entry : entries) {
        addition += newline;
        ++lines_so_far;
        added.push_back(entry);
        added.back().line = lines_so_far + 1;
        const std::string block = entry_block(entry, newline);
        lines_so_far += lines(block);
        addition += block;
    }
    const std::string content = (existing ? *existing : std::string{}) + addition;
    check_month_change(existing.value_or(""), content, name, config_, month, 0, entries,
                       known ? &*known : nullptr);
    if (!storage_->replace(root_ / name, content, name, Durability::synced, &existing))
        return false;
    if (known) {
        known->insert(known->end(), added.begin(), added.end());
        cache().remember_latest(file.key(), content, *known);
    }
    return true;
}

}  // namespace tend::store
