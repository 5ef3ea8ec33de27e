// AUTORC_MALLOC=debug: releasing an object that was already destroyed aborts
// with a message naming its type.
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=debug not --crash %t 2>&1 | FileCheck %s
// CHECK: autorc: fatal: double release: object 0x{{[0-9a-f]+}} of type 'struct widget' was already destroyed
#include <autorc.h>
#include <stdio.h>
struct widget { int x; };
int main(void) {
    struct widget *w = rc_new(struct widget);
    rc_decref(w);
    fprintf(stderr, "released once\n");
    rc_decref(w); /* bug */
    return 0;
}
