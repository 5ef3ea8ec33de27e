// rc_new(T) whose +1 result nothing takes is released like a +1 call's:
// passed as an argument (to a function or to rc_list_append) it is held in
// a temporary released when the full expression ends; discarded (a
// statement, a cast to void) it is released at once; in a condition it is
// released after the test. Before the fix each of these leaked the object
// (its count stayed 1, no finalizer ran), while `take(make())` was right;
// and rc_new(T) passed to a `void *` parameter (rc_list_append) kept the
// anonymous descriptor of a type without managed fields: no finalizer, its
// strong fields never released.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-no-elide %s %autorc_lib -o %t.naive && %t.naive | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=- -fsyntax-only %s | FileCheck --check-prefix=EMIT %s
#include <autorc.h>
#include <stdio.h>

struct RC_MANAGED obj { struct obj *next; int v; };
static void obj_fin(struct obj *self) RC_FINALIZER;
static void obj_fin(struct obj *self) { printf("finalize %d\n", self->v); }

static int take(struct obj *o) { return (int)rc_live_objects(); }

int main(void) {
    printf("arg: %d alive during the call\n", take(rc_new(struct obj)));
    // CHECK: arg: 1 alive during the call
    // CHECK-NEXT: finalize
    printf("live %zu\n", rc_live_objects());
    // CHECK-NEXT: live 0
    rc_new(struct obj);
    (void)rc_new(struct obj);
    printf("discarded: live %zu\n", rc_live_objects());
    // CHECK-NEXT: finalize
    // CHECK-NEXT: finalize
    // CHECK-NEXT: discarded: live 0
    if (rc_new(struct obj)) printf("condition: live %zu\n", rc_live_objects());
    // CHECK-NEXT: finalize
    // CHECK-NEXT: condition: live 0
    rc_list *l = rc_list_new();
    rc_list_append(l, rc_new(struct obj));
    printf("appended: count %zu\n", rc_getrefcount(rc_list_get(l, 0)));
    // CHECK-NEXT: appended: count 1
    l = NULL;
    printf("list dropped: live %zu\n", rc_live_objects());
    // CHECK-NEXT: finalize
    // CHECK-NEXT: list dropped: live 0
    return 0;
}
// The rewritten lines (anchored at the line's start: this file's own
// comments hold the same words).
// EMIT: {{^    __extension__}}({ struct obj *rc__t{{[0-9]+}} __attribute__((cleanup(rc__drop))) = NULL; printf("arg: %d alive during the call\n", take((rc__t{{[0-9]+}} = {{(RC__NEW_INLINE|RC__NEW_MANAGED|rc_new_typed)}}(struct obj,
// EMIT: {{^    rc_decref}}({{(RC__NEW_INLINE|RC__NEW_MANAGED|rc_new_typed)}}(struct obj,
