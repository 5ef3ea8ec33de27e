// A ring of a million nodes with strong next and prev links is found and
// freed by one collection: the collector never recurses (no stack overflow,
// also under ASan's bigger frames), and the count is exact.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: collected 1000000
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    enum { N = 1000000 };
    rc_gc_disable();
    struct obj *head = obj_new(0), *tail = head;
    for (int i = 1; i < N; i++) {
        struct obj *n = obj_new(i);
        SET(n->b, tail); /* prev */
        tail->a = n;     /* next: the new object's +1 moves in */
        tail = n;
    }
    SET(tail->a, head);
    SET(head->b, tail);
    rc_gc_collect(-1); /* the whole ring survives while we hold it */
    CHECK_EQ(rc_live_objects(), N);
    rc_decref(head);
    long n = rc_gc_collect(-1);
    printf("collected %ld\n", n);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
