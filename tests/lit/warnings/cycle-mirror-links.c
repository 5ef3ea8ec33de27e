// [autorc-cycle]: two self links of a struct that the code sets as each
// other's mirror in one function (`last->right = c; c->left = last;`) link
// the objects both ways whatever their names, one design cycle; when the
// other one holds the only reference to each new object, the mirror is the
// back link and gets the fix-it. Two self links never set so (a binary
// tree's left/right) stay a tree.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// CHECK: fix-it:"{{.*}}cycle-mirror-links.c":{[[@LINE+3]]:5-[[@LINE+3]]:5}:"RC_WEAK "
#include <autorc.h>
struct RC_MANAGED cell {
    struct cell *left; // expected-warning {{strong fields 'right' and 'left' link struct cell objects both ways, a reference cycle that only the cycle collector frees; make the back link 'left' RC_WEAK ('left' is set as the mirror of 'right'}}
    struct cell *right; // expected-note {{the cycle goes on through strong field 'right' (struct cell -> struct cell)}}
    double v;
};

struct cell *row(int n) {
    struct cell *first = rc_new(struct cell), *last = first;
    for (int i = 1; i < n; i++) {
        struct cell *c = rc_new(struct cell);
        last->right = c;
        c->left = last;
        last = c;
    }
    return first;
}

// A tree: left and right both point down, never at each other's owner.
struct RC_MANAGED bt { struct bt *left, *right; int key; };

struct bt *insert(struct bt *t, int key) {
    if (!t) {
        t = rc_new(struct bt);
        t->key = key;
    } else if (key < t->key) {
        t->left = insert(t->left, key);
    } else {
        t->right = insert(t->right, key);
    }
    return t;
}
