// The undo record and `undo` itself.
#include "store/undo_log.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <filesystem>

#include "core/text.h"
#include "store/file_io.h"
#include "store/month_file.h"
#include "store/toml_depth.h"
#include "store/toml_writer.h"
#include "store/write_check.h"
#include "tend/error.h"

namespace tend::store {

namespace {

constexpr std::size_t kept_blocks = 20;
constexpr std::string_view undo_file_name = ".undo.toml";

// Stay inside the folder: only "journal/YYYY-MM.toml" is a file undo may change.
bool names_month_file(std::string_view file) {
    constexpr std::string_view folder = "journal/";
    return file.starts_with(folder) && month_of_file_name(file.substr(folder.size()));
}

// tend's own record is never a link: written through, the undo record (health text) would land
// in whatever file the link names, outside the folder, and what that file held would be lost.
void refuse_link(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_symlink(path, error))
        throw user_error(
            "'.undo.toml' is a link, and tend never writes its own files through one",
            "delete the link (it is tend's record for 'tend undo', and holds nothing of yours)");
}

}  // namespace

std::vector<LoggedBlock> UndoLog::read() const {
    refuse_link(root_ / undo_file_name);
    std::vector<LoggedBlock> blocks;
    const auto content = storage_->read(root_ / undo_file_name, undo_file_name);
    if (!content) return blocks;
    // A damaged or planted record only means there is nothing to undo.
    if (nesting_problem(*content, std::string(undo_file_name))) return blocks;
    try {
        const toml::table table = toml::parse(*content);
        if (const auto* logged = table["logged"].as_array()) {
            for (const auto& item : *logged) {
                const auto* record = item.as_table();
                if (!record) continue;
                const auto file = (*record)["file"].value<std::string>();
                const auto text = (*record)["text"].value<std::string>();
                const auto logged_utc = (*record)["logged_utc"].value<std::int64_t>();
                if (file && text && names_month_file(*file))
                    blocks.push_back({*file, *text, logged_utc});
            }
        }
    } catch (const toml::parse_error&) {
        // A damaged undo record only means there is nothing to undo; the journal is unharmed.
        blocks.clear();
    }
    return blocks;
}

void UndoLog::write(const std::vector<LoggedBlock>& blocks) const {
    std::string content =
        "# tend's record of the entries `tend log` appended, newest last, for `tend undo`.\n"
        "# Safe to delete: the journal itself is in journal/.\n";
    for (const auto& block : blocks) {
        content += fmt::format("\n[[logged]]\nfile = {}\ntext = {}\n", toml_string(block.file),
                               toml_string(block.text));
        if (block.logged_utc) content += fmt::format("logged_utc = {}\n", *block.logged_utc);
    }
    // Not synced: a record lost or made older by a power cut is safe, since undo removes only
    // bytes the month file still ends with, and a damaged record reads as nothing to undo.
    refuse_link(root_ / undo_file_name);
    storage_->replace(root_ / undo_file_name, content, undo_file_name, Durability::unsynced);
}

void UndoLog::record(const std::string& file, const std::string& text,
                     std::optional<std::int64_t> logged_utc) const {
    auto blocks = read();
    blocks.push_back({file, text, logged_utc});
    if (blocks.size() > kept_blocks) blocks.erase(blocks.begin(), blocks.end() - kept_blocks);
    write(blocks);
}

std::optional<LoggedBlock> UndoLog::last() const {
    auto blocks = read();
    if (blocks.empty()) return std::nullopt;
    return blocks.back();
}

void UndoLog::forget_last() const {
    auto blocks = read();
    if (blocks.empty()) return;
    blocks.pop_back();
    write(blocks);
}

LoggedBlock undo_last_log(const std::filesystem::path& root, const Config& config, bool dry_run,
                          const LoggedBlock* expected, Storage& storage) {
    const UndoLog undo_log(root, storage);
    const auto no_undo = [] {
        return user_error("there is nothing to undo",
                          "undo takes back entries added with 'tend log'");
    };
    refuse_link(root / undo_file_name);
    if (!storage.read(root / undo_file_name, undo_file_name)) throw no_undo();
    const auto lock = storage.lock(root);
    storage.remove_stale_temporary_files(root);
    const auto last = undo_log.last();
    if (!last) throw no_undo();
    if (expected && (last->file != expected->file || last->text != expected->text))
        throw user_error(
            "the last logged entry changed while you were asked, so nothing was removed",
            "run 'tend undo' again");
    const auto changed_since = [&] {
        return user_error(
            fmt::format(
                "the last logged entry is no longer at the end of {}, so nothing was removed",
                last->file),
            "the file was changed since; edit it by hand to remove the entry");
    };
    // What log recorded is one [[entry]] block; a damaged or planted record that holds none or
    // several (the whole month, say) must never make undo remove more than one entry.
    std::size_t blocks = 0;
    for (const auto line : split(last->text, '\n'))
        if (trim(line).starts_with("[[entry]]")) ++blocks;
    if (blocks != 1)
        throw user_error(
            "tend's record of the last logged entry (.undo.toml) does not hold "
            "exactly one entry, so nothing was removed",
            "delete .undo.toml, and edit the month by hand with 'tend edit'");
    const auto content = storage.read(root / last->file, last->file);
    if (!content || !content->ends_with(last->text)) throw changed_since();
    if (!dry_run) {
        const std::string without = content->substr(0, content->size() - last->text.size());
        const std::string month = *month_of_file_name(last->file.substr(8));
        // The block's entry, when it is still valid under today's profile, is the one to go.
        const auto removed = parse_month_file(
            last->text, last->file, config, [](std::int64_t) { return 0; }, month);
        check_month_change(*content, without, last->file, config, month, removed.entries.size(),
                           {});
        if (!storage.replace(root / last->file, without, last->file, Durability::synced, &content))
            throw changed_since();
        undo_log.forget_last();
    }
    return *last;
}

}  // namespace tend::store
