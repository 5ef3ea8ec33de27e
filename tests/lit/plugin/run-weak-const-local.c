// An RC_WEAK local declared `const` (`RC_WEAK T *const w`, `const node_ref
// w`) reads NULL once its object died, like any weak local: the runtime
// writes NULL into it, which a const object may not see (C11 6.7.3p6: the
// compiler may keep its first value), so the rewrite deletes the `const`
// token in place. Before the fix the weak cleanup did not accept the
// local's address (an error: "'cleanup' function 'rc__weak_drop' parameter
// has type 'void *' which is incompatible with type 'struct node *const
// *'", r2's const5.c).
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -O2 -Wall -Werror %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }
typedef struct node *node_ref;

int main(void) {
    struct node *n = node_new(1);
    RC_WEAK struct node *const w = n;
    // EMIT: {{^ *}}RC_WEAK struct node * w __attribute__((cleanup(rc__weak_drop))) = rc__weak_init_v((void *)&w, n);
    RC_WEAK const node_ref v = n;
    // EMIT: {{^ *}}RC_WEAK  node_ref v __attribute__((cleanup(rc__weak_drop))) = rc__weak_init_v((void *)&v, n);
    printf("w %d v %d count %zu\n", w ? w->value : -1, v ? v->value : -1, rc_getrefcount(n));
    // CHECK: w 1 v 1 count 1
    n = NULL;
    // CHECK-NEXT: finalize 1
    printf("w %s v %s\n", w ? "alive" : "NULL", v ? "alive" : "NULL");
    // CHECK-NEXT: w NULL v NULL
    EXPECT_LIVE(0, "end");
    printf("live 0\n");
    // CHECK-NEXT: live 0
    return 0;
}
