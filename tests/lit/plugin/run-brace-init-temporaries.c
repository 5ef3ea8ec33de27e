// Calls inside brace initialisers whose arguments need a keep-alive
// temporary (a field the callee releases) or whose +1 results are only
// lent to another call: struct values, tagged unions, arrays of managed
// pointers, nested braces, designated initialisers, arrays of structs, a
// declaration a goto jumps past, and compound literals holding such calls
// passed to a function or assigned. A declaration's element releases its
// temporaries once its value is in the slot (the `del` lines right after
// the element), a compound literal's at the end of its full expression;
// the +1 results are moved into the slots, the borrowed ones retained;
// nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

struct pr { struct node *a, *b; int k; };
struct value { int tag; union { long i; RC_TAGGED(tag, 1) struct node *o; } u; };
struct outer { struct pr in; struct node *c; };

static struct node *mk(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}

// Drops p's link to x, then builds a new node after x: x is p->next at the
// call, so only the caller's keep-alive holds it while the link goes.
static struct node *cut(struct node *x, struct node *p) {
    p->next = NULL;
    struct node *r = mk(x->v * 10);
    r->next = x;
    return r;
}

static RC_RETURNS_BORROWED struct node *nextof(struct node *x) { return x->next; }

static struct node *chain(int a, int b) {
    struct node *n = mk(a);
    n->next = mk(b);
    return n;
}

static int vof(struct node *n) { return n ? n->v : -1; }

static void live(const char *what, size_t n) {
    printf("%s: live %zu\n", what, rc_live_objects());
    if (rc_live_objects() != n) { printf("FAIL\n"); exit(1); }
}

static void show(struct pr s) { printf("show %d %d\n", vof(s.a), vof(s.b)); }

static void structs(void) {
    struct node *p = chain(1, 2);
    struct pr s = { cut(p->next, p), nextof(chain(3, 4)), 7 };
    // CHECK-LABEL: structs
    // CHECK-NEXT: del 3
    // CHECK-NEXT: s 20 2 4 7
    printf("s %d %d %d %d\n", s.a->v, s.a->next->v, s.b->v, s.k);
    live("structs", 4);
    // CHECK-NEXT: structs: live 4
}
// s, then p:
// CHECK-NEXT: del 20
// CHECK-NEXT: del 2
// CHECK-NEXT: del 4
// CHECK-NEXT: del 1

static void tagged(void) {
    struct node *p = chain(5, 6);
    struct value r = { .tag = 1, .u.o = cut(p->next, p) };
    // CHECK-LABEL: tagged
    // CHECK-NEXT: r 60 6
    printf("r %d %d\n", r.u.o->v, r.u.o->next->v);
    live("tagged", 3);
    // CHECK-NEXT: tagged: live 3
}
// CHECK-NEXT: del 60
// CHECK-NEXT: del 6
// CHECK-NEXT: del 5

static void arrays(void) {
    struct node *p = chain(7, 8);
    struct node *arr[3] = { cut(p->next, p), nextof(chain(9, 1)) };
    struct node *q = chain(4, 5);
    struct pr ys[2] = { [1] = { .b = cut(q->next, q) } };
    // CHECK-LABEL: arrays
    // CHECK-NEXT: del 9
    // CHECK-NEXT: arr 80 8 1 0 ys 0 50 5
    printf("arr %d %d %d %d ys %d %d %d\n", arr[0]->v, arr[0]->next->v, arr[1]->v, arr[2] != NULL, ys[0].a != NULL,
           ys[1].b->v, ys[1].b->next->v);
    live("arrays", 7);
    // CHECK-NEXT: arrays: live 7
}
// ys, q, then arr from its last element, then p:
// CHECK-NEXT: del 50
// CHECK-NEXT: del 5
// CHECK-NEXT: del 4
// CHECK-NEXT: del 1
// CHECK-NEXT: del 80
// CHECK-NEXT: del 8
// CHECK-NEXT: del 7

static void nested(void) {
    struct node *p = chain(2, 3);
    struct outer o = { { cut(p->next, p), mk(4), 1 }, nextof(chain(5, 6)) };
    // CHECK-LABEL: nested
    // CHECK-NEXT: del 5
    // CHECK-NEXT: o 30 3 4 6
    printf("o %d %d %d %d\n", o.in.a->v, o.in.a->next->v, o.in.b->v, o.c->v);
    live("nested", 5);
    // CHECK-NEXT: nested: live 5
}
// CHECK-NEXT: del 30
// CHECK-NEXT: del 3
// CHECK-NEXT: del 4
// CHECK-NEXT: del 6
// CHECK-NEXT: del 2

static void literals(void) {
    struct node *p = chain(1, 2);
    // CHECK-LABEL: literals
    show((struct pr){ cut(p->next, p), nextof(chain(3, 4)) });
    // The literal lends its values: its temporaries (the keep-alive of
    // p->next, cut's and chain's results) go at the statement's end, the
    // last declared first.
    // CHECK-NEXT: show 20 4
    // CHECK-NEXT: del 3
    // CHECK-NEXT: del 4
    // CHECK-NEXT: del 20
    // CHECK-NEXT: del 2
    p->next = mk(5);
    struct pr s = {0};
    s = (struct pr){ cut(p->next, p), nextof(chain(6, 7)) };
    // The literal is stored: cut's result moves into s.a, 7 is retained.
    // CHECK-NEXT: del 6
    // CHECK-NEXT: s 50 7
    printf("s %d %d\n", s.a->v, s.b->v);
    live("literals", 4);
    // CHECK-NEXT: literals: live 4
}
// CHECK-NEXT: del 50
// CHECK-NEXT: del 5
// CHECK-NEXT: del 7
// CHECK-NEXT: del 1

// A goto past the declaration: its guard releases exactly what was
// initialised.
static void guarded(int fail) {
    struct node *p = chain(8, 9);
    if (fail)
        goto out;
    struct pr s = { cut(p->next, p), 0 };
    printf("guarded %d\n", s.a->v);
out:
    printf("out %d\n", fail);
}
// CHECK-LABEL: guarded 90
// CHECK-NEXT: out 0
// CHECK-NEXT: del 90
// CHECK-NEXT: del 9
// CHECK-NEXT: del 8
// CHECK-NEXT: out 1
// CHECK-NEXT: del 8
// CHECK-NEXT: del 9

int main(void) {
    printf("structs\n");
    structs();
    printf("tagged\n");
    tagged();
    printf("arrays\n");
    arrays();
    printf("nested\n");
    nested();
    printf("literals\n");
    literals();
    guarded(0);
    guarded(1);
    live("end", 0);
    // CHECK-NEXT: end: live 0
    return 0;
}
