// Stores to strong slots retain the new value before releasing the old:
// locals, fields, globals, elements of a fixed-size local array, through a
// pointer (out-parameter); self-assignment keeps the object; initialising
// from a +1 result takes ownership without a retain.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %plugin_flags %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
#include "Inputs/rc_test.h"

int finalized;
void node_finalize(struct node *self) { finalized++; }

static struct node *global;

static void make_into(struct node **out, int v) { *out = node_new(v); }

static void test(void) {
    struct node *a = node_new(1);            /* +1 taken: count 1 */
    printf("init %zu\n", rc_getrefcount(a));
    struct node *b = a;                       /* +0 retained: 2 */
    printf("copy %zu\n", rc_getrefcount(a));
    b = b;                                    /* self-assignment */
    printf("self %zu live %zu\n", rc_getrefcount(a), rc_live_objects());
    a->next = node_new(2);                    /* field takes the +1 */
    printf("field %zu\n", rc_getrefcount(a->next));
    global = a->next;                         /* global retains: 2 */
    printf("global %zu\n", rc_getrefcount(global));
    a->next = NULL;                           /* old value released: 1 */
    printf("cleared %zu finalized %d\n", rc_getrefcount(global), finalized);
    struct node *arr[3];
    arr[0] = a;
    arr[1] = global;
    arr[2] = node_new(3);
    printf("array %zu %zu %zu\n", rc_getrefcount(arr[0]), rc_getrefcount(arr[1]),
           rc_getrefcount(arr[2]));
    b = NULL;
    printf("b null %zu\n", rc_getrefcount(a));
    struct node *out;
    make_into(&out, 4);
    printf("out %d %zu\n", out->value, rc_getrefcount(out));
    make_into(&out, 5); /* the old 4 is released by the store in make_into */
    printf("out %d finalized %d\n", out->value, finalized);
}

int main(void) {
    test();
    printf("after %zu\n", rc_live_objects()); /* only global's node */
    global = NULL;
    printf("finalized %d live %zu\n", finalized, rc_live_objects());
    return 0;
}
// CHECK: init 1
// CHECK-NEXT: copy 2
// CHECK-NEXT: self 2 live 1
// CHECK-NEXT: field 1
// CHECK-NEXT: global 2
// CHECK-NEXT: cleared 1 finalized 0
// CHECK-NEXT: array 3 2 1
// CHECK-NEXT: b null 2
// CHECK-NEXT: out 4 1
// CHECK-NEXT: out 5 finalized 1
// CHECK-NEXT: after 1
// CHECK-NEXT: finalized 5 live 0
