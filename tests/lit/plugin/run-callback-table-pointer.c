// A callback reached through a pointer to a table (`(*ptab)[1](5, n)`,
// ptab a `handler (*)[2]`), a table of tables (`grid[1][0](n)`) or an
// element dereferenced (`(*raw[1])(n)`): the RC_OBJECT_ARG annotation of
// the prototype spelled in the declarator applies through any mix of
// dereferences and subscripts, so passing a managed pointer is no
// [autorc-cast] error. Before the fix the pointer-to-table call was refused
// (r2's cb2.c, F10).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { int v; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

typedef void (*handler)(int ev, RC_OBJECT_ARG void *ctx);
static void show(int ev, void *ctx) { printf("event %d ctx %d\n", ev, ((struct node *)ctx)->v); }
static handler grid[2][2] = { { show, show }, { show, show } };
static handler (*ptab)[2] = &grid[0];
static void (*raw[2])(int, RC_OBJECT_ARG void *) = { show, show };

int main(void) {
    {
        struct node *n = rc_new(struct node);
        n->v = 1;
        (*ptab)[1](5, n);
        // CHECK: event 5 ctx 1
        grid[1][0](6, n);
        // CHECK-NEXT: event 6 ctx 1
        (*raw[1])(7, n);
        // CHECK-NEXT: event 7 ctx 1
        (*(*ptab + 1))(8, n);
        // CHECK-NEXT: event 8 ctx 1
    }
    // CHECK-NEXT: del 1
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
