// Structs held by value inside a managed struct: a plain sub-struct field
// (named or unnamed) whose pointers the object's descriptor lists and
// releases, copied with `=` like any struct; and C's "inheritance", a
// managed struct whose first member is another managed struct: a pointer
// to the derived struct and a pointer to its base are managed pointers to
// one object (counts, the derived finalizer, release through either), and
// a cycle through base pointers is collected.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; };
RC_FINALIZER void node_del(struct node *self) { printf("del node %d\n", self->v); }

struct ends { struct node *head, *tail; };
struct RC_MANAGED list {
    struct ends named;
    struct { struct node *first; struct node *items[2]; } unnamed;
    int n;
};
// EMIT-DAG: static const uint32_t rc__type_list_{{[0-9a-f]+}}_strong[] = {(uint32_t)offsetof(struct list, named.head), (uint32_t)offsetof(struct list, named.tail), (uint32_t)offsetof(struct list, unnamed.first), (uint32_t)offsetof(struct list, unnamed.items[0]), (uint32_t)offsetof(struct list, unnamed.items[1])};

struct RC_MANAGED shape { int kind; struct node *label; };
struct RC_MANAGED circle { struct shape base; double r; struct shape *next; };
RC_FINALIZER void circle_del(struct circle *self) { printf("del circle %g\n", self->r); }
// EMIT-DAG: static const uint32_t rc__type_circle_{{[0-9a-f]+}}_strong[] = {(uint32_t)offsetof(struct circle, base.label), (uint32_t)offsetof(struct circle, next)};

static struct node *mk(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}

static void live(const char *what, size_t n) {
    printf("%s: live %zu\n", what, rc_live_objects());
    if (rc_live_objects() != n) { printf("FAIL\n"); exit(1); }
}

static struct circle *circle_new(double r, int label) {
    struct circle *c = rc_new(struct circle);
    c->base.kind = 1;
    c->base.label = mk(label);
    c->r = r;
    return c;
}

static int kind_of(struct shape *s) { return s->kind; }

int main(void) {
    {
        struct list *a = rc_new(struct list);
        a->named.head = mk(1);
        a->named.tail = a->named.head;
        a->unnamed.first = mk(2);
        a->unnamed.items[1] = mk(3);
        struct list *b = rc_new(struct list);
        b->named = a->named;                  /* a copy of a sub-struct */
        b->unnamed = a->unnamed;              /* an unnamed sub-struct */
        live("two lists", 5);
        // CHECK: two lists: live 5
        a->named = (struct ends){0};
        live("a cleared", 5);
        // CHECK-NEXT: a cleared: live 5
    }
    // CHECK-NEXT: del node 1
    // CHECK-NEXT: del node 2
    // CHECK-NEXT: del node 3
    live("lists", 0);
    // CHECK-NEXT: lists: live 0
    {
        struct circle *c = circle_new(2.5, 7);
        struct shape *s = (struct shape *)c;  /* one object, counted through both */
        struct shape *t = &c->base;
        printf("rc %zu kind %d\n", rc_getrefcount(c), kind_of(s));
        // CHECK-NEXT: rc 3 kind 1
        c = NULL;
        s = NULL;
        printf("rc %zu\n", rc_getrefcount(t));
        // CHECK-NEXT: rc 1
        struct circle *back = (struct circle *)t;
        printf("r %g\n", back->r);
        // CHECK-NEXT: r 2.5
    }
    // CHECK-NEXT: del circle 2.5
    // CHECK-NEXT: del node 7
    live("circle", 0);
    // CHECK-NEXT: circle: live 0
    {
        struct circle *x = circle_new(1, 8), *y = circle_new(2, 9);
        x->next = &y->base;
        y->next = (struct shape *)x;          /* a cycle through base pointers */
    }
    printf("collected %ld\n", rc_gc_collect(-1));
    // CHECK: collected 2
    live("cycle", 0);
    // CHECK: cycle: live 0
    return 0;
}
