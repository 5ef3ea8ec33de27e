// The dummy-head idiom without a node on the stack: a pointer to the link
// being filled (`struct node *head = NULL, **link = &head;`) builds a list
// in order, the way the [autorc-unsupported] error about a managed struct
// local suggests. Stores through the link are counted; nothing leaks.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

static struct node *range(int n) {
    struct node *head = NULL, **link = &head;
    for (int i = 1; i <= n; i++) {
        *link = rc_new(struct node);
        (*link)->v = i;
        link = &(*link)->next;
    }
    return head;
}

// Remove every node with an even value: the link walks the list in place.
static void drop_even(struct node **link) {
    while (*link) {
        if ((*link)->v % 2 == 0)
            *link = (*link)->next;
        else
            link = &(*link)->next;
    }
}

int main(void) {
    struct node *l = range(4);
    for (struct node *p = l; p; p = p->next)
        printf("%d ", p->v);
    printf("\n");
    // CHECK: 1 2 3 4
    drop_even(&l);
    // CHECK-NEXT: del 2
    // CHECK-NEXT: del 4
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 2
    l = NULL;
    // CHECK-NEXT: del 1
    // CHECK-NEXT: del 3
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
