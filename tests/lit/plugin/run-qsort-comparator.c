// qsort and bsearch over an array of managed pointers, with comparators
// that cast their `const void *` arguments back to the element type: no
// warning (qsort only permutes the references, bsearch only reads them),
// the counts are unchanged by the sort, and nothing is left alive.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fsyntax-only -Xclang -verify %s
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// expected-no-diagnostics
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>

struct RC_MANAGED item { int key; };
RC_FINALIZER void item_del(struct item *self) { printf("del %d\n", self->key); }

static int by_key(const void *a, const void *b) {
    const struct item *x = *(struct item *const *)a;
    const struct item *y = *(struct item *const *)b;
    return (x->key > y->key) - (x->key < y->key);
}

static int find_key(const void *key, const void *elem) {
    int k = *(const int *)key;
    struct item *e = *(struct item *const *)elem;
    return (k > e->key) - (k < e->key);
}

int main(void) {
    struct item *items[4];
    int keys[4] = {3, 1, 4, 2};
    for (int i = 0; i < 4; i++) {
        items[i] = rc_new(struct item);
        items[i]->key = keys[i];
    }
    qsort(items, 4, sizeof items[0], by_key);
    for (int i = 0; i < 4; i++)
        printf("%d rc %zu\n", items[i]->key, rc_getrefcount(items[i]));
    // CHECK: 1 rc 1
    // CHECK-NEXT: 2 rc 1
    // CHECK-NEXT: 3 rc 1
    // CHECK-NEXT: 4 rc 1
    int want = 3;
    struct item **hit = bsearch(&want, items, 4, sizeof items[0], find_key);
    printf("found %d at %d\n", (*hit)->key, (int)(hit - items));
    // CHECK-NEXT: found 3 at 2
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 4
    return 0;
}
// CHECK-NEXT: del 4
// CHECK-NEXT: del 3
// CHECK-NEXT: del 2
// CHECK-NEXT: del 1
