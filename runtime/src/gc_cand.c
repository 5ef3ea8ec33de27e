/*
 * gc_cand.c — blocks of the candidate-root buffers and the removal of a
 * dying object's entry (design: gc_cand.h).
 *
 * Freed blocks are kept in a small cache (at most CACHE_MAX): a collection
 * takes a few blocks' worth of roots and its survivors are pushed again, so
 * the same blocks go round without calls to malloc. The registry maps a
 * block's number to the block; a block given back to the system gives its
 * number back (reg_free), so the registry has at most as many entries as
 * blocks existed at once.
 */
#include "gc_cand.h"

#include <stdlib.h>
#include <string.h>

enum { CACHE_MAX = 64 };
static cand_block *cache;
static size_t cached;

cand_block **rc__cand_reg;    /* reg[id]: the block numbered id, or NULL */
#define reg rc__cand_reg
static uint32_t nreg, capreg; /* ids in use or freed; room */
static uint32_t *freeids;     /* numbers of blocks given back, for reuse */
static uint32_t nfreeids, capfreeids;

static uint32_t reg_add(cand_block *b) {
    if (nfreeids) {
        uint32_t id = freeids[--nfreeids];
        reg[id] = b;
        return id;
    }
    if (nreg == capreg) {
        capreg = capreg ? capreg * 2 : 64;
        if (capreg > (UINT32_MAX >> CAND_SLOT_BITS) + 1u)
            rc__fatal("gc: more than %u candidate blocks", (UINT32_MAX >> CAND_SLOT_BITS) + 1u);
        reg = rc__xrealloc(reg, capreg * sizeof *reg);
    }
    reg[nreg] = b;
    return nreg++;
}

static void reg_free(uint32_t id) {
    reg[id] = NULL;
    if (nfreeids == capfreeids) {
        capfreeids = capfreeids ? capfreeids * 2 : 64;
        freeids = rc__xrealloc(freeids, capfreeids * sizeof *freeids);
    }
    freeids[nfreeids++] = id;
}

cand_block *rc__cand_block_new(candbuf *owner) {
    cand_block *b = cache;
    if (b) {
        cache = b->next;
        cached--;
    } else {
        b = rc__xmalloc(sizeof *b);
        b->id = reg_add(b);
    }
    b->next = b->prev = NULL;
    b->owner = owner;
    b->n = b->live = 0;
    return b;
}

/* A full tail block most of whose entries were removed is compacted in
 * place instead of growing the chain: a buffer's blocks then hold mostly
 * live entries, so a collection reads about as many entries as it takes
 * roots, not one per release to non-zero since the last one (rbtree
 * releases about 26 nodes per insert, and keeps one). The moved entries'
 * records are rewritten (at most a quarter of a block per block's worth of
 * pushes); the order is kept. */
static bool compact(cand_block *t) {
    if (t->live > CAND_BLOCK / 4) return false;
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->n; i++) {
        rc__head *h = t->p[i];
        if (!h) continue;
        if (n != i) {
            t->p[n] = h;
            if (!(h->flags & (RC_F_LARGE | RC_F_DEBUG)))
                *rc__pool_record_in(RC_POOL_OF(h), RC_POOL_OF(h)->records, h) = t->id << CAND_SLOT_BITS | n;
        }
        n++;
    }
    t->n = n;
    return true;
}

cand_block *rc__cand_grow(candbuf *b) {
    cand_block *t = b->tail;
    if (t && compact(t)) return t;
    cand_block *nb = rc__cand_block_new(b);
    nb->prev = t;
    if (t) t->next = nb;
    else b->head = nb;
    b->tail = nb;
    return nb;
}

static void block_free(cand_block *b) {
    if (cached < CACHE_MAX) {
        b->next = cache;
        cache = b;
        cached++;
    } else {
        reg_free(b->id);
        free(b);
    }
}

