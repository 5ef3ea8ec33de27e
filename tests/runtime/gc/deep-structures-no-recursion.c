// Deep structures reached from one candidate: a doubly linked list of a
// million nodes and a chain of a million nodes hanging off a small cycle are
// gathered, scanned, marked and freed by automatic and explicit collections
// with explicit stacks (no recursion: run with a 256 KiB stack), and a live
// deep list survives intact.
// RUN: %cc %s %autorc_lib -o %t && sh -c 'ulimit -s 256 && %t' | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

enum { N = 1000000 };

/* A doubly linked list of n nodes (strong next in a, prev in b), +1 head. */
static struct obj *dlist(int n) {
    struct obj *head = obj_new(0), *tail = head;
    for (int i = 1; i < n; i++) {
        struct obj *x = obj_new(i);
        SET(x->b, tail);
        tail->a = x; /* the new node's +1 moves in */
        tail = x;
    }
    return head;
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    /* live: held by the program; the collections scan all of it */
    struct obj *live = dlist(N);
    CHECK_EQ(rc_gc_collect(0), 0);
    CHECK_EQ(rc_gc_collect(2), 0);
    CHECK_EQ(rc_live_objects(), N);
    long n = 0;
    for (struct obj *p = live; p; p = p->a) n++;
    CHECK_EQ(n, N);
    rc_decref(live); /* head: 2 -> 1 (its successor's prev): garbage */
    CHECK_EQ(rc_live_objects(), N);
    CHECK_EQ(rc_gc_collect(2), N);
    CHECK_EQ(rc_live_objects(), 0);

    /* a chain hanging off a self-cycle, found from the cycle's candidate */
    struct obj *root = obj_new(-1), *tail = root;
    SET(root->b, root);
    for (int i = 0; i < N; i++) {
        struct obj *x = obj_new(i);
        tail->a = x;
        tail = x;
    }
    rc_decref(root);
    rc_gc_set_threshold(1, 10, 10);
    rc_gc_enable();
    struct obj *t = obj_new(0); /* the next tracked allocation collects */
    rc_decref(t);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
