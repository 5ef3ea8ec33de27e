// One declaration statement declaring several managed locals that a goto
// jumps past, where a later declarator reads an earlier one
// (`struct node *a = mk(1), *b = a;`): the guarded locals are stored when
// the statement ends, so the later initialisers read the earlier values
// from their temporaries — b gets a's node, not a's uninitialised storage.
// Both are released once; nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }
struct pair { struct node *x, *y; };

static struct node *mk(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}

static int run(int fail) {
    int r = -1;
    if (fail == 1)
        goto out;
    // EMIT: {{^}}    struct node *rc__h0_a = mk(1), *rc__h1_b = rc__retain(rc__h0_a), *rc__h2_c = mk(rc__h0_a->v + 1);
    struct node *a = mk(1), *b = a, *c = mk(a->v + 1);
    struct pair p = { b, c }, q = p;
    if (fail == 2)
        goto out;
    r = a->v + b->v + c->v + q.x->v + q.y->v;
out:
    printf("run(%d) = %d\n", fail, r);
    return r;
}

int main(void) {
    run(1);
    // CHECK: run(1) = -1
    run(2);
    // CHECK-NEXT: run(2) = -1
    // CHECK-NEXT: del 2
    // CHECK-NEXT: del 1
    run(0);
    // CHECK-NEXT: run(0) = 7
    // CHECK-NEXT: del 2
    // CHECK-NEXT: del 1
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
