// The collector sees a suspended generator's frame: an object holding a
// generator that holds the object in a parameter and a local is a cycle,
// kept alive by counts alone, and gc.collect() frees it (finalizers run).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED holder {
    rc_gen *gen;
    int value;
};
RC_FINALIZER void holder_finalize(struct holder *self);
void holder_finalize(struct holder *self) { printf("finalize holder %d\n", self->value); }

RC_GENERATOR(int) rc_gen *values(struct holder *h) {
    struct holder *again = h;
    rc_yield(h->value);
    rc_yield(again->value + 1);
}

int main(void) {
    rc_gc_disable();
    struct holder *h = rc_new(struct holder);
    h->value = 3;
    h->gen = values(h);
    int v = 0;
    rc_gen_next(h->gen, &v);
    printf("got %d\n", v);
    // CHECK: got 3
    h = NULL;
    printf("unreachable, live %zu\n", rc_live_objects());
    // CHECK-NEXT: unreachable, live 2
    long n = rc_gc_collect(-1);
    printf("collected %ld, live %zu\n", n, rc_live_objects());
    // CHECK-NEXT: finalize holder 3
    // CHECK-NEXT: collected 2, live 0
    return 0;
}
