// A local that only walks (`for (struct node *n = l; n; n = n->next)`)
// never takes the reference of the variable it starts from, even where
// that variable is not used after the loop and n is counted (the body may
// release): the list lives until l's scope ends. A loop that advances the
// owning variable itself (`k = k->next`) does release each node as it
// goes. Before the fix l was moved into the counted n, and the head died as
// soon as n stepped past it: an RC_UNOWNED pointer at the head read freed
// memory (r2's loop3.c; docs/semantics.md said the object lives on).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -O2 %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-dump-plan -fsyntax-only %s | FileCheck %s --check-prefix=PLAN
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

static struct node *list3(int v) {
    struct node *l = node_new(v);
    l->next = node_new(v + 1);
    l->next->next = node_new(v + 2);
    return l;
}

static RC_UNOWNED struct node *first;

int main(void) {
    {
        struct node *l = list3(1);
        first = l;
        for (struct node *n = l; n; n = n->next)
            printf("%d first %d\n", n->value, first->value);
        // PLAN-LABEL: function main:
        // PLAN: strong-local n
        // PLAN-NEXT: retain l
        // CHECK: 1 first 1
        // CHECK-NEXT: 2 first 1
        // CHECK-NEXT: 3 first 1
        printf("walked, head count %zu\n", rc_getrefcount(first));
        // CHECK-NEXT: walked, head count 1
        struct node *k = list3(10);
        while (k) {
            printf("pop %d\n", k->value);
            k = k->next;
        }
        // CHECK-NEXT: pop 10
        // CHECK-NEXT: finalize 10
        // CHECK-NEXT: pop 11
        // CHECK-NEXT: finalize 11
        // CHECK-NEXT: pop 12
        // CHECK-NEXT: finalize 12
        printf("end of scope\n");
        // CHECK-NEXT: end of scope
    }
    // CHECK-NEXT: finalize 1
    // CHECK-NEXT: finalize 2
    // CHECK-NEXT: finalize 3
    EXPECT_LIVE(0, "end");
    printf("live 0\n");
    // CHECK-NEXT: live 0
    return 0;
}
