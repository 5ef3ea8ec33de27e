/* binary-trees, hand-written malloc/free (benchmarks game, single thread).
 * -DUSE_MIMALLOC uses mi_malloc/mi_free; -DUSE_BOEHM uses Boehm GC (no frees). */
#include <stdio.h>
#include <stdlib.h>
#if defined(USE_MIMALLOC)
#include <mimalloc.h>
#define ALLOC(n) mi_malloc(n)
#define FREE(p) mi_free(p)
#elif defined(USE_BOEHM)
#include <gc.h>
#define ALLOC(n) GC_MALLOC(n)
#define FREE(p) ((void)0)
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif

typedef struct node { struct node *left, *right; } node;

static node *make(int d) {
    node *n = ALLOC(sizeof *n);
    if (d > 0) { n->left = make(d - 1); n->right = make(d - 1); }
    else n->left = n->right = NULL;
    return n;
}
static long check(const node *n) { return 1 + (n->left ? check(n->left) + check(n->right) : 0); }
static void drop(node *n) { if (n->left) { drop(n->left); drop(n->right); } FREE(n); }

int main(int argc, char **argv) {
#ifdef USE_BOEHM
    GC_INIT();
#endif
    int n = argc > 1 ? atoi(argv[1]) : 10, min = 4, max = n > min + 2 ? n : min + 2;
    node *stretch = make(max + 1);
    printf("stretch tree of depth %d\t check: %ld\n", max + 1, check(stretch));
    drop(stretch);
    node *longlived = make(max);
    for (int d = min; d <= max; d += 2) {
        long iters = 1L << (max - d + min), sum = 0;
        for (long i = 0; i < iters; i++) { node *t = make(d); sum += check(t); drop(t); }
        printf("%ld\t trees of depth %d\t check: %ld\n", iters, d, sum);
    }
    printf("long lived tree of depth %d\t check: %ld\n", max, check(longlived));
    drop(longlived);
    return 0;
}
