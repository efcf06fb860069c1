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
// Format 4: histories hold each plan item's rest days. Format 6: each month's content key, and a
// checksum of the index. A cache of an older format reads as "not cached" and is rebuilt.
constexpr char magic[8] = {'t', 'e', 'n', 'd', 'c', 'a', 'c', '6'};
constexpr char latest_magic[8] = {'t', 'e', 'n', 'd', 'l', 'a', 't', '2'};
// A month file changed less than this long ago may change again within the same clock tick
// without its modification time moving, so it is not cached yet.
constexpr std::int64_t settle_ns = 2'000'000'000;

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ULL) {
    for (const char byte : bytes) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 1099511628211ULL;
    }
    return hash;
}

bool settled(const FileStamp& stamp, std::int64_t now) {
    return now - stamp.modified_ns >= settle_ns && now - stamp.changed_ns >= settle_ns;
}

std::int64_t nanoseconds(const timespec& time) {
    return std::int64_t{time.tv_sec} * 1'000'000'000 + time.tv_nsec;
}

}  // namespace

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return std::nullopt;
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
    }
    return fnv1a(fingerprint);
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
    return fnv1a(fingerprint);
}

// The file: magic, context, month count, then per month its name, stamp (zeros: not settled),
// whether its content key is known, the key, the size and checksum of its entries' bytes, the key
// of the plan its history was made for and the size and checksum of the history's bytes (0: none);
// a checksum of all that; then every month's entries and history, in the same order.
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

}  // namespace

MonthCache::MonthCache(std::filesystem::path root, std::uint64_t context,
                       std::function<std::int64_t()> now_ns)
    : MonthCache(std::move(root), context, disk(), std::move(now_ns)) {}

