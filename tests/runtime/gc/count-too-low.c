// test_gc.py's test_refcount_errors, C's version: a store without a retain
// leaves an object's count lower than the tracked slots that point to it. The
// collector finds it (gc_refs would go below zero) and stops with a fatal
// error naming the object's type and count, instead of freeing an object that
// is still referenced (in each of the collector's subtracting passes).
// RUN: %cc %s %autorc_lib -o %t
// RUN: not --crash %t 0 2>&1 | FileCheck %s
// RUN: not --crash %t 1 2>&1 | FileCheck %s
// RUN: not --crash %t 2 2>&1 | FileCheck %s
// CHECK: autorc: fatal: gc: object 0x{{[0-9a-f]+}} of type 'struct obj' is referenced from more tracked slots than its count 1 says (a store without rc_incref, or a release too many?)
// CHECK-NOT: survived
#include "Inputs/gc_test.h"
#include <stdlib.h>

int main(int argc, char **argv) {
    int gen = argc > 1 ? atoi(argv[1]) : 2;
    rc_gc_disable();
    struct obj *p = obj_new(1), *q = obj_new(2), *y = obj_new(3);
    SET(p->a, y);
    q->a = y; /* bug: stored without rc_incref; y's count is 1, two slots point to it */
    rc_decref(y);
    if (gen == 1) rc_gc_collect(0); /* moves p, q, y to generation 1 (its two-pass path) */
    rc_gc_collect(gen);                /* 0 and 2: the one-pass paths */
    fprintf(stderr, "survived\n");
    return 0;
}
