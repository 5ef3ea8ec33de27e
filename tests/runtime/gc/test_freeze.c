// test_gc.test_freeze: rc_gc_freeze moves every tracked object to the
// permanent generation, which collections ignore (a frozen cycle survives
// them); rc_gc_unfreeze moves them back to the oldest generation.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    struct obj *a = obj_new(1);
    SET(a->a, a);
    struct obj *keep = obj_new(2);
    rc_gc_freeze();
    CHECK(rc_gc_get_freeze_count() >= 2);
    long c[3];
    rc_gc_get_count(c);
    CHECK_EQ(c[0], 0);
    rc_decref(a); /* garbage, but frozen */
    CHECK_EQ(rc_gc_collect(-1), 0);
    CHECK_EQ(rc_live_objects(), 2);
    rc_list *objs = rc_gc_get_objects(-1);
    CHECK(rc_list_index(objs, keep) < 0); /* permanent is not a generation */
    rc_decref(objs);
    /* a young object that only a frozen one refers to stays alive */
    struct obj *young = obj_new(3);
    SET(keep->a, young);
    rc_decref(young);
    CHECK_EQ(rc_gc_collect(-1), 0);
    CHECK_EQ(rc_getrefcount(young), 1);
    rc_gc_unfreeze();
    CHECK_EQ(rc_gc_get_freeze_count(), 0);
    CHECK_EQ(rc_gc_collect(-1), 1); /* now the self-cycle goes */
    rc_decref(keep);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
