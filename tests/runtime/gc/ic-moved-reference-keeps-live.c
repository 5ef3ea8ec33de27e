// The program moves the only reference to a large live structure while an
// incremental collection runs (gc_incremental.c): after it gathered a
// garbage ring, a holder the ring refers to and the live list the holder
// refers to, the list's reference moves from the holder (a member) to a new
// object (not a member). The slices' estimate then sees no reference from
// outside to the list (its counts equal the references counted from
// members), so the list is left in the final step's set; the final step's
// trial deletion is exact (every reference from outside the set is
// external) and keeps it. Nothing live is freed: the list is intact, the
// live count exact (and the ASan and debug runs check the memory).
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { RING = 20000, LIST = 30000 };

int main(void) {
    struct node *holder = node_new(7);
    struct node *last, *list = chain(LIST, 100, &last);
    SET(holder->other, list);
    rc_decref(list);
    rc_decref(last);
    size_t base = rc_live_objects();
    rc_gc_genstats before[3], after[3];
    rc_gc_get_stats(before);
    CHECK(ic_with_members(RING + 1 + LIST, holder));
    struct node *keeper = node_new(8);
    SET(keeper->other, holder->other);
    SET(holder->other, NULL);
    CHECK(churn_until_no_ic(2000000));
    rc_gc_get_stats(after);
    CHECK(after[2].collected >= before[2].collected + RING); /* the ring went */
    long n = 0;
    struct node *p = keeper->other;
    for (; p && n <= LIST; p = p->next, n++) CHECK_EQ(p->id, 100 + n);
    CHECK_EQ(n, LIST);
    rc_gc_collect(-1); /* the churn's rings, the ring IC ones */
    CHECK_EQ(rc_live_objects(), base + 1);
    rc_decref(keeper);
    rc_decref(holder);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
