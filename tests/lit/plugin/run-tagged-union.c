// An interpreter's value type: a tagged union whose RC_TAGGED member holds
// a reference only while the tag says so. Held by value in locals and in
// managed objects (their descriptor gets a traverse hook testing the tag,
// so release at death and the cycle collector see the reference), changed
// by whole assignments: the old value is released under its old tag, the
// new one retained under its new tag.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %clang -std=gnu11 -fsyntax-only -Wall -Werror -I%autorc_include %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

enum tag { T_INT, T_OBJ, T_CELL };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }

struct value {
    enum tag tag;
    union {
        long i;
        RC_TAGGED(tag, T_OBJ) struct obj *o;
        RC_TAGGED(tag, T_CELL) struct cell *c;
    } u;
};
struct RC_MANAGED cell { struct value v; int id; };
RC_FINALIZER void cell_del(struct cell *self) { printf("del cell %d\n", self->id); }
// EMIT: static void rc__type_cell_{{[0-9a-f]+}}_traverse(void *self, rc_visit_fn visit, void *ctx) { struct cell *o = (struct cell *)self; if (o->v.tag == (T_OBJ)) visit((void **)&o->v.u.o, ctx); if (o->v.tag == (T_CELL)) visit((void **)&o->v.u.c, ctx); }

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

static struct value boxed(int id) { return (struct value){ .tag = T_OBJ, .u.o = mk(id) }; }

static void show(struct value v) {
    if (v.tag == T_OBJ)
        printf("obj %d\n", v.u.o->id);
    else
        printf("int %ld\n", v.u.i);
}

static void live(const char *what, size_t n) {
    printf("%s: live %zu\n", what, rc_live_objects());
    if (rc_live_objects() != n) { printf("FAIL\n"); exit(1); }
}

int main(void) {
    {
        struct value a = boxed(1);
        struct value b = { .tag = T_INT, .u.i = 42 };
        struct value c = a;                       /* retains obj 1 */
        show(a);
        // CHECK: obj 1
        a = b;                                    /* the old value was an object */
        show(a);
        // CHECK-NEXT: int 42
        c = b;
        // CHECK-NEXT: del obj 1
        (void)c;
        live("values", 0);
        // CHECK-NEXT: values: live 0
        struct value vs[2] = { boxed(2), { .tag = T_INT, .u.i = 3 } };
        vs[1] = vs[0];
        live("array", 1);
        // CHECK-NEXT: array: live 1
    }
    // CHECK-NEXT: del obj 2
    {
        struct cell *x = rc_new(struct cell);
        x->id = 10;
        x->v = boxed(3);
        struct cell *y = rc_new(struct cell);
        y->id = 11;
        y->v = (struct value){ .tag = T_CELL, .u.c = x };
        x->v = (struct value){ .tag = T_CELL, .u.c = y };   /* a cycle through the union */
        // CHECK-NEXT: del obj 3
        live("cells", 2);
        // CHECK-NEXT: cells: live 2
    }
    printf("collected %ld\n", rc_gc_collect(-1));
    // CHECK-NEXT: del cell
    // CHECK-NEXT: del cell
    // CHECK-NEXT: collected 2
    live("end", 0);
    // CHECK-NEXT: end: live 0
    return 0;
}
