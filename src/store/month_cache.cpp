// A disposable cache of parsed month files: a compact binary file checked against each month's
// stamp; anything unexpected in it makes it empty, never an error.
#include "store/month_cache.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "store/cache_codec.h"
#include "store/file_io.h"
#include "store/journal.h"

namespace tend::store {

namespace {

// Version 3 and latest 2 carry a checksum of every blob: a flipped bit reads as "not cached".
// Format 4: histories hold each plan item's rest days. Format 6 (months.bin's magic, in
// cache_codec.cpp): an index of blobs.bin. A cache of an older format reads as "not cached".
constexpr char blobs_magic[8] = {'t', 'e', 'n', 'd', 'b', 'l', 'b', '1'};
// blobs.bin starts with its magic and its generation, which months.bin names.
constexpr std::uint64_t blobs_head_size = sizeof blobs_magic + sizeof(std::uint64_t);
// An index of 100,000 files is about 15 MB, and a month of 100,000 entries about 10 MB; anything
// larger is not tend's (and must not make a hostile file allocate gigabytes).
constexpr std::uint64_t largest_index = 64 << 20;
// Settled histories kept: a week's summary, the month's, the last 90 days' and one more start in
// up to four different months.
constexpr std::size_t kept_pasts = 4;
constexpr std::uint64_t largest_blob = 256 << 20;
constexpr char latest_magic[8] = {'t', 'e', 'n', 'd', 'l', 'a', 't', '2'};
// A month file changed less than this long ago may change again within the same clock tick
// without its modification time moving, so it is not cached yet.
constexpr std::int64_t settle_ns = 2'000'000'000;

bool settled(const FileStamp& stamp, std::int64_t now) {
    return now - stamp.modified_ns >= settle_ns && now - stamp.changed_ns >= settle_ns;
}

std::int64_t nanoseconds(const timespec& time) {
    return std::int64_t{time.tv_sec} * 1'000'000'000 + time.tv_nsec;
}

}  // namespace

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
    return stamp_of(path.c_str());
}

std::optional<FileStamp> stamp_of(const char* path) {
    struct stat status {};
    if (::stat(path, &status) != 0) return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(status.st_size), nanoseconds(status.st_mtim),
                     nanoseconds(status.st_ctim), static_cast<std::uint64_t>(status.st_ino),
                     static_cast<std::uint64_t>(status.st_dev)};
}

std::uint64_t plan_key(const Plan& plan) {
    std::string fingerprint;
    for (const auto& item : plan.items) {
        fingerprint += fmt::format("\x1f{}", item.kind);
        for (const auto& condition : item.conditions)
            fingerprint += fmt::format("\x1e{}\x1c{}\x1c{}", condition.field,
                                       static_cast<int>(condition.comparison), condition.value);
        if (item.total) fingerprint += fmt::format("\x1d{}", item.total->field);
        // Rest days count only while the item is in force.
        fingerprint += fmt::format("\x1b{}\x1b{}", item.start.time_since_epoch().count(),
                                   item.end ? item.end->time_since_epoch().count() : -1);
    }
    return checksum_of(fingerprint);
}

std::uint64_t run_key(const Plan& plan) {
    std::string fingerprint = fmt::format("{}", plan_key(plan));
    for (const auto& item : plan.items) {
        const Schedule& schedule = item.schedule;
        fingerprint += fmt::format("\x1f{}\x1e{}\x1e{}\x1e{}\x1e{}",
                                   static_cast<int>(schedule.unit), schedule.times,
                                   schedule.interval_days, item.total ? item.total->at_least : -1,
                                   item.total ? static_cast<int>(item.total->per) : -1);
        for (const auto weekday : schedule.weekdays)
            fingerprint += fmt::format("\x1c{}", weekday.c_encoding());
    }
    return checksum_of(fingerprint);
}

std::uint64_t cache_context(const Config& config) {
    std::string fingerprint = TEND_VERSION;
    for (const auto& kind : config.profile.kinds) {
        // The role too: a month's history (visits, procedures, questions) depends on it.
        fingerprint += fmt::format("\x1f{}\x1e{}\x1e{}\x1e{}", kind.name, kind.primary,
                                   kind.progression, kind_role_name(kind.role));
        for (const auto& field : kind.fields) {
            fingerprint += fmt::format("\x1d{}\x1c{}\x1c{}\x1c{}\x1c", field.name,
                                       static_cast<int>(field.type), field.min.value_or(-1e300),
                                       field.max.value_or(1e300));
            for (const auto& choice : field.choices)
                fingerprint += choice + "\x1b";
        }
    }
    return checksum_of(fingerprint);
}

