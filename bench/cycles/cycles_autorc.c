/* bench/cycles, managed C for autorc-cc: the same tree and rings as
 * cycles_rc.c, with no count written by hand — the plugin inserts them.
 * Build: <build>/bin/autorc-cc -O2 cycles_autorc.c -o cycles_autorc */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct RC_MANAGED tree {
    struct tree *left, *right;
    long v;
};
struct RC_MANAGED node {
    struct node *next, *prev;
    long v;
};

static struct tree *make_tree(int depth) {
    struct tree *t = rc_new(struct tree);
    t->v = depth;
    if (depth > 0) {
        t->left = make_tree(depth - 1);
        t->right = make_tree(depth - 1);
    }
    return t;
}

static long check_tree(struct tree *t) {
    return t->left ? 1 + check_tree(t->left) + check_tree(t->right) : 1;
}

static long make_ring(int n, long seed) {
    struct node *head = rc_new(struct node);
    head->v = seed;
    struct node *tail = head;
    for (int i = 1; i < n; i++) {
        struct node *nd = rc_new(struct node);
        nd->v = seed + i;
        nd->prev = tail;
        tail->next = nd;
        tail = nd;
    }
    tail->next = head;
    head->prev = tail;
    return head->v + head->prev->v + head->next->v;
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
    tree = NULL;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    rc_gc_collect(-1);
    printf("%.3f %ld %zu\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9, sum,
           rc_live_objects());
    return 0;
}
