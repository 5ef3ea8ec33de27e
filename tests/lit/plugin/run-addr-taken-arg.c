// A local whose address escapes is not a stable argument: in
// `pop_front(&head, head)` the callee overwrites head through headp while
// its parameter is the old head, so the old head is kept alive for the
// call (retained into a temporary) like a field argument. Before the fix
// the last reference died inside the callee: a use after free.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck --check-prefix=EMIT %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

static int pop_front(struct node **headp, struct node *head) {
    *headp = head->next; /* drops the caller's reference to head */
    printf("popped %d count %zu\n", head->value, rc_getrefcount(head));
    return head->value;
}

/* The address escapes earlier, into a slot a later callee stores through. */
static struct node **saved;
static void drop_saved(struct node *n) {
    *saved = NULL;
    printf("still %d\n", n->value);
}

int main(void) {
    struct node *head = node_new(1);
    head->next = node_new(2);
    // EMIT: pop_front(&head, (rc__t{{[0-9]+}}.obj = rc__hold(&rc__t{{[0-9]+}}.epoch, head)))
    pop_front(&head, head);
    printf("head %d live %zu\n", head->value, rc_live_objects());
    struct node *other = node_new(3);
    saved = &other;
    drop_saved(other);
    EXPECT_LIVE(1, "after drop_saved");
    head = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: popped 1 count 1
// CHECK-NEXT: finalize 1
// CHECK-NEXT: head 2 live 1
// CHECK-NEXT: still 3
// CHECK-NEXT: finalize 3
// CHECK-NEXT: finalize 2
// CHECK-NEXT: live 0
