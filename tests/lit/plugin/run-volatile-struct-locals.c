// A volatile local (or array) of a plain struct holding managed pointers,
// and a const volatile one, is counted like a mutable one: its cleanup
// (rc__vs_<name>_dec_volatile, _drop_arr_N) takes a `const volatile void *`
// and reads the slots after the local's last access; a whole store into
// one and `return p` of one pass its address as `(void *)&`.
// Before the fix the generated cleanups did not accept the local's address
// ("'cleanup' function 'rc__vs_pair_dec' parameter has type 'void *' which
// is incompatible with type 'volatile struct pair *'", as for const locals
// before F5), an error in code the user did not write.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -O2 -Wall -Werror %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf("finalize %d\n", self->value); }

struct pair { struct node *a, *b; };

static struct pair mkpair(int x) {
    volatile struct pair p = { node_new(x), node_new(x + 1) };
    p.a->value += 10;
    return p; // moved out (a volatile local's address cast to void *)
}

int main(void) {
    {
        volatile struct pair d = mkpair(1);
        struct pair e = d; // copied: retained
        printf("d %d %d count %zu\n", d.a->value, d.b->value, rc_getrefcount(d.a));
        // CHECK: d 11 2 count 2
        e.a = NULL;
        volatile struct pair arr[2] = { { node_new(3), NULL }, e };
        arr[1].a = node_new(4);
        d = (struct pair){ node_new(5), NULL }; // a whole store: releases 11 (e.a is NULL) and 2 once
        // CHECK-NEXT: finalize 11
        printf("arr %d %d %d count %zu\n", arr[0].a->value, arr[1].a->value, arr[1].b->value,
               rc_getrefcount(e.b));
        // CHECK-NEXT: arr 3 4 2 count 2
        const volatile struct pair cv = { node_new(6), NULL };
        printf("cv %d d %d\n", cv.a->value, d.a->value);
        // CHECK-NEXT: cv 6 d 5
    }
    // cv, arr (last element first: 4, then 3), e (the last reference to 2), d
    // CHECK-NEXT: finalize 6
    // CHECK-NEXT: finalize 4
    // CHECK-NEXT: finalize 3
    // CHECK-NEXT: finalize 2
    // CHECK-NEXT: finalize 5
    EXPECT_LIVE(0, "end");
    printf("live 0\n");
    // CHECK-NEXT: live 0
    return 0;
}
