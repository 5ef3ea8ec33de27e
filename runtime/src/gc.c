/*
 * gc.c — the cycle collector.  (Being built: see issue "Cycle collector".)
 * For now: tracked objects are kept in a doubly linked list of generation 0.
 */
#include "internal.h"

static rc__gclink gen0 = {(uintptr_t)&gen0, (uintptr_t)&gen0};

void rc__gc_init(void) {}

void rc__gc_track(rc__head *h) {
    rc__gclink *g = RC_LINK_OF(h);
    rc__gclink *last = (rc__gclink *)gen0.prev;
    g->prev = (uintptr_t)last;
    g->next = (uintptr_t)&gen0;
    last->next = (uintptr_t)g;
    gen0.prev = (uintptr_t)g;
}

void rc__gc_untrack(rc__head *h) {
    rc__gclink *g = RC_LINK_OF(h);
    ((rc__gclink *)g->prev)->next = g->next;
    ((rc__gclink *)g->next)->prev = g->prev;
    g->next = g->prev = 0;
}

void rc__gc_maybe_collect(void) {}
