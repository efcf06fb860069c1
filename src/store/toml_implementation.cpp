// toml++'s implementation, compiled once into tend from Debian's headers: every other file
// includes <toml++/toml.h> with TOML_HEADER_ONLY=0 (set by the build) and sees declarations only.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
