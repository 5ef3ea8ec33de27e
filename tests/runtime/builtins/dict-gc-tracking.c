// A dict is tracked by the collector only once it can hold a cycle (a
// key or value the collector tracks), as CPython's dicts: a dict of
// strings and plain objects is never tracked; a dict that holds itself,
// or a cycle through a list, is tracked and collected, finalizers run.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct plain { int v; };

int main(void) {
    rc_gc_disable();
    rc_dict *d = rc_dict_new();
    CHECK(!rc_gc_is_tracked(d));
    rc_str *k = rc_str_new("k");
    struct plain *p = rc_new(struct plain);
    rc_dict_set(d, k, k);
    rc_dict_set(d, p, k);
    rc_dict_set(d, k, p);
    CHECK(!rc_gc_is_tracked(d));           /* strings and plain objects: no cycle possible */
    rc_list *l = rc_list_new();
    rc_dict_set(d, k, l);                  /* a list can hold the dict: tracked */
    CHECK(rc_gc_is_tracked(d));
    rc_decref(d);
    /* a dict holding itself is cyclic garbage once dropped */
    rc_dict *self = rc_dict_new();
    rc_dict_set(self, k, self);
    CHECK(rc_gc_is_tracked(self));
    rc_decref(self);
    /* a cycle through a list: dict -> list -> dict */
    rc_dict *d2 = rc_dict_new();
    rc_list *l2 = rc_list_new();
    rc_list_append(l2, d2);
    rc_dict_set(d2, l2, NULL);            /* the list as a key */
    rc_decref(l2);
    rc_decref(d2);
    size_t before = rc_live_objects();     /* l, k, p + 3 garbage */
    CHECK_EQ(before, 6);
    long found = rc_gc_collect(-1);
    CHECK_EQ(found, 3);
    CHECK_EQ(rc_live_objects(), 3);
    CHECK_EQ(rc_getrefcount(k), 1);
    rc_decref(l); rc_decref(k); rc_decref(p);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
