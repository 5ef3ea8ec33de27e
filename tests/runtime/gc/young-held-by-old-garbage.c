// Young objects that only old cyclic garbage refers to survive collections
// of generation 0 and 1 (an older generation's reference counts as one from
// outside), and die with that garbage at the next full collection; young
// cyclic garbage that refers to old live objects releases them correctly.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);

    /* an old two-object cycle, still referenced by the program */
    struct obj *a = obj_new(1), *b = obj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(b);
    rc_gc_collect(0);
    rc_gc_collect(1); /* a and b are in generation 2 */

    /* young objects hang off the old cycle: a chain and a young cycle */
    struct obj *y1 = obj_new(3), *y2 = obj_new(4), *y3 = obj_new(5);
    SET(a->b, y1);
    SET(y1->a, y2);
    SET(y2->a, y3);
    SET(y3->a, y2); /* y2 <-> y3 */
    rc_decref(y1);
    rc_decref(y2);
    rc_decref(y3);
    rc_decref(a); /* the old cycle is garbage now, with everything hanging off it */
    CHECK_EQ(rc_live_objects(), 5);

    for (int i = 0; i < 3; i++) CHECK_EQ(rc_gc_collect(0), 0);
    CHECK_EQ(rc_gc_collect(1), 0); /* y1..y3 now in generation 2 beside a and b */
    CHECK_EQ(rc_live_objects(), 5);
    CHECK_EQ(rc_gc_collect(2), 5);
    CHECK_EQ(rc_live_objects(), 0);

    /* young garbage pointing into the old generation: the old object loses
     * exactly the references the garbage held */
    struct obj *keep = obj_new(10);
    rc_gc_collect(0);
    rc_gc_collect(1);
    struct obj *c = obj_new(11), *d = obj_new(12);
    SET(c->a, d);
    SET(d->a, c);
    SET(c->b, keep);
    SET(d->b, keep);
    rc_decref(c);
    rc_decref(d);
    CHECK_EQ(rc_getrefcount(keep), 3);
    CHECK_EQ(rc_gc_collect(0), 2);
    CHECK_EQ(rc_getrefcount(keep), 1);
    CHECK_EQ(rc_live_objects(), 1);
    rc_decref(keep);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
