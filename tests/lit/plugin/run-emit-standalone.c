// The text written by emit= for a file whose managed code is all in the
// file itself is a standalone equivalent of the plugin's compile: compiled
// without the plugin it prints the same finalizer lines and live counts
// (emit-rewritten-header.c: when a user header holds managed code, emit=
// warns that its rewritten text is not written).
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Werror -fplugin-arg-autorc-emit=%t.c %s %autorc_lib -o %t.plugin 2>&1 | FileCheck %s --allow-empty --check-prefix=QUIET
// QUIET-NOT: autorc-emit
// RUN: %t.plugin > %t.plugin.out
// RUN: %cc -Werror %t.c %autorc_lib -o %t.alone && %t.alone > %t.alone.out
// RUN: diff %t.plugin.out %t.alone.out
// RUN: FileCheck %s < %t.alone.out
// CHECK: finalize 1
// CHECK-NEXT: finalize 2
// CHECK-NEXT: live 1
// CHECK-NEXT: finalize 3
// CHECK-NEXT: live 0
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED node {
    int value;
    struct node *next;
};
RC_FINALIZER void node_finalize(struct node *self);
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

static struct node *node_new(int v) {
    struct node *n = rc_new(struct node);
    n->value = v;
    return n;
}

static void run(void) {
    struct node *a = node_new(1);
    a->next = node_new(2);
    struct node *keep = node_new(3);
    a = keep;
    printf("live %zu\n", rc_live_objects());
}

int main(void) {
    run();
    printf("live %zu\n", rc_live_objects());
    return 0;
}
