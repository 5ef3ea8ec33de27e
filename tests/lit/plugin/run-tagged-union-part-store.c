// A store into a part of a union member -- an element of an RC_TAGGED
// array member (`a->u.p[0] = x`), an element or field of a plain member
// (`a->u.i[1]++`, `w->u.pt.x = 1`) -- is checked against the tag when it
// runs, like a store to a whole member: the member is reached through the
// generated check (`(*rc__vs_arr_live_u_p(&(a->u.p)))[0]`), so under the
// right tag the element store is counted and under another one it stops
// with a fatal error naming the member. Before the fix the element store
// of a tagged array member under another tag released the integer bits it
// overwrote as a pointer (r2's tag3.c: SEGV), and stores into parts of a
// plain member were refused.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
// RUN: %cc %plugin_flags -DWRONG=1 %s %autorc_lib -o %t.w1 && not --crash %t.w1 2>&1 | FileCheck %s --check-prefix=W1
// RUN: %cc %plugin_flags -DWRONG=2 %s %autorc_lib -o %t.w2 && not --crash %t.w2 2>&1 | FileCheck %s --check-prefix=W2
#include <autorc.h>
#include <stdio.h>

enum kind { K_NUM, K_PAIR, K_PT };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }
struct pt { long x, y; };

struct RC_MANAGED arr {
    int tag;
    union {
        long i[2];
        struct pt pt;
        RC_TAGGED(tag, K_PAIR) struct obj *p[2];
    } u;
};

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

int main(void) {
#if WRONG == 1
    struct arr *w = rc_new(struct arr);
    *w = (struct arr){.tag = K_NUM, .u.i = {12345, 0}};
    w->u.p[0] = mk(9); // the tag says K_NUM: 12345 is no reference
    // W1: autorc: fatal: store to struct arr's RC_TAGGED member 'u.p' while its tag 'tag' is not K_PAIR: set the tag first
#elif WRONG == 2
    struct arr *w = rc_new(struct arr);
    w->tag = K_PAIR;
    w->u.p[1] = mk(8);
    w->u.i[1] = 5; // would overwrite the live reference
    // W2: autorc: fatal: store to struct arr's union member 'u.i' while an RC_TAGGED member is live (its reference would be overwritten): set the tag first
#endif
    {
        struct arr *a = rc_new(struct arr);
        a->u.i[1] = 41;
        a->u.i[1]++;
        // EMIT: {{^ *}}(*rc__vs_arr_live_u_i(&(a->u.i)))[1] = 41;
        a->u.pt.x = 7;
        printf("num %ld x %ld\n", a->u.i[1], a->u.pt.x);
        // CHECK: num 42 x 7
        a->tag = K_PAIR;
        a->u.p[0] = mk(1);
        // EMIT: {{^ *}}rc__assign_owned((void **)&((*rc__vs_arr_live_u_p(&(a->u.p)))[0] ), mk(1));
        a->u.p[1] = mk(2);
        a->u.p[0] = mk(3); // the old element is released
        // CHECK-NEXT: del obj 1
        printf("pair %d %d\n", a->u.p[0]->id, a->u.p[1]->id);
        // CHECK-NEXT: pair 3 2
        a->tag = K_NUM; // releases both elements
        // CHECK-NEXT: del obj 3
        // CHECK-NEXT: del obj 2
        a->u.i[0] = 5;
        printf("num %ld\n", a->u.i[0]);
        // CHECK-NEXT: num 5
    }
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
