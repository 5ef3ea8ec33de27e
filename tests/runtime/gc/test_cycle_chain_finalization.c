// test_finalization.py's CycleChainFinalizationTest, all eight patterns: a
// doubly linked ring (node i's left is node i-1, whose right is node i) of
// SimpleChained (0), ChainedResurrector (1) and SuicidalChained (2, breaks its
// own links in its finalizer) nodes. Every finalizer checks the ring's sanity
// (ChainedBase.check_sanity: a node's neighbours point back at it unless one
// of them broke its links), and so does the test after each collection, on
// every survivor. Each finalizer runs exactly once; every weakref (with or
// without a callback) is cleared before finalizers run (CPython 3.13); the
// resurrectors survive, intact, and a second collection finalizes nobody.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stdbool.h>

#define SET(slot, v)                                                           \
    do {                                                                       \
        void *set_old__ = (void *)(slot);                                      \
        (slot) = rc_incref(v);                                                 \
        rc_decref(set_old__);                                                  \
    } while (0)

enum { SIMPLE, RESURRECTOR, SUICIDAL };
struct node {
    struct node *left, *right;
    int id, kind;
    bool suicided;
};
static void node_finalize(struct node *self);
RC_TYPE_DEFINE(node_type, struct node, node_finalize, RC_FIELD(struct node, left),
               RC_FIELD(struct node, right));

static int del_count[64];
static int insane;
static rc_list *survivors;

static void check_sanity(const struct node *n) {
    if (n->suicided) {
        insane += n->left != NULL || n->right != NULL;
        return;
    }
    const struct node *l = n->left, *r = n->right;
    if (!l || !r) {
        insane++;
        return;
    }
    insane += l->suicided ? l->right != NULL : l->right != n;
    insane += r->suicided ? r->left != NULL : r->left != n;
}

static void node_finalize(struct node *self) {
    del_count[self->id]++;
    check_sanity(self);
    if (self->kind == RESURRECTOR) rc_list_append(survivors, self);
    if (self->kind == SUICIDAL) {
        self->suicided = true;
        SET(self->left, NULL);
        SET(self->right, NULL);
    }
}

static int callbacks;
static void dummy_callback(rc_weakref *ref, void *ctx) { callbacks++; }

/* nodes[i].chain(nodes[i-1]) for every i (node 0's left is the last). */
static void build_chain(int n, const int *kinds, rc_weakref **wrs, rc_weakref **wrcs) {
    struct node *nodes[16];
    for (int i = 0; i < n; i++) {
        nodes[i] = rc_new_typed(struct node, node_type);
        nodes[i]->id = i;
        nodes[i]->kind = kinds[i];
    }
    for (int i = 0; i < n; i++) {
        struct node *left = nodes[(i + n - 1) % n];
        SET(nodes[i]->left, left);
        SET(left->right, nodes[i]);
    }
    for (int i = 0; i < n; i++) {
        wrs[i] = rc_weakref_new(nodes[i], NULL, NULL);
        if (wrcs) wrcs[i] = rc_weakref_new(nodes[i], dummy_callback, NULL);
    }
    for (int i = 0; i < n; i++) rc_decref(nodes[i]); /* del nodes */
}

static void check_survivors_sane(void) {
    for (size_t i = 0; i < rc_list_len(survivors); i++) check_sanity(rc_list_get(survivors, i));
}

static void check_chain(int n, const int *kinds, bool resurrecting) {
    rc_weakref *wrs[16], *wrcs[16];
    for (int i = 0; i < n; i++) del_count[i] = 0;
    callbacks = insane = 0;
    size_t live_before = rc_live_objects();
    build_chain(n, kinds, wrs, resurrecting ? wrcs : NULL);
    rc_gc_collect(-1);
    check_survivors_sane();
    int resurrectors = 0;
    for (int i = 0; i < n; i++) {
        CHECK_EQ(del_count[i], 1);
        CHECK(rc_weakref_get(wrs[i]) == NULL);
        if (resurrecting) CHECK(rc_weakref_get(wrcs[i]) == NULL);
        resurrectors += kinds[i] == RESURRECTOR;
    }
    CHECK_EQ(rc_list_len(survivors), resurrectors);
    if (resurrecting) CHECK_EQ(callbacks, n);
    rc_list_clear(survivors); /* clear_survivors() */
    rc_gc_collect(-1);
    check_survivors_sane();
    for (int i = 0; i < n; i++) CHECK_EQ(del_count[i], 1); /* never twice */
    CHECK_EQ(insane, 0);
    for (int i = 0; i < n; i++) {
        rc_decref(wrs[i]);
        if (resurrecting) rc_decref(wrcs[i]);
    }
    CHECK_EQ(rc_live_objects(), live_before);
}

int main(void) {
    rc_gc_disable();
    survivors = rc_list_new();
    const int S = SIMPLE, R = RESURRECTOR, X = SUICIDAL;
    static int homogenous[] = {S, S, S}, homogenous_resurrect[] = {R, R, R},
               homogenous_suicidal[] = {X, X, X}, suicidal_one[] = {X, S, X, S, X, S},
               suicidal_two[] = {X, X, X, S, S, S}, resurrect_one[] = {R, S, R, S, R, S},
               resurrect_two[] = {R, S, X, R, S, X, R, S, X},
               resurrect_three[] = {R, R, R, S, S, S, X, X, X};
    (void)S; (void)R; (void)X;
    check_chain(3, homogenous, false);           /* test_homogenous */
    check_chain(3, homogenous_resurrect, true);  /* test_homogenous_resurrect */
    check_chain(3, homogenous_suicidal, false);  /* test_homogenous_suicidal */
    check_chain(6, suicidal_one, false);         /* test_heterogenous_suicidal_one */
    check_chain(6, suicidal_two, false);         /* test_heterogenous_suicidal_two */
    check_chain(6, resurrect_one, true);         /* test_heterogenous_resurrect_one */
    check_chain(9, resurrect_two, true);         /* test_heterogenous_resurrect_two */
    check_chain(9, resurrect_three, true);       /* test_heterogenous_resurrect_three */
    rc_decref(survivors);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
