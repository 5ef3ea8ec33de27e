// A bounded automatic collection that leaves candidate roots waiting brings
// the next collection sooner (gc.c, pace(): after threshold0 / 8 tracked
// allocations instead of threshold0), so that a backlog is worked off by
// more collections, each within the budget, not by longer ones; once no
// root waits, the period is threshold0 again.
// 9,692 self-cycles are released with the collector disabled; the first
// automatic collection takes 8,192 (AUTO_BUDGET) and leaves 1,500; the
// second comes after at most 2000 / 8 + 1 tracked allocations and takes
// them; after it the count starts from 0 again (the next one after 2000).
// The member budget alone: AUTORC_GC_PAUSE_US=0 turns off the clock that
// also bounds a collection (250 us of CPU time by default), which could
// stop the first collection before 8,192 on a slow or loaded machine
// (automatic-collection-bounded-in-time.c tests the clock).
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_GC_PAUSE_US=0 %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

enum { BUDGET = 8192, WAITING = 1500, N = BUDGET + WAITING, KEEP = 5000 };

static int collections;
static size_t collected[3];
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (phase[1] == 't' && phase[2] == 'o' && collections < 3) collected[collections++] = info->collected;
}

static struct obj *kept[KEEP];
static int nkept;
/* Tracked allocations, kept alive, until the next collection; how many. */
static int allocate_until_collection(void) {
    int before = collections, n = 0;
    while (collections == before && nkept < KEEP) {
        kept[nkept++] = obj_new(n++);
    }
    return n;
}

int main(void) {
    rc_gc_disable();
    for (int i = 0; i < N; i++) {
        struct obj *o = obj_new(i);
        SET(o->a, o);
        rc_decref(o); /* count 1: its own slot; buffered */
    }
    rc_gc_callback_add(on_gc, NULL);
    rc_gc_enable();
    CHECK_EQ(allocate_until_collection(), 1);
    CHECK_EQ(collected[0], BUDGET);
    long count[3];
    rc_gc_get_count(count);
    CHECK(count[0] >= 2000 - 2000 / 8 - 1);

    int second = allocate_until_collection();
    CHECK(second <= 2000 / 8 + 1);
    CHECK_EQ(collected[1], WAITING);

    rc_gc_get_count(count); /* nothing waits: the usual period */
    CHECK(count[0] <= 1);
    if (second > 2000 / 8 + 1) fprintf(stderr, "second period %d\n", second);

    for (int i = 0; i < nkept; i++) rc_decref(kept[i]);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
