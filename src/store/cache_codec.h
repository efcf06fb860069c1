// The bytes of the month cache: numbers and texts written and read back, and the encodings of
// entries and histories in them. A read past the end marks the reader failed, never an error.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tend/compact_entry.h"
#include "tend/entry.h"
#include "tend/history.h"
#include "tend/period.h"

namespace tend::store {

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

// What identifies a file's content without reading it (as git's index does).
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t modified_ns = 0;
    std::int64_t changed_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// What identifies a file's bytes: their count and a fast 64-bit hash of them (not
// cryptographic; it tells a copied or touched file from an edited one, as a stamp can't).
struct ContentKey {
    std::uint64_t size = 0;
    std::uint64_t hash = 0;
    friend bool operator==(const ContentKey&, const ContentKey&) = default;
};
ContentKey content_key_of(std::string_view bytes);

// The checksum of the cache's blobs and index (content_key_of's hash).
std::uint64_t checksum_of(std::string_view bytes);

// Where a blob (a month's entries or history) lies in .cache/blobs.bin.
struct BlobPlace {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;  // 0: none
    std::uint64_t checksum = 0;
    friend bool operator==(const BlobPlace&, const BlobPlace&) = default;
};

// .cache/months.bin: what parsing depended on (the context), the generation of blobs.bin it
// describes, per month file its stamp (zeros: not settled), its content key when known, and
// where its entries and history are (with the plan the history was made for); and where the
// settled histories of the months before a few months are.
struct CacheIndex {
    struct File {
        std::string key;  // "2026-11", "2026-11.phone"
        FileStamp stamp;
        std::optional<ContentKey> content;
        BlobPlace entries;
        std::uint64_t plan_key = 0;
        BlobPlace history;
        friend bool operator==(const File&, const File&) = default;
    };
    // A history of every month before `month`, settled at their end, for the plan and the
    // month files that `digest` names (MonthCache::past_digest).
    struct Past {
        std::string month;
        std::uint64_t digest = 0;
        BlobPlace history;
        friend bool operator==(const Past&, const Past&) = default;
    };
    std::uint64_t context = 0;
    std::uint64_t generation = 0;
    std::vector<File> files;
    std::vector<Past> pasts;
    friend bool operator==(const CacheIndex&, const CacheIndex&) = default;
};
// The magic, the index and a checksum of both.
std::string write_cache_index(const CacheIndex& index);
// The index, when the bytes are one whole index of this format with a good checksum.
std::optional<CacheIndex> read_cache_index(std::string_view bytes);

void write_entry(Writer& writer, const Entry& entry);
Entry read_entry(Reader& reader);

// A count, then that many entries; read back only when they end exactly where the bytes do.
void write_entries(Writer& writer, const std::vector<Entry>& entries);
std::optional<std::vector<Entry>> read_entries(Reader& reader);

// Adds the entry to `into` (with its identity when asked to) when its day lies in `period`;
// reads past it otherwise.
void read_compact_entry(Reader& reader, const Period& period, CompactEntries& into,
                        Identities identities);
// What write_entries wrote, as compact entries of the days in `period`; false, with nothing
// added, when read_entries would give nothing.
bool read_compact_entries(Reader& reader, const Period& period, CompactEntries& into,
                          Identities identities);

void write_history(Writer& writer, const History& history);
History read_history(Reader& reader);

}  // namespace tend::store
