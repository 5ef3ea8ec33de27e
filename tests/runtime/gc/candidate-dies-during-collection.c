// A candidate root that dies while a collection runs (from a finalizer of
// the garbage) leaves its buffer at once, whichever buffer holds it: one
// buffered by the finalizer itself (a fresh entry of cand[0] made during the
// collection) and one waiting in cand[2] (frozen and unfrozen: unfreeze
// buffers every frozen object there), which a collection of generation 0
// does not take. Nothing is freed twice, the blocks come back, and later
// collections find what is left.
// UNSUPPORTED: asan
// (it counts pool blocks; the ASan build runs with AUTORC_MALLOC=malloc, where there are none)
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static size_t blocks(void) {
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    return s.blocks;
}

static struct obj *waiting; /* in cand[2] */

static void kill_hook(struct fobj *self) {
    (void)self;
    struct obj *fresh = obj_new(10);
    rc_incref(fresh);
    rc_decref(fresh); /* buffered during the collection */
    rc_decref(fresh); /* and dead */
    struct obj *w = waiting;
    waiting = NULL;
    rc_decref(w); /* dies while buffered in cand[2] */
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    size_t b0 = blocks();

    waiting = obj_new(1);
    rc_gc_freeze();
    rc_gc_unfreeze(); /* waiting: a candidate of cand[2] */

    struct fobj *a = fobj_new(2), *b = fobj_new(3);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(b);
    rc_decref(a); /* the cycle: garbage, a is a candidate */
    fin_hook = kill_hook;
    CHECK_EQ(rc_gc_collect(0), 2);
    CHECK_EQ(ndel, 2);
    CHECK(waiting == NULL);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_EQ(blocks(), b0);
    fin_hook = NULL;
    CHECK_EQ(rc_gc_collect(-1), 0);
    CHECK_EQ(blocks(), b0);
    CHECK_DONE();
}