std::int64_t real_time_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

namespace {

// A cache file is tend's own: a link in its place (perhaps out of the folder) is left alone.
bool plain_or_missing(const std::filesystem::path& path) {
    struct stat status {};
    return ::lstat(path.c_str(), &status) != 0 || S_ISREG(status.st_mode);
}

// The whole file when it is a plain file of at most `limit` bytes; nothing otherwise (a FIFO in
// its place is not waited for).
std::optional<std::string> read_regular_file(const std::filesystem::path& path,
                                             std::uint64_t limit) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (descriptor < 0) return std::nullopt;
    struct Closer {
        int descriptor;
        ~Closer() { ::close(descriptor); }
    } closer{descriptor};
    struct stat status {};
    if (::fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode) ||
        static_cast<std::uint64_t>(status.st_size) > limit)
        return std::nullopt;
    std::string bytes(static_cast<std::size_t>(status.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t count =
            ::pread(descriptor, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) return std::nullopt;
        done += static_cast<std::size_t>(count);
    }
    return bytes;
}

}  // namespace

MonthCache::MonthCache(std::filesystem::path root, std::uint64_t context,
                       std::function<std::int64_t()> now_ns)
    : MonthCache(std::move(root), context, disk(), std::move(now_ns)) {}

MonthCache::MonthCache(std::filesystem::path root, std::uint64_t context, Storage& storage,
                       std::function<std::int64_t()> now_ns)
    : storage_(&storage),
      path_(root / ".cache" / "months.bin"),
      blobs_path_(root / ".cache" / "blobs.bin"),
      latest_path_(root / ".cache" / "latest.bin"),
      context_(context),
      now_ns_(std::move(now_ns)) {
    // Stay inside the folder: a .cache that is a link (perhaps out of the journal) is not
    // read or written, and neither are cache files that are links.
    struct stat folder_status {};
    if (::lstat(path_.parent_path().c_str(), &folder_status) == 0)
        usable_ = S_ISDIR(folder_status.st_mode);
    if (!usable_) return;
    // The index first: a save that compacts replaces blobs.bin before months.bin, so a reader
    // between the two sees two generations, and an empty cache.
    const auto index = read_regular_file(path_, largest_index);
    // blobs.bin stays open: every month is then read from this one file, even if another tend
    // compacts the cache meanwhile (it renames a new file into place; appends only add bytes).
    descriptor_ = ::open(blobs_path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (descriptor_ < 0) return;
    struct stat status {};
    if (::fstat(descriptor_, &status) != 0 || !S_ISREG(status.st_mode)) return;
    file_size_ = static_cast<std::uint64_t>(status.st_size);
    std::string head(blobs_head_size, '\0');
    if (!read_at(0, head) || std::memcmp(head.data(), blobs_magic, sizeof blobs_magic) != 0) return;
    std::memcpy(&generation_, head.data() + sizeof blobs_magic, sizeof generation_);
    blobs_readable_ = true;
    if (index) read_index(*index);
}

void MonthCache::read_index(std::string_view bytes) {
    auto index = read_cache_index(bytes);
    if (!index || index->context != context_ || index->generation != generation_) return;
    // Every blob must lie inside blobs.bin, after its head: a hostile index can't send a read
    // elsewhere (and read_blob checks again against the file as it is).
    const auto inside = [&](const BlobPlace& place) {
        return place.size == 0 ||
               (place.offset >= blobs_head_size && place.offset <= file_size_ &&
                place.size <= file_size_ - place.offset && place.size <= largest_blob);
    };
    std::map<std::string, Month> months;
    for (auto& file : index->files) {
        if (!inside(file.entries) || !inside(file.history)) return;
        // The index is written in key order: each key goes in at the end, without a search.
        Month& cached = months.try_emplace(months.end(), std::move(file.key))->second;
        cached.stamp = file.stamp;
        cached.stamp_usable = cached.stamp_settled = !(file.stamp == FileStamp{});
        cached.content = file.content;
        cached.entries = Blob{file.entries.offset, file.entries.size, file.entries.checksum, {}};
        cached.plan_key = file.plan_key;
        cached.history = Blob{file.history.offset, file.history.size, file.history.checksum, {}};
    }
    std::vector<Past> pasts;
    for (const auto& past : index->pasts) {
        if (!inside(past.history)) return;
        pasts.push_back(
            Past{past.month, past.digest,
                 Blob{past.history.offset, past.history.size, past.history.checksum, {}}});
    }
    months_ = std::move(months);
    pasts_ = std::move(pasts);
}

MonthCache::~MonthCache() {
    if (descriptor_ >= 0) ::close(descriptor_);
}

bool MonthCache::read_at(std::uint64_t offset, std::string& buffer) const {
    std::size_t done = 0;
    while (done < buffer.size()) {
        const ssize_t count = ::pread(descriptor_, buffer.data() + done, buffer.size() - done,
                                      static_cast<off_t>(offset + done));
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) return false;
        done += static_cast<std::size_t>(count);
    }
    return true;
}

