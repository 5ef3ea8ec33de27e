// test_gc.test_resurrection_only_happens_once_per_object: a Lazarus in a
// self-loop resurrects itself from its finalizer in the first collection;
// once its survivor list lets go, the next collection frees it without
// calling the finalizer again.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_collect(-1);
    rc_gc_disable();
    survivors = rc_list_new();
    fin_hook = resurrect_hook;
    struct fobj *laz = fobj_new(1);
    SET(laz->a, laz);
    CHECK_EQ(ndel, 0);
    rc_decref(laz);
    CHECK_EQ(rc_gc_collect(-1), 0); /* resurrected: not counted */
    CHECK_EQ(ndel, 1);
    CHECK_EQ(rc_list_len(survivors), 1);
    CHECK(((struct fobj *)rc_list_get(survivors, 0))->a == rc_list_get(survivors, 0));
    rc_list_clear(survivors);
    CHECK_EQ(ndel, 1);
    CHECK_EQ(rc_gc_collect(-1), 1);
    CHECK_EQ(ndel, 1);
    CHECK_EQ(rc_list_len(survivors), 0);
    rc_decref(survivors);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
