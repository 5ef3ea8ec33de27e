// A candidate root (an object whose count a release left above zero) that
// dies by counting before any collection: it leaves rc_live_objects and its
// collector buffer at once, and its pool block is returned at once (gc_cand.h:
// its pool's record finds the entry; it used to stay a zombie until the next
// collection), so the next allocation of its size gets that block back; the
// next collection neither counts nor touches it. Also when the candidate is
// released to zero from inside the destruction of another object, and when
// the same object is released to non-zero many times (buffered once).
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

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    size_t b0 = blocks();

    /* o is released to 1 (a candidate), then to 0 (destroyed) */
    struct obj *o = obj_new(1);
    rc_incref(o);
    rc_decref(o);
    rc_decref(o);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_EQ(blocks(), b0); /* no zombie: the block is back */
    struct obj *again = obj_new(5);
    CHECK(again == o); /* the block it freed, while hot */
    rc_decref(again);
    CHECK_EQ(rc_gc_collect(0), 0);
    CHECK_EQ(blocks(), b0);

    /* a child released to non-zero, then freed with its parent */
    struct obj *parent = obj_new(2), *child = obj_new(3);
    SET(parent->a, child);
    rc_decref(child); /* 2 -> 1: a candidate, owned by parent */
    rc_decref(parent); /* destroys parent, then child (from object.c's loop) */
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_EQ(rc_gc_collect(-1), 0);
    CHECK_EQ(blocks(), b0);

    /* many releases to non-zero of one object: one buffer entry */
    struct obj *x = obj_new(4);
    for (int i = 0; i < 100000; i++) {
        rc_incref(x);
        rc_decref(x);
    }
    rc_decref(x);
    CHECK_EQ(rc_live_objects(), 0);
    rc_gc_genstats s0[3], s1[3];
    rc_gc_get_stats(s0);
    CHECK_EQ(rc_gc_collect(0), 0);
    rc_gc_get_stats(s1);
    CHECK_EQ(s1[0].collected, s0[0].collected);
    CHECK_EQ(blocks(), b0);
    CHECK_DONE();
}
