// test_gc.test_trashcan: very deeply nested containers (t = [t, Ouch()],
// u = [u, u, Ouch()]) are released without recursion while automatic
// collection is on, and every 17th finalizer calls rc_gc_collect() from the
// middle of that release. Nothing may crash and every finalizer runs once.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static int ouch_n, period;
static void ouch(struct fobj *self) {
    ouch_n++;
    if (ouch_n % period == 0) rc_gc_collect(-1);
}

int main(void) {
    rc_gc_enable();
    fin_hook = ouch;
    /* CPython's N = 150 with a collection every 17th finalizer, then a
     * nesting 100000 deep (every 10007th: full collections see the rest of
     * the chain, queued for release, with count 0). */
    static const int sizes[2] = {150, 100000}, periods[2] = {17, 10007};
    int expected = 0;
    for (int count = 0; count < 2; count++) {
        int N = sizes[count];
        period = periods[count];
        expected += 2 * N;
        rc_list *t = rc_list_new();
        for (int i = 0; i < N; i++) {
            rc_list *next = rc_list_new();
            rc_list_append(next, t);
            struct fobj *o = fobj_new(i);
            rc_list_append(next, o);
            rc_decref(o);
            rc_decref(t);
            t = next;
        }
        rc_list *u = rc_list_new();
        for (int i = 0; i < N; i++) {
            rc_list *next = rc_list_new();
            rc_list_append(next, u);
            rc_list_append(next, u);
            struct fobj *o = fobj_new(i);
            rc_list_append(next, o);
            rc_decref(o);
            rc_decref(u);
            u = next;
        }
        rc_decref(t); /* a chain of N lists goes at once */
        rc_decref(u);
    }
    rc_gc_disable();
    rc_gc_collect(-1);
    CHECK_EQ(ouch_n, expected);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
