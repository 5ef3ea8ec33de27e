/*
 * gc_cand.c — blocks of the candidate-root buffers (design: gc_cand.h).
 *
 * Freed blocks are kept in a small cache (at most CACHE_MAX): a collection
 * takes a few blocks' worth of roots and its survivors are pushed again, so
 * the same blocks go round without calls to malloc.
 */
#include "gc_cand.h"

#include <stdlib.h>
#include <string.h>

enum { CACHE_MAX = 64 };
static cand_block *cache;
static size_t cached;

cand_block *rc__cand_block_new(void) {
    cand_block *b = cache;
    if (b) {
        cache = b->next;
        cached--;
    } else {
        b = rc__xmalloc(sizeof *b);
    }
    b->next = b->prev = NULL;
    b->n = 0;
    return b;
}

static void block_free(cand_block *b) {
    if (cached < CACHE_MAX) {
        b->next = cache;
        cache = b;
        cached++;
    } else {
        free(b);
    }
}

candbuf rc__cand_split_newest(candbuf *b, size_t count) {
    candbuf out = {NULL, NULL, 0};
    if (count == 0) return out;
    if (count >= b->n) {
        out = *b;
        *b = (candbuf){NULL, NULL, 0};
        return out;
    }
    /* Walk back whole blocks from the tail; the block where the cut falls
     * gives its newest entries to a fresh block. */
    cand_block *x = b->tail;
    size_t left = count;
    while (x->n <= left) {
        left -= x->n;
        x = x->prev;
    }
    cand_block *after = x->next; /* whole blocks taken, oldest first */
    out.head = after;
    out.tail = after ? b->tail : NULL;
    if (after) after->prev = NULL;
    x->next = NULL;
    b->tail = x;
    if (left) {
        cand_block *nb = rc__cand_block_new();
        x->n -= (uint32_t)left;
        memcpy(nb->p, x->p + x->n, left * sizeof *nb->p);
        nb->n = (uint32_t)left;
        nb->next = out.head;
        if (out.head) out.head->prev = nb;
        else out.tail = nb;
        out.head = nb;
    }
    out.n = count;
    b->n -= count;
    return out;
}

void rc__cand_splice(candbuf *dst, candbuf *src) {
    if (!src->head) return;
    if (!dst->head) {
        *dst = *src;
    } else {
        dst->tail->next = src->head;
        src->head->prev = dst->tail;
        dst->tail = src->tail;
        dst->n += src->n;
    }
    *src = (candbuf){NULL, NULL, 0};
}

void rc__cand_clear(candbuf *b) {
    for (cand_block *x = b->head, *next; x; x = next) {
        next = x->next;
        block_free(x);
    }
    *b = (candbuf){NULL, NULL, 0};
}
