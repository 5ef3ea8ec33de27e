// test_gc.test_resurrection_does_not_block_cleanup_of_other_objects: N plain
// self-loops are collected and counted; a resurrecting Z is not counted as
// collected (collect() and get_stats agree); a Z next to N more self-loops
// does not keep them alive; once the survivors let go, the two Zs go too.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

enum { N = 100 };

static void make_a(void) {
    struct obj *a = obj_new(0);
    SET(a->a, a);
    rc_decref(a);
}
static void make_z(void) {
    struct fobj *z = fobj_new(1);
    SET(z->a, z);
    rc_decref(z);
}
static void getstats(size_t *c, size_t *nc) {
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    *c = s[2].collected;
    *nc = s[2].uncollectable;
}

int main(void) {
    size_t oldc, oldnc, c, nc;
    long t;
    rc_gc_collect(-1);
    rc_gc_disable();
    survivors = rc_list_new();
    fin_hook = resurrect_hook;

    getstats(&oldc, &oldnc);
    for (int i = 0; i < N; i++) make_a();
    t = rc_gc_collect(-1);
    getstats(&c, &nc);
    CHECK_EQ(t, N);
    CHECK_EQ(c - oldc, N);
    CHECK_EQ(nc - oldnc, 0);

    oldc = c, oldnc = nc;
    make_z();
    t = rc_gc_collect(-1); /* nothing is collected: Z is merely resurrected */
    getstats(&c, &nc);
    CHECK_EQ(t, 0);
    CHECK_EQ(c - oldc, 0);
    CHECK_EQ(nc - oldnc, 0);

    oldc = c, oldnc = nc;
    for (int i = 0; i < N; i++) make_a();
    make_z();
    t = rc_gc_collect(-1);
    getstats(&c, &nc);
    CHECK_EQ(t, N);
    CHECK_EQ(c - oldc, N);
    CHECK_EQ(nc - oldnc, 0);

    oldc = c, oldnc = nc;
    CHECK_EQ(rc_list_len(survivors), 2);
    rc_list_clear(survivors);
    t = rc_gc_collect(-1);
    getstats(&c, &nc);
    CHECK_EQ(t, 2);
    CHECK_EQ(c - oldc, 2);
    CHECK_EQ(nc - oldnc, 0);
    CHECK_EQ(ndel, 2);
    rc_decref(survivors);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
