// An automatic collection examines a bounded number of objects however
// large the structure its candidate roots reach (gc.c, "Bounded automatic
// collections"): a doubly linked list of 200,000 nodes, never scanned
// (built with the collector disabled, so every node is of age 0), and small
// rings, each holding a node of the list, made and dropped. Every ring's
// death makes a list node a candidate root; before the budget, the first
// collection after that walked the whole list. Each automatic collection
// now calls the type's traverse hook at most a few times per member of a
// set of at most AUTO_BUDGET (8192) objects, the rings are still
// reclaimed as the program runs, and no collection walks the heap (the
// program does not grow).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"
#include <string.h>

struct node {
    struct node *next, *prev, *other;
};

static size_t calls, most;
static void node_traverse(void *self, rc_visit_fn visit, void *ctx) {
    struct node *n = self;
    calls++;
    visit((void **)&n->next, ctx);
    visit((void **)&n->prev, ctx);
    visit((void **)&n->other, ctx);
}
static uint32_t node_rt;
static const rc_type node_type = {"struct node", sizeof(struct node), 0, NULL, 0, 0, NULL, NULL,
                                  NULL, node_traverse, NULL, _Alignof(struct node), &node_rt};

static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)info;
    (void)ctx;
    if (strcmp(phase, "start") == 0)
        calls = 0;
    else if (calls > most)
        most = calls;
}

/* n nodes linked both ways; returns the first (+1). */
static struct node *chain(int n, struct node **last) {
    struct node *head = rc_new_typed(struct node, node_type), *tail = rc_incref(head);
    for (int i = 1; i < n; i++) {
        struct node *x = rc_new_typed(struct node, node_type);
        SET(tail->next, x);
        SET(x->prev, tail);
        SET(tail, x);
        rc_decref(x);
    }
    *last = tail;
    return head;
}

int main(void) {
    enum { N = 200000, RING = 10, ROUNDS = 50000 };
    rc_gc_disable();
    struct node *last;
    struct node *list = chain(N, &last);
    rc_decref(last);
    size_t base = rc_live_objects();
    rc_gc_enable();
    rc_gc_callback_add(on_gc, NULL);
    rc_gc_genstats before[3], after[3];
    rc_gc_get_stats(before);
    size_t peak = 0;
    struct node *at = rc_incref(list);
    for (int r = 0; r < ROUNDS; r++) {
        struct node *ring = chain(RING, &last);
        SET(last->next, ring); /* a cycle */
        SET(ring->other, at);
        rc_decref(last);
        rc_decref(ring);
        for (int s = 0; s < 3 && at->next; s++) SET(at, at->next);
        if (rc_live_objects() - base > peak) peak = rc_live_objects() - base;
    }
    rc_gc_get_stats(after);
    CHECK(after[0].collections > before[0].collections + 100);
    CHECK(most < 4 * 8192);
    if (most >= 4 * 8192) fprintf(stderr, "a collection traversed %zu objects\n", most);
    CHECK(peak < 20 * 2000 * RING);
    rc_gc_callback_remove(on_gc, NULL);
    rc_decref(at);
    rc_decref(list);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
