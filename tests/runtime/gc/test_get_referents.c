// test_gc.test_get_referents (and get_referrers): get_referents lists the
// objects an object's strong slots point to (NULL slots skipped); an object
// without managed fields has none. get_referrers lists the tracked objects
// that point to an object. Both return a new list owned by the caller.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

struct atom { int x; };

int main(void) {
    rc_gc_disable();
    struct atom *x1 = rc_new(struct atom), *x3 = rc_new(struct atom), *x5 = rc_new(struct atom);
    rc_list *alist = rc_list_new();
    rc_list_append(alist, x1);
    rc_list_append(alist, x3);
    rc_list_append(alist, x5);
    rc_list *got = rc_gc_get_referents(alist);
    CHECK_EQ(rc_list_len(got), 3);
    CHECK(rc_list_get(got, 0) == x1 && rc_list_get(got, 1) == x3 && rc_list_get(got, 2) == x5);
    CHECK_EQ(rc_getrefcount(x3), 3); /* ours, alist's, got's */
    rc_decref(got);

    struct obj *o = obj_new(1);
    SET(o->b, (struct obj *)(void *)alist); /* a stays NULL */
    got = rc_gc_get_referents(o);
    CHECK_EQ(rc_list_len(got), 1);
    CHECK(rc_list_get(got, 0) == (void *)alist);
    rc_decref(got);

    got = rc_gc_get_referents(x1);
    CHECK_EQ(rc_list_len(got), 0);
    rc_decref(got);

    rc_list *refs = rc_gc_get_referrers(alist);
    CHECK_EQ(rc_list_len(refs), 1);
    CHECK(rc_list_get(refs, 0) == (void *)o);
    rc_decref(refs);
    refs = rc_gc_get_referrers(x5);
    CHECK_EQ(rc_list_len(refs), 1);
    CHECK(rc_list_get(refs, 0) == (void *)alist);
    rc_decref(refs);

    rc_decref(o);
    rc_decref(alist);
    rc_decref(x1);
    rc_decref(x3);
    rc_decref(x5);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
