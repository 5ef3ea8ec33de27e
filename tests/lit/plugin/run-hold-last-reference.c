// The callee drops the last reference to the node the caller holds for the
// call (`drop_item(b, b->item)`): the node lives on until the hold ends with
// the full expression, then dies there (its finalizer after the printf that
// used the result, its child after it), as a candidate that leaves its
// buffer, leaving nothing for a collection; also when a collection ran
// during the call (it saw the hold and let the node be), and for a node
// inside a cycle that the hold's end frees by counting once the callee
// broke the cycle.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { struct node *next; int v; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }
struct RC_MANAGED box { struct node *item; };

static struct node *pair(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = rc_new(struct node);
    n->next->v = v + 1;
    return n;
}

static int drop_item(struct box *b, struct node *n) {
    b->item = NULL;
    printf("dropped %d, count %zu\n", n->v, rc_getrefcount(n));
    return n->v;
}

static int drop_item_collect(struct box *b, struct node *n) {
    b->item = NULL;
    printf("collected %ld\n", rc_gc_collect(0));
    return n->v;
}

static int break_cycle(struct box *b, struct node *n) {
    b->item = NULL;
    n->next->next = NULL;
    return n->v;
}

int main(void) {
    struct box *b = rc_new(struct box);
    b->item = pair(1);
    printf("got %d\n", drop_item(b, b->item));
    printf("after 1\n");
    b->item = pair(11);
    printf("got %d\n", drop_item_collect(b, b->item));
    printf("after 11\n");
    b->item = pair(21);
    b->item->next->next = b->item;
    printf("got %d\n", break_cycle(b, b->item));
    printf("after 21\n");
    printf("collect %ld, live %zu\n", rc_gc_collect(-1), rc_live_objects());
    return 0;
}
// CHECK: dropped 1, count 1
// CHECK-NEXT: got 1
// CHECK-NEXT: del 1
// CHECK-NEXT: del 2
// CHECK-NEXT: after 1
// CHECK-NEXT: collected 0
// CHECK-NEXT: got 11
// CHECK-NEXT: del 11
// CHECK-NEXT: del 12
// CHECK-NEXT: after 11
// CHECK-NEXT: got 21
// CHECK-NEXT: del 21
// CHECK-NEXT: del 22
// CHECK-NEXT: after 21
// CHECK-NEXT: collect 0, live 1
