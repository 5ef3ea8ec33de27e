// test_gc.test_is_tracked: atomic objects (types without managed fields, or
// marked RC_TYPE_ACYCLIC) are not tracked; containers (types with strong
// fields, rc_list) are, from birth. NULL is not tracked.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

struct atom { long x; };
struct pair { struct pair *a, *b; };
static const uint32_t pair_offsets[] = {offsetof(struct pair, a), offsetof(struct pair, b)};
static const rc_type acyclic_pair = {"struct pair", sizeof(struct pair), RC_TYPE_ACYCLIC,
                                     pair_offsets, 2, 0, NULL, NULL, NULL, NULL, NULL};

int main(void) {
    struct atom *x = rc_new(struct atom);
    struct obj *o = obj_new(1);
    rc_list *l = rc_list_new();
    struct pair *p = rc_new_typed(struct pair, acyclic_pair);
    rc_weakref *w = rc_weakref_new(o, NULL, NULL);
    CHECK(!rc_gc_is_tracked(NULL));
    CHECK(!rc_gc_is_tracked(x));
    CHECK(rc_gc_is_tracked(o));
    CHECK(rc_gc_is_tracked(l));
    CHECK(!rc_gc_is_tracked(p)); /* RC_ACYCLIC: a promise, so not tracked */
    CHECK(!rc_gc_is_tracked(w));
    rc_gc_collect(-1);
    CHECK(rc_gc_is_tracked(o)); /* still tracked in an older generation */
    rc_decref(w);
    rc_decref(p);
    rc_decref(l);
    rc_decref(o);
    rc_decref(x);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
