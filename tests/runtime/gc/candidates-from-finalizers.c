// Finalizers that run during a collection release objects to non-zero and
// make new cyclic garbage: those releases become candidates of the next
// collection (not of the running one), nothing is freed twice or early,
// and automatic collections alone keep the live count bounded while a
// program keeps making such garbage.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

/* The finalizer makes a fresh two-object cycle and drops it. */
static void make_cycle_hook(struct fobj *self) {
    (void)self;
    struct obj *x = obj_new(100), *y = obj_new(101);
    SET(x->a, y);
    SET(y->a, x);
    rc_decref(x);
    rc_decref(y);
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    fin_hook = make_cycle_hook;
    struct fobj *f = fobj_new(1);
    SET(f->a, f);
    rc_decref(f);
    CHECK_EQ(rc_gc_collect(0), 1); /* f; the cycle its finalizer made waits */
    CHECK_EQ(ndel, 1);
    CHECK_EQ(rc_live_objects(), 2);
    CHECK_EQ(rc_gc_collect(0), 2);
    CHECK_EQ(rc_live_objects(), 0);

    /* The same under automatic collections, many times over. */
    rc_gc_set_threshold(50, 5, 5);
    rc_gc_enable();
    size_t most = 0;
    for (int i = 0; i < 20000; i++) {
        struct fobj *g = fobj_new(i);
        SET(g->a, g);
        rc_decref(g);
        if (rc_live_objects() > most) most = rc_live_objects();
    }
    CHECK(most < 1000);
    CHECK(ndel > 19000);
    rc_gc_collect(-1);
    fin_hook = NULL;
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
