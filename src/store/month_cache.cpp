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

#include "store/file_io.h"
#include "store/journal.h"

namespace tend::store {

namespace {

constexpr char magic[8] = {'t', 'e', 'n', 'd', 'c', 'a', 'c', '1'};
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

class Writer {
  public:
    void bytes(const void* data, std::size_t size) {
        out_.append(static_cast<const char*>(data), size);
    }
    template <typename Number>
    void number(Number value) {
        bytes(&value, sizeof value);
    }
    void text(std::string_view value) {
        number(static_cast<std::uint32_t>(value.size()));
        bytes(value.data(), value.size());
    }
    std::string& out() { return out_; }

  private:
    std::string out_;
};

// Reads what Writer wrote; any read past the end marks the whole cache as damaged.
class Reader {
  public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    void fail() { ok_ = false; }
    bool at_end() const { return position_ == in_.size(); }
    std::size_t position() const { return position_; }
    template <typename Number>
    Number number() {
        Number value{};
        if (!take(sizeof value)) return value;
        std::memcpy(&value, in_.data() + position_ - sizeof value, sizeof value);
        return value;
    }
    std::string text() { return std::string(text_view()); }
    // Valid while the bytes read are.
    std::string_view text_view() {
        const auto size = number<std::uint32_t>();
        if (!take(size)) return {};
        return in_.substr(position_ - size, size);
    }

