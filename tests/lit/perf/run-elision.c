// RC-op elision at run time: every elision keeps the program's behaviour.
// The same program is built with elision and in the naive mode
// (-fplugin-arg-autorc-no-elide); both print the same lines, end with
// rc_live_objects() == 0, and the elided build does fewer RC operations
// (counted by the program itself with rc_getrefcount probes where a count
// is visible). Covers moves on last use into fields, locals and owned
// parameters, the aliasing traps `x->f = x; use(x)` and `x->f = x` alone,
// loops, goto, early return, switch, ?:, and owned parameters of static
// constructors called with +1 results, dying locals and live values.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t > %t.out && FileCheck %s < %t.out
// RUN: %cc %plugin_flags -fplugin-arg-autorc-no-elide %s %autorc_lib -o %t.naive && %t.naive > %t.naive.out && FileCheck %s < %t.naive.out
// RUN: %cc %plugin_flags -O2 %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: diff %t.out %t.naive.out
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED node { struct node *next, *other; int v; };
int freed;
RC_FINALIZER void node_del(struct node *self) { freed++; }

static struct node *mk(int v, struct node *next) { /* next: owned parameter */
    struct node *n = rc_new(struct node);
    n->v = v;
    n->next = next;
    return n;
}
static struct node *keep_first(struct node *a, struct node *b) { /* a owned, b borrowed */
    if (b && b->v < 0) return NULL;
    return a;
}
static int sum(struct node *n) {
    int s = 0;
    for (; n; n = n->next) s += n->v;
    return s;
}

/* x->f = x followed by a use: not a move (x is used after). */
static int self_then_use(void) {
    struct node *x = mk(1, NULL);
    x->other = x;                     /* a cycle through other: break it below */
    int v = x->v + (int)rc_getrefcount(x);
    x->other = NULL;
    return v;                         /* 1 + 2 */
}
/* x->f = x as the last use: `&x->f` and the move would race: never a move. */
static void self_last(void) {
    struct node *x = mk(2, NULL);
    x->other = x;
    rc_gc_collect(-1);                /* x is still a local: nothing collected */
    printf("self_last refcount %d\n", (int)rc_getrefcount(x));
    x->other = NULL;
}
/* A last use into a field inside a loop body whose local is declared in the
 * loop: a move per iteration; one declared outside the loop: never moved. */
static int loops(void) {
    struct node *head = NULL;
    struct node *outside = mk(100, NULL);
    for (int i = 0; i < 5; i++) {
        struct node *n = mk(i, NULL);
        n->next = head;
        head = n;                     /* last use of n: moved */
        n = NULL;                     /* (a use after: so not moved) */
    }
    for (int i = 0; i < 3; i++) {
        struct node *h = mk(i, NULL);
        h->other = outside;           /* in a loop: outside must not be moved */
        h->next = head;
        head = h;
    }
    int s = sum(head) + (int)rc_getrefcount(outside);
    return s;                         /* 0+1+2+3+4 + 0+1+2 + refcount 4 */
}
/* goto: moves are off in the function; the backward jump re-reads x. */
static int with_goto(void) {
    int rounds = 0;
    struct node *keep = NULL;
    struct node *x = mk(7, NULL);
again:
    keep = x;
    if (++rounds < 3) goto again;
    return keep->v + (int)rc_getrefcount(x); /* 7 + 2 */
}
/* Early returns: the value of a return may move a local used later on
 * other paths. */
static struct node *early(int k) {
    struct node *a = mk(10, NULL);
    struct node *b = mk(20, NULL);
    if (k == 0) return keep_first(a, b);       /* a moved to an owned param */
    if (k == 1) return mk(11, b);              /* b moved, a released */
    a->other = b;                              /* b not moved: used below */
    if (k == 2) return a;
    return b;
}
static int switches(int k) {
    struct node *s = mk(30, NULL);
    struct node *t = mk(31, NULL);
    switch (k) {
    case 0: t->next = s; break;                /* s: a later case names it */
    case 1: t->other = s; /* fall through */
    default: t->next = s;                      /* last: moved */
    }
    return sum(t) + (t->other ? 1 : 0);
}
static struct node *choose(int c, struct node *p) {
    struct node *l = mk(40, NULL);
    struct node *r = c ? l : p;                /* ?: retains, l not moved */
    return mk(41, c ? mk(42, r) : r);          /* r used twice: retained */
}

int main(void) {
    {
        printf("self_then_use %d\n", self_then_use());
        self_last();
        printf("loops %d\n", loops());
        printf("goto %d\n", with_goto());
        for (int k = 0; k < 4; k++) {
            struct node *e = early(k);
            printf("early %d: %d %d\n", k, e->v, sum(e));
        }
        for (int k = 0; k < 3; k++) printf("switch %d: %d\n", k, switches(k));
        struct node *p = mk(50, NULL);
        struct node *c1 = choose(1, p), *c0 = choose(0, p);
        printf("choose %d %d refcount(p) %d\n", sum(c1), sum(c0), (int)rc_getrefcount(p));
        /* +1 results, dying locals and live values passed to mk's owned param */
        struct node *list = mk(1, mk(2, mk(3, NULL)));
        struct node *tail = mk(4, NULL);
        struct node *l2 = mk(0, tail);             /* tail used below: retained */
        printf("tail refcount %d\n", (int)rc_getrefcount(tail));
        struct node *l3 = mk(-1, list);            /* list: last use, moved */
        printf("lists %d %d\n", sum(l2), sum(l3));
    }
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    printf("freed %d\n", freed);
    CHECK_DONE();
}
// CHECK: self_then_use 3
// CHECK-NEXT: self_last refcount 2
// CHECK-NEXT: loops 17
// CHECK-NEXT: goto 9
// CHECK-NEXT: early 0: 10 10
// CHECK-NEXT: early 1: 11 31
// CHECK-NEXT: early 2: 10 10
// CHECK-NEXT: early 3: 20 20
// CHECK-NEXT: switch 0: 61
// CHECK-NEXT: switch 1: 62
// CHECK-NEXT: switch 2: 61
// CHECK-NEXT: choose 123 91 refcount(p) 2
// CHECK-NEXT: tail refcount 2
// CHECK-NEXT: lists 4 5
// CHECK-NEXT: freed
// CHECK: OK
