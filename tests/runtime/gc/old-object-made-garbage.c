// An object that reached the oldest generation and later becomes part of
// cyclic garbage (its count dropped to a non-zero value while it was old) is
// still found: collections of generations 0 and 1 keep the young part of the
// cycle alive (the old member refers to it), the next full collection frees
// all of it — explicitly, and automatically once the full-collection rule
// allows one.
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

    CHECK_EQ(rc_gc_collect(0), 0); /* young is referenced from an older generation */
    CHECK_EQ(rc_gc_collect(1), 0); /* still: old is in generation 2 */
    CHECK(alive(wold));
    CHECK_EQ(rc_gc_collect(2), 2); /* the full collection sees the whole cycle */
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
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    CHECK(s[2].collections >= 1);
    rc_decref(wold);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
