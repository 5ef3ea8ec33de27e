// test_gc.test_bug1055820b: weakrefs with callbacks to two self-loop objects;
// when the objects become garbage, the collector clears every weakref to the
// garbage before any callback runs, so the callbacks (which call wr() on all
// of them) only ever see NULL — a callback cannot resurrect half-cleared
// garbage. The callbacks run because the weakrefs themselves survive.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static rc_weakref *WRs[2];
static void *ouch[2];
static int callbacks;
static void callback(rc_weakref *ignored, void *ctx) {
    callbacks++;
    for (int i = 0; i < 2; i++) {
        ouch[i] = rc_weakref_get(WRs[i]);
        rc_decref(ouch[i]);
    }
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    struct obj *Cs[2];
    for (int i = 0; i < 2; i++) {
        Cs[i] = obj_new(i);
        SET(Cs[i]->a, Cs[i]); /* self.loop = self */
        WRs[i] = rc_weakref_new(Cs[i], callback, NULL);
    }
    rc_gc_collect(-1);
    CHECK_EQ(callbacks, 0);
    for (int i = 0; i < 2; i++) rc_decref(Cs[i]); /* Cs = None */
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(callbacks, 2); /* else the callbacks didn't run */
    CHECK(ouch[0] == NULL && ouch[1] == NULL);
    for (int i = 0; i < 2; i++) rc_decref(WRs[i]);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
