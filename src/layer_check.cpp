// An empty program linked with one layer's whole library and the layers below it (CMakeLists.txt):
// it links only while no layer calls into one above it.
int main() {
    return 0;
}
