// Built with ASan, the pool allocator poisons free blocks: a use after
// release of a pooled object is reported by ASan.
// REQUIRES: asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool not %t 2>&1 | FileCheck %s
// CHECK: ERROR: AddressSanitizer: use-after-poison
#include <autorc.h>
#include <stdio.h>

struct obj { int x; };
int main(void) {
    struct obj *o = rc_new(struct obj);
    struct obj *keep = rc_new(struct obj); /* keeps the pool alive */
    rc_decref(o);
    printf("%d\n", o->x);
    rc_decref(keep);
    return 0;
}
