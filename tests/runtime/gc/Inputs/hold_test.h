/* hold_test.h — keep-alive holds written by hand, as the plugin emits them
 * around a call argument (autorc.h's rc__hold / rc__hold_drop), and the
 * helpers the hold tests share. */
#ifndef AUTORC_HOLD_TEST_H
#define AUTORC_HOLD_TEST_H
#include "gc_test.h"

/* The plugin's temporary: struct { T *obj; rc__epoch_t epoch; } rc__tN. */
struct hold {
    void *obj;
    rc__epoch_t epoch;
};
/* `f(p->a)` becomes `f((h.obj = rc__hold(&h.epoch, p->a)))`, and the
 * temporary's cleanup rc__hold_drop(&h) ends the hold. */
#define HOLD(h, v) ((h).obj = rc__hold(&(h).epoch, (v)))
#define UNHOLD(h) rc__hold_drop(&(h))

/* Is obj a candidate root (in one of the collector's buffers)? */
static inline int buffered(const void *obj) {
    return (RC__HEAD(obj)->flags & RC__F_BUFFERED) != 0;
}

/* Run automatic collections (of every generation, thresholds permitting):
 * n tracked allocations, kept alive until all are made, then freed. No
 * explicit collection: what is found is found from candidate roots. */
static void churn(int n) {
    struct obj **keep = malloc((size_t)n * sizeof *keep);
    for (int i = 0; i < n; i++) keep[i] = obj_new(-1);
    for (int i = 0; i < n; i++) rc_decref(keep[i]);
    free(keep);
}

/* A two-node garbage-to-be: a <-> b, a held by p->a; nothing buffered
 * (the +1 of each rc_new is moved into a slot, no release to non-zero). */
static void make_pair(struct fobj *p, struct fobj **a, struct fobj **b, int id) {
    *a = fobj_new(id);
    *b = fobj_new(id + 1);
    (*a)->a = *b;             /* b's +1 */
    (*b)->a = rc_incref(*a);
    p->a = *a;                /* a's +1 */
}
#endif
