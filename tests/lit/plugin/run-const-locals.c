// `T *const` locals, parameters and arrays (and `const` typedef'd pointer
// types) are counted like the others, but never moved from: a move writes
// NULL into the variable, which a const object may not change (the
// compiler may keep its initial value for the cleanup), so a last use or a
// `return` of one retains instead and the cleanup releases. Before the fix
// the generated moves, pins and array cleanup did not accept the
// variable's address (warnings that -Werror makes errors, and an error for
// the array's cleanup).
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -O2 -Werror %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }
typedef struct node *node_ref;

// A static function storing its parameter takes it owned; a const one is
// released at exit, never moved.
static struct node *keep(struct node *const p) {
    struct node *const q = p;
    return q;
    // EMIT: {{^ *}}struct node *const q __attribute__((cleanup(rc__drop))) = rc__retain(p);
    // EMIT-NEXT: {{^ *}}return rc__retain(q);
}

static struct node *pair(int a, int b) {
    struct node *const first = node_new(a);
    const node_ref second = node_new(b);
    first->next = second; // second's last use: retained, not moved
    return first;
}

int main(void) {
    {
        struct node *const x = pair(1, 2);
        const node_ref y = keep(x);
        printf("%d %d count %zu\n", x->value, y->next->value, rc_getrefcount(x));
        // CHECK: 1 2 count 2
        struct node *const arr[2] = { node_new(3), x };
        // EMIT: {{^ *}}struct node *const arr[2] __attribute__((cleanup(rc__drop_carr_2))) =
        printf("sum %d count %zu\n", arr[0]->value + arr[1]->value, rc_getrefcount(x));
        // CHECK-NEXT: sum 4 count 3
        const struct node *const ro = arr[0];
        printf("ro %d count %zu\n", ro->value, rc_getrefcount(ro));
        // CHECK-NEXT: ro 3 count 2
    }
    // CHECK-NEXT: finalize 3
    // CHECK-NEXT: finalize 1
    // CHECK-NEXT: finalize 2
    EXPECT_LIVE(0, "end");
    printf("live 0\n");
    // CHECK-NEXT: live 0
    return 0;
}
