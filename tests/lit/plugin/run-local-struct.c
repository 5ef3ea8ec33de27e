// A managed struct defined inside a function: its type descriptor, which
// follows the file's last line where the struct is not in scope, carries
// the layout as numbers (size, alignment, field offsets). Before the fix
// the descriptor named an incomplete type there (a compile error).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck --check-prefix=EMIT %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

static int pairs(void) {
    struct RC_MANAGED pair { char tag; struct node *first; long pad; struct node *second; };
    struct pair *p = rc_new(struct pair);
    p->first = node_new(1);
    p->second = node_new(2);
    printf("pair live %zu\n", rc_live_objects());
    return p->first->value + p->second->value;
}

static int other_pairs(void) {
    /* Same tag, another layout: a descriptor of its own. */
    struct RC_MANAGED pair { struct node *only; };
    struct pair *p = rc_new(struct pair);
    p->only = node_new(3);
    return p->only->value;
}

int main(void) {
    printf("sum %d\n", pairs());
    printf("live %zu\n", rc_live_objects());
    int only = other_pairs();
    printf("only %d live %zu\n", only, rc_live_objects());
    return 0;
}
// CHECK: pair live 3
// CHECK-NEXT: finalize 1
// CHECK-NEXT: finalize 2
// CHECK-NEXT: sum 3
// CHECK-NEXT: live 0
// CHECK-NEXT: finalize 3
// CHECK-NEXT: only 3 live 0
// EMIT: /* autorc: descriptor of struct pair */ static const uint32_t rc__type_pair_{{[0-9a-f]+}}_strong[] = {(uint32_t)8, (uint32_t)24};
// EMIT: const rc_type rc__type_pair_{{[0-9a-f]+}} = {"struct pair", (uint32_t)32, {{.*}}, (uint32_t)8, &rc__type_pair_{{[0-9a-f]+}}_rt};
// EMIT: static const uint32_t rc__type_pair_{{[0-9a-f]+}}_strong[] = {(uint32_t)0};
