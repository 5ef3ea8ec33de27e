// A tree released in one run (object.c's run loop) that is larger than its
// class's block cache: the cache takes blocks up to its budget, the rest of
// the run goes on to the pools (the run loop's second loop), every object
// dies, and for a tracked type every death leaves the collector's count 0.
// The same tree built again reuses those blocks: the heap does not grow.
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct node { struct node *left, *right; }; /* 24-byte blocks */
static const uint32_t node_strong[] = {offsetof(struct node, left), offsetof(struct node, right)};
static const rc_type acyclic_node = {
    .name = "acyclic node", .size = sizeof(struct node), .flags = RC_TYPE_ACYCLIC,
    .strong = node_strong, .nstrong = 2,
};
RC_TYPE_DEFINE(tracked_node, struct node, NULL, RC_FIELD(struct node, left),
               RC_FIELD(struct node, right));

#define DEPTH 17 /* 262,143 nodes: the budget is a quarter of the blocks in use */
#define NODES ((1L << (DEPTH + 1)) - 1)

static struct node *make(const rc_type *t, int d) {
    struct node *n = rc_new_typed(struct node, *t);
    if (d > 0) {
        n->left = make(t, d - 1);
        n->right = make(t, d - 1);
    }
    return n;
}

static rc_heap_stats stats(void) {
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    return s;
}

int main(void) {
    const rc_type *types[] = {&acyclic_node, &tracked_node};
    rc_gc_disable(); /* count 0 must come back to 0 by the deaths alone */
    for (int i = 0; i < 2; i++) {
        size_t arenas = 0;
        for (int round = 0; round < 2; round++) {
            struct node *t = make(types[i], DEPTH);
            CHECK_EQ(rc_live_objects(), (size_t)NODES);
            if (round == 0) arenas = stats().arenas;
            rc_decref(t);
            CHECK_EQ(rc_live_objects(), 0);
            size_t cached = stats().cached;
            CHECK(cached >= 5461);                  /* at least the 128 KiB */
            CHECK(cached <= (size_t)NODES / 4 + 64); /* the budget, no more */
            long count[3];
            rc_gc_get_count(count);
            CHECK_EQ(count[0], 0);
        }
        CHECK(stats().arenas <= arenas); /* the second tree reused the blocks */
        rc_heap_trim();
    }
    CHECK_DONE();
}
