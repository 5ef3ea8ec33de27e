// An object whose count reached zero is dead to weak references at that
// moment, even while it waits on the destruction stack: a finalizer that
// releases the last reference to X and then reads a weak reference to X
// (an rc_weakref or an RC_WEAK slot) gets NULL, and cannot retain it
// (before the fix it got X, which was then destroyed anyway: a dangling
// pointer, or "release of object ... while it is being destroyed").
// X's weakref callback still runs, once, after X is destroyed.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: callback for x
// CHECK-NEXT: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stddef.h>

struct x { int v; };
struct holder { struct x *x; };
static void holder_finalize(struct holder *h);
RC_TYPE_DEFINE(holder_type, struct holder, holder_finalize, RC_FIELD(struct holder, x));

static rc_weakref *wref;  /* weakref to x, with a callback */
static void *wslot;       /* an RC_WEAK slot pointing to x */
static void *got_ref = (void *)1, *got_slot = (void *)1;
static size_t count_in_fin = 99;
static int callbacks;

static void on_x_death(rc_weakref *ref, void *ctx) {
    callbacks++;
    printf("callback for x\n");
}

static void holder_finalize(struct holder *h) {
    struct x *x = h->x;
    h->x = NULL;
    rc_decref(x);                 /* last reference: x is queued, count 0 */
    got_ref = rc_weakref_get(wref); /* must be NULL, not a dying x */
    got_slot = rc_weak_load(&wslot);
    count_in_fin = rc_weakref_count(x);
    rc_decref(got_ref);
    CHECK_EQ(callbacks, 0); /* x is destroyed after this finalizer returns */
}

int main(void) {
    struct holder *h = rc_new_typed(struct holder, holder_type);
    h->x = rc_new(struct x);
    wref = rc_weakref_new(h->x, on_x_death, NULL);
    rc_weak_init(&wslot, h->x);
    rc_decref(h);
    CHECK(got_ref == NULL);
    CHECK(got_slot == NULL);
    CHECK_EQ(count_in_fin, 0);
    CHECK_EQ(callbacks, 1);
    CHECK(rc_weakref_get(wref) == NULL);
    rc_decref(wref);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
