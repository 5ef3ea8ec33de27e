// test_gc.test_bug1055820c (GCTogglingTests): c0 sits in generation 2, kept
// alive only by c1; c1 and c2 are self-loops in generation 0; a callback-free
// weakref points to c2, and a weakref with a callback to c0 — a callback that
// reads c2wr(). A *natural* (threshold-triggered) generation-0 collection
// clears c1 and c2; releasing c1's link kills c0, whose callback runs — and
// must find c2wr() already NULL, not a half-destroyed c2.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static rc_weakref *c2wr;
static int nouch;
static void *ouch;
static void callback(rc_weakref *ignored, void *ctx) {
    nouch = 1;
    ouch = rc_weakref_get(c2wr);
    rc_decref(ouch);
}

static int gc_happened;
static void detector(const char *phase, const rc_gc_info *info, void *ctx) {
    if (phase[1] == 't' && phase[2] == 'o') gc_happened = 1; /* "stop" */
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    struct obj *c0 = obj_new(0);
    SET(c0->a, c0);
    rc_gc_collect(-1); /* move c0 into generation 2 */

    struct obj *c1 = obj_new(1);
    SET(c1->a, c1);
    SET(c1->b, c0); /* c1.keep_c0_alive = c0 */
    SET(c0->a, NULL); /* del c0.loop: now only c1 keeps c0 alive */
    struct obj *c2 = obj_new(2);
    SET(c2->a, c2);
    c2wr = rc_weakref_new(c2, NULL, NULL); /* no callback! */
    rc_weakref *c0wr = rc_weakref_new(c0, callback, NULL);
    rc_decref(c0);
    rc_decref(c1);
    rc_decref(c2);

    rc_gc_callback_add(detector, NULL);
    rc_gc_enable();
    rc_list *junk = rc_list_new();
    for (int i = 0; !gc_happened; i++) {
        CHECK(i <= 100000);
        if (i > 100000) break;
        CHECK_EQ(nouch, 0);
        rc_list *l = rc_list_new(); /* this will eventually trigger gc */
        rc_list_append(junk, l);
        rc_decref(l);
    }
    rc_gc_disable();
    CHECK_EQ(nouch, 1); /* else the callback wasn't invoked */
    CHECK(ouch == NULL);
    CHECK(rc_weakref_get(c0wr) == NULL);
    rc_gc_callback_remove(detector, NULL);
    rc_decref(junk);
    rc_decref(c0wr);
    rc_decref(c2wr);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
