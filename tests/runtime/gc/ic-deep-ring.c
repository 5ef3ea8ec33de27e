// A ring of 400,000 nodes (49 times an automatic collection's budget),
// dropped: only an incremental collection (gc_incremental.c) can find it
// without an explicit collection. Its gathering and marking use explicit
// stacks and vectors (no recursion: the ASan build's stack would overflow
// on a recursive walk of this chain), and its final step frees it whole.
// The program goes on making rings of 20,000 so that one starts.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { DEEP = 400000 };

static size_t collected2(void) {
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    return s[2].collected;
}

int main(void) {
    size_t base = rc_live_objects(), before = collected2();
    drop_ring_to(DEEP, NULL);
    size_t found = 0;
    for (int r = 0; r < 200 && found < DEEP; r++) {
        drop_ring_to(20000, NULL);
        for (int i = 0; i < 20000; i++) churn();
        found = collected2() - before;
    }
    CHECK(found >= DEEP);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), base);
    CHECK_DONE();
}
