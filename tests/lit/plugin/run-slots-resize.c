// A vector of managed pointers grown with rc_slots_resize (new slots NULL)
// and freed with rc_slots_free (every slot released, element 0 first),
// next to a calloc'd array: stores release the old values correctly, the
// shrink releases the dropped slots, and nothing is left alive. The raw
// realloc idiom this replaces crashed on the first store (diag-slots.c).
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { printf(" %d", self->value); }

struct RC_MANAGED vec { struct node **items; size_t n, cap; };
RC_FINALIZER void vec_del(struct vec *v) { rc_slots_free(v->items, v->cap); }

static void push(struct vec *v, struct node *o) {
    if (v->n == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 2;
        v->items = rc_slots_resize(v->items, v->cap, cap);
        v->cap = cap;
    }
    v->items[v->n++] = o;
}

int main(void) {
    struct vec *v = rc_new(struct vec);
    for (int i = 1; i <= 5; i++)
        push(v, node_new(i));
    printf("n %zu cap %zu live %zu\n", v->n, v->cap, rc_live_objects());
    printf("overwrite:");
    v->items[1] = v->items[0]; /* a store over a counted slot */
    v->items[4] = NULL;
    printf("\nshrink:");
    v->items = rc_slots_resize(v->items, v->cap, 3); /* drops slots 3..7 */
    v->cap = v->n = 3;
    printf("\nlive %zu\n", rc_live_objects());
    struct node **arr = calloc(3, sizeof *arr);
    arr[2] = node_new(9);
    arr[0] = v->items[2];
    printf("free:");
    v = NULL;
    printf("\ncalloc:");
    rc_slots_free(arr, 3);
    printf("\nlive %zu\n", rc_live_objects());
    return 0;
}
// CHECK: n 5 cap 8 live 6
// CHECK-NEXT: overwrite: 2 5
// CHECK-NEXT: shrink: 4
// CHECK-NEXT: live 3
// CHECK-NEXT: free: 1{{$}}
// CHECK-NEXT: calloc: 3 9{{$}}
// CHECK-NEXT: live 0
