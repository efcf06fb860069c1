// The machine's floor for a short command: a C++ program that does nothing, linked statically.
// tests/bench/run times `tend --version` against it.
int main() {
    return 0;
}
