// Reading a managed pointer's address is no escape: an identity hash set
// keyed by (uintptr_t)obj >> 4 (Python's id()), address order, and an
// identity test against a `void *` (`rc_list_get(l, i) == n`, Python's
// `is`) compile without a diagnostic, the counts are those of the code
// without them and nothing is left alive. (Converting an integer back to a
// managed pointer, or keeping a managed pointer as `void *`, is an error:
// diag-cast.c.)
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fsyntax-only -Xclang -verify %s
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// expected-no-diagnostics
#include <autorc.h>
#include <stdint.h>
#include <stdio.h>

struct RC_MANAGED node { int v; struct node *next; };
RC_FINALIZER void node_del(struct node *self) { printf("del %d\n", self->v); }

#define NBUCKETS 8
struct RC_MANAGED idset { struct node *slots[NBUCKETS * 4]; int len; };

static size_t id_hash(const struct node *n) { return (size_t)((uintptr_t)n >> 4) % NBUCKETS; }

/* linear probing over the fixed table: 1 if added, 0 if already there */
static int idset_add(struct idset *s, struct node *n) {
    size_t i = id_hash(n) * 4;
    for (;; i = (i + 1) % (NBUCKETS * 4)) {
        if (s->slots[i] == n) return 0;
        if (!s->slots[i]) break;
    }
    s->slots[i] = n;
    s->len++;
    return 1;
}

static int idset_has(const struct idset *s, const struct node *n) {
    for (size_t i = id_hash(n) * 4;; i = (i + 1) % (NBUCKETS * 4)) {
        if (s->slots[i] == n) return 1;
        if (!s->slots[i]) return 0;
    }
}

static struct node *mk(int v) { struct node *n = rc_new(struct node); n->v = v; return n; }

int main(void) {
    {
        struct idset *seen = rc_new(struct idset);
        struct node *a = mk(1), *b = mk(2);
        intptr_t order = (intptr_t)a < (intptr_t)b ? -1 : 1;   // address order
        unsigned long bits = (unsigned long)a;
        printf("added %d %d %d\n", idset_add(seen, a), idset_add(seen, b), idset_add(seen, a));
        // CHECK: added 1 1 0
        printf("has %d %d len %d\n", idset_has(seen, a), idset_has(seen, b), seen->len);
        // CHECK-NEXT: has 1 1 len 2
        printf("counts %zu %zu ordered %d nonzero %d\n", rc_getrefcount(a), rc_getrefcount(b),
               order != 0, bits != 0);
        // CHECK-NEXT: counts 2 2 ordered 1 nonzero 1
        struct node *c = mk(3);
        printf("has c %d\n", idset_has(seen, c));
        // CHECK-NEXT: has c 0
        rc_list *l = rc_list_new();
        rc_list_append(l, b);
        void *first = rc_list_get(l, 0);
        printf("is %d %d %d\n", rc_list_get(l, 0) == b, first != a, a == first);
        // CHECK-NEXT: is 1 1 0
        // CHECK-NEXT: del 3
    }
    // the set releases its slots in table order, which the addresses decide
    // CHECK-DAG: del 1
    // CHECK-DAG: del 2
    printf("live %zu\n", rc_live_objects());
    // CHECK: live 0
    return 0;
}
