/* bench/cycles, hand-written malloc/free: the same tree and rings; each ring
 * is freed by walking it (what a C programmer writes by hand). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct tree { struct tree *left, *right; long v; };
struct node { struct node *next, *prev; long v; };

static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) { perror("malloc"); exit(1); }
    return p;
}

static struct tree *make_tree(int depth) {
    struct tree *t = xmalloc(sizeof *t);
    t->v = depth;
    t->left = depth > 0 ? make_tree(depth - 1) : NULL;
    t->right = depth > 0 ? make_tree(depth - 1) : NULL;
    return t;
}

static long check_tree(const struct tree *t) {
    return t->left ? 1 + check_tree(t->left) + check_tree(t->right) : 1;
}

static void free_tree(struct tree *t) {
    if (!t) return;
    free_tree(t->left);
    free_tree(t->right);
    free(t);
}

static long make_ring(int n, long seed) {
    struct node *head = xmalloc(sizeof *head);
    head->v = seed;
    struct node *tail = head;
    for (int i = 1; i < n; i++) {
        struct node *nd = xmalloc(sizeof *nd);
        nd->v = seed + i;
        nd->prev = tail;
        tail->next = nd;
        tail = nd;
    }
    tail->next = head;
    head->prev = tail;
    long s = head->v + head->prev->v + head->next->v;
    struct node *p = head;
    do { struct node *next = p->next; free(p); p = next; } while (p != head);
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
    free_tree(tree);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%.3f %ld 0\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9, sum);
    return 0;
}
