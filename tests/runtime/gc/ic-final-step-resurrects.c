// The final step of an incremental collection (gc_incremental.c) is a
// collection as CPython sees it: its "start" and "stop" callbacks wrap it,
// it counts as one of generation 2, finalizers run there (once each), and a
// finalizer that resurrects an object keeps it and everything it reaches
// (PEP 442): a ring of 20,000 objects with finalizers, larger than an
// automatic collection's budget, is found without an explicit collection
// (while the program goes on making rings of plain objects);
// one finalizer stores its object in a list, so the whole ring lives on.
// Dropped again, it is freed without its finalizers running again.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"
#include <string.h>

enum { RING = 20000 };
static int in_collection, finalized_outside;
static long started, stopped;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    (void)info;
    in_collection = strcmp(phase, "start") == 0;
    if (in_collection) {
        started++;
    } else {
        stopped++;
    }
}
static void resurrect_one(struct fobj *self) {
    if (!in_collection) finalized_outside++;
    if (self->id == RING / 2) rc_list_append(survivors, self);
}

int main(void) {
    survivors = rc_list_new();
    fin_hook = resurrect_one;
    size_t base = rc_live_objects();
    rc_gc_callback_add(on_gc, NULL);
    rc_gc_genstats before[3], after[3];
    rc_gc_get_stats(before);
    rc_gc_disable();
    struct fobj *first = fobj_new(0), *tail = rc_incref(first);
    for (int i = 1; i < RING; i++) {
        struct fobj *x = fobj_new(i);
        SET(tail->a, x);
        SET(tail, x);
        rc_decref(x);
    }
    SET(tail->a, first);
    rc_decref(tail);
    rc_decref(first);
    rc_gc_enable();
    /* The program goes on making garbage (an IC starts as the heap grows). */
    for (int r = 0; r < 64 && ndel < RING; r++) {
        drop_ring_to(RING, NULL);
        for (long i = 0; i < 20000 && ndel < RING; i++) churn();
    }
    CHECK_EQ(ndel, RING);
    CHECK_EQ(finalized_outside, 0);
    rc_gc_get_stats(after);
    CHECK(after[2].collections > before[2].collections);
    CHECK_EQ(started, stopped);
    CHECK_EQ(rc_list_len(survivors), 1);
    /* The resurrected one reaches the whole ring: nothing was freed. */
    struct fobj *p = rc_list_get(survivors, 0);
    long n = 0;
    do {
        CHECK_EQ(p->id, (RING / 2 + n) % RING);
        p = p->a;
        n++;
    } while (p != rc_list_get(survivors, 0) && n <= RING);
    CHECK_EQ(n, RING);
    rc_list_clear(survivors);
    CHECK(churn_until_no_ic(2000000));
    rc_gc_collect(-1);
    CHECK_EQ(ndel, RING); /* never finalized twice */
    CHECK_EQ(rc_live_objects(), base);
    rc_gc_callback_remove(on_gc, NULL);
    rc_decref(survivors);
    CHECK_DONE();
}
