// Cyclic garbage larger than an automatic collection's budget, made where
// the heap is mostly that garbage (deltablue's graphs), is found by heap
// walks after the first incremental collection (IC) freed some (gc.c,
// walk_due): a walk reads the arenas once where an IC gathers the garbage
// through its side table and takes it again in its final step. A walk's
// work stays within a constant of twice the garbage the last IC freed (its
// pause at most about twice that IC's final step). Over a live heap larger
// than twice that garbage, large garbage goes back to ICs (a walk there
// would be proportional to the live heap), and any later walk stays within
// twice the garbage the last IC freed.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"
#include <string.h>

enum { RING = 20000, BUDGET = 8192 };

static size_t at_start, ics, walks, ic_freed, worst_walk, walk_work_max;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (strcmp(phase, "start") == 0) {
        at_start = traversed;
        return;
    }
    if (info->generation != 2) return;
    size_t work = traversed - at_start;
    if (info->incremental) {
        ics++;
        ic_freed = info->collected;
    } else if (work > 4 * BUDGET) { /* more than a bounded collection's: a walk */
        walks++;
        if (work > walk_work_max) walk_work_max = work;
        /* within 4 traverse calls per object of twice the last IC's garbage */
        if (work > 8 * ic_freed && work - 8 * ic_freed > worst_walk) worst_walk = work - 8 * ic_freed;
    }
}

static size_t collected2(void) {
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    return s[2].collected;
}

int main(void) {
    size_t base = rc_live_objects();
    rc_gc_callback_add(on_gc, NULL);

    /* Rings dropped over an empty heap: the first IC finds some, walks the rest. */
    size_t peak = 0;
    for (int r = 0; r < 40; r++) {
        drop_ring(RING);
        for (int i = 0; i < 2000; i++) churn();
        if (rc_live_objects() - base > peak) peak = rc_live_objects() - base;
    }
    CHECK(ics >= 1 && ics <= 2);
    CHECK(walks >= 10);
    CHECK(worst_walk == 0);
    CHECK(peak < 8 * RING); /* reclaimed as the program runs */
    fprintf(stderr, "empty heap: %zu ICs (the last freed %zu), %zu walks (most work %zu traverse calls), peak %zu\n", ics,
            ic_freed, walks, walk_work_max, peak);

    /* A live heap larger than twice the garbage the last IC freed: rings
     * are found by ICs again (an IC that finds more garbage than twice what
     * survives may be followed by walks, within twice its garbage). */
    struct node *live_last, *live = chain(2 * (long)ic_freed + 4 * RING, 0, &live_last);
    size_t ics_before = ics, walks_before = walks, found = collected2();
    for (int r = 0; r < 40; r++) {
        drop_ring(RING);
        for (int i = 0; i < 2000; i++) churn();
    }
    CHECK(ics > ics_before);
    CHECK(worst_walk == 0);
    CHECK(collected2() >= found + 4 * RING);
    fprintf(stderr, "live heap: %zu ICs, %zu walks, collected %zu\n", ics - ics_before, walks - walks_before, collected2() - found);

    rc_gc_callback_remove(on_gc, NULL);
    rc_decref(live_last);
    rc_decref(live);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), base);
    CHECK_DONE();
}
