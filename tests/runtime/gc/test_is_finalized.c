// test_gc.test_is_finalized: an object whose finalizer has not run is not
// finalized; a Lazarus object resurrected by its finalizer during a
// collection reports finalized, and so does one resurrected when its count
// reached zero. Objects without a finalizer never are.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    CHECK(!rc_gc_is_finalized(NULL));
    survivors = rc_list_new();
    fin_hook = resurrect_hook;
    struct fobj *lazarus = fobj_new(1);
    SET(lazarus->a, lazarus);
    CHECK(!rc_gc_is_finalized(lazarus));
    rc_decref(lazarus);
    rc_gc_collect(-1);
    CHECK_EQ(rc_list_len(survivors), 1);
    lazarus = rc_list_pop(survivors);
    CHECK(rc_gc_is_finalized(lazarus));
    struct obj *plain = obj_new(2);
    SET(plain->a, plain);
    rc_gc_collect(-1);
    CHECK(!rc_gc_is_finalized(plain));
    rc_decref(plain);
    rc_decref(lazarus);
    rc_gc_collect(-1);
    CHECK_EQ(ndel, 1); /* never twice */
    CHECK_EQ(rc_live_objects(), 1);

    /* The same through the count: a Lazarus that is not in a cycle. */
    struct fobj *counted = fobj_new(2);
    CHECK(!rc_gc_is_finalized(counted));
    rc_decref(counted); /* count 0: the finalizer resurrects it */
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_list_len(survivors), 1);
    counted = rc_list_pop(survivors);
    CHECK(rc_gc_is_finalized(counted));
    CHECK_EQ(rc_getrefcount(counted), 1);
    rc_decref(counted);
    CHECK_EQ(ndel, 2); /* never twice */
    rc_decref(survivors);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
