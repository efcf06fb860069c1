// Safe file writes for the journal: O_EXCL temporaries, fsync, rename, folder fsync.
#include "store/file_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdint>

#include <algorithm>
#include <atomic>
#include <system_error>

#include "core/text.h"
#include "tend/error.h"

namespace tend::store {

namespace {

constexpr std::string_view temporary_marker = ".tmp-";

class FileDescriptor {
  public:
    explicit FileDescriptor(int descriptor) : descriptor_(descriptor) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (descriptor_ >= 0) ::close(descriptor_);
    }
    int get() const { return descriptor_; }
    // Closes now so that a failing close (NFS, quota) is reported.
    int close() {
        const int result = ::close(descriptor_);
        descriptor_ = -1;
        return result;
    }

  private:
    int descriptor_;
};

[[noreturn]] void fail(std::string_view action, std::string_view display_name) {
    throw fmt::system_error(errno, "can't {} '{}'", action, display_name);
}

void write_all(int descriptor, std::string_view content, std::string_view display_name) {
    while (!content.empty()) {
        const ssize_t written = ::write(descriptor, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            fail("write", display_name);
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
}

void sync_folder(const std::filesystem::path& folder, std::string_view display_name) {
    FileDescriptor descriptor(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (descriptor.get() < 0) fail("open the folder of", display_name);
    if (::fsync(descriptor.get()) != 0 && errno != EINVAL) fail("sync the folder of", display_name);
}

// The process that made a temporary file, from its name: ".2026-11.toml.tmp-PID-N" or
// ".note.tmp-PID". Nothing for a name that doesn't carry one.
std::optional<pid_t> writer_of(std::string_view name) {
    std::string_view rest = name.substr(name.find(temporary_marker) + temporary_marker.size());
    rest = rest.substr(0, rest.find('-'));
    const auto digits = parse_digits(rest);
    if (!digits || *digits <= 0) return std::nullopt;
    return static_cast<pid_t>(*digits);
}

}  // namespace

bool is_temporary_file_name(std::string_view name) {
    // Only tend's own names: "." + a file tend writes + ".tmp-PID-N", or ".note.tmp-PID". A
    // person's ".draft.tmp-1" is none of tend's business.
    const auto marker = name.find(temporary_marker);
    if (!name.starts_with('.') || marker == std::string_view::npos) return false;
    const std::string_view base = name.substr(1, marker - 1);
    std::string_view rest = name.substr(marker + temporary_marker.size());
    const auto dash = rest.find('-');
    const bool pid_ok = parse_digits(rest.substr(0, dash)).has_value();
    if (base == "note") return pid_ok && dash == std::string_view::npos;
    constexpr std::string_view tend_files[] = {"plan.toml",  "tend.toml", ".undo.toml",
                                               "months.bin", "blobs.bin", "latest.bin"};
    const bool month = base.size() == 12 && base.ends_with(".toml") && base[4] == '-' &&
                       parse_digits(base.substr(0, 4)) && parse_digits(base.substr(5, 2));
    const bool known = month || std::find(std::begin(tend_files), std::end(tend_files), base) !=
                                    std::end(tend_files);
    return known && pid_ok && dash != std::string_view::npos &&
           parse_digits(rest.substr(dash + 1)).has_value();
}

namespace {

// True when `path` is, or leads through links to, tend.toml, plan.toml, a file under journal/,
// the inbox (any inbox* file) or one of tend's hidden files (.cache, .undo.toml) in the journal
// folder `root`.
bool is_journal_file(const std::filesystem::path& path, const std::filesystem::path& root) {
    std::error_code error;
    const auto target = std::filesystem::weakly_canonical(std::filesystem::absolute(path), error);
    if (error) return false;
    const auto folder = std::filesystem::weakly_canonical(std::filesystem::absolute(root), error);
    if (error) return false;
    const auto relative = target.lexically_relative(folder);
    if (relative.empty() || *relative.begin() == "..") return false;
    const std::string first = relative.begin()->string();
    // The inbox too, and its per-device files and a sync tool's copies ("inbox.phone.txt",
    // "inbox (conflicted copy).txt"): a phone's lines not yet filed live there.
    const std::string lower = to_lower(first);
    return first == "journal" || first == "tend.toml" || first == "plan.toml" ||
           first.starts_with(".") || lower.starts_with("inbox");
}

}  // namespace

void write_named_output(const std::filesystem::path& path, std::string_view content,
                        const std::filesystem::path& journal_root) {
    write_named_output(
        path, [&](const auto& put) { put(content); }, journal_root);
}

void write_named_output(const std::filesystem::path& path, const ContentProducer& produce,
                        const std::filesystem::path& journal_root) {
    if (is_journal_file(path, journal_root))
        throw user_error(
            fmt::format("'{}' is one of the journal's own files, so nothing was written",
                        path.string()),
            "name a file outside the journal folder, e.g. -o visit.html");
    struct stat status {};
    // A FIFO, /dev/stdout or a terminal is written in place; replacing it would cut it (and
    // /dev/stdout leads to whatever the shell opened, a file or a pipe).
    const std::string& text = path.native();
    const bool special = text.starts_with("/dev/") || text.starts_with("/proc/");
    if (::stat(path.c_str(), &status) == 0 && !S_ISDIR(status.st_mode) &&
        (special || !S_ISREG(status.st_mode))) {
        // A regular file behind /dev/stdout was opened by the shell (> or >>): add to it.
        const int append = S_ISREG(status.st_mode) ? O_APPEND : 0;
        FileDescriptor descriptor(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | append));
        if (descriptor.get() < 0) fail("write", path.string());
        produce([&](std::string_view piece) { write_all(descriptor.get(), piece, path.string()); });
        if (descriptor.close() != 0) fail("write", path.string());
        return;
    }
    // A folder that isn't there is a typo in what the user named, not a failure of the disk.
    const std::filesystem::path folder = path.parent_path();
    struct stat folder_status {};
    if (!folder.empty() && ::stat(folder.c_str(), &folder_status) != 0 && errno == ENOENT)
        throw user_error(fmt::format("there is no folder '{}', so '{}' was not written",
                                     folder.string(), path.string()),
                         "create the folder first, or name a file in a folder that exists");
    if (!folder.empty() && ::stat(folder.c_str(), &folder_status) == 0 &&
        !S_ISDIR(folder_status.st_mode))
        throw user_error(fmt::format("'{}' is a file, not a folder, so '{}' was not written",
                                     folder.string(), path.string()),
                         "name a file in a folder that exists");
    write_file_atomically(path, produce, path.string(), Durability::synced);
}

namespace {

// What a file that is not a regular file is, for the one line that refuses it.
std::string_view kind_of_file(mode_t mode) {
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

}  // namespace

std::optional<std::string> read_file_if_exists(const std::filesystem::path& path,
                                               std::string_view display_name) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; what is opened is looked at first.
    FileDescriptor descriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (descriptor.get() < 0) {
        if (errno == ENOENT) return std::nullopt;
        if (errno == ELOOP)
            throw user_error(fmt::format("'{}' is a link that leads back to itself (a loop of "
                                         "links), so it can't be read",
                                         display_name),
                             "point the link at a file, or remove it");
        fail("read", display_name);
    }
    struct stat status {};
    if (::fstat(descriptor.get(), &status) != 0) fail("read", display_name);
    if (S_ISDIR(status.st_mode))
        throw user_error(fmt::format("'{}' is a folder, not a file", display_name),
                         "move it away so tend can use that name");
    // A FIFO would hang every command and /dev/zero would read until memory runs out.
    if (!S_ISREG(status.st_mode))
        throw user_error(fmt::format("'{}' is {}, not a file tend can read", display_name,
                                     kind_of_file(status.st_mode)),
                         "move it away and put the journal's own file there");
    const auto too_large = [&] {
        return user_error(
            fmt::format("'{}' is larger than {} MB, more than tend reads from one file",
                        display_name, largest_file_read / (1024 * 1024)),
            "move it out of the journal folder and see what it holds");
    };
    if (static_cast<std::uint64_t>(status.st_size) > largest_file_read) throw too_large();
    // Read straight into the string; one byte more than the size shows the end (or growth).
    std::string content(static_cast<std::size_t>(status.st_size) + 1, '\0');
    std::size_t done = 0;
    while (true) {
        if (done == content.size()) {
            if (done > largest_file_read) throw too_large();
            content.resize(std::min<std::size_t>(2 * content.size(), largest_file_read + 1));
        }
        const ssize_t count =
            ::read(descriptor.get(), content.data() + done, content.size() - done);
        if (count < 0) {
            if (errno == EINTR) continue;
            fail("read", display_name);
        }
        if (count == 0) break;
        done += static_cast<std::size_t>(count);
    }
    content.resize(done);
    return content;
}

void ensure_private_directory(const std::filesystem::path& path, std::string_view display_name) {
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0) {
        if (!S_ISDIR(status.st_mode))
            throw user_error(fmt::format("'{}' is a file, not a folder", display_name));
        return;
    }
    if (path.has_parent_path() && path.parent_path() != path)
        ensure_private_directory(path.parent_path(), path.parent_path().string());
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
        fail("create the folder", display_name);
    // mkdir's mode is filtered by the umask; a health journal is private whatever the umask.
    if (::chmod(path.c_str(), 0700) != 0) fail("set permissions on", display_name);
}

void write_file_atomically(const std::filesystem::path& target, std::string_view content,
                           std::string_view display_name, Durability durability) {
    write_file_atomically(
        target, [&](const auto& put) { put(content); }, display_name, durability);
}

void write_file_atomically(const std::filesystem::path& target, const ContentProducer& produce,
                           std::string_view display_name, Durability durability) {
    (void)replace_file(target, produce, display_name, durability, nullptr, {});
}

std::filesystem::path write_target_of(const std::filesystem::path& target,
                                      std::string_view display_name) {
    struct stat status {};
    if (::lstat(target.c_str(), &status) != 0) return target;
    if (S_ISLNK(status.st_mode)) {
        // A month or plan kept in a dotfiles repo or a synced folder: write through the link to
        // its file, with the temporary beside that file, so the link stays a link.
        std::error_code error;
        const auto resolved = std::filesystem::canonical(target, error);
        if (error == std::errc::too_many_symbolic_link_levels)
            throw user_error(fmt::format("'{}' is a link that leads back to itself (a loop of "
                                         "links), so nothing was written",
                                         display_name),
                             "point the link at a file, or remove it");
        if (error)
            throw user_error(
                fmt::format("'{}' is a link to a file that does not exist", display_name),
                "point the link at an existing file, or remove it");
        return write_target_of(resolved, display_name);
    }
    if (S_ISREG(status.st_mode) && status.st_nlink > 1)
        throw user_error(
            fmt::format("'{}' has {} hard links, and replacing it would split them, so nothing "
                        "was written",
                        display_name, status.st_nlink),
            "use a symbolic link instead (tend writes through those), or copy the file");
    return target;
}

bool replace_file(const std::filesystem::path& requested_target, const ContentProducer& produce,
                  std::string_view display_name, Durability durability,
                  const std::optional<std::string>* expected,
                  const std::function<void(const std::filesystem::path&)>& before_rename) {
    const bool synced = durability == Durability::synced;
    static std::atomic<unsigned> counter{0};
    const std::filesystem::path target = write_target_of(requested_target, display_name);
    // A bare file name ("visit.html") lives in the working folder, whose path is "." not "".
    const std::filesystem::path folder =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    const std::filesystem::path temporary =
        folder / fmt::format(".{}{}{}-{}", target.filename().string(), temporary_marker, ::getpid(),
                             counter++);
    FileDescriptor descriptor(
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (descriptor.get() < 0) fail("write", display_name);
    try {
        if (::fchmod(descriptor.get(), 0600) != 0) fail("set permissions on", display_name);
        produce([&](std::string_view piece) { write_all(descriptor.get(), piece, display_name); });
        if (synced && ::fsync(descriptor.get()) != 0) fail("sync", display_name);
        if (descriptor.close() != 0) fail("write", display_name);
        struct stat status {};
        if (::stat(target.c_str(), &status) == 0 && S_ISDIR(status.st_mode)) {
            errno = EISDIR;
            fail("replace", display_name);
        }
        if (before_rename) before_rename(requested_target);
        // Compare before replace: another program (a sync tool, git) may have renamed a new
        // version into place since it was read. What remains is the gap between this read and
        // the rename, microseconds instead of the whole command.
        if (expected && read_file_if_exists(target, display_name) != *expected) {
            ::unlink(temporary.c_str());
            return false;
        }
        if (::rename(temporary.c_str(), target.c_str()) != 0) fail("replace", display_name);
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
    if (synced) sync_folder(folder, display_name);
    return true;
}

bool links_out_of(const std::filesystem::path& path, const std::filesystem::path& root) {
    struct stat status {};
    if (::lstat(path.c_str(), &status) != 0 || !S_ISLNK(status.st_mode)) return false;
    std::error_code error;
    const auto target = std::filesystem::canonical(path, error);
    if (error) return false;  // a link to nothing or a loop: write_target_of says so
    const auto folder = std::filesystem::canonical(std::filesystem::absolute(root), error);
    if (error) return true;
    const auto relative = target.lexically_relative(folder);
    return relative.empty() || *relative.begin() == "..";
}

std::vector<std::string> names_in(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    DIR* directory = ::opendir(folder.c_str());
    if (!directory) return names;
    while (const dirent* item = ::readdir(directory)) {
        const std::string_view name = item->d_name;
        if (name != "." && name != "..") names.emplace_back(name);
    }
    ::closedir(directory);
    return names;
}

void remove_stale_temporary_files(const std::filesystem::path& folder) {
    for (const auto& name : names_in(folder)) {
        if (!is_temporary_file_name(name)) continue;
        const auto writer = writer_of(name);
        if (writer && ::kill(*writer, 0) != 0 && errno == ESRCH) ::unlink((folder / name).c_str());
    }
}

}  // namespace tend::store
