// A table of callbacks -- an array of function pointers in a managed
// struct, a global table, a pointer to a table -- called through its
// element (`r->fns[i](i, r->ctx[i])`): the RC_OBJECT_ARG annotation of the
// element's prototype applies as for a single pointer (no [autorc-cast]
// error), and the context read from the registry is kept alive for the
// call while the callback clears the registry. Before the fix an array
// element's prototype was not read: the call was refused.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { int v; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

typedef void (*handler)(int ev, RC_OBJECT_ARG void *ctx);
struct RC_MANAGED registry {
    handler fns[2];
    void (*raw[2])(RC_OBJECT_ARG void *ctx);
    struct node *ctx[2];
};
static struct registry *reg;

static void clear_all(int ev, void *ctx) {
    struct node *me = ctx;
    reg->ctx[0] = reg->ctx[1] = NULL; // drops the registry's references
    printf("event %d ctx %d\n", ev, me->v);
}
static void show(void *ctx) { printf("show %d\n", ((struct node *)ctx)->v); }
static handler table[1] = { clear_all };

static struct node *mk(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}

int main(void) {
    reg = rc_new(struct registry);
    reg->fns[0] = reg->fns[1] = clear_all;
    reg->raw[0] = show;
    reg->ctx[0] = mk(1);
    reg->ctx[1] = mk(2);
    reg->raw[0](reg->ctx[1]);
    // CHECK: show 2
    for (int i = 0; i < 2; i++)
        if (reg->ctx[i])
            reg->fns[i](i, reg->ctx[i]);
    // CHECK-NEXT: del 2
    // CHECK-NEXT: event 0 ctx 1
    // CHECK-NEXT: del 1
    reg->ctx[0] = mk(3);
    table[0](7, reg->ctx[0]);
    // CHECK-NEXT: event 7 ctx 3
    // CHECK-NEXT: del 3
    handler *tp = table;
    reg->ctx[1] = mk(4);
    tp[0](8, reg->ctx[1]);
    // CHECK-NEXT: event 8 ctx 4
    // CHECK-NEXT: del 4
    reg = NULL;
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
