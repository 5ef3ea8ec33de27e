// test_gc.test_get_objects_during_gc (gh-125859): rc_gc_get_objects and
// rc_gc_get_referrers called from a finalizer during a collection do not
// crash, and do not hand out the garbage being finalized: the object is not
// among the objects, and nothing tracked refers to it (its own self-loop is
// garbage too).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static int collected, seen_self;
static size_t referrers = 99;
static void get_objects_on_del(struct fobj *self) {
    collected = 1;
    rc_list *objs = rc_gc_get_objects(-1);
    for (size_t i = 0; i < rc_list_len(objs); i++) seen_self += rc_list_get(objs, i) == (void *)self;
    rc_decref(objs);
    rc_list *r = rc_gc_get_referrers(self);
    referrers = rc_list_len(r);
    rc_decref(r);
}

int main(void) {
    rc_gc_disable();
    fin_hook = get_objects_on_del;
    struct fobj *obj = fobj_new(1);
    SET(obj->a, obj); /* obj.cycle = obj */
    rc_decref(obj);
    CHECK_EQ(rc_gc_collect(-1), 1);
    CHECK(collected);
    CHECK_EQ(seen_self, 0);
    CHECK_EQ(referrers, 0);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
