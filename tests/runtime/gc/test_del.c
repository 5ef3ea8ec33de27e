// test_gc.test_del and test_del_newclass: finalizers can trigger a
// collection — with threshold 1 every tracked allocation inside a finalizer
// may start one — and this must neither crash nor run a finalizer twice.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static void allocate_in_finalizer(struct fobj *self) {
    /* dir(self): make some tracked garbage, including a cycle */
    for (int i = 0; i < 5; i++) {
        rc_list *l = rc_list_new();
        rc_list_append(l, l);
        rc_list_append(l, self);
        rc_decref(l);
    }
}

int main(void) {
    long th[3];
    rc_gc_get_threshold(th);
    rc_gc_enable();
    rc_gc_set_threshold(1, 10, 10);
    fin_hook = allocate_in_finalizer;

    struct fobj *a = fobj_new(1); /* not in a cycle: dies by its count */
    rc_decref(a);
    CHECK_EQ(ndel, 1);

    struct fobj *b = fobj_new(2); /* in a cycle: dies in a collection */
    SET(b->a, b);
    rc_decref(b);
    for (int i = 0; i < 20 && ndel < 2; i++) {
        struct obj *junk = obj_new(i); /* count0 > 1: automatic collections */
        rc_decref(junk);
    }
    rc_gc_collect(-1);
    CHECK_EQ(ndel, 2);

    rc_gc_disable();
    rc_gc_set_threshold(th[0], th[1], th[2]);
    fin_hook = NULL;
    rc_gc_collect(-1);
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
