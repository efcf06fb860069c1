// The machine's floor for a durable write: what `tend log` cannot avoid. Writes a small file
// beside the target, syncs it, renames it over the target and syncs the folder.
// Usage: write_rename FOLDER
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const std::string folder = argv[1];
    const std::string temporary = folder + "/floor.tmp";
    const std::string target = folder + "/floor.toml";
    const int file = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (file < 0) return 1;
    const char text[] = "[[entry]]\nat = 2026-11-25T20:00:00+01:00\nkind = \"dilate\"\n";
    if (::write(file, text, sizeof text - 1) < 0 || ::fsync(file) != 0) return 1;
    ::close(file);
    if (std::rename(temporary.c_str(), target.c_str()) != 0) return 1;
    const int directory = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (directory < 0 || ::fsync(directory) != 0) return 1;
    ::close(directory);
    return 0;
}
