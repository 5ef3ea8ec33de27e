// Writing an object's bytes to a file.
#include <autorc.h>
#include <stdio.h>
struct RC_MANAGED rec { int id; double v; };
void save(FILE *f, struct rec *r) {
    fwrite((const char *)r, sizeof *r, 1, f); // WANT: escape
}
