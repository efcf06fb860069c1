// A strict second reader of `tend plan ics`: libical parses the file and checks it against
// RFC 5545's and RFC 5546's restrictions (icalrestriction_check), as calendar servers do.
// Usage: tend_ics_libical_check FILE
// Prints each error libical found ("VEVENT: ..."), or "ok: N events"; exits 1 on any error.
#include <libical/ical.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

namespace {

// libical records what it dislikes as X-LIC-ERROR properties inside the component.
int print_errors(icalcomponent* component) {
    int errors = 0;
    for (icalproperty* error = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);
         error != nullptr;
         error = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        std::printf("%s: %s\n", icalcomponent_kind_to_string(icalcomponent_isa(component)),
                    icalproperty_get_xlicerror(error));
        ++errors;
    }
    for (icalcomponent* inner = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT);
         inner != nullptr; inner = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT))
        errors += print_errors(inner);
    return errors;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: tend_ics_libical_check FILE\n", stderr);
        return 2;
    }
    std::ifstream file(argv[1], std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    icalcomponent* calendar = icalparser_parse_string(text.c_str());
    if (calendar == nullptr || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
        std::puts("invalid: not one VCALENDAR");
        return 1;
    }
    const bool valid = icalrestriction_check(calendar) != 0;
    const int errors = print_errors(calendar);
    const int events = icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT);
    icalcomponent_free(calendar);
    if (!valid || errors > 0) return 1;
    std::printf("ok: %d events\n", events);
    return 0;
}
