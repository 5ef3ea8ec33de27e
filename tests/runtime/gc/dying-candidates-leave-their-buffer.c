// Candidate roots that die before a collection leave their buffer at once
// (gc_cand.h: a pool object's record finds its entry): blocks of the buffer
// whose entries all died leave it wherever they are in the chain (middle,
// head, tail), a buffer with only dead entries is empty -- so an automatic
// collection with nothing but dead candidates behind it is skipped -- and
// the live candidates among them are still found. A candidate with a
// finalizer dies through the general destruction path and leaves its buffer
// the same way, also after its finalizer resurrected it once (it stays
// buffered while resurrected).
// Objects outside the pools (larger than 512 bytes) have no record: one that
// dies while buffered stays a zombie until a collection takes its entry,
// counted out of rc_live_objects at once and never counted as collected.
// UNSUPPORTED: asan
// (it counts pool blocks; the ASan build runs with AUTORC_MALLOC=malloc, where there are none)
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

enum { N = 5000, EVERY = 7 }; /* 5 blocks of 1024 entries; every 7th lives on in a cycle */

struct big {
    struct big *self;
    char pad[600];
};
RC_TYPE_DEFINE(big_type, struct big, NULL, RC_FIELD(struct big, self));

static size_t blocks(void) {
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    return s.blocks;
}

static size_t collections(int gen) {
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    return s[gen].collections;
}

static struct obj *o[N];

static void drop(int from, int to) {
    for (int i = from; i < to; i++)
        if (i % EVERY) rc_decref(o[i]); /* count 1 -> 0: dies while buffered */
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    size_t b0 = blocks();

    int cycles = 0;
    for (int i = 0; i < N; i++) {
        o[i] = obj_new(i);
        if (i % EVERY == 0) {
            SET(o[i]->a, o[i]); /* a self-cycle: garbage once released */
            cycles++;
        } else {
            rc_incref(o[i]);
        }
        rc_decref(o[i]); /* count 1: buffered */
    }
    /* The dead leave in an order that empties blocks in the middle of the
     * chain first, then the head, then the tail. */
    drop(1024, 3072);
    drop(0, 1024);
    drop(3072, N);
    CHECK_EQ(rc_live_objects(), cycles);
    CHECK_EQ(blocks(), b0 + cycles); /* the dead candidates' blocks are back */
    CHECK_EQ(rc_gc_collect(0), cycles);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_EQ(blocks(), b0);

    /* Only dead candidates: the buffer is empty, the automatic collection
     * that the allocations call for is skipped. */
    for (int i = 0; i < N; i++) {
        o[i] = obj_new(i);
        rc_incref(o[i]);
        rc_decref(o[i]);
    }
    for (int i = 0; i < N; i++) rc_decref(o[i]);
    size_t c0 = collections(0);
    rc_gc_enable();
    for (int i = 0; i < 2100; i++) o[i] = obj_new(i); /* past threshold0 */
    CHECK_EQ(collections(0), c0);
    rc_gc_disable();
    for (int i = 0; i < 2100; i++) rc_decref(o[i]);
    CHECK_EQ(blocks(), b0);

    /* Candidates with a finalizer: one dies, one is resurrected by its
     * finalizer and dies later (the finalizer does not run again). */
    struct fobj *f = fobj_new(7);
    rc_incref(f);
    rc_decref(f); /* buffered */
    rc_decref(f); /* finalized, destroyed */
    CHECK_EQ(ndel, 1);
    CHECK_EQ(blocks(), b0);
    survivors = rc_list_new();
    fin_hook = resurrect_hook;
    f = fobj_new(8);
    rc_incref(f);
    rc_decref(f); /* buffered */
    rc_decref(f); /* finalized and resurrected: still buffered */
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_list_len(survivors), 1);
    fin_hook = NULL;
    rc_decref(survivors); /* f dies now, without its finalizer */
    CHECK_EQ(ndel, 2);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_EQ(blocks(), b0);

    /* A large candidate that dies is a zombie until the collection. */
    struct big *g = rc_new_typed(struct big, big_type);
    rc_incref(g);
    rc_decref(g); /* buffered */
    size_t live = rc_live_objects();
    rc_decref(g);
    CHECK_EQ(rc_live_objects(), live - 1);
    size_t collected = total_collected();
    CHECK_EQ(rc_gc_collect(0), 0);
    CHECK_EQ(total_collected(), collected);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
