// Releases of frozen objects do not make them candidate roots, and no
// collection looks at them; a garbage cycle that was frozen is found after
// rc_gc_unfreeze by automatic collections alone (unfreeze makes every
// unfrozen object a candidate of generation 2), and by an explicit one.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static int alive(rc_weakref *w) {
    void *o = rc_weakref_get(w);
    rc_decref(o);
    return o != NULL;
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    struct obj *a = obj_new(1), *b = obj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(b);
    rc_weakref *w = rc_weakref_new(a, NULL, NULL);
    rc_gc_freeze();
    CHECK_EQ(rc_gc_get_freeze_count(), 2);
    rc_decref(a); /* garbage, but frozen: not a candidate */
    CHECK_EQ(rc_gc_collect(0), 0);
    CHECK_EQ(rc_gc_collect(2), 0);
    CHECK(alive(w));

    rc_gc_unfreeze();
    CHECK_EQ(rc_gc_get_freeze_count(), 0);
    rc_gc_set_threshold(10, 1, 1);
    rc_gc_enable();
    rc_list *keep = rc_list_new(); /* allocations that stay drive the schedule */
    for (int i = 0; i < 10000 && alive(w); i++) {
        struct obj *t = obj_new(i);
        rc_list_append(keep, t);
        rc_decref(t);
    }
    CHECK(!alive(w));
    rc_decref(w);
    rc_decref(keep);
    CHECK_EQ(rc_live_objects(), 0);

    /* explicit: a frozen then unfrozen self-cycle */
    rc_gc_disable();
    struct obj *c = obj_new(3);
    SET(c->a, c);
    rc_gc_freeze();
    rc_decref(c);
    rc_gc_unfreeze();
    CHECK_EQ(rc_gc_collect(0), 0); /* unfrozen objects are in generation 2 */
    CHECK_EQ(rc_gc_collect(2), 1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
