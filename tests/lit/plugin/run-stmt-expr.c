// The value of a statement expression that reads one of the block's own
// strong locals is retained inside the block, before the locals' cleanups
// run: `({ struct node *t = make(); t; })` gives a live object. Before the
// fix t's cleanup freed the object before the initialised local took it.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck --check-prefix=EMIT %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

static int value(struct node *n) {
    printf("value %d count %zu\n", n->value, rc_getrefcount(n));
    return n->value;
}

int main(void) {
    // EMIT: {{^ *}}struct node *x __attribute__((cleanup(rc__drop))) = ({ struct node *t __attribute__((cleanup(rc__drop))) = node_new(1); rc__retain(t); });
    struct node *x = ({ struct node *t = node_new(1); t; });
    printf("x %d count %zu\n", x->value, rc_getrefcount(x));
    value(({ struct node *t = node_new(2); t; }));
    printf("after call live %zu\n", rc_live_objects());
    struct node *y = ({ struct node *t = node_new(3); t->next = node_new(4); t->next; });
    printf("y %d count %zu live %zu\n", y->value, rc_getrefcount(y), rc_live_objects());
    /* A value that does not depend on the block's locals is left alone. */
    struct node *z = ({ int k = 5; (void)k; x; });
    printf("z %d count %zu\n", z->value, rc_getrefcount(z));
    x = NULL;
    y = NULL;
    z = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: x 1 count 1
// CHECK-NEXT: value 2 count 1
// CHECK-NEXT: finalize 2
// CHECK-NEXT: after call live 1
// CHECK-NEXT: finalize 3
// CHECK-NEXT: y 4 count 1 live 2
// CHECK-NEXT: z 1 count 2
// CHECK-NEXT: finalize 4
// CHECK-NEXT: finalize 1
// CHECK-NEXT: live 0
