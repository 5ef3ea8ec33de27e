// A store to the tag of RC_TAGGED union members alone (`v->tag = T_INT;`,
// the everyday way to set up a tagged value) is counted: a changed tag
// releases the member the old tag made live, and the member the new tag
// makes live starts NULL (its bits were another member's); an unchanged
// tag changes nothing. Through a managed object fresh from rc_new, a
// pointer to a plain struct, a local, an array element whose index has a
// side effect (evaluated once) and a struct nested in an object; the
// assignment's value is the new tag. Finalizer order and nothing left.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>

enum kind { K_NUM, K_STR, K_OBJ };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }

struct RC_MANAGED json {
    enum kind kind;
    rc_str *name; // outside the union: never touched by the tag
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
struct RC_MANAGED cell { struct value v; };

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

static struct json *jnew(enum kind k) {
    struct json *j = rc_new(struct json);
    j->kind = k;
    // EMIT: {{^[^/]*}}static inline __attribute__((unused)) __typeof__(((struct json *)0)->kind) rc__vs_json_tag_kind(__typeof__(((struct json *)0)->kind) *p, __typeof__(((struct json *)0)->kind) v) { struct json *s = (struct json *)(void *)((char *)p - __builtin_offsetof(struct json, kind)); if (s->kind != v) { struct json n = *s; n.kind = v; if (n.kind == (K_STR)) n.u.s = 0; if (n.kind == (K_OBJ)) n.u.o = 0; (void)rc__vs_json_set(s, n); } return v; }
    // EMIT: {{^ *}}rc__vs_json_tag_kind(&(j->kind ), k);
    return j;
}

int main(void) {
    {
        struct json *j = jnew(K_NUM);
        j->u.n = 2.5;
        j->name = rc_str_new("j");
        printf("num %g\n", j->u.n);
        // CHECK: num 2.5
        j->kind = K_OBJ; // the double's bits are no reference: o starts NULL
        printf("obj %d\n", j->u.o == NULL);
        // CHECK-NEXT: obj 1
        *j = (struct json){ .kind = K_OBJ, .name = j->name, .u.o = mk(1) };
        j->kind = K_OBJ; // unchanged: o stays
        printf("same %d\n", j->u.o->id);
        // CHECK-NEXT: same 1
        int k = (j->kind = K_STR); // releases o; the value is the new tag
        // CHECK-NEXT: del obj 1
        printf("str %d %d name %s\n", k, j->u.s == NULL, rc_str_cstr(j->name));
        // CHECK-NEXT: str 1 1 name j

        struct value vals[3] = { { .tag = K_OBJ, .o = mk(2) }, { .tag = K_OBJ, .o = mk(3) } };
        int i = 0;
        vals[i++].tag = K_NUM; // one element, one increment
        // CHECK-NEXT: del obj 2
        printf("i %d vals1 %d\n", i, vals[1].o->id);
        // CHECK-NEXT: i 1 vals1 3
        struct value *p = &vals[1];
        p->tag = K_NUM;
        // CHECK-NEXT: del obj 3
        p->i = 7;
        struct value local = { .tag = K_OBJ, .o = mk(4) };
        local.tag = K_NUM;
        // CHECK-NEXT: del obj 4
        local.tag = K_OBJ;
        printf("local %d\n", local.o == NULL);
        // CHECK-NEXT: local 1

        struct cell *c = rc_new(struct cell);
        c->v = (struct value){ .tag = K_OBJ, .o = mk(5) };
        c->v.tag = K_NUM;
        // CHECK-NEXT: del obj 5
        c->v.tag = K_OBJ;
        c->v = (struct value){ .tag = K_OBJ, .o = mk(6) };
        printf("cell %d\n", c->v.o->id);
        // CHECK-NEXT: cell 6
    }
    // CHECK-NEXT: del obj 6
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    return 0;
}
