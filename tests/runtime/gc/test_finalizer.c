// test_gc.test_finalizer and test_finalizer_newclass: objects with a
// finalizer in a cycle are collectable (PEP 442): the finalizer runs once,
// then the cycle is freed; nothing lands in rc_gc_garbage(). A plain
// self-cycle next to it is collected in the same run.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    struct fobj *a = fobj_new(7);
    SET(a->a, a);
    struct obj *b = obj_new(8);
    SET(b->b, b);
    rc_gc_collect(-1);
    rc_decref(a);
    rc_decref(b);
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(ndel, 1);
    CHECK_EQ(del_calls[0], 7);
    CHECK_EQ(rc_list_len(rc_gc_garbage()), 0);
    CHECK_EQ(rc_live_objects(), 1); /* the rc_gc_garbage() list itself */
    CHECK_DONE();
}