MonthCache::MonthCache(std::filesystem::path root, std::uint64_t context, Storage& storage,
                       std::function<std::int64_t()> now_ns)
    : storage_(&storage),
      path_(root / ".cache" / "months.bin"),
      latest_path_(root / ".cache" / "latest.bin"),
      context_(context),
      now_ns_(std::move(now_ns)) {
    // Stay inside the folder: a .cache that is a link (perhaps out of the journal) is not
    // read or written, and neither are cache files that are links.
    struct stat folder_status {};
    if (::lstat(path_.parent_path().c_str(), &folder_status) == 0)
        usable_ = S_ISDIR(folder_status.st_mode);
    if (!usable_) return;
    // The file stays open: every month is then read from this one version of it, even if
    // another tend replaces the cache meanwhile (it renames a new file into place).
    descriptor_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (descriptor_ < 0) return;
    struct stat status {};
    if (::fstat(descriptor_, &status) != 0) return;
    file_size_ = static_cast<std::uint64_t>(status.st_size);
    // Each index record is at most a file's key ("2026-11.", a device name of up to 32 bytes)
    // with its length, a flag and 12 numbers; the index ends with its checksum.
    constexpr std::uint64_t longest_record = 4 + 8 + 32 + 1 + 12 * 8;
    std::string head(sizeof magic + sizeof(std::uint64_t) + sizeof(std::uint32_t), '\0');
    if (!read_at(0, head) || std::memcmp(head.data(), magic, sizeof magic) != 0) return;
    Reader header(std::string_view(head).substr(sizeof magic));
    if (header.number<std::uint64_t>() != context_) return;
    const auto count = header.number<std::uint32_t>();
    std::string index(
        std::min<std::uint64_t>(file_size_ - head.size(),
                                std::min<std::uint64_t>(count, 100'000) * longest_record + 8),
        '\0');
    if (!read_at(head.size(), index)) return;
    Reader reader(index);
    std::map<std::string, Month> months;
    std::uint64_t offset = 0;
    for (std::uint32_t month_index = 0; month_index < count && reader.ok(); ++month_index) {
        const std::string month = reader.text();
        Month& cached = months[month];
        cached.stamp.size = reader.number<std::uint64_t>();
        cached.stamp.modified_ns = reader.number<std::int64_t>();
        cached.stamp.changed_ns = reader.number<std::int64_t>();
        cached.stamp.inode = reader.number<std::uint64_t>();
        cached.stamp.device = reader.number<std::uint64_t>();
        cached.stamp_usable = cached.stamp_settled = !(cached.stamp == FileStamp{});
        const bool has_content = reader.number<std::uint8_t>() != 0;
        ContentKey content;
        content.size = reader.number<std::uint64_t>();
        content.hash = reader.number<std::uint64_t>();
        if (has_content) cached.content = content;
        cached.entries.size = reader.number<std::uint64_t>();
        cached.entries.checksum = reader.number<std::uint64_t>();
        cached.plan_key = reader.number<std::uint64_t>();
        cached.history.size = reader.number<std::uint64_t>();
        cached.history.checksum = reader.number<std::uint64_t>();
        cached.entries.offset = offset;
        cached.history.offset = offset + cached.entries.size;
        offset += cached.entries.size + cached.history.size;
    }
    const auto index_size = reader.position();
    if (!reader.ok() || reader.number<std::uint64_t>() != fnv1a(std::string_view(index).substr(0, index_size)) || !reader.ok())
        return;
    const auto blobs_start = head.size() + reader.position();
    for (auto& [month, cached] : months) {
        cached.entries.offset += blobs_start;
        cached.history.offset += blobs_start;
    }
    if (file_size_ != blobs_start + offset) return;
    months_ = std::move(months);
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
    if (!read_at(blob.offset, buffer_) || fnv1a(buffer_) != blob.checksum) return std::nullopt;
    return std::string_view(buffer_);
}

MonthCache::Month* MonthCache::cached(const std::string& month, const FileStamp& stamp) {
    const auto found = months_.find(month);
    if (found == months_.end() || !found->second.stamp_usable || !(found->second.stamp == stamp))
        return nullptr;
    return &found->second;
}

bool MonthCache::confirm(const std::string& month, const FileStamp& stamp,
                         const ContentKey& content) {
    const auto found = months_.find(month);
    if (found == months_.end() || found->second.content != content) return false;
    Month& cached = found->second;
    if (cached.stamp_usable && cached.stamp == stamp) return true;
    cached.stamp = stamp;
    cached.stamp_usable = true;
    cached.stamp_settled = settled(stamp, now_ns_());
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
                              const Period& period, CompactEntries& into) {
    const Month* found = cached(month, stamp);
    if (!found) return false;
    const auto blob = read_blob(found->entries);
    if (!blob) return false;
    Reader reader(*blob);
    return read_compact_entries(reader, period, into);
}

void MonthCache::remember(const std::string& month, const FileStamp& stamp,
                          const std::vector<Entry>& entries, std::optional<ContentKey> content) {
    const bool stamp_settled = settled(stamp, now_ns_());
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
    remembered.entries.checksum = fnv1a(writer.out());
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
    found->history.checksum = fnv1a(writer.out());
    found->history.fresh = std::move(writer.out());
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
    if (fnv1a(body) != checksum) return std::nullopt;
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
    writer.number(fnv1a(writer.out()));
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

void MonthCache::keep_only(const std::vector<std::string>& months) {
    std::erase_if(months_, [&](const auto& cached) {
        const bool gone = std::find(months.begin(), months.end(), cached.first) == months.end();
        changed_ = changed_ || gone;
        return gone;
    });
}

void MonthCache::save() {
    if (!changed_ || !usable_ || !plain_or_missing(path_)) return;
    // A damaged blob is never copied into the new file: its month is dropped (and parsed again
    // next time).
    std::erase_if(months_, [&](const auto& cached) {
        return !read_blob(cached.second.entries) || !read_blob(cached.second.history);
    });
    Writer index;
    index.bytes(magic, sizeof magic);
    index.number(context_);
    index.number(static_cast<std::uint32_t>(months_.size()));
    for (const auto& [month, cached] : months_) {
        index.text(month);
        const FileStamp stamp = cached.stamp_settled ? cached.stamp : FileStamp{};
        index.number(stamp.size);
        index.number(stamp.modified_ns);
        index.number(stamp.changed_ns);
        index.number(stamp.inode);
        index.number(stamp.device);
        index.number(static_cast<std::uint8_t>(cached.content.has_value()));
        index.number(cached.content.value_or(ContentKey{}).size);
        index.number(cached.content.value_or(ContentKey{}).hash);
        index.number(cached.entries.size);
        index.number(cached.entries.checksum);
        index.number(cached.plan_key);
        index.number(cached.history.size);
        index.number(cached.history.checksum);
    }
    constexpr std::size_t head_size = sizeof magic + sizeof(std::uint64_t) + sizeof(std::uint32_t);
    index.number(fnv1a(std::string_view(index.out()).substr(head_size)));
    // The months' bytes are copied one at a time, from memory or from the old file.
    const auto produce = [&](const std::function<void(std::string_view)>& put) {
        put(index.out());
        for (const auto& [month, cached] : months_)
            for (const Blob* blob : {&cached.entries, &cached.history}) {
                const auto bytes = read_blob(*blob);
                if (!bytes || bytes->size() != blob->size)
                    throw std::runtime_error("the old cache file changed");
                put(*bytes);
            }
    };
    try {
        storage_->make_private_folder(path_.parent_path(), ".cache");
        // A writer killed mid-way leaves its temporary file. Removing one that a live writer
        // still uses only makes that writer's save fail, which a cache can afford.
        storage_->remove_stale_temporary_files(path_.parent_path());
        storage_->replace(path_, produce, ".cache/months.bin", Durability::unsynced, nullptr);
    } catch (const std::exception&) {
        // The cache is only a shortcut: without it the next command parses the files again.
    }
}

}  // namespace tend::store