candbuf rc__cand_split_newest(candbuf *b, size_t count) {
    candbuf out = {NULL, NULL};
    if (count == 0 || !b->head) return out;
    /* Walk back whole blocks from the tail; the block where the cut falls
     * gives its newest live entries to a fresh block. */
    cand_block *x = b->tail;
    size_t left = count;
    while (x && x->live <= left) {
        left -= x->live;
        x->owner = NULL;
        x = x->prev;
    }
    if (!x) { /* every entry */
        out = *b;
        *b = (candbuf){NULL, NULL};
        return out;
    }
    cand_block *after = x->next; /* whole blocks taken, oldest first */
    out.head = after;
    out.tail = after ? b->tail : NULL;
    if (after) after->prev = NULL;
    x->next = NULL;
    b->tail = x;
    if (left) {
        cand_block *nb = rc__cand_block_new(NULL);
        /* the cut: the slot after which x keeps `left` fewer live entries */
        uint32_t cut = x->n;
        for (size_t k = 0; k < left; cut--)
            if (x->p[cut - 1]) k++;
        for (uint32_t i = cut; i < x->n; i++)
            if (x->p[i]) nb->p[nb->n++] = x->p[i];
        nb->live = nb->n;
        x->n = cut;
        x->live -= (uint32_t)left;
        nb->next = out.head;
        if (out.head) out.head->prev = nb;
        else out.tail = nb;
        out.head = nb;
    }
    return out;
}

cand_pos rc__cand_newest(const candbuf *b, size_t count) {
    if (count == 0 || !b->head) return (cand_pos){NULL, 0};
    cand_block *x = b->tail, *after = NULL;
    size_t left = count;
    while (x && x->live <= left) {
        left -= x->live;
        after = x;
        x = x->prev;
    }
    if (!x) return (cand_pos){b->head, 0}; /* every entry */
    if (!left) return (cand_pos){after, 0};
    uint32_t cut = x->n; /* the slot after which x holds `left` live entries */
    for (size_t k = 0; k < left; cut--)
        if (x->p[cut - 1]) k++;
    return (cand_pos){x, cut};
}

void rc__cand_settle(candbuf *b, cand_pos from) {
    for (cand_block *x = from.b, *next; x; x = next) {
        next = x->next;
        if (!x->live) rc__cand_unlink(x);
    }
    cand_block *t = b->tail;
    while (t && t->n && !t->p[t->n - 1]) t->n--;
}

void rc__cand_drop_from(candbuf *b, cand_pos from) {
    cand_block *x = from.b;
    if (!x) return;
    cand_block *after = x->next;
    if (from.i == 0) {
        after = x;
        x = x->prev;
    } else {
        for (uint32_t i = from.i; i < x->n; i++) x->live -= x->p[i] != NULL;
        x->n = from.i;
    }
    /* x keeps its entries before the cut; whole blocks after it go */
    for (cand_block *y = after, *next; y; y = next) {
        next = y->next;
        block_free(y);
    }
    if (x) x->next = NULL;
    else b->head = NULL;
    b->tail = x;
    if (x && !x->live) rc__cand_unlink(x);
}

void rc__cand_append(candbuf *dst, candbuf *src) {
    if (!src->head) return;
    for (cand_block *x = src->head; x; x = x->next) x->owner = dst;
    src->head->prev = dst->tail;
    if (dst->tail) dst->tail->next = src->head;
    else dst->head = src->head;
    dst->tail = src->tail;
    *src = (candbuf){NULL, NULL};
}

size_t rc__cand_count(const candbuf *b) {
    size_t n = 0;
    for (const cand_block *x = b->head; x; x = x->next) n += x->live;
    return n;
}

void rc__cand_clear(candbuf *b) {
    for (cand_block *x = b->head, *next; x; x = next) {
        next = x->next;
        block_free(x);
    }
    *b = (candbuf){NULL, NULL};
}

/* A block whose entries were all removed leaves its buffer's chain. */
void rc__cand_unlink(cand_block *x) {
    candbuf *b = x->owner;
    if (x->prev) x->prev->next = x->next;
    else b->head = x->next;
    if (x->next) x->next->prev = x->prev;
    else b->tail = x->prev;
    block_free(x);
}

void rc__cand_remove(rc__head *h) { cand_remove(h); }
