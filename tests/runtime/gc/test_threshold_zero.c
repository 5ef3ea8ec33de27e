// gc.set_threshold(0) disables automatic collection (the gc module's
// documentation; test_gc relies on it): with threshold0 == 0 no collection
// starts however many tracked objects are made, and count0 keeps growing;
// with threshold0 == 5 collections start by themselves. rc_gc_disable has
// the same effect; rc_gc_collect still works when disabled.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static void make_garbage(int n) {
    for (int i = 0; i < n; i++) {
        struct obj *o = obj_new(i);
        SET(o->a, o);
        rc_decref(o);
    }
}

static size_t collections(void) {
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    return s[0].collections + s[1].collections + s[2].collections;
}

int main(void) {
    long th[3];
    rc_gc_get_threshold(th);
    CHECK_EQ(th[0], 2000);
    CHECK_EQ(th[1], 10);
    CHECK_EQ(th[2], 10);
    CHECK(rc_gc_isenabled());

    rc_gc_set_threshold(0, 10, 10);
    size_t before = collections();
    make_garbage(10000);
    CHECK_EQ(collections(), before);
    long c[3];
    rc_gc_get_count(c);
    CHECK(c[0] >= 10000);
    CHECK_EQ(rc_live_objects(), 10000);

    rc_gc_set_threshold(5, 10, 10);
    make_garbage(100);
    CHECK(collections() > before);
    CHECK(rc_live_objects() < 10000); /* the automatic collections freed garbage */

    rc_gc_disable();
    CHECK(!rc_gc_isenabled());
    before = collections();
    make_garbage(100);
    CHECK_EQ(collections(), before);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    rc_gc_enable();
    CHECK(rc_gc_isenabled());
    rc_gc_get_threshold(th);
    CHECK_EQ(th[0], 5);
    CHECK_DONE();
}
