// `T *volatile` locals, parameters and arrays (kept in memory across a
// setjmp, or watched by a debugger) are counted like the others: the
// cleanups and helpers take a pointer to volatile. Before the fix the
// generated cleanup did not accept the variable's address (a compile
// error in code the user did not write).
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Werror %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

static struct node *advance(struct node *volatile p) {
    p = p->next; /* pinned: retained on entry, released on exit */
    return p;
}
static struct node *make_returned(void) {
    struct node *volatile n = node_new(5);
    return n; /* moved out */
}

int main(void) {
    struct node *volatile a = node_new(1);
    a->next = node_new(2);
    struct node *volatile b = a;
    RC_WEAK struct node *volatile w = a;
    struct node *volatile arr[2] = {0};
    arr[0] = a;
    struct node *c = advance(a);
    struct node *d = make_returned();
    printf("%d %d %d %d %d count %zu\n", a->value, b->value, w->value, c->value, d->value,
           rc_getrefcount(a));
    a = NULL;
    b = NULL;
    arr[0] = NULL;
    printf("w %s\n", w ? "alive" : "NULL");
    c = NULL;
    d = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: 1 1 1 2 5 count 3
// CHECK-NEXT: finalize 1
// CHECK-NEXT: w NULL
// CHECK-NEXT: finalize 2
// CHECK-NEXT: finalize 5
// CHECK-NEXT: live 0
