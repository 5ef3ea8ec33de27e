// test_gc.test_list: a list that contains itself is cyclic garbage once its
// last outside reference goes; one collection finds exactly it.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    rc_list *l = rc_list_new();
    rc_list_append(l, l); /* l.append(l) */
    CHECK_EQ(rc_gc_collect(-1), 0); /* still referenced from here */
    CHECK_EQ(rc_getrefcount(l), 2);
    rc_decref(l); /* del l */
    CHECK_EQ(rc_live_objects(), 1);
    CHECK_EQ(rc_gc_collect(-1), 1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
