// test_gc.test_bug21435: a finalizer that rebinds a field of its object
// (self.attr = None) breaks a garbage cycle while finalize_garbage is walking
// the unreachable list; the next object in that list may already be freed.
// Run with many orders of the cycle's members.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static void clear_b(struct fobj *self) { SET(self->b, NULL); }

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    fin_hook = clear_b;
    for (int order = 0; order < 4; order++) {
        /* a = A(); b = B(A()); a.attr = b; b.attr = a */
        struct obj *a = NULL, *inner = NULL;
        struct fobj *b = NULL;
        if (order & 1) {
            b = fobj_new(1);
            a = obj_new(2);
        } else {
            a = obj_new(2);
            b = fobj_new(1);
        }
        inner = obj_new(3);
        SET(b->a, (struct fobj *)(void *)inner);
        if (order & 2) {
            SET(a->a, (struct obj *)(void *)b);
            SET(b->b, (struct fobj *)(void *)a);
        } else {
            SET(b->b, (struct fobj *)(void *)a);
            SET(a->a, (struct obj *)(void *)b);
        }
        rc_decref(inner);
        rc_decref(a);
        rc_decref(b);
        rc_gc_collect(-1); /* this blew up (bad C pointer) when it failed */
        CHECK_EQ(rc_live_objects(), 0);
    }
    CHECK_EQ(ndel, 4);
    CHECK_DONE();
}
