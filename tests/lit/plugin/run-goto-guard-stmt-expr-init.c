// A guarded local (a goto jumps past its declaration) whose initialiser is a
// statement expression declaring a local of its own: the local is
// registered with its guard after its initialiser ran, not at the end of
// the inner declaration (found by the fuzzer: the registration copied the
// uninitialised value, the object leaked and the guard released garbage).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

static struct node *mk(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}

static void run(int fail) {
    struct node *a = mk(1);
    if (fail)
        goto out;
    struct node *b = ({ struct node *t = mk(2); t->next = mk(3); t; });
    struct node *c = mk(4);
    struct node *d = ({ struct node *t = c; t; });
    printf("b %d %d, d %d\n", b->v, b->next->v, d->v);
out:
    printf("leaving %d\n", fail);
}

int main(void) {
    run(0);
    // CHECK: b 2 3, d 4
    // CHECK-NEXT: leaving 0
    // CHECK-NEXT: del 4
    // CHECK-NEXT: del 2
    // CHECK-NEXT: del 3
    // CHECK-NEXT: del 1
    run(1);
    // CHECK-NEXT: leaving 1
    // CHECK-NEXT: del 1
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
