// Closing a generator early, as Python's close(): rc_gen_close and dropping
// the last reference to an unfinished generator release its strong locals
// and parameters at once (their finalizers run then), rc_gen_next on a
// closed generator returns 0, a second close does nothing, and a managed
// local dies at the end of its block even while the generator lives on.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

RC_GENERATOR(int) rc_gen *walk(struct node *param) {
    struct node *outer = node_new(1);
    {
        struct node *scoped = node_new(2);
        rc_yield(scoped->value);
        printf("leaving block\n");
    }
    printf("after block\n");
    for (int i = 0;; i++) {
        struct node *inner = node_new(10 + i);
        rc_yield(inner->value + outer->value * 0 + param->value * 0);
    }
}

int main(void) {
    int v = 0;
    rc_gen *g = walk(node_new(5)); // the +1 argument: the frame takes its own reference
    printf("live %zu\n", rc_live_objects());
    // CHECK: live 2
    rc_gen_next(g, &v);
    printf("got %d\n", v);
    // CHECK-NEXT: got 2
    rc_gen_next(g, &v);
    printf("got %d\n", v);
    // CHECK-NEXT: leaving block
    // CHECK-NEXT: finalize 2
    // CHECK-NEXT: after block
    // CHECK-NEXT: got 10
    printf("close\n");
    rc_gen_close(g);
    // CHECK-NEXT: close
    // CHECK-DAG: finalize 5
    // CHECK-DAG: finalize 1
    // CHECK-DAG: finalize 10
    printf("closed: next %d, live %zu\n", rc_gen_next(g, &v), rc_live_objects());
    // CHECK: closed: next 0, live 1
    rc_gen_close(g);
    g = NULL;
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0

    // Dropping the last reference closes it.
    g = walk(node_new(6));
    rc_gen_next(g, &v);
    rc_gen_next(g, &v);
    rc_gen_next(g, &v);
    printf("got %d, drop\n", v);
    // CHECK: got 11, drop
    g = NULL;
    // CHECK-DAG: finalize 6
    // CHECK-DAG: finalize 1
    // CHECK-DAG: finalize 11
    printf("dropped, live %zu\n", rc_live_objects());
    // CHECK: dropped, live 0
    return 0;
}