std::optional<std::string_view> MonthCache::read_blob(const Blob& blob) {
    if (blob.fresh) return std::string_view(*blob.fresh);
    if (blob.size == 0) return std::string_view{};
    if (descriptor_ < 0 || blob.offset > file_size_ || blob.size > file_size_ - blob.offset)
        return std::nullopt;
    buffer_.resize(blob.size);
    if (!read_at(blob.offset, buffer_) || checksum_of(buffer_) != blob.checksum)
        return std::nullopt;
    return std::string_view(buffer_);
}

MonthCache::Month* MonthCache::cached(const std::string& month, const FileStamp& stamp) {
    const auto found = months_.find(month);
    if (found == months_.end() || !found->second.stamp_usable || !(found->second.stamp == stamp))
        return nullptr;
    return &found->second;
}

std::vector<MonthCache::Blob*> MonthCache::blobs() {
    std::vector<Blob*> all;
    all.reserve(2 * months_.size() + pasts_.size());
    for (auto& [month, cached] : months_) {
        all.push_back(&cached.entries);
        all.push_back(&cached.history);
    }
    for (auto& past : pasts_)
        all.push_back(&past.history);
    return all;
}

bool MonthCache::settled(const FileStamp& stamp) const {
    return store::settled(stamp, now_ns_());
}

bool MonthCache::confirm(const std::string& month, const FileStamp& stamp,
                         const ContentKey& content) {
    const auto found = months_.find(month);
    if (found == months_.end() || found->second.content != content) return false;
    Month& cached = found->second;
    if (cached.stamp_usable && cached.stamp == stamp) return true;
    cached.stamp = stamp;
    cached.stamp_usable = true;
    cached.stamp_settled = settled(stamp);
    // A settled stamp is worth saving: the next command then needs no hash.
    changed_ = changed_ || cached.stamp_settled;
    return true;
}

std::optional<std::vector<Entry>> MonthCache::find(const std::string& month,
                                                   const FileStamp& stamp) {
    const Month* found = cached(month, stamp);
    if (!found) return std::nullopt;
    const auto blob = read_blob(found->entries);
    if (!blob) return std::nullopt;
    Reader reader(*blob);
    return read_entries(reader);
}

bool MonthCache::find_compact(const std::string& month, const FileStamp& stamp,
                              const Period& period, CompactEntries& into, Identities identities) {
    const Month* found = cached(month, stamp);
    if (!found) return false;
    const auto blob = read_blob(found->entries);
    if (!blob) return false;
    Reader reader(*blob);
    return read_compact_entries(reader, period, into, identities);
}

void MonthCache::remember(const std::string& month, const FileStamp& stamp,
                          const std::vector<Entry>& entries, std::optional<ContentKey> content) {
    const bool stamp_settled = settled(stamp);
    if (!stamp_settled && !content) {
        changed_ = months_.erase(month) > 0 || changed_;
        return;
    }
    Writer writer;
    write_entries(writer, entries);
    Month& remembered = months_[month];
    remembered = Month{};
    remembered.stamp = stamp;
    remembered.stamp_usable = true;
    remembered.stamp_settled = stamp_settled;
    remembered.content = content;
    remembered.entries.size = writer.out().size();
    remembered.entries.checksum = checksum_of(writer.out());
    remembered.entries.fresh = std::move(writer.out());
    changed_ = true;
}

std::optional<History> MonthCache::find_history(const std::string& month, const FileStamp& stamp,
                                                std::uint64_t plan_key) {
    const Month* found = cached(month, stamp);
    if (!found || found->plan_key != plan_key || found->history.size == 0) return std::nullopt;
    const auto blob = read_blob(found->history);
    if (!blob) return std::nullopt;
    Reader reader(*blob);
    History history = read_history(reader);
    if (!reader.ok() || !reader.at_end()) return std::nullopt;
    return history;
}

