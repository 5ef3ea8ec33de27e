// A binary search tree with insert, delete and an in-order walk written as
// plain C over managed nodes: recursive functions returning +1 subtrees,
// field stores, parameters reassigned in loops, early returns, RC_WEAK
// parent links. Thousands of operations, then nothing is left alive; under
// AUTORC_MALLOC=debug an over-release or use after free would abort.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED tnode {
    int key;
    struct tnode *left, *right;
    RC_WEAK struct tnode *parent;
};

static struct tnode *insert(struct tnode *root, int key) {
    if (!root) {
        struct tnode *n = rc_new(struct tnode);
        n->key = key;
        return n;
    }
    if (key < root->key) {
        root->left = insert(root->left, key);
        root->left->parent = root;
    } else if (key > root->key) {
        root->right = insert(root->right, key);
        root->right->parent = root;
    }
    return root;
}

static struct tnode *min_node(struct tnode *n) {
    while (n->left)
        n = n->left;
    return n;
}

static struct tnode *delete(struct tnode *root, int key) {
    if (!root)
        return NULL;
    if (key < root->key) {
        root->left = delete(root->left, key);
    } else if (key > root->key) {
        root->right = delete(root->right, key);
    } else {
        if (!root->left)
            return root->right;
        if (!root->right)
            return root->left;
        struct tnode *succ = min_node(root->right);
        root->key = succ->key;
        root->right = delete(root->right, succ->key);
    }
    return root;
}

static long walk(struct tnode *n, int *count) {
    if (!n)
        return 0;
    ++*count;
    return walk(n->left, count) + n->key + walk(n->right, count);
}

static int parents_ok(struct tnode *n) {
    for (struct tnode *c = n; c; c = c->left)
        if (c->left && c->left->parent != c)
            return 0;
    return 1;
}

int main(void) {
    struct tnode *root = NULL;
    unsigned x = 12345;
    for (int i = 0; i < 5000; i++) {
        x = x * 1103515245u + 12345u;
        root = insert(root, (int)(x % 2000));
    }
    int count = 0;
    long sum = walk(root, &count);
    printf("nodes %d live %zu parents %d\n", count, rc_live_objects(), parents_ok(root));
    for (int k = 0; k < 2000; k += 2)
        root = delete(root, k);
    count = 0;
    sum = walk(root, &count);
    printf("after delete nodes %d live %zu odd %d\n", count, rc_live_objects(), (int)(sum % 2 == count % 2));
    root = NULL;
    printf("end live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: nodes [[N:[0-9]+]] live [[N]] parents 1
// CHECK-NEXT: after delete nodes [[M:[0-9]+]] live [[M]] odd 1
// CHECK-NEXT: end live 0
