// Found by the differential fuzzer (tests/fuzz, feature two-fields;
// /work/notes/fuzz-bugs.md "field release order"): when an object dies its
// strong fields are released in declaration order, array fields element 0
// first (docs/runtime.md), so finalizers print in that order - in every
// allocator mode. destroy() (types with a finalizer or weak fields, and every
// object under AUTORC_MALLOC=malloc|debug) released them last field first.
// XFAIL: *
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED obj { int id; struct obj *a; struct obj *b; struct obj *arr[2]; };
RC_FINALIZER void obj_fin(struct obj *self) { printf("fin %d\n", self->id); }

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

int main(void) {
    struct obj *top = mk(1);
    top->a = mk(2);
    top->b = mk(3);
    top->arr[0] = mk(4);
    top->arr[1] = mk(5);
    top->a->a = mk(6);      /* the first field's subtree goes first */
    top = NULL;
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: fin 1
// CHECK-NEXT: fin 2
// CHECK-NEXT: fin 6
// CHECK-NEXT: fin 3
// CHECK-NEXT: fin 4
// CHECK-NEXT: fin 5
// CHECK-NEXT: live 0
