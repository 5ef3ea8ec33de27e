/* binary-trees (the Benchmarks Game's shape) on the autorc runtime by hand:
 * nodes from rc_new_typed with an RC_TYPE_DEFINE descriptor, trees released
 * with one rc_decref of the root (the runtime frees the children
 * iteratively). bench/tracemalloc/run.sh runs it untraced and with
 * AUTORC_TRACEMALLOC=1 to measure the cost of tracing.
 *
 *   binary_trees [depth]      prints the usual check lines, then
 *                             "time <CPU seconds>" on stderr
 * Built with -DACYCLIC the node type is described by hand as RC_TYPE_ACYCLIC
 * (not tracked by the collector), which isolates the tracer's own cost. */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct node {
    struct node *left, *right;
};

#ifdef ACYCLIC
static const uint32_t node_strong[] = {offsetof(struct node, left), offsetof(struct node, right)};
static const rc_type node_type = {
    .name = "struct node", .size = sizeof(struct node), .flags = RC_TYPE_ACYCLIC,
    .strong = node_strong, .nstrong = 2,
};
#else
RC_TYPE_DEFINE(node_type, struct node, NULL, RC_FIELD(struct node, left),
               RC_FIELD(struct node, right));
#endif

static struct node *make(int depth) {
    struct node *n = rc_new_typed(struct node, node_type);
    if (depth > 0) {
        n->left = make(depth - 1);
        n->right = make(depth - 1);
    }
    return n;
}

static long check(const struct node *n) {
    return 1 + (n->left ? check(n->left) + check(n->right) : 0);
}

int main(int argc, char **argv) {
    int max_depth = argc > 1 ? atoi(argv[1]) : 18;
    if (max_depth < 6) max_depth = 6;
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);

    struct node *stretch = make(max_depth + 1);
    printf("stretch tree of depth %d\t check: %ld\n", max_depth + 1, check(stretch));
    rc_decref(stretch);

    struct node *long_lived = make(max_depth);
    for (int d = 4; d <= max_depth; d += 2) {
        long iterations = 1L << (max_depth - d + 4), sum = 0;
        for (long i = 0; i < iterations; i++) {
            struct node *t = make(d);
            sum += check(t);
            rc_decref(t);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iterations, d, sum);
    }
    printf("long lived tree of depth %d\t check: %ld\n", max_depth, check(long_lived));
    size_t cur, peak;
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    rc_decref(long_lived);

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    fprintf(stderr, "time %.3f traced_peak %zu\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, peak);
    return rc_live_objects() == 0 ? 0 : 1;
}
