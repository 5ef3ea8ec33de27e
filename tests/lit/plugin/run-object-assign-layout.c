// Assigning a managed struct by value counts every slot its layout holds:
// its managed base (the first member, a managed struct by value, also when
// assigned on its own: `c->base = *s`), plain sub-structs, arrays of
// managed pointers, and an RC_TAGGED union member (released under the old
// tag, retained under the new one). A function may return a managed struct
// by value (+1, like a plain struct: `*s = shape_of(4)`) and take one
// (borrowed). Finalizers run when the last references go; nothing is left
// alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %clang -std=gnu11 -fsyntax-only -Wall -Werror -I%autorc_include %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

enum kind { K_INT, K_OBJ };
struct RC_MANAGED obj { int id; };
RC_FINALIZER void obj_del(struct obj *self) { printf("del obj %d\n", self->id); }

struct ends { struct obj *head, *tail; };
struct RC_MANAGED shape { int sides; struct obj *label; };
struct RC_MANAGED circle {
    struct shape base;
    struct ends ends;
    struct obj *items[2];
    enum kind k;
    union {
        long i;
        RC_TAGGED(k, K_OBJ) struct obj *o;
    } u;
};

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

static void live(const char *what, size_t n) {
    printf("%s: live %zu\n", what, rc_live_objects());
    if (rc_live_objects() != n) { printf("FAIL\n"); exit(1); }
}

static struct shape shape_of(int sides) {
    return (struct shape){ .sides = sides, .label = mk(sides) };
}
static struct shape copy_of(struct shape *s) { return *s; }
static int score(struct shape s) { return s.sides * 100 + s.label->id; }

int main(void) {
    {
        struct circle *c1 = rc_new(struct circle), *c2 = rc_new(struct circle);
        *c1 = (struct circle){ .base = { .sides = 1, .label = mk(1) }, .ends = { mk(2), mk(3) },
                               .items = { mk(4) }, .k = K_OBJ, .u.o = mk(5) };
        *c2 = (struct circle){ .base.sides = 2, .k = K_INT, .u.i = 42 };
        live("built", 7);
        // CHECK: built: live 7
        *c2 = *c1;                                /* retains all five objects once */
        struct obj *o = c1->u.o;
        printf("refs %zu %zu %zu c2 %d %d\n", rc_getrefcount(c1->base.label),
               rc_getrefcount(c1->ends.tail), rc_getrefcount(o), c2->base.sides, c2->u.o->id);
        // CHECK-NEXT: refs 2 2 3 c2 1 5
        *c1 = (struct circle){ .k = K_INT, .u.i = 7 };   /* only c2 holds them now */
        printf("refs %zu %zu\n", rc_getrefcount(c2->base.label), rc_getrefcount(o));
        // CHECK-NEXT: refs 1 2
        o = NULL;
        *c2 = *c1;                                /* the old tag was K_OBJ: released */
        // CHECK-NEXT: del obj 1
        // CHECK-NEXT: del obj 2
        // CHECK-NEXT: del obj 3
        // CHECK-NEXT: del obj 4
        // CHECK-NEXT: del obj 5
        printf("c2 %d %ld\n", c2->k, c2->u.i);
        // CHECK-NEXT: c2 0 7
        live("cleared", 2);
        // CHECK-NEXT: cleared: live 2
    }
    {
        /* The base of a derived object, assigned alone or through a cast. */
        struct circle *c = rc_new(struct circle);
        struct shape *s = rc_new(struct shape);
        *s = shape_of(4);                         /* a +1 result, taken */
        c->base = *s;
        printf("base %d label %d refs %zu\n", c->base.sides, c->base.label->id,
               rc_getrefcount(s->label));
        // CHECK-NEXT: base 4 label 4 refs 2
        *(struct shape *)c = shape_of(6);
        printf("refs %zu\n", rc_getrefcount(s->label));
        // CHECK-NEXT: refs 1
        shape_of(7);                              /* an unused +1 result is released */
        // CHECK-NEXT: del obj 7
        printf("score %d\n", score(shape_of(8)));  /* a temporary, released after */
        // CHECK-NEXT: score 808
        // CHECK-NEXT: del obj 8
        *c = (struct circle){ .base = copy_of(s) };
        // CHECK-NEXT: del obj 6
        printf("copied %d refs %zu\n", c->base.label->id, rc_getrefcount(s->label));
        // CHECK-NEXT: copied 4 refs 2
    }
    // CHECK-NEXT: del obj 4
    live("after", 0);
    // CHECK-NEXT: after: live 0
    return 0;
}
