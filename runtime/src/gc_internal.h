/*
 * gc_internal.h — what the collector's files (gc.c, the synchronous
 * collections and the gc API; gc_incremental.c, the incremental collection)
 * share: the collector's header bits, the candidate buffers, the inlined
 * traversal and a pointer vector. Design: the comments at the top of gc.c
 * and gc_incremental.c.
 */
#ifndef AUTORC_GC_INTERNAL_H
#define AUTORC_GC_INTERNAL_H

#include "gc_cand.h"
#include "internal.h"

#include <stdlib.h>

#define NGEN 3

/* Header flag bits owned by the collector (RC_F_GC_MASK). RC_F_BUFFERED,
 * RC_F_PERM (autorc.h's inline release reads them), RC_F_ZOMBIE and RC_F_IC
 * (object.c's deallocation reads them) are defined in internal.h. */
enum {
    AGE_SHIFT = RC_F_GC_SHIFT + 2,            /* bits 10..11: the age, 0..2 (3: RC_F_IC) */
    AGE_MASK = 3u << AGE_SHIFT,
    F_COLLECTING = 1u << (RC_F_GC_SHIFT + 4), /* a member of S (unreachable ones keep it
                                               * until they are freed or leave) */
    F_REACHABLE = 1u << (RC_F_GC_SHIFT + 5),  /* found reachable (step 4 only) */
};
_Static_assert((RC_F_BUFFERED | RC_F_PERM | RC_F_ZOMBIE) == ((1u << 8) | (1u << 9) | (1u << 14)),
               "gc.c's flag bits");
_Static_assert((unsigned)RC_F_IC == (unsigned)AGE_MASK, "RC_F_IC is the age bits' fourth value");

/* The most members an automatic collection's set may have, and the CPU
 * time in microseconds after which it stops taking in work (gc.c,
 * "Bounded automatic collections"; AUTORC_GC_PAUSE_US overrides PAUSE_US
 * at start-up); explicit collections have neither. Overridable for tests.
 * Why both (issue 14: no automatic pause over 1 ms with 100 MB live, on a
 * loaded 2-core machine). A member costs 5-60 ns and the cost moves
 * 10-fold with what other processes leave in the caches: bench/pause's
 * collections of 8,192 members took 0.37-1.13 ms of CPU time at load 10
 * (session 11, a scratch runtime timing each step: taking the roots
 * 0.03-0.27 ms, scanning 0.04-0.54, marking 0.08-0.45, restoring the
 * counts 0.03-0.15). A budget in members alone must be sized for the
 * slowest case, which makes every collection small when the machine is
 * idle; the clock bounds the gathering, the most variable part, whatever
 * the machine, and through it the set. It stops the roots' intake at a
 * quarter and the joining at half (gc.c, the clock), so that what it cuts
 * off at the end is cheap to put back. The budget stays: it bounds what
 * follows the gathering when the gathering was fast (8,192 members
 * gathered from warm caches in 40 us and marked in 0.45 ms once they were
 * evicted), and the tests of the schedule count it. 250 us: a little more
 * than the gathering of an 8,192-member collection took in the median
 * there (0.1-0.6 ms), so that the clock cuts the slow ones, and about as
 * much again is left for the steps after it and the load's spikes
 * (bench/pause/noise.c: 10 us of memory work took up to 0.54 ms at load
 * 10) within 1 ms. A smaller budget (4,096) with more collections was not
 * measured. */
#ifndef AUTO_BUDGET
#define AUTO_BUDGET ((size_t)8192)
#endif
#ifndef PAUSE_US
#define PAUSE_US 250u
#endif

static inline unsigned age_of(uint32_t f) { return (f & AGE_MASK) >> AGE_SHIFT; }
static inline bool is_ic_member(uint32_t f) { return (f & RC_F_IC) == RC_F_IC; }

/* The candidate buffers: rc__cand[k] (k < NGEN) the candidate roots of
 * age k; rc__cand[CAND_CUT] the roots that collections cut short by the
 * budget (or by the incremental collection's members) left alive, which
 * only an incremental collection follows further. An object is in at most
 * one buffer (RC_F_BUFFERED). */
