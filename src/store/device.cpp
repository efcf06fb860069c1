// The device name: from the environment, a local setting, or the host name.
#include "store/device.h"

#include <fmt/format.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>

#include "core/text.h"
#include "tend/error.h"

namespace tend::store {

namespace {

constexpr std::size_t longest_device_name = 32;

std::string shown(std::string_view name) {
    // A hostile name may hold control characters or be very long: show only a safe start.
    std::string safe;
    for (const char character : name.substr(0, 40))
        safe += static_cast<unsigned char>(character) < 0x20 || character == 0x7f ? '?' : character;
    return name.size() > 40 ? safe + "..." : safe;
}

std::string checked(std::string_view name, std::string_view source) {
    if (is_device_name(name)) return std::string(name);
    throw user_error(
        fmt::format("the device name '{}' (from {}) can't name a file", shown(name), source),
        "use 1 to 32 lowercase letters, digits, '-' or '_', e.g. TEND_DEVICE=phone");
}

}  // namespace

bool is_device_name(std::string_view name) {
    if (name.empty() || name.size() > longest_device_name) return false;
    for (const char character : name) {
        const bool letter_or_digit =
            (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
        if (!letter_or_digit && character != '-' && character != '_') return false;
    }
    return name.front() != '-' && name.front() != '_';
}

std::optional<std::string> device_setting_path(const EnvironmentLookup& environment) {
    if (auto config_home = environment("XDG_CONFIG_HOME");
        config_home && config_home->starts_with('/'))
        return *config_home + "/tend/device";
    if (auto home = environment("HOME")) return *home + "/.config/tend/device";
    return std::nullopt;
}

std::string this_device(const EnvironmentLookup& environment) {
    if (auto name = environment("TEND_DEVICE")) return checked(*name, "TEND_DEVICE");
    if (const auto setting = device_setting_path(environment)) {
        // Only a plain file is read: a FIFO there would hold every command.
        std::error_code error;
        const auto status = std::filesystem::status(*setting, error);
        if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
            throw user_error(fmt::format("{} is not a plain file, so it can't name this device",
                                         escape_unsafe(*setting, false)),
                             "make it a text file with the name on its first line, or set "
                             "TEND_DEVICE");
        std::ifstream file(*setting);
        std::string line;
        if (file && std::getline(file, line)) {
            const auto name = trim(line);
            if (!name.empty()) return checked(name, *setting);
        }
    }
    char host[HOST_NAME_MAX + 1] = {};
    if (::gethostname(host, sizeof host - 1) != 0 || !*host)
        throw user_error("can't tell this device's name: the host name is not set",
                         "set TEND_DEVICE, e.g. TEND_DEVICE=laptop");
    std::string name(host);
    name = name.substr(0, name.find('.'));
    for (char& character : name)
        if (character >= 'A' && character <= 'Z')
            character = static_cast<char>(character - 'A' + 'a');
    // Termux and many containers are all "localhost": two devices would share one month file,
    // which then conflicts at every sync.
    if (name == "localhost" || name == "localhost4" || name == "localhost6" ||
        name == "localdomain")
        throw user_error(
            fmt::format("the host name '{}' is shared by many devices, so it can't name this one",
                        name),
            "name this device with TEND_DEVICE, e.g. TEND_DEVICE=phone, or on the first line of "
            "~/.config/tend/device (docs/format.md)");
    if (is_device_name(name)) return name;
    throw user_error(
        fmt::format("the host name '{}' can't name a file for this device", shown(name)),
        "set TEND_DEVICE to 1 to 32 lowercase letters, digits, '-' or '_', e.g. "
        "TEND_DEVICE=laptop");
}

}  // namespace tend::store
