/* ic_test.h — helpers for the incremental collection's tests
 * (runtime/src/gc_incremental.c). A node type whose traverse hook counts
 * its calls (the collector's work), chains and rings of it, and a way to
 * bring an incremental collection (IC) about without an explicit
 * collection: garbage larger than an automatic collection's budget (8192
 * members) is cut short, and once the program holds twice as many objects,
 * an IC starts. rc_gc_get_incremental_count() tells whether one runs. */
#ifndef AUTORC_IC_TEST_H
#define AUTORC_IC_TEST_H
#include "gc_test.h"
#include <stdint.h>
#include <time.h>

struct node {
    struct node *next, *prev, *other;
    long id;
};
static size_t traversed; /* calls of node_traverse so far */
/* When non-zero, each call of node_traverse takes at least this many
 * nanoseconds (a slow unit of the collector's work: cache misses, load). */
static long traverse_spin_ns;
static long spin_clock_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}
static void node_traverse(void *self, rc_visit_fn visit, void *ctx) {
    struct node *n = self;
    traversed++;
    if (traverse_spin_ns)
        for (long t0 = spin_clock_ns(); spin_clock_ns() - t0 < traverse_spin_ns;) continue;
    visit((void **)&n->next, ctx);
    visit((void **)&n->prev, ctx);
    visit((void **)&n->other, ctx);
}
static uint32_t node_rt;
static const rc_type node_type = {"struct node", sizeof(struct node), 0, NULL, 0, 0, NULL, NULL,
                                  NULL, node_traverse, NULL, _Alignof(struct node), &node_rt};

/* The most traverse calls one allocation made (every collector pause,
 * slice or collection, happens inside an allocation): what the program
 * waited for, measured from its side. */
static size_t most_per_alloc;
static struct node *node_new(long id) {
    size_t before = traversed;
    struct node *x = rc_new_typed(struct node, node_type);
    if (traversed - before > most_per_alloc) most_per_alloc = traversed - before;
    x->id = id;
    return x;
}

/* n nodes linked both ways, appended through a tail (each node is released
 * to a non-zero count once: a candidate root); returns the first (+1), and
 * the last (+1) in *last. */
static struct node *chain(long n, long id0, struct node **last) {
    struct node *head = node_new(id0), *tail = rc_incref(head);
    for (long i = 1; i < n; i++) {
        struct node *x = node_new(id0 + i);
        SET(tail->next, x);
        SET(x->prev, tail);
        SET(tail, x);
        rc_decref(x);
    }
    *last = tail;
    return head;
}

/* A ring of n nodes, dropped: cyclic garbage. */
static inline void drop_ring(long n) {
    struct node *last, *first = chain(n, 0, &last);
    SET(last->next, first);
    SET(first->prev, last);
    rc_decref(last);
    rc_decref(first);
}

/* The program going on: small cycles made and dropped (an object freed by
 * counts does not advance the collector's schedule, as in CPython; these
 * do, and the synchronous collections free them). */
static void churn(void) {
    struct node *a = node_new(-1), *b = node_new(-1);
    SET(a->next, b);
    SET(b->next, a);
    rc_decref(a);
    rc_decref(b);
}

/* Go on until an IC runs; at most `limit` steps. Returns whether one runs. */
static inline int churn_until_ic(long limit) {
    for (long i = 0; i < limit && !rc_gc_get_incremental_count(); i++) churn();
    return rc_gc_get_incremental_count() != 0;
}

/* Go on until no IC runs (its final step done). */
static inline int churn_until_no_ic(long limit) {
    for (long i = 0; i < limit && rc_gc_get_incremental_count(); i++) churn();
    return rc_gc_get_incremental_count() == 0;
}

/* A ring of n nodes whose first node refers to `other`, dropped; built
 * with the collector disabled, so that no collection runs inside. */
static void drop_ring_to(long n, struct node *other) {
    rc_gc_disable();
    struct node *last, *first = chain(n, 0, &last);
    SET(last->next, first);
    SET(first->other, other);
    rc_decref(last);
    rc_decref(first);
    rc_gc_enable();
}

/* Drop rings of 20,000 referring to `other` and go on until an IC holds at
 * least k members. Returns whether one does. */
static inline int ic_with_members(size_t k, struct node *other) {
    for (int r = 0; r < 64; r++) {
        drop_ring_to(20000, other);
        for (long i = 0; i < 20000; i++) {
            if (rc_gc_get_incremental_count() >= k) return 1;
            churn();
        }
    }
    return 0;
}

/* Start an IC (holding at least a ring). */
static inline int start_ic(void) { return ic_with_members(20000, NULL); }
#endif
