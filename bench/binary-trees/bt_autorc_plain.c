/* binary-trees as a user writes it with autorc: the node is a plain
 * RC_MANAGED struct, with no RC_ACYCLIC promise. The type can form a cycle
 * (a node may point to itself), so acyclic inference cannot help and every
 * node is of a type the cycle collector must account for. Otherwise the
 * same program as bt_autorc.c (which declares the node RC_ACYCLIC).
 * Build: <build>/bin/autorc-cc -O2 bt_autorc_plain.c -o bt_autorc_plain */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node {
    struct node *left, *right;
};

static struct node *make(int d) {
    struct node *n = rc_new(struct node);
    if (d > 0) {
        n->left = make(d - 1);
        n->right = make(d - 1);
    }
    return n;
}

static long check(struct node *n) { return 1 + (n->left ? check(n->left) + check(n->right) : 0); }

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10, min = 4, max = n > min + 2 ? n : min + 2;
    struct node *stretch = make(max + 1);
    printf("stretch tree of depth %d\t check: %ld\n", max + 1, check(stretch));
    stretch = NULL;
    struct node *longlived = make(max);
    for (int d = min; d <= max; d += 2) {
        long iters = 1L << (max - d + min), sum = 0;
        for (long i = 0; i < iters; i++) {
            struct node *t = make(d);
            sum += check(t);
        }
        printf("%ld\t trees of depth %d\t check: %ld\n", iters, d, sum);
    }
    printf("long lived tree of depth %d\t check: %ld\n", max, check(longlived));
    return 0;
}
