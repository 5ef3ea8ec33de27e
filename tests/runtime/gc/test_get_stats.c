// test_gc.test_get_stats: three generations; collect(0) bumps only
// generation 0's collections, collect(2) only generation 2's; collected
// counts what each found.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_disable();
    rc_gc_genstats old[3], now[3];
    rc_gc_get_stats(old);
    rc_gc_collect(0);
    rc_gc_get_stats(now);
    CHECK_EQ(now[0].collections, old[0].collections + 1);
    CHECK_EQ(now[1].collections, old[1].collections);
    CHECK_EQ(now[2].collections, old[2].collections);
    rc_gc_collect(2);
    rc_gc_get_stats(now);
    CHECK_EQ(now[0].collections, old[0].collections + 1);
    CHECK_EQ(now[1].collections, old[1].collections);
    CHECK_EQ(now[2].collections, old[2].collections + 1);

    for (int i = 0; i < 5; i++) {
        struct obj *o = obj_new(i);
        SET(o->a, o);
        rc_decref(o);
    }
    rc_gc_collect(1);
    rc_gc_get_stats(now);
    CHECK_EQ(now[1].collections, old[1].collections + 1);
    CHECK_EQ(now[1].collected, old[1].collected + 5);
    CHECK_EQ(now[1].uncollectable, 0);
    CHECK_EQ(now[0].collected, old[0].collected);
    CHECK_DONE();
}
