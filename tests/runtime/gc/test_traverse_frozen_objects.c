// test_gc.test_traverse_frozen_objects (GH-126312): a young object that
// refers to a frozen one is traversed without touching the frozen object's
// count; the young cycle is collected, the frozen object is intact, and
// unfreezing afterwards works.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_list *x = rc_list_new(); /* x = [1, 2, 3] */
    for (int i = 0; i < 3; i++) {
        struct obj *o = obj_new(i);
        rc_list_append(x, o);
        rc_decref(o);
    }
    rc_gc_freeze();
    CHECK_EQ(rc_gc_get_freeze_count(), 4);
    rc_list *y = rc_list_new(); /* y = [x]; y.append(y) */
    rc_list_append(y, x);
    rc_list_append(y, y);
    rc_decref(y);
    for (int g = 0; g < 3; g++) CHECK_EQ(rc_gc_collect(g), g == 0); /* y, once */
    CHECK_EQ(rc_getrefcount(x), 1);
    CHECK_EQ(rc_list_len(x), 3);
    CHECK_EQ(rc_gc_get_freeze_count(), 4);
    rc_gc_unfreeze();
    CHECK_EQ(rc_gc_get_freeze_count(), 0);
    CHECK_EQ(rc_gc_collect(-1), 0);
    rc_decref(x);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
