// An RC_WEAK local initialised from a +1 value that nothing else holds:
// the object dies at once (its temporary is released at the end of the
// initialiser) and the local reads NULL, as a weak field would. Before
// the fix the dead pointer was stored after the runtime had zeroed the
// local, and leaving its scope aborted ("has no weak references").
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

static struct node *keep;

int main(void) {
    {
        RC_WEAK struct node *w = node_new(1);
        printf("w %s live %zu\n", w ? "alive" : "NULL", rc_live_objects());
    }
    {
        /* Someone else holds it: the weak local sees the object. */
        RC_WEAK struct node *w = (keep = node_new(2));
        printf("w %d live %zu\n", w ? w->value : -1, rc_live_objects());
        keep = NULL;
        printf("w %s\n", w ? "alive" : "NULL");
    }
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: finalize 1
// CHECK-NEXT: w NULL live 0
// CHECK-NEXT: w 2 live 1
// CHECK-NEXT: finalize 2
// CHECK-NEXT: w NULL
// CHECK-NEXT: live 0
