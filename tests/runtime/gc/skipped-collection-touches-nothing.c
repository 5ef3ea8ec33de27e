// Automatic collections that cannot find anything (no candidate root: no
// tracked object's count was left above zero by a release since the last
// collection) are skipped: the counts restart as after a collection, they
// do not count in get_stats, and no object is looked at — a heap built
// without such releases stays in generation 0, unscanned, and does not call
// for a full collection. Cyclic garbage made afterwards is collected by
// young collections, which scan only what the candidates reach; survivors
// of real collections do eventually call for a full one.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

static int in_gen(void *x, int gen) {
    rc_list *objs = rc_gc_get_objects(gen);
    int found = rc_list_index(objs, x) >= 0;
    rc_decref(objs);
    return found;
}

/* A chain of n objects built by moving each reference (no count ever
 * drops): the head owns the rest. */
static struct obj *chain(int n) {
    struct obj *head = NULL;
    for (int i = 0; i < n; i++) {
        struct obj *o = obj_new(i);
        o->a = head; /* moved, not retained */
        head = o;
    }
    return head;
}

int main(void) {
    rc_gc_collect(-1);
    rc_gc_set_threshold(100, 10, 10);
    rc_gc_genstats s0[3], s[3];
    rc_gc_get_stats(s0);

    struct obj *first = obj_new(-1);
    struct obj *rest = chain(5000);
    rc_gc_get_stats(s);
    for (int i = 0; i < 3; i++) CHECK_EQ(s[i].collections, s0[i].collections); /* all skipped */
    CHECK(in_gen(first, 0)); /* ... and nothing was looked at, so nothing aged */
    long c[3];
    rc_gc_get_count(c);
    CHECK(c[0] <= 100);

    /* Cyclic garbage now: young collections run and free it; the chain,
     * promoted while alive, never calls for a full collection. */
    for (int i = 0; i < 3000; i++) {
        struct obj *x = obj_new(0), *y = obj_new(1);
        SET(x->a, y);
        SET(y->a, x);
        rc_decref(x);
        rc_decref(y);
    }
    rc_gc_get_stats(s);
    CHECK(s[0].collections > s0[0].collections);
    CHECK(s[1].collections > s0[1].collections);
    CHECK_EQ(s[2].collections, s0[2].collections);
    CHECK(rc_live_objects() <= 5001 + 2 * 100 * 11); /* at most the young generations */

    /* Survivors of real collections (a list that keeps growing while counts
     * drop) do call for a full collection. */
    rc_list *keep = rc_list_new();
    for (int i = 0; i < 20000; i++) {
        struct obj *o = obj_new(i);
        rc_list_append(keep, o);
        rc_decref(o); /* 2 -> 1 */
    }
    rc_gc_get_stats(s);
    CHECK(s[2].collections > s0[2].collections);

    rc_decref(keep);
    rc_decref(rest);
    rc_decref(first);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
