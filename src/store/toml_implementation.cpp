// toml++'s implementation, compiled once into tend from Debian's headers: every other file
// includes <toml++/toml.h> with TOML_HEADER_ONLY=0 (set by the build) and sees declarations only.
// Built as Debian builds its libtomlplusplus, without toml++'s internal assertions: a dev build
// would turn them on, and inputs in the fuzz corpus trip one in its parser (which then goes on
// and reports the error, as the library does).
#ifndef NDEBUG
#define NDEBUG
#endif
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
