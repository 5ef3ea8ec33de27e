// The inline allocation path of a tracked (cyclic) type: rc_new in
// rewritten code links the object into generation 0 and counts it, so
// collections start by themselves at threshold0, not while the collector
// is disabled or threshold0 is 0, again after rc_gc_enable, and every
// object is tracked, listed by rc_gc_get_objects(0) and reclaimed.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -O2 %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -O0 %s %autorc_lib -o %t0 && %t0 | FileCheck %s
// CHECK: OK
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED ring { struct ring *next; long v; };

/* n garbage rings of 3; returns the last node made, alive (+1). */
static struct ring *make_rings(int n) {
    struct ring *last = NULL;
    for (int i = 0; i < n; i++) {
        struct ring *a = rc_new(struct ring), *b = rc_new(struct ring), *c = rc_new(struct ring);
        a->next = b;
        b->next = c;
        c->next = a;
        c->v = i;
        last = c;
    }
    return last;
}

static size_t collections0(void) {
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    return s[0].collections;
}

int main(void) {
    rc_gc_set_threshold(100, 10, 10);
    {
        struct ring *r = make_rings(1); /* the type's first allocation registers it */
        CHECK(rc_gc_is_tracked(r));
        rc_list *young = rc_gc_get_objects(0);
        CHECK(rc_list_index(young, r) >= 0);
    }
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);

    /* Automatic collections at threshold0: the heap stays small. */
    size_t c0 = collections0();
    size_t most = 0;
    for (int k = 0; k < 100; k++) {
        struct ring *r = make_rings(10);
        CHECK(rc_gc_is_tracked(r));
        if (rc_live_objects() > most) most = rc_live_objects();
    }
    CHECK(collections0() > c0 + 10);
    CHECK(most < 400);
    long count[3];
    rc_gc_get_count(count);
    CHECK(count[0] <= 100 + 1);

    /* Disabled: no collection, everything stays. */
    rc_gc_collect(-1);
    rc_gc_disable();
    c0 = collections0();
    {
        struct ring *r = make_rings(1000);
        CHECK_EQ(r->v, 999);
    }
    CHECK_EQ(collections0(), c0);
    CHECK_EQ(rc_live_objects(), 3000);
    rc_gc_get_count(count);
    CHECK_EQ(count[0], 3000);
    /* Enabled again: the next allocations over threshold0 collect. */
    rc_gc_enable();
    { struct ring *r = make_rings(1); (void)r; }
    CHECK(collections0() > c0);
    CHECK(rc_live_objects() < 100);

    /* threshold0 == 0: automatic collection is off. */
    rc_gc_collect(-1);
    rc_gc_set_threshold(0, 10, 10);
    c0 = collections0();
    { struct ring *r = make_rings(500); (void)r; }
    CHECK_EQ(collections0(), c0);
    CHECK_EQ(rc_live_objects(), 1500);
    CHECK_EQ(rc_gc_collect(-1), 1500);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
