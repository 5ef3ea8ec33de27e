// test_gc.test_tuple (and test_dict in spirit): cycles that pass through
// containers — an object holding a list that holds the object, and a chain
// list -> obj -> list of lists — are found through rc_list's traverse hook.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);

    /* l = []; t = (l,); l.append(t) */
    rc_list *l = rc_list_new();
    struct obj *t = obj_new(1);
    SET(t->a, (struct obj *)(void *)l); /* the struct's slot holds the list */
    rc_list_append(l, t);
    rc_gc_collect(-1);
    rc_decref(t);
    rc_decref(l);
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(rc_live_objects(), 0);

    /* outer list -> inner list -> object -> outer list, plus acyclic items */
    rc_list *outer = rc_list_new(), *inner = rc_list_new();
    struct obj *o = obj_new(2);
    rc_list_append(outer, inner);
    rc_list_append(inner, o);
    SET(o->b, (struct obj *)(void *)outer);
    for (int i = 0; i < 10; i++) {
        struct obj *leaf = obj_new(100 + i);
        rc_list_append(inner, leaf);
        rc_decref(leaf);
    }
    rc_decref(inner);
    rc_decref(o);
    rc_decref(outer);
    CHECK_EQ(rc_live_objects(), 13);
    CHECK_EQ(rc_gc_collect(-1), 13);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
