// A union with RC_TAGGED members inside an unnamed struct that is a named
// field's type (`struct list { struct { int tag; union {...} u; } head; }`)
// is stored into member by member like one in a named struct: the check of
// `l->head.u.o = x` spells the holder through the field
// (`__typeof__(((struct list *)0)->head)`), so a store under the right tag
// is counted and one under another tag stops with a fatal error. Before the
// fix such stores were refused ("[autorc-unsupported] a store to the member
// 'i' of a union holding RC_TAGGED members"), though the tag store next to
// them was counted (r2's tag11.c, F4).
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -DWRONG %s %autorc_lib -o %t.w && not --crash %t.w 2>&1 | FileCheck %s --check-prefix=WRONG
#include <autorc.h>
#include <stdio.h>

enum kind { K_NUM, K_OBJ };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }
struct RC_MANAGED list {
    int n;
    struct {
        int tag;
        union {
            long i;
            RC_TAGGED(tag, K_OBJ) struct obj *o;
        } u;
    } head;
};

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

int main(void) {
#ifdef WRONG
    struct list *w = rc_new(struct list);
    w->head.tag = K_OBJ;
    w->head.u.o = mk(9);
    w->head.u.i = 12345; // would overwrite the live reference
    // WRONG: autorc: fatal: store to struct list's union member 'head.u.i' while an RC_TAGGED member is live (its reference would be overwritten): set the tag first
#endif
    {
        struct list *l = rc_new(struct list);
        l->head.u.i = 41;
        l->head.u.i++;
        printf("num %ld\n", l->head.u.i);
        // CHECK: num 42
        l->head.tag = K_OBJ;
        l->head.u.o = mk(1);
        l->head.u.o = mk(2); // the old reference is released
        // CHECK-NEXT: del obj 1
        printf("obj %d\n", l->head.u.o->id);
        // CHECK-NEXT: obj 2
        l->head.tag = K_NUM;
        // CHECK-NEXT: del obj 2
        l->head.u.i = 7;
        l->head.tag = K_OBJ; // the member the new tag makes live starts NULL
        printf("obj %s\n", l->head.u.o ? "set" : "NULL");
        // CHECK-NEXT: obj NULL
        l->head.u.o = mk(3);
    }
    // CHECK-NEXT: del obj 3
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
