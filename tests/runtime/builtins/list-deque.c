// pop(0) and insert(0, x) are O(1) amortised: a queue of 200000 items
// drained from the front, a stack built at the front, and a sliding
// window (append at the back, pop at the front) of 10 million steps finish
// at once (with the old memmove they took minutes), and keep the order.
// RUN: %cc -O1 %s %autorc_lib -o %t && timeout 60 %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct item { long v; };

int main(void) {
    enum { N = 200000 };
    rc_list *l = rc_list_new();
    for (long i = 0; i < N; i++) {
        struct item *it = rc_new(struct item);
        it->v = i;
        rc_list_append(l, it);
        rc_decref(it);
    }
    for (long i = 0; i < N; i++) { /* FIFO */
        struct item *it = rc_list_pop_at(l, 0);
        CHECK_EQ(it->v, i);
        rc_decref(it);
    }
    CHECK_EQ(rc_list_len(l), 0);
    for (long i = 0; i < N; i++) { /* LIFO at the front */
        struct item *it = rc_new(struct item);
        it->v = i;
        rc_list_insert(l, 0, it);
        rc_decref(it);
    }
    CHECK_EQ(((struct item *)rc_list_get(l, 0))->v, N - 1);
    CHECK_EQ(((struct item *)rc_list_get(l, -1))->v, 0);
    rc_list_clear(l);
    struct item *x = rc_new(struct item);
    for (long i = 0; i < 1000; i++) rc_list_append(l, x);
    for (long i = 0; i < 10000000; i++) { /* sliding window: room is reused */
        rc_list_append(l, x);
        rc_list_delete(l, 0);
    }
    CHECK_EQ(rc_list_len(l), 1000);
    /* the middle: insert and delete move the shorter side */
    rc_list_insert(l, 10, NULL);
    rc_list_insert(l, -10, NULL);
    CHECK(rc_list_get(l, 10) == NULL);
    CHECK(rc_list_get(l, -11) == NULL);
    CHECK_EQ(rc_list_index(l, NULL), 10);
    rc_list_delete(l, 10);
    CHECK_EQ(rc_list_index(l, NULL), 1000 - 10);
    CHECK_EQ(rc_getrefcount(x), 1 + 1000);
    rc_decref(l);
    rc_decref(x);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
