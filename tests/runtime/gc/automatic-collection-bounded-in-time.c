// An automatic collection is bounded in time as well as in members (gc.c,
// "Bounded automatic collections"; AUTORC_GC_PAUSE_US, 250 us of the
// thread's CPU time by default): when every unit of its work is slow (here
// each traverse call takes 2 us, as cache misses on a loaded machine make
// it), it stops taking in roots and scanning members once its time is used
// (it reads the clock every 64 after 64), and the members it did not scan
// and the roots it did not take wait for the next collections. 9,692
// self-cycles released with the collector disabled (each collection frees
// exactly the ones it scanned; three traverse calls each: the scan, the
// clearing and the freeing): with the member budget alone
// (AUTORC_GC_PAUSE_US=0, the second RUN line) the first automatic
// collection scans and frees 8,192 of them, 49 ms of traverse calls; with
// the clock, every collection frees at most 512. Both ways, automatic
// collections alone free every one of them.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_GC_PAUSE_US=0 %t budget-only | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { N = 8192 + 1500, KEEP = 400000 };

static size_t most, collections;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    /* an incremental collection's final step is bounded by its garbage, not the clock */
    if (phase[2] != 'o' || info->incremental) return; /* "stop" */
    if (info->collected > most) most = info->collected;
    collections++;
}

static struct node *kept[KEEP];

int main(int argc, char **argv) {
    (void)argv;
    int budget_only = argc > 1;
    rc_gc_disable();
    for (int i = 0; i < N; i++) {
        struct node *o = node_new(i);
        SET(o->next, o);
        rc_decref(o); /* count 1: its own slot; buffered */
    }
    rc_gc_callback_add(on_gc, NULL);
    traverse_spin_ns = 2000;
    rc_gc_enable();
    /* Tracked allocations kept alive (the schedule counts them) until
     * automatic collections have freed every self-cycle. */
    size_t nkept = 0;
    while (rc_live_objects() > nkept && nkept < KEEP) kept[nkept++] = node_new(-1);
    traverse_spin_ns = 0;
    rc_gc_callback_remove(on_gc, NULL);
    fprintf(stderr, "%zu collections, the most objects freed by one: %zu, %zu allocations\n",
            collections, most, nkept);
    CHECK_EQ(rc_live_objects(), nkept); /* every self-cycle freed */
    if (budget_only)
        CHECK_EQ(most, 8192);
    else
        CHECK(most <= 512);
    for (size_t i = 0; i < nkept; i++) rc_decref(kept[i]);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
