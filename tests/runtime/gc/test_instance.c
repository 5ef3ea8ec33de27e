// test_gc.test_instance and test_newinstance: an object whose field points
// to itself (a.a = a), and a two-object cycle (a.b = b, b.a = a), are
// collected; objects reachable only from a cycle die with it.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);

    struct obj *a = obj_new(1);
    SET(a->a, a);
    rc_gc_collect(-1);
    rc_decref(a);
    CHECK_EQ(rc_gc_collect(-1), 1);
    CHECK_EQ(rc_live_objects(), 0);

    /* two objects: a -> b -> a, and a tail hanging off b */
    a = obj_new(1);
    struct obj *b = obj_new(2);
    struct obj *tail = obj_new(3);
    SET(a->a, b);
    SET(b->a, a);
    SET(b->b, tail);
    rc_decref(tail);
    rc_decref(b);
    CHECK_EQ(rc_gc_collect(-1), 0); /* a is still ours: nothing to do */
    CHECK_EQ(rc_live_objects(), 3);
    rc_decref(a);
    CHECK_EQ(rc_gc_collect(-1), 3);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
