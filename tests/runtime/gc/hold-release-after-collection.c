// A keep-alive hold that a collection step ran inside (the epoch moved)
// ends like rc_decref: its object becomes a candidate root. The collection
// counted the hold as an outside reference and so dismissed the cycle the
// program had just cut off; after the hold ends only a candidate can lead a
// later collection to it (gc.c, "Keep-alive holds"). Shown with an explicit
// and an automatic collection inside the window, and with a finalizer that
// resurrects its object into the held one (no collection: destroy() makes
// the resurrected object a candidate, which reaches the held one). Each
// cycle must then be found by automatic collections alone.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// CHECK: OK
#include "Inputs/hold_test.h"

static struct fobj *holder;
static void resurrect_into_held(struct fobj *self) { SET(self->a->b, self); }

int main(void) {
    rc_gc_disable();
    rc_gc_set_threshold(50, 1, 1);
    struct fobj *p = holder = fobj_new(0);
    struct fobj *a, *b;
    struct hold h = {0};

    /* an explicit collection inside the window */
    make_pair(p, &a, &b, 10);
    HOLD(h, p->a);
    SET(p->a, NULL); /* a buffered */
    CHECK_EQ(rc_gc_collect(0), 0); /* a alive through the hold: dismissed */
    CHECK(!buffered(a));
    UNHOLD(h);
    CHECK(buffered(a));
    CHECK_EQ(rc_live_objects(), 3);
    rc_gc_enable();
    churn(1000);
    rc_gc_disable();
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_live_objects(), 1);

    /* an automatic collection (of generation 0) inside the window */
    make_pair(p, &a, &b, 20);
    HOLD(h, p->a);
    SET(p->a, NULL);
    rc_gc_genstats s0[3], s1[3];
    rc_gc_get_stats(s0);
    rc_gc_set_threshold(50, 100, 100);
    rc_gc_enable();
    churn(60);
    rc_gc_disable();
    rc_gc_set_threshold(50, 1, 1);
    rc_gc_get_stats(s1);
    CHECK_EQ(s1[0].collections, s0[0].collections + 1);
    CHECK(!buffered(a));
    CHECK_EQ(ndel, 2);
    UNHOLD(h);
    CHECK(buffered(a));
    rc_gc_enable();
    churn(1000);
    rc_gc_disable();
    CHECK_EQ(ndel, 4);
    CHECK_EQ(rc_live_objects(), 1);

    /* a resurrection inside the window: v's finalizer stores v into x,
     * which only v and the hold reach; x was never released meanwhile */
    struct fobj *x = fobj_new(30), *v = fobj_new(31);
    v->a = x;  /* x's +1 */
    p->b = v;  /* v's +1 */
    HOLD(h, v->a);
    fin_hook = resurrect_into_held;
    SET(p->b, NULL); /* v dies and comes back, in x->b */
    fin_hook = NULL;
    CHECK_EQ(ndel, 5);
    CHECK_EQ(rc_getrefcount(v), 1);
    CHECK(buffered(v)); /* destroy() made the resurrected object a candidate */
    UNHOLD(h);          /* x <-> v is garbage now, reached from v */
    rc_gc_enable();
    churn(1000);
    rc_gc_disable();
    CHECK_EQ(ndel, 6); /* x finalized; v was, once (PEP 442) */
    CHECK_EQ(rc_live_objects(), 1);
    (void)holder;

    rc_decref(p);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
