/*
 * gc_cand.h — the collector's candidate-root buffers (gc.c's cand[]).
 *
 * Why blocks: a buffer may hold millions of entries (a program that builds
 * a long doubly linked list buffers every node once; survivors of cut
 * collections wait in cand[1] and cand[2]). A contiguous vector doubles by
 * copying, so one push inside an automatic collection could copy megabytes
 * and fault in fresh pages: pauses of several milliseconds (issue 14). A
 * buffer is instead a chain of fixed-size blocks: a push writes one word
 * and at most allocates one block (taken from a small cache of free ones);
 * nothing is ever copied but the part of one block a split cuts.
 *
 * States and invariants:
 *   - entries are in the order they were pushed: head block first, each
 *     block's p[0..n) in order; only the tail block takes pushes;
 *   - n is the sum of the blocks' counts; an empty buffer has no blocks;
 *     a block in the chain may be partly filled (after a split or a
 *     splice), never empty;
 *   - blocks form a doubly linked chain (prev: walking back from the tail
 *     costs blocks proportional to the entries taken, not to the buffer).
 */
#ifndef AUTORC_GC_CAND_H
#define AUTORC_GC_CAND_H

#include "internal.h"

#include <stddef.h>
#include <stdint.h>

enum { CAND_BLOCK = 1024 }; /* entries per block: 8 KiB */

typedef struct cand_block {
    struct cand_block *next, *prev;
    uint32_t n;
    void *p[CAND_BLOCK];
} cand_block;

typedef struct candbuf {
    cand_block *head, *tail;
    size_t n;
} candbuf;

cand_block *rc__cand_block_new(void);

static inline void cand_push(candbuf *b, void *x) {
    cand_block *t = b->tail;
    if (RC_UNLIKELY(!t || t->n == CAND_BLOCK)) {
        cand_block *nb = rc__cand_block_new();
        nb->prev = t;
        if (t) t->next = nb;
        else b->head = nb;
        b->tail = t = nb;
    }
    t->p[t->n++] = x;
    b->n++;
}

/* Move the newest `count` entries of b (count <= b->n) into a new buffer,
 * returned; b keeps the oldest, in place. */
candbuf rc__cand_split_newest(candbuf *b, size_t count);
/* Append src's entries after dst's (src becomes empty). O(1). */
void rc__cand_splice(candbuf *dst, candbuf *src);
/* Empty b; its blocks go back to the cache or to the system. */
void rc__cand_clear(candbuf *b);

#endif
