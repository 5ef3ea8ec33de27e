// A plain struct holding managed pointers is counted by value, with copy
// semantics: locals (released at scope exit), parameters (borrowed; pinned
// when the function stores into one), returns (+1, a local moved out),
// arrays, `=` (retain the copy's fields, release the overwritten ones),
// compound literals and designated initialisers. Finalizers run in the
// order the last references go; nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

struct span { struct node *first, *last; int len; };
typedef struct { struct span s; struct node *extra[2]; } pair_t;

static struct node *mk(int v) {
    struct node *n = rc_new(struct node);
    n->v = v;
    return n;
}

static void live(const char *what, size_t n) {
    printf("%s: live %zu\n", what, rc_live_objects());
    if (rc_live_objects() != n) { printf("FAIL\n"); exit(1); }
}

static struct span span_of(int a, int b) {
    struct span s = { mk(a), mk(b), 2 };
    return s;                                  /* moved out */
}

static int sum(struct span s) {                /* borrowed */
    return s.first->v + s.last->v;
}

static struct span swapped(struct span s) {    /* stores into its parameter: pinned */
    struct node *t = s.first;
    s.first = s.last;
    s.last = t;
    return s;
}

static struct span keep(struct span s) { return s; }   /* a parameter: retained */

int main(void) {
    {
        struct span a = span_of(1, 2);
        live("local from a call", 2);
        // CHECK: local from a call: live 2
        printf("sum %d\n", sum(a));
        // CHECK-NEXT: sum 3
        struct span b = a;                     /* a copy: both own the nodes */
        a.first = NULL;
        live("after a copy", 2);
        // CHECK-NEXT: after a copy: live 2
        b = (struct span){ .first = mk(3), .last = b.last };
        // CHECK-NEXT: del 1
        live("after a compound literal", 2);
        // CHECK-NEXT: after a compound literal: live 2
        struct span c = swapped(b);
        printf("swapped %d %d\n", c.first->v, c.last->v);
        // CHECK-NEXT: swapped 2 3
        c = keep(a);
        live("after assigning a call", 2);
        // CHECK-NEXT: after assigning a call: live 2
    }
    // CHECK-NEXT: del 3
    // CHECK-NEXT: del 2
    live("end of block", 0);
    // CHECK-NEXT: end of block: live 0
    {
        struct span arr[3] = { [1] = { .first = mk(10) } };
        arr[2] = arr[1];
        arr[0] = span_of(11, 12);
        pair_t p = { .s = arr[0], .extra = { mk(13) } };
        p.s.last = arr[2].first;
        live("array", 4);
        // CHECK-NEXT: array: live 4
        span_of(20, 21);                       /* an unused +1 result */
        // CHECK-NEXT: del 20
        // CHECK-NEXT: del 21
        printf("temp %d\n", sum(span_of(30, 31)));
        // CHECK-NEXT: temp 61
        // CHECK-NEXT: del 30
        // CHECK-NEXT: del 31
        (void)p;
    }
    // CHECK-NEXT: del 13
    // CHECK-NEXT: del 10
    // CHECK-NEXT: del 11
    // CHECK-NEXT: del 12
    live("end", 0);
    // CHECK-NEXT: end: live 0
    return 0;
}
