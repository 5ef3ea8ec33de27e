// A candidate root in a garbage cycle whose finalizer resurrects it: the
// collection frees nothing it made reachable, the finalizer never runs
// again, and once the program drops the resurrected cycle a second time it
// is collected (the release that dropped it made it a candidate again).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    survivors = rc_list_new();
    fin_hook = resurrect_hook;
    struct fobj *a = fobj_new(1), *b = fobj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(b);
    rc_decref(a); /* a: 2 -> 1, the cycle's only candidate */
    CHECK_EQ(rc_gc_collect(0), 0); /* both finalized, both resurrected */
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_list_len(survivors), 2);
    CHECK_EQ(rc_live_objects(), 3);
    CHECK(rc_gc_is_finalized(a) && rc_gc_is_finalized(b));
    CHECK_EQ(rc_getrefcount(a), 2); /* b's slot and the list */

    fin_hook = NULL;
    rc_list_clear(survivors); /* garbage again: released to non-zero */
    CHECK_EQ(rc_live_objects(), 3);
    CHECK_EQ(rc_gc_collect(0), 2);
    CHECK_EQ(ndel, 2); /* PEP 442: not finalized twice */
    CHECK_EQ(rc_live_objects(), 1);
    rc_decref(survivors);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
