// A keep-alive hold (what the plugin emits around a call argument) that
// ends with no collection step since it began makes no candidate root: its
// release only gives the count back (gc.c, "Keep-alive holds"), where a
// plain retain and release buffers the object. What becomes garbage inside
// such a window is still found by automatic collections, which start from
// candidates only: a cycle cut off inside it (its object was buffered by the
// cut), also under nested holds. A hold that is the last reference frees
// its object, which leaves its buffer (nothing left for a collection).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// CHECK: OK
#include "Inputs/hold_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_set_threshold(50, 1, 1);
    struct fobj *p = fobj_new(0);

    /* a plain retain and release buffers; a hold does not */
    struct fobj *o = fobj_new(1);
    p->b = o;
    rc_incref(o);
    rc_decref(o);
    CHECK(buffered(o));
    CHECK_EQ(rc_gc_collect(-1), 0); /* empties the buffers */
    CHECK(!buffered(o));
    struct hold h = {0}, h2 = {0};
    HOLD(h, p->b);
    CHECK_EQ(rc_getrefcount(o), 2);
    UNHOLD(h);
    CHECK_EQ(rc_getrefcount(o), 1);
    CHECK(!buffered(o));
    /* nested holds of the same object */
    HOLD(h, p->b);
    HOLD(h2, p->b);
    UNHOLD(h2);
    UNHOLD(h);
    CHECK(!buffered(o));
    CHECK_EQ(rc_getrefcount(o), 1);

    /* a cycle cut off inside the window: found by automatic collections */
    struct fobj *a, *b;
    make_pair(p, &a, &b, 10);
    HOLD(h, p->a);
    HOLD(h2, a->a); /* b, nested */
    SET(p->a, NULL); /* a 3 -> 2: buffered by the cut */
    CHECK(buffered(a));
    UNHOLD(h2);
    UNHOLD(h);
    CHECK_EQ(rc_getrefcount(a), 1);
    CHECK_EQ(ndel, 0);
    CHECK_EQ(rc_live_objects(), 4);
    rc_gc_enable();
    churn(1000);
    rc_gc_disable();
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_live_objects(), 2);

    /* the hold is the last reference: its release frees the object, which
     * was buffered inside the window and leaves its buffer */
    size_t before = total_collected();
    HOLD(h, p->b);
    SET(p->b, NULL); /* o 2 -> 1: buffered */
    CHECK(buffered(o));
    CHECK_EQ(rc_live_objects(), 2);
    UNHOLD(h);
    CHECK_EQ(ndel, 3);
    CHECK_EQ(rc_live_objects(), 1);
    CHECK_EQ(rc_gc_collect(0), 0);
    CHECK_EQ(total_collected(), before);

    rc_decref(p);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