  private:
    bool take(std::size_t size) {
        if (!ok_ || in_.size() - position_ < size) {
            ok_ = false;
            return false;
        }
        position_ += size;
        return true;
    }
    std::string_view in_;
    std::size_t position_ = 0;
    bool ok_ = true;
};

void write_entry(Writer& writer, const Entry& entry) {
    writer.number(entry.at.utc_seconds);
    writer.number(entry.at.offset_seconds);
    writer.text(entry.kind);
    writer.number(static_cast<std::uint32_t>(entry.fields.size()));
    for (const auto& [name, value] : entry.fields) {
        writer.text(name);
        writer.number(static_cast<std::uint8_t>(value.index()));
        if (const auto* whole = std::get_if<std::int64_t>(&value)) writer.number(*whole);
        if (const auto* number = std::get_if<double>(&value)) writer.number(*number);
        if (const auto* flag = std::get_if<bool>(&value))
            writer.number(static_cast<std::uint8_t>(*flag));
        if (const auto* text = std::get_if<std::string>(&value)) writer.text(*text);
    }
    writer.text(entry.note);
    writer.number(static_cast<std::uint32_t>(entry.tags.size()));
    for (const auto& tag : entry.tags)
        writer.text(tag);
    writer.number(static_cast<std::int32_t>(entry.line));
}

Entry read_entry(Reader& reader) {
    Entry entry;
    entry.at.utc_seconds = reader.number<std::int64_t>();
    entry.at.offset_seconds = reader.number<std::int32_t>();
    entry.kind = reader.text();
    const auto fields = reader.number<std::uint32_t>();
    for (std::uint32_t index = 0; index < fields && reader.ok(); ++index) {
        std::string name = reader.text();
        switch (reader.number<std::uint8_t>()) {
            case 0:
                entry.fields.emplace_back(std::move(name), reader.number<std::int64_t>());
                break;
            case 1:
                entry.fields.emplace_back(std::move(name), reader.number<double>());
                break;
            case 2:
                entry.fields.emplace_back(std::move(name), reader.number<std::uint8_t>() != 0);
                break;
            case 3:
                entry.fields.emplace_back(std::move(name), reader.text());
                break;
            default:
                reader.fail();
                return entry;
        }
    }
    entry.note = reader.text();
    const auto tags = reader.number<std::uint32_t>();
    for (std::uint32_t index = 0; index < tags && reader.ok(); ++index)
        entry.tags.push_back(reader.text());
    entry.line = reader.number<std::int32_t>();
    return entry;
}

void add_compact_field(CompactEntries& into, bool wanted, std::string_view name,
                       const CompactValue& value) {
    if (wanted) into.add_field(name, value);
}

// Adds the entry to `into` when its day lies in `period`; reads past it otherwise.
void read_compact_entry(Reader& reader, const Period& period, CompactEntries& into) {
    Instant at;
    at.utc_seconds = reader.number<std::int64_t>();
    at.offset_seconds = reader.number<std::int32_t>();
    const std::string_view kind = reader.text_view();
    const bool wanted = reader.ok() && period.contains(at.local_date());
    if (wanted) into.add_entry(at, kind);
    const auto fields = reader.number<std::uint32_t>();
    for (std::uint32_t index = 0; index < fields && reader.ok(); ++index) {
        const std::string_view name = reader.text_view();
        switch (reader.number<std::uint8_t>()) {
            case 0:
                add_compact_field(into, wanted, name, reader.number<std::int64_t>());
                break;
            case 1:
                add_compact_field(into, wanted, name, reader.number<double>());
                break;
            case 2:
                add_compact_field(into, wanted, name, reader.number<std::uint8_t>() != 0);
                break;
            case 3:
                add_compact_field(into, wanted, name, reader.text_view());
                break;
            default:
                reader.fail();
                return;
        }
    }
    reader.text_view();  // the note
    const auto tags = reader.number<std::uint32_t>();
    for (std::uint32_t index = 0; index < tags && reader.ok(); ++index)
        reader.text_view();
    reader.number<std::int32_t>();  // the line
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

std::uint64_t cache_context(const Config& config) {
    std::string fingerprint = TEND_VERSION;
    for (const auto& kind : config.profile.kinds) {
        fingerprint += fmt::format("\x1f{}\x1e{}\x1e{}", kind.name, kind.primary, kind.progression);
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

// The file: magic, context, month count, then per month its name, stamp, entry count and the
// size of its entries' bytes; then every month's entries, in the same order.
std::int64_t real_time_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

MonthCache::MonthCache(std::filesystem::path root, std::uint64_t context,
                       std::function<std::int64_t()> now_ns)
    : path_(root / ".cache" / "months.bin"), context_(context), now_ns_(std::move(now_ns)) {
    // The file stays open: every month is then read from this one version of it, even if
    // another tend replaces the cache meanwhile (it renames a new file into place).
    descriptor_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor_ < 0) return;
    struct stat status {};
    if (::fstat(descriptor_, &status) != 0) return;
    file_size_ = static_cast<std::uint64_t>(status.st_size);
    // Each index record is at most a name of 7 bytes with its length and 6 numbers.
    constexpr std::uint64_t longest_record = 4 + 7 + 6 * 8;
    std::string head(sizeof magic + sizeof(std::uint64_t) + sizeof(std::uint32_t), '\0');
    if (!read_at(0, head) || std::memcmp(head.data(), magic, sizeof magic) != 0) return;
    Reader header(std::string_view(head).substr(sizeof magic));
    if (header.number<std::uint64_t>() != context_) return;
    const auto count = header.number<std::uint32_t>();
    std::string index(
        std::min<std::uint64_t>(file_size_ - head.size(),
                                std::min<std::uint64_t>(count, 100'000) * longest_record),
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
        cached.size = reader.number<std::uint64_t>();
        cached.offset = offset;
        offset += cached.size;
    }
    if (!reader.ok()) return;
    const auto blobs_start = head.size() + reader.position();
    for (auto& [month, cached] : months)
        cached.offset += blobs_start;
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

std::optional<std::string_view> MonthCache::read_blob(const Month& month) {
    if (month.fresh) return std::string_view(*month.fresh);
    if (descriptor_ < 0 || month.offset > file_size_ || month.size > file_size_ - month.offset)
        return std::nullopt;
    buffer_.resize(month.size);
    if (!read_at(month.offset, buffer_)) return std::nullopt;
    return std::string_view(buffer_);
}

std::optional<std::vector<Entry>> MonthCache::find(const std::string& month,
                                                   const FileStamp& stamp) {
    const auto found = months_.find(month);
    if (found == months_.end() || !(found->second.stamp == stamp)) return std::nullopt;
    const auto blob = read_blob(found->second);
    if (!blob) return std::nullopt;
    Reader reader(*blob);
    const auto count = reader.number<std::uint32_t>();
    std::vector<Entry> entries;
    entries.reserve(std::min<std::uint32_t>(count, 100'000));
    for (std::uint32_t index = 0; index < count && reader.ok(); ++index)
        entries.push_back(read_entry(reader));
    if (!reader.ok() || !reader.at_end()) return std::nullopt;
    return entries;
}

bool MonthCache::find_compact(const std::string& month, const FileStamp& stamp,
                              const Period& period, CompactEntries& into) {
    const auto found = months_.find(month);
    if (found == months_.end() || !(found->second.stamp == stamp)) return false;
    const auto blob = read_blob(found->second);
    if (!blob) return false;
    const std::size_t before = into.size();
    Reader reader(*blob);
    const auto count = reader.number<std::uint32_t>();
    for (std::uint32_t index = 0; index < count && reader.ok(); ++index)
        read_compact_entry(reader, period, into);
    if (reader.ok() && reader.at_end()) return true;
    into.truncate(before);
    return false;
}

void MonthCache::remember(const std::string& month, const FileStamp& stamp,
                          const std::vector<Entry>& entries) {
    const auto now = now_ns_();
    if (now - stamp.modified_ns < settle_ns || now - stamp.changed_ns < settle_ns) {
        changed_ = months_.erase(month) > 0 || changed_;
        return;
    }
    Writer writer;
    writer.number(static_cast<std::uint32_t>(entries.size()));
    for (const auto& entry : entries)
        write_entry(writer, entry);
    months_[month] = Month{stamp, 0, writer.out().size(), std::move(writer.out())};
    changed_ = true;
}

void MonthCache::keep_only(const std::vector<std::string>& months) {
    std::erase_if(months_, [&](const auto& cached) {
        const bool gone = std::find(months.begin(), months.end(), cached.first) == months.end();
        changed_ = changed_ || gone;
        return gone;
    });
}

void MonthCache::save() {
    if (!changed_) return;
    Writer writer;
    writer.bytes(magic, sizeof magic);
    writer.number(context_);
    writer.number(static_cast<std::uint32_t>(months_.size()));
    std::vector<std::string> blobs;
    for (const auto& [month, cached] : months_) {
        const auto blob = read_blob(cached);
        if (!blob) return;
        writer.text(month);
        writer.number(cached.stamp.size);
        writer.number(cached.stamp.modified_ns);
        writer.number(cached.stamp.changed_ns);
        writer.number(cached.stamp.inode);
        writer.number(cached.stamp.device);
        writer.number(static_cast<std::uint64_t>(blob->size()));
        blobs.emplace_back(*blob);
    }
    for (const auto& blob : blobs)
        writer.bytes(blob.data(), blob.size());
    try {
        ensure_private_directory(path_.parent_path(), ".cache");
        // A writer killed mid-way leaves its temporary file. Removing one that a live writer
        // still uses only makes that writer's save fail, which a cache can afford.
        remove_stale_temporary_files(path_.parent_path());
        write_file_atomically(path_, writer.out(), ".cache/months.bin");
    } catch (const std::exception&) {
        // The cache is only a shortcut: without it the next command parses the files again.
    }
}

}  // namespace tend::store