void MonthCache::remember_history(const std::string& month, const FileStamp& stamp,
                                  std::uint64_t plan_key, const History& history) {
    Month* found = cached(month, stamp);
    if (!found) return;
    Writer writer;
    write_history(writer, history);
    found->plan_key = plan_key;
    found->history.size = writer.out().size();
    found->history.checksum = checksum_of(writer.out());
    found->history.fresh = std::move(writer.out());
    changed_ = true;
}

std::optional<std::uint64_t> MonthCache::past_digest(
    const std::string& month, std::uint64_t run_key,
    const std::vector<std::pair<std::string, FileStamp>>& files) {
    Writer writer;
    writer.text(month);
    writer.number(run_key);
    for (const auto& [name, stamp] : files) {
        const Month* found = cached(name, stamp);
        if (!found) return std::nullopt;
        writer.text(name);
        writer.number(found->entries.size);
        writer.number(found->entries.checksum);
    }
    return checksum_of(writer.out());
}

std::optional<History> MonthCache::find_past(const std::string& month, std::uint64_t digest) {
    const auto past = std::find_if(pasts_.begin(), pasts_.end(), [&](const Past& candidate) {
        return candidate.month == month && candidate.digest == digest;
    });
    if (past == pasts_.end()) return std::nullopt;
    const auto blob = read_blob(past->history);
    if (!blob) return std::nullopt;
    Reader reader(*blob);
    History history = read_history(reader);
    if (!reader.ok() || !reader.at_end() || !history.settled_through) return std::nullopt;
    return history;
}

void MonthCache::remember_past(const std::string& month, std::uint64_t digest,
                               const History& history) {
    Writer writer;
    write_history(writer, history);
    std::erase_if(pasts_, [&](const Past& past) { return past.month == month; });
    if (pasts_.size() >= kept_pasts) pasts_.erase(pasts_.begin());
    Past& past = pasts_.emplace_back(
        Past{month, digest, Blob{0, writer.out().size(), checksum_of(writer.out()), {}}});
    past.history.fresh = std::move(writer.out());
    changed_ = true;
}

// latest.bin: magic, context, the month, the file's whole content, then its entries.
std::optional<std::vector<Entry>> MonthCache::find_latest(const std::string& month,
                                                          std::string_view content) {
    if (!latest_) {
        try {
            latest_ = usable_ && plain_or_missing(latest_path_)
                          ? storage_->read(latest_path_, ".cache/latest.bin")
                          : std::optional<std::string>{};
        } catch (const std::exception&) {
            latest_ = std::optional<std::string>{};
        }
    }
    const auto& bytes = *latest_;
    constexpr std::size_t checksum_size = sizeof(std::uint64_t);
    if (!bytes || bytes->size() < sizeof latest_magic + checksum_size ||
        std::memcmp(bytes->data(), latest_magic, sizeof latest_magic) != 0)
        return std::nullopt;
    const std::string_view body(bytes->data(), bytes->size() - checksum_size);
    std::uint64_t checksum = 0;
    std::memcpy(&checksum, bytes->data() + body.size(), checksum_size);
    if (checksum_of(body) != checksum) return std::nullopt;
    Reader reader(body.substr(sizeof latest_magic));
    if (reader.number<std::uint64_t>() != context_ || reader.text_view() != month ||
        reader.text_view() != content || !reader.ok())
        return std::nullopt;
    return read_entries(reader);
}

void MonthCache::remember_latest(const std::string& month, std::string_view content,
                                 const std::vector<Entry>& entries) {
    Writer writer;
    // Entries take about as many bytes as their TOML.
    writer.out().reserve(2 * content.size() + 256);
    writer.bytes(latest_magic, sizeof latest_magic);
    writer.number(context_);
    writer.text(month);
    writer.text(content);
    write_entries(writer, entries);
    writer.number(checksum_of(writer.out()));
    try {
        if (!usable_ || !plain_or_missing(latest_path_))
            throw std::runtime_error(".cache/latest.bin is not tend's file");
        storage_->make_private_folder(latest_path_.parent_path(), ".cache");
        storage_->replace(latest_path_, writer.out(), ".cache/latest.bin", Durability::unsynced);
    } catch (const std::exception&) {
        // Without it the next command parses the month file, as it would anyway.
    }
    latest_ = std::move(writer.out());
}

