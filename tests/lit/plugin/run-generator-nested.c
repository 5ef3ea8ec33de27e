// Nested generators: a generator consuming another (the inner one a
// managed local of the outer's frame), both consumed partially, and a
// recursive generator (each level a generator of the level below).
// Everything is released: live 0.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

RC_GENERATOR(long) rc_gen *count(long from, long to) {
    for (long i = from; i < to; i++) rc_yield(i);
}

// Squares of another generator's values, skipping odd ones.
RC_GENERATOR(long) rc_gen *even_squares(rc_gen *src) {
    for (long v; rc_gen_next(src, &v);)
        if (v % 2 == 0)
            rc_yield(v * v);
}

// Depth-first numbering of a complete binary tree of the given depth:
// each level delegates to two sub-generators ("yield from").
RC_GENERATOR(long) rc_gen *tree(long node, int depth) {
    rc_yield(node);
    if (depth == 0)
        return NULL;
    for (int child = 0; child < 2; child++) {
        rc_gen *sub = tree(node * 2 + child, depth - 1);
        for (long v; rc_gen_next(sub, &v);)
            rc_yield(v);
    }
}

int main(void) {
    rc_gen *sq = even_squares(count(0, 1000000));
    for (long v; rc_gen_next(sq, &v);) {
        printf("%ld ", v);
        if (v >= 64)
            break;
    }
    printf("\n");
    // CHECK: 0 4 16 36 64
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 2
    sq = NULL;
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0

    rc_gen *t = tree(1, 3);
    long n = 0, sum = 0;
    for (long v; rc_gen_next(t, &v);) {
        n++;
        sum += v;
        if (n == 3)
            printf("suspended three deep: live %zu\n", rc_live_objects());
    }
    // CHECK-NEXT: suspended three deep: live 3
    printf("tree: %ld nodes, sum %ld, live %zu\n", n, sum, rc_live_objects());
    // CHECK-NEXT: tree: 15 nodes, sum 120, live 1
    t = NULL;
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
