// Members of a running incremental collection (gc_incremental.c) destroyed
// between its slices: rings larger than the budget, each with a node
// referring to a live holder, are dropped until an incremental collection
// runs; it gathers the rings, the holder and the acyclic chain the holder
// refers to. Then, while it runs, the chain is destroyed by counts (the
// holder lets go of it, a small garbage ring still holding its head is
// freed by a synchronous collection). Its memory stays until the
// incremental collection lets its members go (zombies: object.c's
// deallocation keeps it; the objects are counted out of rc_live_objects at
// once); it skips them, nothing live is freed, nothing is freed twice (the
// ASan and debug runs check the memory), and the live count comes back
// exactly.
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { RING = 20000, CHAIN = 30000 };

/* An acyclic chain: next only. */
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
    size_t base = rc_live_objects();
    /* An IC that gathered a ring, the holder and the chain. */
    CHECK(ic_with_members(RING + 1 + CHAIN, holder));
    /* A small ring holding the chain's head, dropped. */
    struct node *r1 = node_new(1), *r2 = node_new(2);
    SET(r1->next, r2);
    SET(r2->next, r1);
    SET(r1->other, chain_head);
    rc_decref(r1);
    rc_decref(r2);
    SET(holder->other, NULL);
    rc_decref(chain_head);
    /* The synchronous collections free the small ring, and with it the
     * chain: members destroyed while the incremental collection holds them. */
    size_t before = rc_live_objects();
    for (int i = 0; i < 100000 && rc_live_objects() + CHAIN > before; i++) churn();
    CHECK(rc_live_objects() + CHAIN <= before);
    CHECK(rc_gc_get_incremental_count() != 0); /* ... it still runs */
    CHECK(churn_until_no_ic(2000000));
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), base - CHAIN);
    CHECK_EQ(holder->id, 7);
    rc_decref(holder);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
