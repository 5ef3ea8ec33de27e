// Managed code in a user header (static inline functions) is rewritten like
// the main file: stores count, locals are released, returns retain.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/list_ops.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

int main(void) {
    struct node *head = node_new(0);
    link_after(head, node_new(2));
    link_after(head, node_new(1));
    struct node *second = nth(head, 2);
    printf("values %d %d %d count %zu\n", head->value, head->next->value, second->value,
           rc_getrefcount(second));
    second = NULL;
    head = NULL;
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: values 0 1 2 count 2
// CHECK-NEXT: finalized 3 live 0
