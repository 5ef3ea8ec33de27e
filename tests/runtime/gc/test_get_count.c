// test_gc.test_get_count and test_collect_generations: get_count is
// (tracked allocations - deallocations since the last collection,
// collections of generation 0 since the last of 1, of 1 since the last of 2);
// collect(n) resets counts 0..n and bumps n+1, and an object trickles into
// the next generation after each collection that it survives.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static int in_gen(void *x, int gen) {
    rc_list *objs = rc_gc_get_objects(gen);
    int found = rc_list_index(objs, x) >= 0;
    rc_decref(objs);
    return found;
}

int main(void) {
    rc_gc_disable();
    long c[3];
    rc_gc_collect(-1);
    rc_gc_get_count(c);
    long a = c[0];
    CHECK_EQ(c[1], 0);
    CHECK_EQ(c[2], 0);
    CHECK(a < 5);
    rc_list *x = rc_list_new();
    rc_gc_get_count(c);
    CHECK(c[0] > a); /* the list was counted */
    CHECK_EQ(c[1], 0);
    CHECK_EQ(c[2], 0);
    struct obj *tmp = obj_new(0);
    rc_gc_get_count(c);
    long before = c[0];
    rc_decref(tmp); /* a deallocation counts down */
    rc_gc_get_count(c);
    CHECK_EQ(c[0], before - 1);

    /* test_collect_generations */
    rc_gc_collect(-1);
    rc_gc_collect(0);
    rc_gc_get_count(c);
    CHECK_EQ(c[1], 1);
    CHECK_EQ(c[2], 0);
    rc_gc_collect(1);
    rc_gc_get_count(c);
    CHECK_EQ(c[1], 0);
    CHECK_EQ(c[2], 1);
    rc_gc_collect(2);
    rc_gc_get_count(c);
    CHECK_EQ(c[1], 0);
    CHECK_EQ(c[2], 0);

    /* test_get_objects: x moves 0 -> 1 -> 2 */
    rc_list *y = rc_list_new();
    rc_list_append(y, y);
    CHECK(in_gen(y, 0) && !in_gen(y, 1) && !in_gen(y, 2));
    rc_gc_collect(0);
    CHECK(!in_gen(y, 0) && in_gen(y, 1) && !in_gen(y, 2));
    rc_gc_collect(1);
    CHECK(!in_gen(y, 0) && !in_gen(y, 1) && in_gen(y, 2));
    rc_gc_collect(2);
    CHECK(!in_gen(y, 0) && !in_gen(y, 1) && in_gen(y, 2));
    CHECK(in_gen(x, -1));
    rc_list *all = rc_gc_get_objects(-1);
    CHECK(rc_list_index(all, all) < 0); /* the result does not list itself */
    rc_decref(all);
    rc_decref(y);
    rc_decref(x);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
