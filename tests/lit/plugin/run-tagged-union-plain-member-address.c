// The address of a plain member of a union holding RC_TAGGED members, or
// of a part of one -- `&v->u.n`, `&v->u.i[1]`, the array `v->u.i` passed on
// -- lets the program store through it where the plugin cannot see, so the
// tag is checked when the address is taken: while an RC_TAGGED member is
// live it stops with the fatal error a store would give; otherwise the
// address is the member's. Before the fix it was not checked:
// `sscanf("7", "%ld", &w->u.n)` under a live reference overwrote it, and
// its release crashed (SEGV). Reading the member (`v->u.i[1]`,
// `*(v->u.i + 1)`) is not checked.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
// RUN: %cc %plugin_flags -DWRONG=1 %s %autorc_lib -o %t.w1 && not --crash %t.w1 2>&1 | FileCheck %s --check-prefix=W
// RUN: %cc %plugin_flags -DWRONG=2 %s %autorc_lib -o %t.w2 && not --crash %t.w2 2>&1 | FileCheck %s --check-prefix=W
#include <autorc.h>
#include <stdio.h>

enum kind { K_NUM, K_OBJ };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }

struct RC_MANAGED val {
    int tag;
    union {
        long n;
        long i[2];
        RC_TAGGED(tag, K_OBJ) struct obj *o;
    } u;
};

static void fill(long *p, long x) { p[0] = x; p[1] = x + 1; }

int main(void) {
#if WRONG == 1
    struct val *w = rc_new(struct val);
    w->tag = K_OBJ;
    w->u.o = rc_new(struct obj);
    sscanf("7", "%ld", &w->u.n); // would overwrite the live reference
#elif WRONG == 2
    struct val *w = rc_new(struct val);
    w->tag = K_OBJ;
    w->u.o = rc_new(struct obj);
    fill(w->u.i, 3);
#endif
    // W: autorc: fatal: store to struct val's union member 'u.{{n|i}}' while an RC_TAGGED member is live (its reference would be overwritten): set the tag first
    {
        struct val *v = rc_new(struct val);
        sscanf("7", "%ld", &v->u.n);
        // EMIT: {{^ *}}sscanf("7", "%ld", &(*rc__vs_val_live_u_n(&(v->u.n))));
        printf("n %ld\n", v->u.n);
        // CHECK: n 7
        fill(v->u.i, 3);
        // EMIT: {{^ *}}fill((*rc__vs_val_live_u_i(&(v->u.i))), 3);
        long *second = &v->u.i[1];
        printf("i %ld %ld %ld\n", v->u.i[0], *(v->u.i + 1), *second);
        // CHECK-NEXT: i 3 4 4
        v->tag = K_OBJ;
        v->u.o = rc_new(struct obj);
        v->u.o->id = 5;
        printf("obj %d\n", v->u.o->id);
        // CHECK-NEXT: obj 5
    }
    // CHECK-NEXT: del obj 5
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
