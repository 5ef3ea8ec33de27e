// Weak references to the final garbage are cleared without callbacks once
// the resurrection check is done (CPython 3.13's rule; gh-91636). Here a
// finalizer creates, during the collection, a weakref with a callback to a
// garbage object B, held from outside. Before the fix the callback ran while
// delete_garbage took the cycle apart and was handed another member of the
// garbage, the list L, already emptied; it could retain L, which then
// survived while rc_gc_collect counted it as freed.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static rc_weakref *made_in_finalizer;
static rc_list *the_list;
static int callbacks;
static size_t len_seen = 99;
static rc_list *kept;

static void on_b_death(rc_weakref *ref, void *ctx) {
    callbacks++;
    len_seen = rc_list_len(ctx);
    kept = rc_incref(ctx);
}

static void make_weakref(struct fobj *self) {
    made_in_finalizer = rc_weakref_new(self, on_b_death, the_list);
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    /* B (with a finalizer) <-> L (a list holding B) */
    struct fobj *b = fobj_new(1);
    rc_list *l = rc_list_new();
    rc_list_append(l, b);
    SET(b->a, (struct fobj *)(void *)l);
    the_list = l;
    fin_hook = make_weakref;
    rc_decref(l);
    rc_decref(b);
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(ndel, 1);
    CHECK_EQ(callbacks, 0);
    CHECK(kept == NULL);
    CHECK(rc_weakref_get(made_in_finalizer) == NULL);
    CHECK_EQ(rc_live_objects(), 1); /* the weakref */
    rc_decref(made_in_finalizer);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
