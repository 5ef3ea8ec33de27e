// Rewritten code and the cycle collector: a cycle built by plain stores
// (no counting by hand) stays alive after its locals are gone, and
// rc_gc_collect() reclaims it, running the finalizers.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

static void make_cycle(void) {
    struct node *a = node_new(1);
    struct node *b = node_new(2);
    a->next = b;
    b->next = a;
}

int main(void) {
    rc_gc_disable();
    make_cycle();
    printf("after scope live %zu finalized %d\n", rc_live_objects(), finalized);
    long found = rc_gc_collect(-1);
    printf("collected %ld live %zu finalized %d\n", found, rc_live_objects(), finalized);
    return 0;
}
// CHECK: after scope live 2 finalized 0
// CHECK-NEXT: collected 2 live 0 finalized 2
