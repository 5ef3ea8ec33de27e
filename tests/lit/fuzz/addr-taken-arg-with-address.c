// Found by the differential fuzzer (tests/fuzz, feature addr-alias;
// /work/notes/fuzz-bugs.md "address-taken local passed with its address"):
// `f(&x, x)` where f overwrites *out: the local was passed unretained, so the
// callee's store dropped the last reference while the parameter was still in
// use. The argument must be kept alive for the call like a field argument
// (docs/semantics.md), so the object dies after the call, not inside it.
// XFAIL: *
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t
// RUN: env AUTORC_MALLOC=pool %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED obj { int id; struct obj *a; };
RC_FINALIZER void obj_fin(struct obj *self) { printf("fin %d\n", self->id); }

static struct obj *mk(int id) {
    struct obj *o = rc_new(struct obj);
    o->id = id;
    return o;
}

void replace(struct obj **out, struct obj *cur) {
    *out = NULL;
    printf("still using %d\n", cur->id);
}

int main(void) {
    struct obj *x = mk(1);
    replace(&x, x);
    printf("after\n");
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: still using 1
// CHECK-NEXT: fin 1
// CHECK-NEXT: after
// CHECK-NEXT: live 0
