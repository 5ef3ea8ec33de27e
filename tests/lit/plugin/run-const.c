// Pointers to const managed structs are managed pointers too: locals,
// parameters, stores, returns and temporaries of `const T *` compile
// without warnings (-Werror) and count like the others.
// REQUIRES: plugin
// RUN: %cc -Werror %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

static long sum(const struct node *n) { return n ? n->value + sum(n->next) : 0; }
static const struct node *pick(const struct node *a, const struct node *b) { return a->value > b->value ? a : b; }

int main(void) {
    const struct node *a = node_new(1);
    struct node *b = node_new(2);
    b->next = node_new(3);
    const struct node *best = pick(a, b);
    printf("sum %ld best %d count %zu\n", sum(b), best->value, rc_getrefcount(best));
    a = b->next;
    printf("a %d count %zu finalized %d\n", a->value, rc_getrefcount(a), finalized);
    a = NULL;
    best = NULL;
    b = NULL;
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: sum 5 best 2 count 2
// CHECK-NEXT: a 3 count 2 finalized 1
// CHECK-NEXT: finalized 3 live 0
