// Edit sessions: one private copy each, saved with compare before replace, never overwritten.
#include "store/edit_session.h"

#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>
#include <cerrno>

#include "core/text.h"
#include "tend/error.h"

namespace tend::store {

namespace {

std::string copy_prefix(const std::string& month) {
    return fmt::format(".edit-{}-", month);
}

// The process that holds a session copy, from its name (".edit-2026-11-1234.toml").
std::optional<long> session_of(std::string_view name, const std::string& month) {
    const std::string prefix = copy_prefix(month);
    if (!name.starts_with(prefix) || !name.ends_with(".toml")) return std::nullopt;
    name.remove_prefix(prefix.size());
    name.remove_suffix(5);
    name = name.substr(0, name.find('-'));
    const auto digits = parse_digits(name);
    if (!digits || *digits <= 0) return std::nullopt;
    return static_cast<long>(*digits);
}

}  // namespace

std::optional<std::string> kept_edit_of(const std::filesystem::path& root, const std::string& month,
                                        Storage& storage) {
    for (const auto& name : storage.names_in(root)) {
        const auto session = session_of(name, month);
        if (!session) continue;
        // A live session is another terminal's edit, not a kept copy.
        const bool live = ::kill(static_cast<pid_t>(*session), 0) == 0 || errno == EPERM;
        if (!live || *session == ::getpid()) return name;
    }
    return std::nullopt;
}

EditSession::EditSession(std::filesystem::path root, const std::string& month, Storage& storage)
    : root_(std::move(root)),
      month_file_(fmt::format("journal/{}.toml", month)),
      storage_(&storage) {
    if (const auto kept = kept_edit_of(root_, month, storage))
        throw user_error(
            fmt::format("an earlier edit of {} was not saved and is kept in {}", month_file_,
                        *kept),
            "copy what you need from it into the month file, then delete it and edit again");
    original_ = storage.read(root_ / month_file_, month_file_);
    if (!original_)
        throw user_error(fmt::format("there is no {} yet", month_file_),
                         "'tend log' starts a month; 'tend edit' opens months that have entries");
    // The copy is new, never written over: another file of that name (a reused process id)
    // makes the next name.
    const std::optional<std::string> absent;
    for (int attempt = 0;; ++attempt) {
        copy_ = root_ / fmt::format("{}{}{}.toml", copy_prefix(month), ::getpid(),
                                    attempt == 0 ? "" : fmt::format("-{}", attempt));
        if (storage.replace(copy_, *original_, copy_.filename().string(), Durability::unsynced,
                            &absent))
            break;
    }
}

std::string EditSession::edited() const {
    const auto text = storage_->read(copy_, copy_.filename().string());
    if (!text)
        throw user_error(fmt::format("the copy {} vanished while you edited it, so {} is unchanged",
                                     copy_.filename().string(), month_file_),
                         "nothing was saved; run 'tend edit' again");
    return *text;
}

bool EditSession::save(const std::string& edited) {
    const auto lock = storage_->lock(root_);
    if (edited == *original_) {
        discard();
        return false;
    }
    if (!storage_->replace(root_ / month_file_, edited, month_file_, Durability::synced,
                           &original_))
        throw user_error(
            fmt::format("{} changed while you edited it, so your edit was not saved", month_file_),
            keep_message());
    discard();
    return true;
}

void EditSession::discard() {
    storage_->remove(copy_);
}

std::string EditSession::keep_message() const {
    return fmt::format("it is kept in {}: copy your changes over, then delete it",
                       copy_.filename().string());
}

}  // namespace tend::store
