// test_gc.test_del and test_del_newclass: finalizers can trigger a
// collection — with threshold 1 every tracked allocation inside a finalizer
// may start one — and this must neither crash nor run a finalizer twice. A gc
// callback shows the collections did run inside the finalizer of an object
// that died by its count; in the finalizer of cyclic garbage (run by a
// collection) nested collections are suppressed, as in CPython.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

/* A collection started while a finalizer runs: counted by a gc callback. */
static int in_finalizer, collections_inside;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    if (in_finalizer && phase[1] == 't' && phase[2] == 'a') collections_inside++; /* "start" */
}

static void allocate_in_finalizer(struct fobj *self) {
    in_finalizer++;
    /* dir(self): make some tracked garbage, including a cycle */
    for (int i = 0; i < 5; i++) {
        rc_list *l = rc_list_new();
        rc_list_append(l, l);
        rc_list_append(l, self);
        rc_decref(l);
    }
    in_finalizer--;
}

int main(void) {
    long th[3];
    rc_gc_get_threshold(th);
    rc_gc_enable();
    rc_gc_set_threshold(1, 10, 10);
    fin_hook = allocate_in_finalizer;

    rc_gc_callback_add(on_gc, NULL);
    struct fobj *a = fobj_new(1); /* not in a cycle: dies by its count */
    rc_decref(a);
    CHECK_EQ(ndel, 1);
    CHECK(collections_inside > 0); /* the finalizer's allocations collected */
    int inside_count_death = collections_inside;

    struct fobj *b = fobj_new(2); /* in a cycle: dies in a collection */
    SET(b->a, b);
    rc_decref(b);
    for (int i = 0; i < 20 && ndel < 2; i++) {
        struct obj *junk = obj_new(i); /* count0 > 1: automatic collections */
        rc_decref(junk);
    }
    CHECK_EQ(ndel, 2); /* by an automatic collection, not a final collect() */
    /* inside a finalizer run by a collection, collect() returns 0 and
     * automatic collections are suppressed (CPython's rule) */
    CHECK_EQ(collections_inside, inside_count_death);
    rc_gc_collect(-1);
    CHECK_EQ(ndel, 2);
    rc_gc_callback_remove(on_gc, NULL);

    rc_gc_disable();
    rc_gc_set_threshold(th[0], th[1], th[2]);
    fin_hook = NULL;
    rc_gc_collect(-1);
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
