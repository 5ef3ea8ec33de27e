// test_gc.test_incremental_gc_handles_fast_cycle_creation: doubly linked
// lists of 20 nodes (strong next and prev) made and dropped quickly, each
// pointing ("surprise") to a long-lived list of 1000; automatic collections
// must keep up: the live objects never grow past CPython's bound (27,000 new
// objects after 20,000 iterations of 20 nodes: 400,000 nodes made).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct ll { struct ll *next, *prev, *surprise; };
RC_TYPE_DEFINE(ll_type, struct ll, NULL, RC_FIELD(struct ll, next), RC_FIELD(struct ll, prev),
               RC_FIELD(struct ll, surprise));

#define SET(slot, v)                                                           \
    do {                                                                       \
        void *set_old__ = (void *)(slot);                                      \
        (slot) = rc_incref(v);                                                 \
        rc_decref(set_old__);                                                  \
    } while (0)

/* LinkedList(next, prev): links itself between prev and next. */
static struct ll *ll_new(struct ll *next, struct ll *prev) {
    struct ll *n = rc_new_typed(struct ll, ll_type);
    SET(n->next, next);
    if (next) SET(next->prev, n);
    SET(n->prev, prev);
    if (prev) SET(prev->next, n);
    return n;
}

static struct ll *make_ll(int depth) {
    struct ll *head = ll_new(NULL, NULL);
    for (int i = 0; i < depth; i++) {
        struct ll *h = ll_new(head, head->prev);
        rc_decref(head);
        head = h;
    }
    return head;
}

int main(void) {
    rc_gc_enable();
    struct ll *head = make_ll(1000);
    size_t initial = rc_live_objects();
    rc_list *olds = rc_list_new();
    size_t peak = 0;
    for (int i = 0; i < 20000; i++) {
        struct ll *newhead = make_ll(20);
        SET(newhead->surprise, head);
        rc_list_append(olds, newhead);
        rc_decref(newhead);
        if (rc_list_len(olds) == 20) {
            size_t new_objects = rc_live_objects() - initial;
            if (new_objects > peak) peak = new_objects;
            rc_list_clear(olds);
        }
    }
    CHECK(peak < 27000);
    if (peak >= 27000) fprintf(stderr, "heap grew to %zu new objects\n", peak);
    rc_decref(olds);
    rc_decref(head);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
