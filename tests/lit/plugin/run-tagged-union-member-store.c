// Storing into a tagged union member by itself, after setting the tag as C
// programmers do (`v->kind = K_STR; v->u.s = s;`): the store is counted
// (retain the new reference, release the old one) once the tag makes the
// member live. A store under another tag -- the member's old bits no
// reference, or a plain member written over a live reference -- stops with
// a fatal error naming the member, before any count goes wrong.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -DWRONG=1 %s %autorc_lib -o %t.w1 && not --crash %t.w1 2>&1 | FileCheck %s --check-prefix=W1
// RUN: %cc %plugin_flags -DWRONG=2 %s %autorc_lib -o %t.w2 && not --crash %t.w2 2>&1 | FileCheck %s --check-prefix=W2
#include <autorc.h>
#include <stdio.h>

enum kind { K_NUM, K_STR, K_OBJ };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }

struct RC_MANAGED json {
    enum kind kind;
    union {
        double n;
        RC_TAGGED(kind, K_STR) rc_str *s;
        RC_TAGGED(kind, K_OBJ) struct obj *o;
    } u;
};
struct value {
    int tag;
    union {
        long i;
        RC_TAGGED(tag, K_OBJ) struct obj *o;
    };
};

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

static struct json *jstr(const char *text) {
    struct json *j = rc_new(struct json);
    j->kind = K_STR;
    j->u.s = rc_str_new(text);
    return j;
}

int main(void) {
#if WRONG == 1
    struct json *w = jstr("x");
    w->u.o = mk(9); // the tag says K_STR
    // W1: autorc: fatal: store to struct json's RC_TAGGED member 'u.o' while its tag 'kind' is not K_OBJ: set the tag first
#elif WRONG == 2
    struct value v = { .tag = K_OBJ, .o = mk(8) };
    v.i = 5; // would overwrite the live reference
    // W2: autorc: fatal: store to struct value's union member 'i' while an RC_TAGGED member is live (its reference would be overwritten): set the tag first
#endif
    {
        struct json *j = jstr("hello");
        printf("%s\n", rc_str_cstr(j->u.s));
        // CHECK: hello
        j->u.s = rc_str_new("world"); // the old string is released
        printf("%s\n", rc_str_cstr(j->u.s));
        // CHECK-NEXT: world
        j->kind = K_OBJ;
        struct obj *o = mk(1);
        j->u.o = o;
        j->u.o = o; // a = a
        printf("obj %d count %zu\n", j->u.o->id, rc_getrefcount(o));
        // CHECK-NEXT: obj 1 count 2
        j->u.o = mk(2);
        printf("obj %d count %zu\n", j->u.o->id, rc_getrefcount(o));
        // CHECK-NEXT: obj 2 count 1
        j->kind = K_NUM;
        // CHECK-NEXT: del obj 2
        j->u.n = 1.5;
        j->u.n += 1;
        printf("num %g\n", j->u.n);
        // CHECK-NEXT: num 2.5

        struct value v = { .tag = K_NUM };
        v.i = 41;
        v.i++;
        v.tag = K_OBJ;
        v.o = mk(3);
        printf("v %d\n", v.o->id);
        // CHECK-NEXT: v 3
        struct value *p = &v;
        p->o = (v.o->id == 3) ? mk(4) : NULL;
        // CHECK-NEXT: del obj 3
        printf("p %d\n", p->o->id);
        // CHECK-NEXT: p 4
    }
    // CHECK-NEXT: del obj 4
    // CHECK-NEXT: del obj 1
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
