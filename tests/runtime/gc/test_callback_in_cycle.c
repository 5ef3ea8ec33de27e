// Weakref callback semantics (test_gc's weakref cases and
// test_weakref.test_callback_in_cycle_1..4): a weakref's callback runs only if the
// weakref object itself survives the collection. A weakref held only by the
// garbage (in a slot of a cycle member) dies with it and its callback never
// runs; one held from outside runs. Weak references to garbage are cleared
// before finalizers run, so a finalizer sees its own weakref already NULL.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static int called_inside, called_outside;
static void cb_inside(rc_weakref *r, void *ctx) { called_inside++; }
static void cb_outside(rc_weakref *r, void *ctx) { called_outside++; }

static rc_weakref *self_wr;
static void *seen_in_finalizer = (void *)1;
static void look_at_weakref(struct fobj *self) {
    seen_in_finalizer = rc_weakref_get(self_wr);
    rc_decref(seen_in_finalizer);
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    /* a <-> b; a holds a weakref (with callback) to b; outside holds one to a */
    struct obj *a = obj_new(1), *b = obj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_weakref *inside = rc_weakref_new(b, cb_inside, NULL);
    SET(a->b, (struct obj *)(void *)inside);
    rc_decref(inside);
    rc_weakref *outside = rc_weakref_new(a, cb_outside, NULL);
    rc_decref(a);
    rc_decref(b);
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(called_inside, 0);  /* the weakref was garbage too */
    CHECK_EQ(called_outside, 1); /* this one survived */
    CHECK(rc_weakref_get(outside) == NULL);
    rc_decref(outside);
    CHECK_EQ(rc_live_objects(), 0);

    /* a weakref to a garbage object with a finalizer is NULL inside it */
    fin_hook = look_at_weakref;
    struct fobj *f = fobj_new(3);
    SET(f->a, f);
    self_wr = rc_weakref_new(f, NULL, NULL);
    rc_decref(f);
    rc_gc_collect(-1);
    CHECK_EQ(ndel, 1);
    CHECK(seen_in_finalizer == NULL);
    rc_decref(self_wr);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
