/* bench/cycles written as a user would: one node type with four strong
 * links (next, prev for the rings, left, right for the tree) and a value.
 * Rings of RING nodes are made and dropped NRINGS times over a long-lived
 * tree of depth DEPTH; every ring is cyclic garbage. Same output format as
 * cycles_autorc.c (the two-type program): seconds, checksum, live objects
 * after a final collection.
 * Build: <build>/bin/autorc-cc -O2 cycles_onetype.c -o cycles_onetype */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct RC_MANAGED node {
    struct node *next, *prev, *left, *right;
    long val;
};

static struct node *make_tree(int depth) {
    struct node *t = rc_new(struct node);
    t->val = depth;
    if (depth > 0) {
        t->left = make_tree(depth - 1);
        t->right = make_tree(depth - 1);
    }
    return t;
}

static long check_tree(struct node *t) {
    return t->left ? 1 + check_tree(t->left) + check_tree(t->right) : 1;
}

static long make_ring(int n, long seed) {
    struct node *head = rc_new(struct node);
    head->val = seed;
    struct node *tail = head;
    for (int i = 1; i < n; i++) {
        struct node *nd = rc_new(struct node);
        nd->val = seed + i;
        nd->prev = tail;
        tail->next = nd;
        tail = nd;
    }
    tail->next = head;
    head->prev = tail;
    return head->val + head->prev->val + head->next->val;
}

int main(int argc, char **argv) {
    int depth = argc > 1 ? atoi(argv[1]) : 20;
    long nrings = argc > 2 ? atol(argv[2]) : 100000;
    int ring = argc > 3 ? atoi(argv[3]) : 100;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct node *tree = make_tree(depth);
    long sum = 0;
    for (long r = 0; r < nrings; r++) sum += make_ring(ring, r);
    sum += check_tree(tree);
    tree = NULL;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    rc_gc_collect(-1);
    printf("%.3f %ld %zu\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9, sum,
           rc_live_objects());
    return 0;
}
