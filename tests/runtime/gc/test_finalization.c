// PEP 442 cases of CPython's Lib/test/test_finalization.py:
//   SimpleFinalizationTest: test_simple, test_simple_resurrect
//   SelfCycleFinalizationTest: test_simple, test_simple_resurrect,
//     test_simple_suicide
//   rings (singly linked) of the CycleChainFinalizationTest kinds; the test
//   class itself, on doubly linked chains with its sanity checks, is
//   test_cycle_chain_finalization.c
// Each finalizer runs exactly once; weakrefs are cleared before it runs (and
// stay cleared for resurrected objects); resurrected objects survive intact
// with everything they reach; dropping the survivors frees all without a
// second finalizer call.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

/* kinds of node: 0 plain finalizer, 1 resurrector, 2 suicidal (breaks its
 * own links in the finalizer) */
static int kind_of[64];
static void hook(struct fobj *self) {
    if (kind_of[self->id] == 1) rc_list_append(survivors, self);
    if (kind_of[self->id] == 2) {
        SET(self->a, NULL);
        SET(self->b, NULL);
    }
}

static void reset(void) {
    ndel = 0;
    rc_list_clear(survivors);
    rc_gc_collect(-1);
}

static int del_count_of(int id) {
    int n = 0;
    for (int i = 0; i < ndel && i < 64; i++) n += del_calls[i] == id;
    return n;
}

/* A ring of n nodes of the given kinds (ids 1..n); weakrefs in wrs. */
static void ring(int n, const int *kinds, rc_weakref **wrs) {
    struct fobj *first = NULL, *prev = NULL;
    for (int i = 0; i < n; i++) {
        kind_of[i + 1] = kinds[i];
        struct fobj *o = fobj_new(i + 1);
        wrs[i] = rc_weakref_new(o, NULL, NULL);
        if (prev) SET(prev->a, o);
        else first = rc_incref(o);
        prev = o;
        rc_decref(o);
    }
    SET(prev->a, first); /* close the ring */
    rc_decref(first);
}

static void check_chain(int n, const int *kinds) {
    rc_weakref *wrs[8];
    int resurrectors = 0;
    for (int i = 0; i < n; i++) resurrectors += kinds[i] == 1;
    reset();
    ring(n, kinds, wrs);
    rc_gc_collect(-1);
    CHECK_EQ(ndel, n);
    for (int i = 0; i < n; i++) {
        CHECK_EQ(del_count_of(i + 1), 1);
        CHECK(rc_weakref_get(wrs[i]) == NULL); /* cleared before finalizers */
    }
    CHECK_EQ(rc_list_len(survivors), resurrectors);
    if (resurrectors) {
        /* the whole ring survives, reachable from any resurrector */
        CHECK_EQ(rc_live_objects(), 1 + n + n);
        struct fobj *s = rc_list_get(survivors, 0), *p = s;
        int len = 0;
        do {
            p = p->a;
            len++;
        } while (p && p != s && len <= n);
        CHECK_EQ(len, n);
    } else {
        CHECK_EQ(rc_live_objects(), 1 + n);
    }
    rc_list_clear(survivors);
    rc_gc_collect(-1);
    CHECK_EQ(ndel, n); /* nobody finalized twice */
    CHECK_EQ(rc_live_objects(), 1 + n);
    for (int i = 0; i < n; i++) rc_decref(wrs[i]);
}

int main(void) {
    rc_gc_disable();
    survivors = rc_list_new();
    fin_hook = hook;

    /* SimpleFinalizationTest: no cycle, dies by count */
    reset();
    kind_of[1] = 0;
    struct fobj *s = fobj_new(1);
    rc_weakref *wr = rc_weakref_new(s, NULL, NULL);
    rc_decref(s);
    CHECK_EQ(ndel, 1);
    CHECK(rc_weakref_get(wr) == NULL);
    rc_decref(wr);
    reset();
    kind_of[1] = 1;
    s = fobj_new(1);
    rc_decref(s);
    CHECK_EQ(ndel, 1);
    CHECK_EQ(rc_list_len(survivors), 1);
    rc_list_clear(survivors); /* dies again: no second call */
    CHECK_EQ(ndel, 1);
    CHECK_EQ(rc_live_objects(), 1);

    /* SelfCycleFinalizationTest */
    for (int kind = 0; kind < 3; kind++) {
        reset();
        kind_of[1] = kind;
        s = fobj_new(1);
        SET(s->b, s);
        wr = rc_weakref_new(s, NULL, NULL);
        rc_decref(s);
        CHECK_EQ(ndel, 0);
        rc_gc_collect(-1);
        CHECK_EQ(ndel, 1);
        CHECK(rc_weakref_get(wr) == NULL); /* XXX is this desirable? (CPython) */
        CHECK_EQ(rc_list_len(survivors), kind == 1);
        if (kind == 1) CHECK(((struct fobj *)rc_list_get(survivors, 0))->b == rc_list_get(survivors, 0));
        rc_list_clear(survivors);
        rc_gc_collect(-1);
        CHECK_EQ(ndel, 1);
        rc_decref(wr);
        CHECK_EQ(rc_live_objects(), 1);
    }

    /* CycleChainFinalizationTest */
    static const int homogenous[3] = {0, 0, 0}, resurrect[3] = {1, 1, 1}, suicidal[3] = {2, 2, 2};
    static const int suicide_one[3] = {0, 2, 0}, resurrect_one[3] = {0, 1, 0},
                     resurrect_two[4] = {1, 0, 1, 0}, resurrect_three[5] = {1, 0, 1, 0, 1};
    check_chain(3, homogenous);
    check_chain(3, resurrect);
    check_chain(3, suicidal);
    check_chain(3, suicide_one);
    check_chain(3, resurrect_one);
    check_chain(4, resurrect_two);
    check_chain(5, resurrect_three);

    rc_decref(survivors);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
