// rc_weakref objects: get returns an owned reference or NULL once the target
// died; the callback runs when the target dies while the weakref is alive,
// and not when the weakref died first.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: callback: target gone, ctx=42
// CHECK-NOT: callback
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct target { int v; };
static int calls;
static void on_death(rc_weakref *ref, void *ctx) {
    calls++;
    void *t = rc_weakref_get(ref);
    printf("callback: target %s, ctx=%d\n", t ? "alive" : "gone", *(int *)ctx);
    rc_decref(t);
}

int main(void) {
    int ctx = 42;
    struct target *t = rc_new(struct target);
    rc_weakref *w = rc_weakref_new(t, on_death, &ctx);
    rc_weakref *w_plain = rc_weakref_new(t, NULL, NULL);
    struct target *got = rc_weakref_get(w);
    CHECK(got == t);
    CHECK_EQ(rc_getrefcount(t), 2);
    rc_decref(got);
    CHECK_EQ(rc_weakref_count(t), 2);
    rc_decref(t);
    CHECK_EQ(calls, 1);
    CHECK(rc_weakref_get(w) == NULL);
    CHECK(rc_weakref_get(w_plain) == NULL);
    rc_decref(w);
    rc_decref(w_plain);

    /* The weakref dies first: no callback later. */
    struct target *t2 = rc_new(struct target);
    rc_weakref *w2 = rc_weakref_new(t2, on_death, &ctx);
    rc_decref(w2);
    CHECK_EQ(rc_weakref_count(t2), 0);
    rc_decref(t2);
    CHECK_EQ(calls, 1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
