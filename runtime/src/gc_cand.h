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
 * Why an entry can be removed (issue 14, rbtree): most candidates die soon
 * after they are buffered (a path-copying program's temporary retain of a
 * node it then drops: the release to non-zero buffers it, the next update
 * destroys it). A buffer that holds raw pointers keeps such an object's
 * block as a zombie until a collection takes the entry, so its memory is
 * not reused while it is hot, and the collection reads every cold zombie
 * head (rbtree 1000000: 26M zombies against 1M live roots taken). Nim ORC
 * finds a dying root's entry through an index in the object's header; the
 * 8-byte head has no room, so the index lives beside the object: each pool
 * keeps a record per block (pool.c's rc__pool_record, made on the pool's
 * first candidate), written by every push of a pool object. A dying pool
 * object's entry is cleared through it in O(1) (rc__cand_remove) and its
 * block freed at once. Objects outside the pools (larger than 512 bytes,
 * AUTORC_MALLOC=malloc or debug) have no record: they stay zombies until a
 * collection takes the entry (gc.c, Zombies).
 *
 * A record is the entry's place: the block's number in a registry of
 * blocks (every block ever allocated has one, kept while the block is in
 * the cache) and the slot in it, in 32 bits. It is valid while the object
 * is RC_F_BUFFERED and its entry has not been moved: splitting off the
 * newest entries moves some into a block owned by no buffer (owner NULL),
 * and the caller takes them (clears their RC_F_BUFFERED) before anything
 * can die.
 *
 * States and invariants:
 *   - entries are in the order they were pushed: head block first, each
 *     block's p[0..n) in order; only the tail block takes pushes; a removed
 *     entry is NULL (its place is kept: the order of the others is not
 *     changed), and a block whose entries are all removed leaves the chain;
 *   - a block in the chain has live > 0 entries (not removed; a split may
 *     leave it partly filled), so a buffer is empty exactly when it has no
 *     blocks (cand_empty). A buffer keeps no total: a removal touches only
 *     its block (the schedule asks only whether a buffer is empty, a split
 *     counts the entries it takes);
 *   - every block in a buffer's chain has owner == that buffer;
 *   - blocks form a doubly linked chain (prev: walking back from the tail
 *     costs blocks proportional to the entries taken, not to the buffer).
 */
#ifndef AUTORC_GC_CAND_H
#define AUTORC_GC_CAND_H

#include "internal.h"

#include <stddef.h>
#include <stdint.h>

enum { CAND_SLOT_BITS = 10, CAND_BLOCK = 1 << CAND_SLOT_BITS }; /* entries per block: 8 KiB */

typedef struct cand_block {
    struct cand_block *next, *prev;
    struct candbuf *owner; /* the buffer whose chain holds it; NULL once split off */
    uint32_t n;            /* slots used: p[0..n) */
    uint32_t live;         /* entries among them not removed (non-NULL) */
    uint32_t id;           /* its number in the registry (records name it) */
    void *p[CAND_BLOCK];
} cand_block;

typedef struct candbuf {
    cand_block *head, *tail;
} candbuf;

static inline bool cand_empty(const candbuf *b) { return !b->head; }

cand_block *rc__cand_block_new(candbuf *owner);
/* A new tail block for b (the tail is full or there is none). */
cand_block *rc__cand_grow(candbuf *b);

/* cand_push when it needs no call: room in the tail block, h a pool
 * object whose pool has its records. Returns false (nothing done) else. */
static inline bool cand_push_fast(candbuf *b, rc__head *h) {
    cand_block *t = b->tail;
    rc__pool *p = RC_POOL_OF(h);
    if (RC_UNLIKELY(!t || t->n == CAND_BLOCK || (h->flags & (RC_F_LARGE | RC_F_DEBUG)) || !p->records))
        return false;
    uint32_t slot = t->n;
    t->p[slot] = h;
    t->n = slot + 1;
    t->live++;
    *rc__pool_record_in(p, p->records, h) = t->id << CAND_SLOT_BITS | slot;
    return true;
}

/* gc.c's buffers by age; cand_buffer makes h a candidate of cand[0] (h
 * is tracked, not buffered, not frozen), inline where a release keeps an
 * object alive (threadcheck.c, object.c's destruction loop); the slow
 * case (a new block, a pool without records, an object outside the pools)
 * is rc__gc_buffer_slow, a tail call. */
