// A candidate root is buffered again after a collection took it (it lived
// on and left the buffers) and after one moved it to an older buffer (its
// collection met an older object: it waits in cand[1]); each time its
// record names its new entry, so when it dies it leaves the right one: the
// buffers hold no stale entry, its block comes back, and the collections of
// each generation that follow find nothing and free nothing twice.
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

static void release_to_one(void *x) {
    rc_incref(x);
    rc_decref(x); /* count back to 1: a candidate */
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    size_t b0 = blocks();

    /* taken and left the buffers, then buffered again */
    struct obj *x = obj_new(1);
    release_to_one(x);
    CHECK_EQ(rc_gc_collect(0), 0); /* alive, no boundary: leaves the buffers */
    release_to_one(x);
    rc_decref(x);
    CHECK_EQ(blocks(), b0);
    CHECK_EQ(rc_gc_collect(0), 0);

    /* moved to cand[1] by a collection that met an older object */
    struct obj *old = obj_new(2);
    release_to_one(old);
    CHECK_EQ(rc_gc_collect(0), 0); /* old survives: age 1 */
    struct obj *y = obj_new(3);
    SET(y->a, old); /* y refers to an older object */
    release_to_one(y);
    CHECK_EQ(rc_gc_collect(0), 0); /* y: a boundary, waits in cand[1] */
    rc_decref(y); /* dies there */
    CHECK_EQ(blocks(), b0 + 1);
    release_to_one(old); /* and old once more, after it was taken */
    rc_decref(old);
    CHECK_EQ(blocks(), b0);
    CHECK_EQ(rc_gc_collect(1), 0);
    CHECK_EQ(rc_gc_collect(2), 0);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_EQ(blocks(), b0);
    CHECK_DONE();
}
