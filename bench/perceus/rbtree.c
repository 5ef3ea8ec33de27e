/* rbtree — Perceus suite (Koka's rbtree.kk): 1,000,000 inserts into a
 * functional (path-copying) red-black tree, then count the entries whose
 * value is true. Written with managed types: no free, no counts by hand.
 * Build: autorc-cc -O2 rbtree.c -o rbtree; run: rbtree [n]. */
#include <autorc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

enum color { RED, BLACK };
struct RC_MANAGED tree {
    struct tree *left, *right;
    long key;
    bool val;
    enum color color;
};

static struct tree *node(enum color c, struct tree *l, long k, bool v, struct tree *r) {
    struct tree *t = rc_new(struct tree);
    t->color = c;
    t->left = l;
    t->key = k;
    t->val = v;
    t->right = r;
    return t;
}

static bool is_red(struct tree *t) { return t && t->color == RED; }

static struct tree *balance_left(struct tree *l, long k, bool v, struct tree *r) {
    if (is_red(l->left)) {
        struct tree *a = node(BLACK, l->left->left, l->left->key, l->left->val, l->left->right);
        struct tree *b = node(BLACK, l->right, k, v, r);
        return node(RED, a, l->key, l->val, b);
    }
    if (is_red(l->right)) {
        struct tree *a = node(BLACK, l->left, l->key, l->val, l->right->left);
        struct tree *b = node(BLACK, l->right->right, k, v, r);
        return node(RED, a, l->right->key, l->right->val, b);
    }
    struct tree *a = node(RED, l->left, l->key, l->val, l->right);
    return node(BLACK, a, k, v, r);
}

static struct tree *balance_right(struct tree *l, long k, bool v, struct tree *r) {
    if (is_red(r->left)) {
        struct tree *a = node(BLACK, l, k, v, r->left->left);
        struct tree *b = node(BLACK, r->left->right, r->key, r->val, r->right);
        return node(RED, a, r->left->key, r->left->val, b);
    }
    if (is_red(r->right)) {
        struct tree *a = node(BLACK, l, k, v, r->left);
        struct tree *b = node(BLACK, r->right->left, r->right->key, r->right->val, r->right->right);
        return node(RED, a, r->key, r->val, b);
    }
    struct tree *b = node(RED, r->left, r->key, r->val, r->right);
    return node(BLACK, l, k, v, b);
}

static struct tree *ins(struct tree *t, long k, bool v) {
    if (!t) return node(RED, NULL, k, v, NULL);
    if (k < t->key) {
        struct tree *l = ins(t->left, k, v);
        if (t->color == BLACK && is_red(l)) return balance_left(l, t->key, t->val, t->right);
        return node(t->color, l, t->key, t->val, t->right);
    }
    if (k > t->key) {
        struct tree *r = ins(t->right, k, v);
        if (t->color == BLACK && is_red(r)) return balance_right(t->left, t->key, t->val, r);
        return node(t->color, t->left, t->key, t->val, r);
    }
    return node(t->color, t->left, k, v, t->right);
}

static struct tree *insert(struct tree *t, long k, bool v) {
    struct tree *r = ins(t, k, v);
    if (is_red(r)) return node(BLACK, r->left, r->key, r->val, r->right);
    return r;
}

static long count_true(struct tree *t) {
    long n = 0;
    while (t) {
        n += t->val + count_true(t->left);
        t = t->right;
    }
    return n;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    struct tree *t = NULL;
    for (long i = 0; i < n; i++) t = insert(t, i, i % 10 == 0);
    printf("%ld\n", count_true(t));
    t = NULL;
    return rc_live_objects() != 0;
}
