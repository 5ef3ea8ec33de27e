// A member of a running incremental collection (gc_incremental.c) that is
// also a candidate root dies: the IC gathered a holder and the acyclic
// chain it refers to; while it runs, each chain node is retained and
// released back to a non-zero count (a candidate, buffered while it is a
// member: it could become garbage after the IC marked it), then the holder
// lets go of the chain and it is destroyed by counts. A pool node leaves
// its buffer through its record (gc_cand.h) and must still stay the IC's
// zombie (object.c's plain loop and destroy(): freeing its block would
// leave the IC pointing to reused memory); outside the pools it stays a
// zombie both buffered and a member, freed by whichever lets go last. The
// checked build validates the buffers and the IC at every collection; the
// ASan and debug runs check the memory; the live count comes back exactly.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { RING = 20000, CHAIN = 30000 };

static struct node *acyclic(long n) {
    struct node *head = node_new(0), *tail = rc_incref(head);
    for (long i = 1; i < n; i++) {
        struct node *x = node_new(i);
        SET(tail->next, x);
        SET(tail, x);
        rc_decref(x);
    }
    rc_decref(tail);
    return head;
}

int main(void) {
    struct node *holder = node_new(7);
    struct node *chain_head = acyclic(CHAIN);
    SET(holder->other, chain_head);
    rc_decref(chain_head);
    size_t base = rc_live_objects();
    CHECK(ic_with_members(RING + 1 + CHAIN, holder));
    /* Every chain node buffered again while it is a member (no collection
     * in between: the buffering is what is tested, not a collection's). */
    rc_gc_disable();
    for (struct node *x = chain_head; x; x = x->next) {
        rc_incref(x);
        rc_decref(x);
    }
    rc_gc_enable();
    size_t held = rc_gc_get_incremental_count();
    CHECK(held != 0);
    /* The chain dies by counts while the IC holds it. */
    size_t before = rc_live_objects();
    SET(holder->other, NULL);
    CHECK_EQ(rc_live_objects(), before - CHAIN);
    CHECK_EQ(rc_gc_get_incremental_count(), held); /* zombies: still held */
    /* New objects of the chain's size must not get a zombie's block. */
    for (int i = 0; i < 1000; i++) churn();
    CHECK(churn_until_no_ic(2000000));
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), base - CHAIN);
    CHECK_EQ(holder->id, 7);
    rc_decref(holder);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
