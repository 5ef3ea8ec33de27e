// The value of a managed store used where the store itself is wrapped:
// returned (+1 out of the function), initialising a local, passed to a
// parameter that takes it owned or kept alive for a call, as a struct
// value. The store's text splits the span at its `=`, so the retain or
// temporary around it must enclose it; before, the two were interleaved
// (`&(rc__retain(g ), f())`) and the file did not compile.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -Wall -Werror %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

typedef struct RC_MANAGED node {
    int v;
    struct node *next;
} node;

static int freed;
RC_FINALIZER void node_fin(node *n) { printf("fin %d\n", n->v); freed++; }

static node *mk(int v) {
    node *n = rc_new(node);
    n->v = v;
    return n;
}

static node *g;
static node *kept;
static node *set_global(int v) { return g = mk(v); }
static node *set_field(node *h, int v) { return h->next = mk(v); }
static node *set_either(node *h, int c) { return c ? (h->next = mk(7)) : h; }
static void keep(node *x) { kept = x; }           /* takes x owned */
static int value(node *x) { return x->v; }
static int drop_next(node *h, node *x) {         /* may release what it is passed */
    h->next = NULL;
    return x->v;
}

struct pair { node *a, *b; };
static struct pair pair_of(int a, int b) { return (struct pair){ mk(a), mk(b) }; }

int main(void) {
    {
        // CHECK: global 1 count 2
        node *r = set_global(1);
        printf("global %d count %zu\n", r->v, rc_getrefcount(g));
        // CHECK-NEXT: field 2 count 2
        node *h = mk(100);
        node *f = set_field(h, 2);
        printf("field %d count %zu\n", f->v, rc_getrefcount(h->next));
        // CHECK-NEXT: either 7 100
        node *e1 = set_either(h, 1), *e0 = set_either(h, 0);
        printf("either %d %d\n", e1->v, e0->v);
        // CHECK-NEXT: init 3 count 2
        node *a;
        node *d = a = mk(3);
        printf("init %d count %zu\n", d->v, rc_getrefcount(a));
        // CHECK-NEXT: owned 4 count 2
        keep(h->next = mk(4));
        printf("owned %d count %zu\n", kept->v, rc_getrefcount(kept));
        // CHECK-NEXT: kept alive 5
        // CHECK-NEXT: fin 5
        printf("kept alive %d\n", drop_next(h, h->next = mk(5)));
        // CHECK-NEXT: plain 6
        printf("plain %d\n", value(a = mk(6)));
        // CHECK-NEXT: fin 6
        // CHECK-NEXT: list 1 count 2
        rc_list *l = rc_list_new();
        rc_list_append(l, a = mk(8));
        printf("list %td count %zu\n", rc_list_len(l), rc_getrefcount(a));
        // CHECK-NEXT: pairs 10 11 count 3
        struct pair p, q;
        q = p = pair_of(10, 11);
        struct pair s = q = p;
        printf("pairs %d %d count %zu\n", s.a->v, s.b->v, rc_getrefcount(p.a));
        // CHECK-NEXT: fin 4
        g = NULL, kept = NULL;
    }
    // CHECK: freed 11, live 0
    printf("freed %d, live %zu\n", freed, rc_live_objects());
    return 0;
}
