// A tracked object (a type that can be in a cycle) costs the collector
// nothing unless a release leaves its count above zero: its block is the
// 8-byte head and the struct, as an untracked object's (no collector link),
// and building and dropping large structures of such objects runs no
// collection at all (every automatic one is skipped: no candidate roots).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static struct obj *tree(int depth) {
    struct obj *n = obj_new(depth);
    if (depth > 0) {
        n->a = tree(depth - 1); /* moved: no count drops anywhere */
        n->b = tree(depth - 1);
    }
    return n;
}

int main(void) {
    rc_tracemalloc_start(1);
    struct obj *o = obj_new(1);
    CHECK(rc_gc_is_tracked(o));
    size_t cur, peak;
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, sizeof(struct obj) + 8); /* the head only */
    rc_decref(o);
    rc_tracemalloc_stop();

    rc_gc_genstats s0[3], s[3];
    rc_gc_get_stats(s0);
    for (int i = 0; i < 20; i++) {
        struct obj *t = tree(14); /* 32767 tracked objects */
        rc_decref(t);
    }
    struct obj *keep = tree(16); /* a long-lived one, built the same way */
    rc_gc_get_stats(s);
    for (int g = 0; g < 3; g++) CHECK_EQ(s[g].collections, s0[g].collections);
    rc_list *young = rc_gc_get_objects(0); /* never looked at: all still age 0 */
    CHECK_EQ(rc_list_len(young), 131071);
    rc_decref(young);
    rc_decref(keep);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
