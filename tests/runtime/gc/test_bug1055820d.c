// test_gc.test_bug1055820d (GCTogglingTests): like test_bug1055820c, but a
// finalizer instead of a weakref callback tries to sneak a resurrection of
// cyclic trash in. d0 (with a finalizer) sits in generation 2, kept alive only
// by c1; c1 and c2 are self-loops in generation 0; a callback-free weakref
// points to c2. A natural generation-0 collection frees c1 and c2; releasing
// c1's link kills d0 by its count, and d0's finalizer reads c2wr(): it must
// find NULL, not a half-destroyed c2 it could resurrect.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static rc_weakref *c2wr;
static int nouch;
static void *ouch = (void *)1;
static void d_finalizer(struct fobj *self) {
    nouch++;
    ouch = rc_weakref_get(c2wr); /* ouch[:] = [c2wr()] */
    rc_decref(ouch);
}

static int gc_happened;
static void detector(const char *phase, const rc_gc_info *info, void *ctx) {
    if (phase[1] == 't' && phase[2] == 'o') gc_happened = 1; /* "stop" */
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    fin_hook = d_finalizer;
    struct fobj *d0 = fobj_new(0);
    SET(d0->a, d0);
    rc_gc_collect(-1); /* move d0 into generation 2 */

    struct obj *c1 = obj_new(1);
    SET(c1->a, c1);
    SET(c1->b, (struct obj *)(void *)d0); /* c1.keep_d0_alive = d0 */
    SET(d0->a, NULL);                     /* del d0.loop */
    struct obj *c2 = obj_new(2);
    SET(c2->a, c2);
    c2wr = rc_weakref_new(c2, NULL, NULL); /* no callback! */
    rc_decref(d0);
    rc_decref(c1);
    rc_decref(c2);

    rc_gc_callback_add(detector, NULL);
    rc_gc_enable();
    rc_list *junk = rc_list_new();
    for (int i = 0; !gc_happened; i++) {
        CHECK(i <= 10000);
        if (i > 10000) break;
        CHECK_EQ(nouch, 0);
        rc_list *l = rc_list_new(); /* this will eventually trigger gc */
        rc_list_append(junk, l);
        rc_decref(l);
    }
    rc_gc_disable();
    CHECK_EQ(nouch, 1); /* else the finalizer wasn't invoked */
    CHECK(ouch == NULL);
    rc_gc_callback_remove(detector, NULL);
    rc_decref(junk);
    rc_decref(c2wr);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