extern candbuf rc__cand[];
void rc__gc_buffer_slow(rc__head *h);
static inline void cand_buffer(rc__head *h) {
    h->flags |= RC_F_BUFFERED;
    if (!cand_push_fast(&rc__cand[0], h)) rc__gc_buffer_slow(h);
}

/* Append h; a pool object's record names the entry (rc__pool_record). */
static inline void cand_push(candbuf *b, rc__head *h) {
    cand_block *t = b->tail;
    if (RC_UNLIKELY(!t || t->n == CAND_BLOCK)) t = rc__cand_grow(b);
    uint32_t slot = t->n;
    t->p[slot] = h;
    t->n = slot + 1;
    t->live++;
    if (RC_LIKELY(!(h->flags & (RC_F_LARGE | RC_F_DEBUG))))
        *rc__pool_record(h) = t->id << CAND_SLOT_BITS | slot;
}

/* The registry: block number -> block (gc_cand.c). */
extern cand_block **rc__cand_reg;
/* A block whose entries were all removed leaves its buffer's chain. */
void rc__cand_unlink(cand_block *x);

/* A dying pool object leaves its buffer (gc_cand.h above): its record
 * names the entry, which is cleared; RC_F_BUFFERED is cleared. Inline for
 * object.c's destruction loop; rc__cand_remove is the same, out of line. */
static inline void cand_remove(rc__head *h) {
    rc__pool *p = RC_POOL_OF(h);
    RC_ASSERT(p->records); /* made by the push */
    uint32_t r = *rc__pool_record_in(p, p->records, h);
    cand_block *x = rc__cand_reg[r >> CAND_SLOT_BITS];
    uint32_t slot = r & (CAND_BLOCK - 1);
    RC_ASSERT(x && slot < x->n && x->p[slot] == h && x->owner);
    x->p[slot] = NULL;
    if (RC_UNLIKELY(--x->live == 0)) rc__cand_unlink(x);
    h->flags &= (uint16_t)~RC_F_BUFFERED;
}

/* Move the newest `count` entries of b (all of them if it has fewer) into
 * a new buffer, returned; b keeps the oldest, in place. The returned blocks have no
 * owner: the caller takes their entries (their records are not updated). */
candbuf rc__cand_split_newest(candbuf *b, size_t count);
/* A place in a buffer's chain: slot i of block b (b NULL: nothing). */
typedef struct cand_pos {
    cand_block *b;
    uint32_t i;
} cand_pos;
/* Where b's newest `count` live entries begin (all of them if it has
 * fewer): read from there to the end of the chain, they are in the order
 * they were pushed. O(blocks walked). */
cand_pos rc__cand_newest(const candbuf *b, size_t count);
/* Take the entry in slot i of x in place (a collection's root): it becomes
 * a hole. The block stays in the chain, even with no live entry left, until
 * rc__cand_settle: entries can be taken while the chain is walked. The
 * taken object's record is stale: the caller clears its RC_F_BUFFERED. */
static inline void cand_take(cand_block *x, uint32_t i) {
    x->p[i] = NULL;
    x->live--;
}
/* After entries were taken in place from `from` on: blocks left without a
 * live entry leave the chain, and the tail block's trailing holes are
 * dropped (pushes fill them again). */
void rc__cand_settle(candbuf *b, cand_pos from);
/* Every entry from `from` to the end of b's chain was taken (the common
 * case of rc__cand_settle, in O(blocks)): b keeps what lies before. */
void rc__cand_drop_from(candbuf *b, cand_pos from);
/* Move every entry of src to the end of dst (src's blocks join dst's chain
 * and name dst as their owner: records stay valid; O(blocks)); src is left
 * empty. */
void rc__cand_append(candbuf *dst, candbuf *src);
/* Live entries in b: O(blocks) (a buffer keeps no total). */
size_t rc__cand_count(const candbuf *b);
/* Empty b; its blocks go back to the cache or to the system. */
void rc__cand_clear(candbuf *b);
/* rc__cand_remove (internal.h) clears a dying pool object's entry. */

#endif
