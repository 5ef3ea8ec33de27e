// A growable array of plain structs that hold managed pointers (`struct kv
// *items`, the key/value table of everyday C), grown and shrunk with
// rc_slots_resize and freed with rc_slots_free, as [autorc-slots] advises
// for realloc. The runtime's slot functions count pointers: the plugin
// passes the element's size and release helper (rc__values_resize), so the
// block has room for every struct (it had n pointers' room: a heap
// overflow), the added elements are zeroed, and the dropped ones release
// their references (the int key was released as a pointer: a crash).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck %s --check-prefix=EMIT
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf(" %d", self->value); }

struct kv { long key; struct node *val; const char *tag; struct node *extra; };
struct table { struct kv *items; size_t n, cap; };

static void put(struct table *t, long k, struct node *v) {
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 2;
        t->items = rc_slots_resize(t->items, t->cap, cap);
        t->cap = cap;
    }
    t->items[t->n].key = k;
    t->items[t->n].val = v;
    t->items[t->n].tag = "x";
    t->n++;
}

int main(void) {
    struct table t = {0};
    for (long i = 1; i <= 5; i++)
        put(&t, i * 1000, node_new((int)i));
    long sum = 0;
    for (size_t i = 0; i < t.n; i++)
        sum += t.items[i].key + t.items[i].val->value + (t.items[i].extra != NULL);
    printf("n %zu cap %zu sum %ld live %zu\n", t.n, t.cap, sum, rc_live_objects());
    t.items[1].extra = t.items[0].val;    /* a second reference to node 1 */
    t.items[0] = t.items[4];               /* a counted struct copy */
    printf("shrink:");
    t.items = rc_slots_resize(t.items, t.cap, 2); /* drops elements 2..7 */
    t.cap = t.n = 2;
    printf("\nlive %zu\n", rc_live_objects());
    printf("free:");
    rc_slots_free(t.items, t.cap);
    printf("\nlive %zu\n", rc_live_objects());
    return 0;
}
// CHECK: n 5 cap 8 sum 15015 live 5
// CHECK-NEXT: shrink: 3 4{{$}}
// CHECK-NEXT: live 3
// CHECK-NEXT: free: 5 2 1{{$}}
// CHECK-NEXT: live 0
// EMIT: {{^ *}}t->items = rc__values_resize(t->items, t->cap, cap, sizeof(struct kv), rc__vs_kv_dec);
// EMIT: {{^ *}}rc__values_free(t.items, t.cap, sizeof(struct kv), rc__vs_kv_dec);
