// A store into an element of a union member written through pointer
// arithmetic on the array -- `*(a->u.i + 1) = x`, `*a->u.i = x`,
// `*(1 + a->u.p) = o` -- is the same store as `a->u.i[1] = x` and is
// checked against the tag when it runs: the member is reached through the
// generated check, so under the right tag it is counted and under another
// one it stops with a fatal error naming the member. Before the fix these
// stores were not checked: `*(w->u.i + 0) = 7` under a live RC_TAGGED
// member overwrote its reference, whose release later crashed (SEGV).
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
// RUN: %cc %plugin_flags -DWRONG=1 %s %autorc_lib -o %t.w1 && not --crash %t.w1 2>&1 | FileCheck %s --check-prefix=W1
// RUN: %cc %plugin_flags -DWRONG=2 %s %autorc_lib -o %t.w2 && not --crash %t.w2 2>&1 | FileCheck %s --check-prefix=W2
#include <autorc.h>
#include <stdio.h>

enum kind { K_NUM, K_PAIR };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }

struct RC_MANAGED arr {
    int tag;
    union {
        long i[2];
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
    w->tag = K_PAIR;
    w->u.p[0] = mk(8);
    *(w->u.i + 0) = 7; // would overwrite the live reference
    // W1: autorc: fatal: store to struct arr's union member 'u.i' while an RC_TAGGED member is live (its reference would be overwritten): set the tag first
#elif WRONG == 2
    struct arr *w = rc_new(struct arr);
    *w->u.i = 12345;
    *(1 + w->u.p) = mk(9); // the tag says K_NUM: the old bits are no reference
    // W2: autorc: fatal: store to struct arr's RC_TAGGED member 'u.p' while its tag 'tag' is not K_PAIR: set the tag first
#endif
    {
        struct arr *a = rc_new(struct arr);
        *(a->u.i + 1) = 41;
        // EMIT: {{^ *}}*((*rc__vs_arr_live_u_i(&(a->u.i))) + 1) = 41;
        *a->u.i = 2;
        printf("num %ld %ld\n", a->u.i[0], *(a->u.i + 1));
        // CHECK: num 2 41
        a->tag = K_PAIR;
        *(a->u.p + 1) = mk(1);
        *(1 + a->u.p) = mk(2); // the old element is released
        // CHECK-NEXT: del obj 1
        *a->u.p = mk(3);
        printf("pair %d %d\n", a->u.p[0]->id, (*(a->u.p + 1))->id);
        // CHECK-NEXT: pair 3 2
        a->tag = K_NUM; // releases both elements
        // CHECK-NEXT: del obj 3
        // CHECK-NEXT: del obj 2
    }
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
