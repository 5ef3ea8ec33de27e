// Generators and managed objects: a yielded object reaches the consumer as
// a new reference stored into its strong slot (the previous value there is
// released), managed locals and parameters are held across yields, a
// managed local is released at the end of its block, and once the
// generator finishes it holds nothing: every object dies, live count 0.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck --check-prefix=EMIT %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

// EMIT: {{^}}struct RC_MANAGED rc__gen_chain { struct rc__gen_head rc__head; struct node *tail; int n; struct node *keep; int i; struct node *x; };
RC_GENERATOR(struct node *) rc_gen *chain(struct node *tail, int n) {
    struct node *keep = node_new(100);
    for (int i = 0; i < n; i++) {
        struct node *x = node_new(i);
        x->next = tail;
        rc_yield(x);
        printf("resumed after %d (count %zu)\n", i, rc_getrefcount(x));
    }
    printf("end, keep %d\n", keep->value);
}

int main(void) {
    {
        struct node *tail = node_new(7);
        rc_gen *g = chain(tail, 2);
        tail = NULL; // the generator holds its parameter
        printf("created, live %zu\n", rc_live_objects());
        struct node *v = NULL;
        while (rc_gen_next(g, &v))
            printf("got %d -> %d (count %zu)\n", v->value, v->next->value, rc_getrefcount(v));
        printf("finished, live %zu\n", rc_live_objects());
    }
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: created, live 2
// CHECK-NEXT: got 0 -> 7 (count 2)
// CHECK-NEXT: resumed after 0 (count 2)
// CHECK-NEXT: finalize 0
// CHECK-NEXT: got 1 -> 7 (count 2)
// CHECK-NEXT: resumed after 1 (count 2)
// CHECK-NEXT: end, keep 100
// CHECK-NEXT: finalize 100
// CHECK-NEXT: finished, live 3
// CHECK-NEXT: finalize 1
// CHECK-NEXT: finalize 7
// CHECK-NEXT: live 0
