// test_gc.test_boom, test_boom2 (and the _new variants): a trash cycle whose
// finalizers mutate the trash graph — here each finalizer deletes its
// object's link (`del self.attr`), so the cycle falls apart by counts in the
// middle of the collection. In CPython __getattr__ is no longer called during
// a collection; autorc's finalizers are, so this is the harder case: the
// collector must cope with garbage freed under it. Each finalizer runs once;
// objects freed by finalizers are not counted as collected (as in CPython).
// Each case checks collect()'s exact result.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static void del_attr(struct fobj *self) { SET(self->a, NULL); }
/* Boom2.__getattr__: x += 1; if x > 1: del self.attr */
static int boom2_x[3];
static void del_attr_second_time(struct fobj *self) {
    if (++boom2_x[self->id] > 1) SET(self->a, NULL);
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    fin_hook = del_attr;
    /* test_boom: a <-> b */
    struct fobj *a = fobj_new(1), *b = fobj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(a);
    rc_decref(b);
    CHECK_EQ(rc_gc_collect(-1), 0);
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_live_objects(), 0);

    /* test_boom2: a ring of four, two of them plain */
    ndel = 0;
    struct fobj *f1 = fobj_new(1), *f2 = fobj_new(2);
    struct obj *p1 = obj_new(3), *p2 = obj_new(4);
    SET(f1->a, (struct fobj *)(void *)p1);
    SET(p1->a, (struct obj *)(void *)f2);
    SET(f2->a, (struct fobj *)(void *)p2);
    SET(p2->a, (struct obj *)(void *)f1);
    rc_decref(f1);
    rc_decref(f2);
    rc_decref(p1);
    rc_decref(p2);
    /* f1's finalizer drops p1, which takes f2 (finalized by its count),
     * p2 and finally f1 with it: all four die by counts, none is freed by
     * the collector, as in test_boom. */
    CHECK_EQ(rc_gc_collect(-1), 0);
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_live_objects(), 0);

    /* test_boom2 proper: Boom2 breaks the cycle only "the second time gc
     * checks for __del__", which never comes: the two objects are freed by
     * the collector, `collect() == 2` exactly. */
    ndel = 0;
    fin_hook = del_attr_second_time;
    a = fobj_new(1);
    b = fobj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    rc_decref(a);
    rc_decref(b);
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_list_len(rc_gc_garbage()), 0);
    CHECK_EQ(rc_live_objects(), 1); /* rc_gc_garbage() */
    CHECK_DONE();
}