enum { CAND_CUT = NGEN };
extern candbuf rc__cand[NGEN + 1];

/* ---- vectors ------------------------------------------------------------ */

typedef struct ptrvec {
    void **p;
    size_t n, cap;
} ptrvec;

static RC_NOINLINE void ptrvec_grow(ptrvec *v) {
    v->cap = v->cap ? v->cap * 2 : 256;
    v->p = rc__xrealloc(v->p, v->cap * sizeof *v->p);
}

static inline void ptrvec_push(ptrvec *v, void *x) {
    if (RC_UNLIKELY(v->n == v->cap)) ptrvec_grow(v);
    v->p[v->n++] = x;
}

/* ---- traversal ------------------------------------------------------------ */

/* rc__traverse, inlined: the fixed fields' offsets come from the type table;
 * only runtime containers (rc_list; RC_F_COMPLEX) go through their hook. */
#if defined(__GNUC__)
#define RC_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define RC_ALWAYS_INLINE inline
#endif
static RC_ALWAYS_INLINE void traverse_head(rc__head *h, rc_visit_fn visit, void *ctx) {
    const rc__typeinfo *ti = rc__info_of(h);
    char *obj = RC_OBJ_OF(h);
    const uint32_t *off = ti->strong;
    for (uint32_t i = 0, n = ti->nstrong; i < n; i++) visit((void **)(obj + off[i]), ctx);
    if (RC_UNLIKELY(h->flags & RC_F_COMPLEX) && ti->type->traverse) ti->type->traverse(obj, visit, ctx);
}

/* Can h join a collection's set? Tracked, alive (not dying, not a zombie),
 * not frozen, not a member of the running synchronous collection nor of the
 * incremental one. */
static inline bool can_join(const rc__head *h) {
    return (h->flags & (RC_F_GC | F_COLLECTING | RC_F_PERM)) == RC_F_GC && h->refcnt != 0 &&
           !is_ic_member(h->flags);
}

/* A zombie taken out of a buffer: its memory goes back unless the
 * incremental collection still points to it (then that returns it). */
static inline void unbuffer_zombie(rc__head *h) {
    RC_ASSERT((h->flags & (RC_F_BUFFERED | RC_F_ZOMBIE)) == (RC_F_BUFFERED | RC_F_ZOMBIE));
    RC_ASSERT(h->flags & (RC_F_LARGE | RC_F_DEBUG)); /* a pool object left its buffer as it died */
    h->flags &= (uint16_t)~RC_F_BUFFERED;
    if (is_ic_member(h->flags)) return;
    h->flags &= (uint16_t)~RC_F_ZOMBIE;
    rc__free_zombie(h);
}

/* ---- the incremental collection (gc_incremental.c) ----------------------- */

/* Is one running (started, its final step not yet run)? */
bool rc__ic_running(void);
/* Start one on the roots waiting in rc__cand[CAND_CUT]. */
void rc__ic_start(void);
/* One slice of bounded work; true once the final step is due. */
bool rc__ic_slice(void);
/* Between incremental collections: unmap a slice's worth of the memory the
 * last one left (its entries and index are unmapped a few pages at a time). */
void rc__ic_idle(void);
/* The final step's set: every member still unmarked and alive goes to
 * `out` (no longer members, age 2); the rest of the collection's state is
 * released. Ends the incremental collection. */
void rc__ic_finish(ptrvec *out);
/* How many members the last incremental collection gathered (its work). */
size_t rc__ic_last_members(void);
/* Give up: every member is released (age 2), the roots taken from
 * rc__cand[CAND_CUT] go back there. O(members). */
void rc__ic_abandon(void);
/* The age a heap walk reports for an object (members: 2, the age they get). */
static inline unsigned reported_age(uint32_t f) { return is_ic_member(f) ? NGEN - 1 : age_of(f); }
#ifdef RC_CHECKED
/* The incremental collection's invariants (validate_state's share). */
void rc__ic_validate(void);
/* gc_cand.h's invariants for buffer c (gc.c). */
void rc__cand_validate(const candbuf *c);
#endif

#endif
