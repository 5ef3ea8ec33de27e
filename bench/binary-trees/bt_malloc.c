/* binary-trees (benchmarks game, single thread), hand-written malloc/free:
 * the baseline for bt_autorc.c (same output). */
#include <stdio.h>
#include <stdlib.h>

struct node {
    struct node *left, *right;
};

static struct node *make(int d) {
    struct node *n = malloc(sizeof *n);
    if (!n) abort();
    if (d > 0) {
        n->left = make(d - 1);
        n->right = make(d - 1);
    } else {
        n->left = n->right = NULL;
    }
    return n;
}

static long check(const struct node *n) { return 1 + (n->left ? check(n->left) + check(n->right) : 0); }

static void drop(struct node *n) {
    if (n->left) {
        drop(n->left);
        drop(n->right);
    }
    free(n);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10, min = 4, max = n > min + 2 ? n : min + 2;
    struct node *stretch = make(max + 1);
    printf("stretch tree of depth %d\t check: %ld\n", max + 1, check(stretch));
    drop(stretch);
    struct node *longlived = make(max);
    for (int d = min; d <= max; d += 2) {
        long iters = 1L << (max - d + min), sum = 0;
        for (long i = 0; i < iters; i++) {
            struct node *t = make(d);
            sum += check(t);
            drop(t);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iters, d, sum);
    }
    printf("long lived tree of depth %d\t check: %ld\n", max, check(longlived));
    drop(longlived);
    return 0;
}
