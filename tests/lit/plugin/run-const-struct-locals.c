// A const local (or array) of a plain struct holding managed pointers is
// counted like a mutable one: its cleanup only reads the slots and releases
// the objects they point to (which are not const), so the generated
// cleanups rc__vs_*_dec_const and _drop_arr_N take a `const void *`; a
// `return` of one retains instead of moving (a move writes zeros into the
// const object).
// Before the fix the cleanups did not accept the local's address (an
// error: "'cleanup' function ... incompatible with type 'const struct pair
// *'", r2's const2.c and const4.c) and `return p` moved out of it.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -O2 -Wall -Werror %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

struct pair { struct node *a, *b; };

static struct pair mkpair(int x) {
    const struct pair p = { node_new(x), node_new(x + 1) };
    return p;
    // EMIT: {{^ *}}return rc__vs_pair_retain(p);
}

int main(void) {
    {
        const struct pair d = mkpair(1);
        // EMIT: {{^ *}}const struct pair d __attribute__((cleanup(rc__vs_pair_dec_const))) = mkpair(1);
        struct pair e = d; // d's last use: copied (retained), d keeps its own
        printf("d %d %d count %zu\n", d.a->value, d.b->value, rc_getrefcount(d.a));
        // CHECK: d 1 2 count 2
        e.a = NULL;
        const struct pair arr[2] = { { node_new(3), NULL }, e };
        // EMIT: {{^ *}}const struct pair arr[2] __attribute__((cleanup(rc__vs_pair_drop_arr_2))) =
        printf("arr %d %d count %zu\n", arr[0].a->value, arr[1].b->value, rc_getrefcount(e.b));
        // CHECK-NEXT: arr 3 2 count 3
    }
    // arr (last element first), e, d: node 2 goes with its last reference.
    // CHECK-NEXT: finalize 3
    // CHECK-NEXT: finalize 1
    // CHECK-NEXT: finalize 2
    EXPECT_LIVE(0, "end");
    printf("live 0\n");
    // CHECK-NEXT: live 0
    return 0;
}
