// Cyclic garbage larger than an automatic collection's budget (AUTO_BUDGET,
// 8192 objects) is still reclaimed without an explicit collection: a
// bounded collection cannot prove it garbage (its set is cut short), and
// once the program holds twice as many objects as when that happened, a
// collection walks the heap (gc.c, "Bounded automatic collections").
// Rings of 50,000 nodes made and dropped 40 times: the live objects stay
// within a few rings (6 at most here, as before the budget).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    enum { RING = 50000, ROUNDS = 40 };
    size_t peak = 0;
    rc_gc_genstats before[3], after[3];
    rc_gc_get_stats(before);
    for (int r = 0; r < ROUNDS; r++) {
        struct obj *first = obj_new(0), *tail = rc_incref(first);
        for (int i = 1; i < RING; i++) {
            struct obj *x = obj_new(i);
            tail->a = rc_incref(x);
            rc_decref(tail);
            tail = x;
        }
        tail->a = rc_incref(first); /* closes the ring */
        rc_decref(tail);
        rc_decref(first);
        if (rc_live_objects() > peak) peak = rc_live_objects();
    }
    rc_gc_get_stats(after);
    CHECK(after[2].collections > before[2].collections);
    CHECK(peak <= 8 * RING);
    if (peak > 8 * RING) fprintf(stderr, "peak %zu live objects\n", peak);
    CHECK(rc_live_objects() <= 8 * RING);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
