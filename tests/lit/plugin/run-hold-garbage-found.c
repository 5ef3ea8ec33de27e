// A cycle the callee cuts off while the caller holds its first node for the
// call (`consume(g->ring)`: a keep-alive hold, autorc.h's rc__hold) is found
// by automatic collections -- no explicit rc_gc_collect after the call --
// both when no collection ran during the call (the hold's end makes no
// candidate: the cut made one) and when one did (consume_and_collect: the
// collection saw the hold and dismissed the ring, so the hold's end must
// make it a candidate again; gc.c, "Keep-alive holds"). The finalizers run
// during the churn that follows each call, in the garbage's order.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %clang -fsyntax-only %plugin_flags -I%autorc_include %s -fplugin-arg-autorc-emit=%t.emit.c
// RUN: FileCheck %s --check-prefix=EMIT < %t.emit.c
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; int v; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }
struct RC_MANAGED junk { struct junk *next; };
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

static int consume(struct node *n) {
    g->ring = NULL; /* the ring is garbage but for the caller's hold */
    return n->v;
}

static int consume_and_collect(struct node *n) {
    g->ring = NULL;
    rc_gc_collect(0); /* sees the hold: the ring is alive */
    return n->v;
}

/* Tracked allocations kept alive, then dropped: automatic collections. */
static void churn(void) {
    struct junk *j = NULL;
    for (int i = 0; i < 2000; i++) {
        struct junk *k = rc_new(struct junk);
        k->next = j;
        j = k;
    }
    printf("churned\n");
}

int main(void) {
    rc_gc_set_threshold(100, 2, 2);
    g = rc_new(struct root);
    g->ring = ring(1, 3);
    printf("got %d\n", consume(g->ring));
    churn();
    g->ring = ring(11, 3);
    printf("got %d\n", consume_and_collect(g->ring));
    churn();
    g = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: got 1
// CHECK-NEXT: del 1
// CHECK-NEXT: del 2
// CHECK-NEXT: del 3
// CHECK-NEXT: churned
// CHECK-NEXT: got 11
// CHECK-NEXT: del 11
// CHECK-NEXT: del 12
// CHECK-NEXT: del 13
// CHECK-NEXT: churned
// CHECK-NEXT: live 0
// EMIT: struct { struct node *obj; rc__epoch_t epoch; } rc__t{{[0-9]+}} __attribute__((cleanup(rc__hold_drop))) = {0}; printf("got %d\n", consume((rc__t{{[0-9]+}}.obj = rc__hold(&rc__t{{[0-9]+}}.epoch, g->ring))));
