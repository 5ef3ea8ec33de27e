// Candidate roots beyond an automatic collection's budget wait in their
// buffer, in the order they were buffered, and later candidates go after
// them (gc_cand.h: a buffer is a chain of 1024-entry blocks; a collection
// takes the newest entries in place, here from the middle of a block, and
// the entries buffered while it ran go after the waiting ones).
// 9,692 self-cycles are released with the collector disabled: 10 blocks of
// cand[0]. The first automatic collection takes the newest 8,192
// (AUTO_BUDGET) and frees them, finalized in release order; the oldest 1,500
// wait. The finalizer of the newest one makes one more self-cycle, buffered
// during that collection. An explicit collection then finalizes the waiting
// ones in release order, then that one.
// The member budget alone: AUTORC_GC_PAUSE_US=0 turns off the clock that
// also bounds a collection (250 us of CPU time by default), which could
// stop the first collection before 8,192 on a slow or loaded machine
// (automatic-collection-bounded-in-time.c tests the clock; roots the clock
// cuts off keep their place: roots-cut-by-time-keep-their-order.c).
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_GC_PAUSE_US=0 %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

enum { BUDGET = 8192, WAITING = 1500, N = BUDGET + WAITING, EXTRA = N };

struct cyc {
    struct cyc *self;
    int id;
};
static int order[N + 1];
static int nfin;
static struct cyc *cyc_new(int id);
static void cyc_finalize(struct cyc *c) {
    order[nfin++] = c->id;
    if (c->id == N - 1) rc_decref(cyc_new(EXTRA)); /* count 1: buffered now */
}
RC_TYPE_DEFINE(cyc_type, struct cyc, cyc_finalize, RC_FIELD(struct cyc, self));

static struct cyc *cyc_new(int id) {
    struct cyc *c = rc_new_typed(struct cyc, cyc_type);
    c->id = id;
    SET(c->self, c);
    return c;
}

static int collections;
static size_t first_collected;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (phase[1] == 't' && phase[2] == 'o' && collections++ == 0) first_collected = info->collected;
}

static int in_order(int from, int to, int at) {
    for (int i = from; i < to; i++)
        if (order[at + i - from] != i) return 0;
    return 1;
}

int main(void) {
    rc_gc_disable();
    for (int i = 0; i < N; i++) rc_decref(cyc_new(i)); /* count 1: its own slot; buffered */
    rc_gc_callback_add(on_gc, NULL);
    rc_gc_enable();
    rc_decref(obj_new(-1)); /* a tracked allocation past the threshold */
    CHECK_EQ(collections, 1);
    CHECK_EQ(first_collected, BUDGET);
    CHECK_EQ(nfin, BUDGET);
    CHECK(in_order(WAITING, N, 0));
    CHECK_EQ(rc_live_objects(), WAITING + 1);

    rc_gc_collect(-1);
    CHECK_EQ(nfin, N + 1);
    CHECK(in_order(0, WAITING, BUDGET));
    CHECK_EQ(order[N], EXTRA);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
