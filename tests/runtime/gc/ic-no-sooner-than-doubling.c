// Incremental collections (gc_incremental.c) start no more often than the
// heap walk they replace did: once the heap doubled since the last one (its
// start, less what it freed). A program whose candidate roots lead into
// only part of a growing live heap (here a chain built by appending, each
// node released to a non-zero count once, beside four times as many live
// nodes that are never candidates) gets ICs that gather that part and free
// nothing; started each time the heap grew by the last IC's members, they
// came every 20-25% of growth (Perceus' deriv: 14 ICs, 9 with the
// doubling). Here the heap grows to 1.3 million nodes: after the first IC,
// at most one more per doubling of the heap since, plus the one running.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { ROUNDS = 8192, CHAIN_STEP = 32, BALLAST_STEP = 4 * CHAIN_STEP };

static size_t ics, live_at_first;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (phase[2] != 'o' || !info->incremental) return;
    if (!ics++) live_at_first = rc_live_objects();
}

static struct node *ballast[ROUNDS * BALLAST_STEP];

int main(void) {
    rc_gc_callback_add(on_gc, NULL);
    struct node *tail, *head = chain(1, 0, &tail);
    size_t nb = 0;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < CHAIN_STEP; i++) {
            struct node *x = node_new(i);
            SET(tail->next, x);
            SET(x->prev, tail);
            SET(tail, x);
            rc_decref(x);
        }
        for (int i = 0; i < BALLAST_STEP; i++) ballast[nb++] = node_new(-2); /* +1 kept: never a candidate */
    }
    size_t live = rc_live_objects();
    CHECK(ics >= 1);
    size_t doublings = 0;
    while (live_at_first << doublings < live) doublings++;
    CHECK(ics <= 1 + doublings + 1);
    fprintf(stderr, "%zu ICs, live %zu at the first, %zu at the end\n", ics, live_at_first, live);
    rc_gc_callback_remove(on_gc, NULL);
    for (size_t i = 0; i < nb; i++) rc_decref(ballast[i]);
    rc_decref(tail);
    rc_decref(head);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
