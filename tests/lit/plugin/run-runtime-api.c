// The runtime's API with managed objects under the plugin: rc_list is a
// managed type; append/get/set take managed pointers (RC_OBJECT_ARG, no
// escape); rc_list_get is borrowed (a strong local retains it); rc_list_pop
// is owned (a strong local takes it); rc_weakref_get is owned. Nothing is
// counted by hand and everything is freed at the end.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

static rc_list *build(int n) {
    rc_list *l = rc_list_new();
    for (int i = 0; i < n; i++)
        rc_list_append(l, node_new(i)); /* the list retains; the temporary is released */
    return l;
}

int main(void) {
    rc_list *l = build(4);
    printf("len %zu live %zu\n", rc_list_len(l), rc_live_objects());
    struct node *second = rc_list_get(l, 1); /* borrowed, retained by the local */
    printf("second %d count %zu\n", second->value, rc_getrefcount(second));
    struct node *last = rc_list_pop(l); /* owned: taken by the local */
    printf("popped %d count %zu\n", last->value, rc_getrefcount(last));
    rc_list_set(l, 0, last);
    printf("set count %zu\n", rc_getrefcount(last));
    rc_weakref *ref = rc_weakref_new(second, NULL, NULL);
    struct node *again = rc_weakref_get(ref);
    printf("weakref %d count %zu\n", again->value, rc_getrefcount(second));
    again = NULL;
    second = NULL;
    rc_list_clear(l);
    struct node *gone = rc_weakref_get(ref);
    printf("after clear: weakref %s, finalized %d\n", gone ? "alive" : "NULL", finalized);
    l = NULL;
    last = NULL;
    ref = NULL;
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: len 4 live 5
// CHECK-NEXT: second 1 count 2
// CHECK-NEXT: popped 3 count 1
// CHECK-NEXT: set count 2
// CHECK-NEXT: weakref 1 count 3
// CHECK-NEXT: after clear: weakref NULL, finalized 3
// CHECK-NEXT: finalized 4 live 0
