// What ends or pauses a running incremental collection (gc_incremental.c):
//   disable: it pauses (no slice runs while disabled; its members stay
//     held), and goes on after rc_gc_enable;
//   rc_gc_collect(0): it is abandoned (its members let go at once, the
//     roots it took wait for the next one), and the garbage it was after
//     is still found later without an explicit full collection;
//   rc_gc_freeze: abandoned too; the frozen objects are never members.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { RING = 20000 };

static size_t collected2(void) {
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    return s[2].collected;
}

int main(void) {
    size_t base = rc_live_objects();

    /* disable pauses it */
    CHECK(start_ic());
    size_t held = rc_gc_get_incremental_count();
    rc_gc_disable();
    for (int i = 0; i < 20000; i++) churn();
    CHECK_EQ(rc_gc_get_incremental_count(), held);
    rc_gc_enable();
    CHECK(churn_until_no_ic(2000000));

    /* rc_gc_collect(0) abandons it; its garbage is found later */
    CHECK(start_ic());
    size_t found = collected2();
    rc_gc_collect(0);
    CHECK_EQ(rc_gc_get_incremental_count(), 0);
    for (int r = 0; r < 64 && collected2() < found + 2 * RING; r++) {
        drop_ring_to(RING, NULL);
        for (int i = 0; i < 20000; i++) churn();
    }
    CHECK(collected2() >= found + 2 * RING);

    /* rc_gc_freeze abandons it; frozen objects never join (rings referring
     * to a frozen object are found, it stays frozen) */
    struct node *keep = node_new(5);
    /* A live heap larger than twice the garbage any IC freed so far: the
     * next collection of large garbage is an IC, not a heap walk (gc.c,
     * walk_due: a heap at most twice that garbage is walked). */
    struct node *live_last, *live = chain(2 * (long)collected2() + 2 * RING, 0, &live_last);
    CHECK(start_ic());
    rc_gc_freeze();
    CHECK_EQ(rc_gc_get_incremental_count(), 0);
    size_t frozen = rc_gc_get_freeze_count();
    CHECK(frozen > 0);
    found = collected2();
    CHECK(ic_with_members(RING, keep)); /* rings referring to `keep` */
    CHECK(churn_until_no_ic(2000000));
    CHECK(collected2() >= found + RING);
    CHECK_EQ(rc_gc_get_freeze_count(), frozen);
    CHECK_EQ(keep->id, 5);
    rc_decref(keep);
    rc_decref(live_last);
    rc_decref(live);
    rc_gc_unfreeze();
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), base);
    CHECK_DONE();
}
