// The inline allocation path (RC__NEW_INLINE) steps aside while
// tracemalloc traces and takes over again when it stops, also for types
// registered before tracing started: the runtime marks every registered
// type's rt word while the inline path is off (object.c,
// rc__update_fast_alloc). Allocations made while tracing are traced with
// their line; those after rc_tracemalloc_stop reuse the block cache.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -O2 %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -O0 %s %autorc_lib -o %t0 && %t0 | FileCheck %s
// CHECK: OK
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED node { struct node *next; long v; };

static struct node *push(struct node *head, long v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = head;
    return n;
}

static size_t traced_now(void) {
    size_t cur, peak;
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    return cur;
}

int main(void) {
    struct node *list = push(NULL, 0); /* registers the type, inline path on */
    CHECK_EQ(rc_tracemalloc_start(1), 0);
    size_t before = traced_now();
    for (long i = 1; i <= 100; i++) list = push(list, i);
    size_t during = traced_now();
    CHECK(during >= before + 100 * sizeof(struct node)); /* every one traced */
    rc_tracemalloc_stop();
    for (long i = 101; i <= 200; i++) list = push(list, i);
    CHECK_EQ(rc_tracemalloc_start(1), 0);
    CHECK_EQ(traced_now(), 0); /* a new trace: the 200 above are not in it */
    list = push(list, 201);
    CHECK(traced_now() >= sizeof(struct node));
    rc_tracemalloc_stop();
    long sum = 0;
    for (struct node *q = list; q; q = q->next) sum += q->v;
    CHECK_EQ(sum, 201 * 202 / 2);
    list = NULL;
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
