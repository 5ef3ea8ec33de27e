// Collections cut short by the clock still get the garbage collected: a
// program keeps making cyclic garbage (4,000 rings of 100 whose nodes refer
// into a live list of 50,000 nodes, as bench/pause does) while every unit
// of the collector's work is slow (300 ns a traverse call, 3-6 times what
// cache misses on a loaded machine cost), so that automatic collections
// stop taking in work after their 250 us of CPU time (gc.c, "Bounded
// automatic collections") and leave members and roots for the next ones.
// The garbage waiting stays below twice the live heap's size (it is found
// as the program runs, with no explicit collection, while 8 times the live
// heap is made; garbage that the synchronous collections leave behind is
// taken by incremental collections once the heap has doubled: 38,100 at
// the peak here, 50,400 under ASan), and no collection makes more than
// 4,096 traverse calls (scan, marking or clearing, destruction: about 3
// per member; with the member budget alone, AUTORC_GC_PAUSE_US=0, about
// 20,000 here). Where units are slower still (1 us), the collections'
// share of the time no longer keeps up and the garbage grows with the
// program (docs/gc.md, Known limits).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { LIVE = 50000, RING = 100, ROUNDS = 4000, SPREAD = 1024 };

static size_t at_start, most, collections;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (phase[2] == 'a') { /* "start" */
        at_start = traversed;
        return;
    }
    if (info->incremental) return; /* bounded by its garbage, not the clock */
    if (traversed - at_start > most) most = traversed - at_start;
    collections++;
}

static struct node *refs[SPREAD];

int main(void) {
    struct node *last, *list = chain(LIVE, 0, &last);
    struct node *p = list;
    for (int i = 0; i < SPREAD; i++, p = p->next) refs[i] = p; /* the first nodes */
    size_t base = rc_live_objects(), peak = 0;
    rc_gc_callback_add(on_gc, NULL);
    traverse_spin_ns = 300;
    for (long r = 0; r < ROUNDS; r++) {
        struct node *head = node_new(0), *tail = rc_incref(head);
        for (int i = 1; i < RING; i++) {
            struct node *x = node_new(i);
            SET(x->other, refs[(r * RING + i) % SPREAD]);
            SET(x->prev, tail);
            SET(tail->next, x);
            SET(tail, x);
            rc_decref(x);
        }
        SET(tail->next, head);
        SET(head->prev, tail);
        rc_decref(tail);
        rc_decref(head);
        if (rc_live_objects() - base > peak) peak = rc_live_objects() - base;
    }
    traverse_spin_ns = 0;
    rc_gc_callback_remove(on_gc, NULL);
    fprintf(stderr, "%zu collections, the most traverse calls in one %zu, peak garbage %zu of %d made\n",
            collections, most, peak, ROUNDS * RING);
    CHECK(most <= 4096);
    CHECK(peak <= 2 * LIVE);
    rc_decref(last);
    rc_decref(list);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
