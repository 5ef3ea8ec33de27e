// Stores into a fresh object follow the flow: after `T *o = rc_new(T);`
// the scan for never-written fields goes into nested blocks and both
// branches of an if (binary-trees' `if (d > 0) { n->left = make(d - 1); ...}`
// stores plainly), a field stored on either branch counts as stored after
// the if, a loop is walked whole (its body's second run would store over a
// value: counted), and a use of o that lets it escape or a label ends the
// scan. The run checks values and rc_live_objects() in both modes.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-emit=- %s | FileCheck %s
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -fplugin-arg-autorc-stats %s 2>&1 | FileCheck --check-prefix=STATS %s
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck --check-prefix=OUT %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-no-elide %s %autorc_lib -o %t.naive && %t.naive | FileCheck --check-prefix=OUT %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED node { struct node *left, *right; int v; };
static struct node *leaf(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}
static void keep(struct node *n) { (void)n; }
static int sum(struct node *n) { return n ? n->v + sum(n->left) + sum(n->right) : 0; }

static struct node *make(int d) {
    struct node *n = rc_new(struct node);
    if (d > 0) {
        n->left = make(d - 1);
        n->right = make(d - 1);
    }
    n->v = 1;
    return n;
}
// CHECK-LABEL: {{^ *}}static struct node *make(int d) {
// CHECK: {{^ *}}n->left = make(d - 1);
// CHECK-NEXT: {{^ *}}n->right = make(d - 1);

static struct node *branches(int c, struct node *a) {
    struct node *n = rc_new(struct node);
    if (c)
        n->left = leaf(1);
    else {
        n->right = a;
    }
    n->right = leaf(2);
    n->left = leaf(3);
    return n;
}
// CHECK-LABEL: {{^ *}}static struct node *branches(int c, struct node *a) {
// CHECK: {{^ *}}n->left = leaf(1);
// CHECK: {{^ *}}n->right = rc__move(&(a));
// The else branch may have stored right, the then branch left: both counted.
// CHECK: {{^ *}}rc__assign_owned((void **)&(n->right ), leaf(2));
// CHECK-NEXT: {{^ *}}rc__assign_owned((void **)&(n->left ), leaf(3));

static struct node *loop(int k) {
    struct node *n = rc_new(struct node);
    for (int i = 0; i < k; i++)
        n->left = leaf(i);
    n->right = leaf(9);
    n->left = leaf(8);
    return n;
}
// CHECK-LABEL: {{^ *}}static struct node *loop(int k) {
// A loop's body may run twice: counted inside, and after it for the field it stores.
// CHECK: {{^ *}}rc__assign_owned((void **)&(n->left ), leaf(i));
// CHECK-NEXT: {{^ *}}n->right = leaf(9);
// CHECK-NEXT: {{^ *}}rc__assign_owned((void **)&(n->left ), leaf(8));

static struct node *escapes(int c) {
    struct node *n = rc_new(struct node);
    if (c) {
        keep(n);
    }
    n->left = leaf(4);
    return n;
}
// CHECK-LABEL: {{^ *}}static struct node *escapes(int c) {
// After n was passed on in a branch: counted.
// CHECK: {{^ *}}rc__assign_owned((void **)&(n->left ), leaf(4));

static struct node *labelled(int k) {
    struct node *n = rc_new(struct node);
again:
    n->left = leaf(k);
    if (k-- > 5)
        goto again;
    return n;
}
// CHECK-LABEL: {{^ *}}static struct node *labelled(int k) {
// A jump back may run the store again: counted.
// CHECK: {{^ *}}rc__assign_owned((void **)&(n->left ), leaf(k));

int main(void) {
    {
        struct node *a = leaf(100);
        struct node *t = make(3);
        printf("make %d\n", sum(t));
        struct node *b0 = branches(0, a), *b1 = branches(1, a);
        printf("branches %d %d count %d\n", sum(b0), sum(b1), (int)rc_getrefcount(a));
        struct node *l = loop(3);
        printf("loop %d\n", sum(l));
        struct node *e = escapes(1);
        printf("escapes %d\n", sum(e));
        struct node *g = labelled(6);
        printf("labelled %d\n", sum(g));
    }
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
// OUT: make 15
// OUT-NEXT: branches 5 5 count 1
// OUT-NEXT: loop 17
// OUT-NEXT: escapes 4
// OUT-NEXT: labelled 5
// OUT: OK
// STATS: 5 stores into fresh objects, 0 pushes
