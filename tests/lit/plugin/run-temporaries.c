// A +1 result that nothing stores is released at the end of its full
// expression (statement, condition, argument, ternary, comma, initialiser
// of a plain variable); a borrowed (RC_RETURNS_BORROWED) result is not.
// An argument that is not a local or parameter (f(a->next)) is kept alive
// across the call even when the callee overwrites its source.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

static int value(struct node *n) { return n ? n->value : -1; }
static struct node *head;
RC_RETURNS_BORROWED static struct node *get_head(void) { return head; }

/* Overwrites the slot its argument came from, then uses the argument. */
static int clobber(struct node *holder, struct node *arg) {
    holder->next = NULL; /* would free arg if the caller did not keep it */
    return arg->value;
}

int main(void) {
    node_new(1); /* discarded statement */
    printf("stmt finalized %d live %zu\n", finalized, rc_live_objects());
    int v = value(node_new(2)); /* argument, plain initialiser */
    printf("arg %d finalized %d live %zu\n", v, finalized, rc_live_objects());
    if (value(node_new(3)) == 3)
        printf("cond live %zu\n", rc_live_objects()); /* released with the condition */
    printf("after cond finalized %d live %zu\n", finalized, rc_live_objects());
    int k = 1;
    v = k ? value(node_new(4)) : value(node_new(5));
    printf("ternary %d finalized %d\n", v, finalized);
    v = (node_new(6), value(node_new(7)));
    printf("comma %d finalized %d live %zu\n", v, finalized, rc_live_objects());
    while (value(node_new(8)) != 8) {
    }
    printf("while finalized %d\n", finalized);

    head = node_new(9);
    v = value(get_head()); /* borrowed: kept alive for the call only */
    printf("borrowed %d count %zu\n", v, rc_getrefcount(head));

    struct node *holder = node_new(10);
    holder->next = node_new(11);
    printf("clobber %d\n", clobber(holder, holder->next));
    printf("after clobber finalized %d live %zu\n", finalized, rc_live_objects());
    head = NULL;
    holder = NULL;
    printf("end finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: stmt finalized 1 live 0
// CHECK-NEXT: arg 2 finalized 2 live 0
// CHECK-NEXT: cond live 0
// CHECK-NEXT: after cond finalized 3 live 0
// CHECK-NEXT: ternary 4 finalized 4
// CHECK-NEXT: comma 7 finalized 6 live 0
// CHECK-NEXT: while finalized 7
// CHECK-NEXT: borrowed 9 count 1
// CHECK-NEXT: clobber 11
// CHECK-NEXT: after clobber finalized 8 live 2
// CHECK-NEXT: end finalized 10 live 0
