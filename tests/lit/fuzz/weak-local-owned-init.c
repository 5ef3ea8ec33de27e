// Found by the differential fuzzer (tests/fuzz, feature weak-owned-init;
// /work/notes/fuzz-bugs.md "weak local from a +1 value"): a weak local
// initialised from a +1 value nothing else holds reads NULL - the object died
// at once, as for a weak field. The plugin stored the dead pointer into the
// slot: "fatal: weak slot ... has no weak references registered".
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

int main(void) {
    {
        RC_WEAK struct obj *w = mk(1);
        printf("w %s\n", w ? "alive" : "null");
    }
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: fin 1
// CHECK-NEXT: w null
// CHECK-NEXT: live 0