void MonthCache::keep_only(std::vector<std::string> months) {
    // Thirty years are 360 keys, usually in order already: one walk beside the cached ones.
    if (!std::is_sorted(months.begin(), months.end())) std::sort(months.begin(), months.end());
    auto kept = months.begin();
    std::erase_if(months_, [&](const auto& cached) {
        while (kept != months.end() && *kept < cached.first)
            ++kept;
        const bool gone = kept == months.end() || *kept != cached.first;
        changed_ = changed_ || gone;
        return gone;
    });
}

void MonthCache::save() {
    if (!changed_ || !usable_ || !plain_or_missing(path_) || !plain_or_missing(blobs_path_)) return;
    try {
        storage_->make_private_folder(path_.parent_path(), ".cache");
        // A writer killed mid-way leaves its temporary file. Removing one that a live writer
        // still uses only makes that writer's save fail, which a cache can afford.
        storage_->remove_stale_temporary_files(path_.parent_path());
        if (!append_fresh_blobs()) compact();
        write_index();
        changed_ = false;
    } catch (const std::exception&) {
        // The cache is only a shortcut: without it the next command parses the files again.
    }
}

bool MonthCache::append_fresh_blobs() {
    if (!blobs_readable_) return false;
    std::uint64_t live = 0;
    std::string fresh;
    for (const Blob* blob : blobs())
        if (blob->fresh)
            fresh += *blob->fresh;
        else
            live += blob->size;
    // Compacted when more than half of the file would be old bytes nobody reads.
    const std::uint64_t dead = file_size_ - std::min(file_size_, blobs_head_size + live);
    if (dead > live + fresh.size()) return false;
    if (fresh.empty()) return true;
    const auto start = storage_->append(blobs_path_, fresh, ".cache/blobs.bin");
    // The bytes must be in the file this cache reads, not in one a compaction put in its place.
    std::string landed(fresh.size(), '\0');
    if (!start || !read_at(*start, landed) || landed != fresh) return false;
    std::uint64_t offset = *start;
    for (Blob* blob : blobs())
        if (blob->fresh) {
            blob->offset = offset;
            offset += blob->size;
            blob->fresh.reset();
        }
    file_size_ = std::max(file_size_, offset);
    return true;
}

void MonthCache::compact() {
    // A damaged blob is never copied into the new file: its month is dropped (and parsed again
    // next time).
    std::erase_if(months_, [&](const auto& cached) {
        return !read_blob(cached.second.entries) || !read_blob(cached.second.history);
    });
    std::erase_if(pasts_, [&](const Past& past) { return !read_blob(past.history); });
    const std::uint64_t generation =
        content_key_of(fmt::format("{} {}", real_time_ns(), ::getpid())).hash;
    // The months' bytes are copied one at a time, from memory or from the old file.
    const auto produce = [&](const std::function<void(std::string_view)>& put) {
        put(std::string_view(blobs_magic, sizeof blobs_magic));
        put(std::string_view(reinterpret_cast<const char*>(&generation), sizeof generation));
        for (const Blob* blob : blobs()) {
            const auto bytes = read_blob(*blob);
            if (!bytes || bytes->size() != blob->size)
                throw std::runtime_error("the old cache file changed");
            put(*bytes);
        }
    };
    storage_->replace(blobs_path_, produce, ".cache/blobs.bin", Durability::unsynced, nullptr);
    std::uint64_t offset = blobs_head_size;
    for (Blob* blob : blobs()) {
        blob->offset = offset;
        offset += blob->size;
        blob->fresh.reset();
    }
    if (descriptor_ >= 0) ::close(descriptor_);
    descriptor_ = ::open(blobs_path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    generation_ = generation;
    file_size_ = offset;
    std::string head(blobs_head_size, '\0');
    blobs_readable_ =
        descriptor_ >= 0 && read_at(0, head) &&
        std::memcmp(head.data() + sizeof blobs_magic, &generation, sizeof generation) == 0;
    if (!blobs_readable_) {
        months_.clear();
        pasts_.clear();
    }
}

void MonthCache::write_index() {
    CacheIndex index{context_, generation_, {}, {}};
    const auto place = [](const Blob& blob) {
        return BlobPlace{blob.offset, blob.size, blob.checksum};
    };
    for (const auto& [month, cached] : months_)
        index.files.push_back(CacheIndex::File{
            month, cached.stamp_settled ? cached.stamp : FileStamp{}, cached.content,
            place(cached.entries), cached.plan_key, place(cached.history)});
    for (const auto& past : pasts_)
        index.pasts.push_back(CacheIndex::Past{past.month, past.digest, place(past.history)});
    storage_->replace(path_, write_cache_index(index), ".cache/months.bin", Durability::unsynced);
}

}  // namespace tend::store
