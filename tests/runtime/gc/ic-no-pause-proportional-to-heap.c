// No automatic collection stops the program for a time proportional to the
// live heap (issue 14's pause target): cyclic garbage larger than an
// automatic collection's budget (rings of 20,000), made over a live heap of
// 200,000 nodes, is reclaimed without an explicit collection by incremental
// collections (gc_incremental.c). Work is counted in traverse calls, from
// the program's side: in each allocation (every collector pause happens
// inside one), the calls made inside collections (gc callbacks "start" to
// "stop") and outside them (the incremental collection's slices). Every
// slice is bounded by a constant; every collection's work is bounded by a
// constant or proportional to the garbage it freed. The automatic heap walk
// this replaces traversed every live object in one collection that freed a
// few rings.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"
#include <string.h>

static size_t at_start, worst_excess, collections;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (strcmp(phase, "start") == 0) {
        at_start = traversed;
        return;
    }
    /* at most 4 traverse calls per object freed, or a budget's worth */
    size_t work = traversed - at_start, allowed = 4 * (info->collected > 8192 ? info->collected : 8192);
    if (work > allowed && work - allowed > worst_excess) worst_excess = work - allowed;
    collections++;
}

int main(void) {
    enum { LIVE = 200000, RING = 20000, ROUNDS = 40 };
    struct node *last, *list = chain(LIVE, 0, &last);
    size_t base = rc_live_objects();
    rc_gc_callback_add(on_gc, NULL);
    rc_gc_genstats before[3], after[3];
    rc_gc_get_stats(before);
    size_t peak = 0, slice_max = 0;
    for (int r = 0; r < ROUNDS; r++) {
        /* drop_ring, one allocation at a time */
        struct node *first = node_new(0), *tail = rc_incref(first);
        for (long i = 1; i < RING; i++) {
            size_t t0 = traversed, c0 = collections;
            struct node *x = node_new(i);
            /* no collection ran: what was traversed is a slice's work */
            if (collections == c0 && traversed - t0 > slice_max) slice_max = traversed - t0;
            SET(tail->next, x);
            SET(x->prev, tail);
            SET(tail, x);
            rc_decref(x);
        }
        SET(tail->next, first);
        rc_decref(tail);
        rc_decref(first);
        if (rc_live_objects() - base > peak) peak = rc_live_objects() - base;
    }
    rc_gc_get_stats(after);
    CHECK(after[2].collected >= before[2].collected + 2 * RING); /* found as the program runs */
    CHECK(peak < ROUNDS * RING * 3 / 4); /* reclaimed as the program runs */
    CHECK(slice_max <= 3 * 4096);
    CHECK(worst_excess == 0);
    fprintf(stderr, "collected %zu; slice max %zu traverse calls, collections over 4 per freed object by %zu, peak garbage %zu\n",
            after[2].collected - before[2].collected, slice_max, worst_excess, peak);
    rc_gc_callback_remove(on_gc, NULL);
    rc_decref(last);
    rc_decref(list);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
