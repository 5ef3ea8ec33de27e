// An object that reached the oldest generation and later becomes part of
// cyclic garbage is found by the next collection of any generation: the
// release that left its count above zero made it a candidate root, and a
// young collection examines a candidate whatever its age, together with the
// young objects it reaches — explicitly, and by automatic collections.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static int alive(rc_weakref *w) {
    void *o = rc_weakref_get(w);
    rc_decref(o);
    return o != NULL;
}

static int in_gen(void *x, int gen) {
    rc_list *objs = rc_gc_get_objects(gen);
    int found = rc_list_index(objs, x) >= 0;
    rc_decref(objs);
    return found;
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);

    /* old: survives two collections and sits in generation 2 */
    struct obj *old = obj_new(1);
    rc_gc_collect(0);
    rc_gc_collect(1);
    CHECK(in_gen(old, 2));
    rc_weakref *wold = rc_weakref_new(old, NULL, NULL);

    /* young <-> old, then the program lets go of both */
    struct obj *young = obj_new(2);
    SET(young->a, old);
    SET(old->a, young);
    rc_decref(young);
    rc_decref(old); /* 2 -> 1: an old object's count dropped to a non-zero value */
    CHECK_EQ(rc_live_objects(), 3);

    CHECK_EQ(rc_gc_collect(0), 2); /* old is a candidate: the whole cycle is seen */
    CHECK(!alive(wold));
    rc_decref(wold);
    CHECK_EQ(rc_live_objects(), 0);

    /* The same cycle, collected by automatic collections alone. */
    rc_gc_set_threshold(10, 2, 2);
    rc_gc_enable();
    old = obj_new(3);
    rc_gc_collect(0);
    rc_gc_collect(1);
    CHECK(in_gen(old, 2));
    wold = rc_weakref_new(old, NULL, NULL);
    young = obj_new(4);
    SET(young->a, old);
    SET(old->a, young);
    rc_decref(young);
    rc_decref(old);
    for (int i = 0; i < 1000 && alive(wold); i++) {
        struct obj *t = obj_new(100 + i); /* churn: allocations trigger collections */
        rc_decref(t);
        struct obj *c = obj_new(0); /* and some fresh cyclic garbage */
        SET(c->a, c);
        rc_decref(c);
    }
    CHECK(!alive(wold));
    rc_decref(wold);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
