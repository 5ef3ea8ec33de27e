// Finalizers of a ring that a callee cuts off while the caller holds one of
// its nodes for the call run in the garbage's order (docs/gc.md, "Order of
// the garbage"), the same in every allocator mode: the candidates in the
// order they were buffered, each followed breadth-first by what it reaches.
// The hold's end makes no candidate when no collection ran during the call:
// cut at the held node, the ring's order starts there (the cut buffered it);
// cut elsewhere, the held node comes in its breadth-first place. After a
// collection during the call the hold's end buffers the node, which then
// comes first (the cut's candidate was taken by that collection). Before
// holds made no candidate, "other node cut" ran 11, 13, 12, 14: the hold's
// end had buffered 13 after 11.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; int v; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }
struct RC_MANAGED root { struct node *ring; };

static struct root *g;

/* base, base + 1, ..., base + n - 1 and back to base; no release on the way
 * (nothing is a candidate root before the call cuts the ring) */
static struct node *chain(int v, int n, struct node *tail) {
    struct node *x = rc_new(struct node);
    x->v = v;
    if (n > 1)
        x->next = chain(v + 1, n - 1, tail);
    else
        x->next = tail;
    return x;
}

static struct node *ring(int base, int n) {
    struct node *first = rc_new(struct node);
    first->v = base;
    first->next = chain(base + 1, n - 1, first);
    return first;
}

static int cut(struct node *n) {
    g->ring = NULL;
    return n->v;
}

static int cut_collect(struct node *n) {
    g->ring = NULL;
    rc_gc_collect(-1);
    return n->v;
}

static void show(const char *what) {
    printf("%s\n", what);
    rc_gc_collect(-1);
}

int main(void) {
    rc_gc_disable();
    g = rc_new(struct root);
    g->ring = ring(1, 4);
    cut(g->ring);
    show("held node cut");
    g->ring = ring(11, 4);
    cut(g->ring->next->next);
    show("other node cut");
    g->ring = ring(21, 4);
    cut_collect(g->ring->next->next);
    show("collection inside");
    g = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: held node cut
// CHECK-NEXT: del 1
// CHECK-NEXT: del 2
// CHECK-NEXT: del 3
// CHECK-NEXT: del 4
// CHECK-NEXT: other node cut
// CHECK-NEXT: del 11
// CHECK-NEXT: del 12
// CHECK-NEXT: del 13
// CHECK-NEXT: del 14
// CHECK-NEXT: collection inside
// CHECK-NEXT: del 23
// CHECK-NEXT: del 24
// CHECK-NEXT: del 21
// CHECK-NEXT: del 22
// CHECK-NEXT: live 0
