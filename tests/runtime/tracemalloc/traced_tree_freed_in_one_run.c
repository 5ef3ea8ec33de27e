// A traced tree released with one decref of its root (object.c's run loop
// takes traced objects too): every node's trace goes (traced memory back to
// 0), every node dies, with a tracked and an acyclic node type, and past the
// block cache's budget (the blocks beyond it go to their pools). A tree whose
// top was allocated before tracing started mixes untraced and traced heads:
// only the traced nodes were counted, and all of them leave.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
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

static struct node *make(const rc_type *t, int d) {
    struct node *n = rc_new_typed(struct node, *t);
    if (d > 0) {
        n->left = make(t, d - 1);
        n->right = make(t, d - 1);
    }
    return n;
}

static size_t traced(void) {
    size_t cur, peak;
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    return cur;
}

int main(void) {
    const rc_type *types[] = {&acyclic_node, &tracked_node};
    for (int i = 0; i < 2; i++) {
        for (int depth = 4; depth <= 17; depth += 13) {
            CHECK_EQ(rc_tracemalloc_start(1), 0);
            struct node *t = make(types[i], depth);
            CHECK(traced() >= ((2u << depth) - 1) * sizeof(struct node));
            rc_decref(t);
            CHECK_EQ(traced(), 0);
            CHECK_EQ(rc_live_objects(), 0);
            rc_tracemalloc_stop();
        }
        /* The top made untraced, the subtrees traced. */
        struct node *top = make(types[i], 2);
        CHECK_EQ(rc_tracemalloc_start(1), 0);
        struct node *l = top->left, *r = top->right;
        for (int k = 0; k < 2; k++) {
            struct node *side = k ? r : l;
            rc_decref(side->left);
            side->left = make(types[i], 10);
            rc_decref(side->right);
            side->right = make(types[i], 10);
        }
        CHECK(traced() >= 4 * ((2u << 10) - 1) * sizeof(struct node));
        rc_decref(top);
        CHECK_EQ(traced(), 0);
        CHECK_EQ(rc_live_objects(), 0);
        rc_tracemalloc_stop();
    }
    CHECK_DONE();
}
