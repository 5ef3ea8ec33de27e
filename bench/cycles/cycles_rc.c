/* bench/cycles, autorc with counts written by hand (runtime only, no plugin):
 * a long-lived binary tree of depth DEPTH, then NRINGS rings of RING nodes
 * with strong next and prev links, each made and dropped — every ring is
 * cyclic garbage that only the cycle collector reclaims.
 * Prints: seconds checksum live-objects-after-final-collect */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct tree { struct tree *left, *right; long v; };
RC_TYPE_DEFINE(tree_type, struct tree, NULL, RC_FIELD(struct tree, left), RC_FIELD(struct tree, right));
struct node { struct node *next, *prev; long v; };
RC_TYPE_DEFINE(node_type, struct node, NULL, RC_FIELD(struct node, next), RC_FIELD(struct node, prev));

static struct tree *make_tree(int depth) {
    struct tree *t = rc_new_typed(struct tree, tree_type);
    t->v = depth;
    if (depth > 0) {
        t->left = make_tree(depth - 1);  /* +1 moves into the field */
        t->right = make_tree(depth - 1);
    }
    return t;
}

static long check_tree(const struct tree *t) {
    return t->left ? 1 + check_tree(t->left) + check_tree(t->right) : 1;
}

static long make_ring(int n, long seed) {
    struct node *head = rc_new_typed(struct node, node_type);
    head->v = seed;
    struct node *tail = head; /* borrowed */
    for (int i = 1; i < n; i++) {
        struct node *nd = rc_new_typed(struct node, node_type);
        nd->v = seed + i;
        nd->prev = rc_incref(tail);
        tail->next = nd; /* the +1 of rc_new moves into the field */
        tail = nd;
    }
    tail->next = rc_incref(head);
    head->prev = rc_incref(tail);
    long s = head->v + head->prev->v + head->next->v;
    rc_decref(head); /* the ring is now unreachable cyclic garbage */
    return s;
}

int main(int argc, char **argv) {
    int depth = argc > 1 ? atoi(argv[1]) : 20;
    long nrings = argc > 2 ? atol(argv[2]) : 100000;
    int ring = argc > 3 ? atoi(argv[3]) : 100;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct tree *tree = make_tree(depth);
    long sum = 0;
    for (long r = 0; r < nrings; r++) sum += make_ring(ring, r);
    sum += check_tree(tree);
    rc_decref(tree);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    rc_gc_collect(-1);
    printf("%.3f %ld %zu\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9, sum,
           rc_live_objects());
    return 0;
}
