/*
 * gc.c — the cycle collector and the gc API (Python's gc module).
 *
 * Reference counting frees everything except reference cycles. This file
 * finds cycles that nothing outside them refers to and breaks them.
 *
 * Why candidate roots (the choice, issue 14)
 *   The collector's cost must follow the cyclic garbage a program can
 *   make, not the number of objects whose type could be in a cycle. Cyclic
 *   garbage is made only by a release that leaves a count above zero: the
 *   last reference from outside a cycle goes away while the cycle's own
 *   references keep its counts up (Bacon and Rajan's observation; Lins'
 *   lazy cyclic reference counting; Nim's ORC). The alternatives studied:
 *   - CPython's collector (what autorc had): every tracked object carries a
 *     16-byte link, joins generation 0 at birth and leaves its list at
 *     death (a store to both neighbours: a cache miss each), and young
 *     collections scan every young object. A binary tree of a cyclic-capable
 *     type paid 2.7x the time and 2.4x the memory of malloc/free for
 *     nothing. CPython's lazy untracking (tuples and dicts of atoms) only
 *     helps types the runtime knows are atomic, which autorc's are not.
 *   - Bacon–Rajan synchronous trial deletion (Nim ORC): a flag bit and a
 *     buffer push on a release to non-zero; a collection scans only what is
 *     reachable from the buffered candidates. No per-object word, no work
 *     for objects never released that way. Its weak point is the scan: a
 *     candidate inside a large live structure (a node of a long doubly
 *     linked list) makes every collection walk that structure again.
 *   - Walking the pools' arenas enumerates every managed block without any
 *     per-object list: what rc_gc_get_objects, get_referrers, freeze and
 *     explicit collections need, and what automatic ones must avoid.
 *   autorc combines them: objects have no link (8-byte head, as untracked
 *   ones); a release to non-zero buffers the object as a candidate root
 *   (RC_F_BUFFERED, one push, once); a collection runs CPython's
 *   subtract-and-move on the set reachable from the candidates, and keeps
 *   CPython's generations as *ages*, so that the set is bounded: a
 *   collection of generation g enters only objects of age <= g, and treats
 *   older objects as outside (their references count as external, exactly
 *   as an older generation's do in CPython). Survivors age. Objects never
 *   reached by a collection (a tree built and dropped, binary-trees) are
 *   never looked at.
 *
 * Ages (generations) and candidate sets
 *   Two header bits hold an object's age, 0..2: the collections it survived
 *   as part of a collected set (0 at birth). cand[k] holds the candidate
 *   roots of age k: cand[0] the objects released to non-zero since the
 *   last collection; a candidate that survives a collection of g whose set
 *   was cut short by an older object (the "boundary") may still be part of
 *   garbage that includes that older object, so it moves to cand[g + 1];
 *   one whose set was not cut short is alive, and leaves the buffers (if it
 *   becomes garbage later, a release to non-zero buffers it again). A full
 *   collection has no boundary (frozen objects are alive by definition).
 *   An object is in at most one buffer (RC_F_BUFFERED).
 *
 * A collection of generation g (collect())
 *   1. roots: the candidates of cand[0..g] (zombies among them, objects
 *      outside the pools destroyed while buffered, have their memory
 *      returned now; entries of pool objects that died were removed). An
 *      explicit collection (rc_gc_collect) also takes every tracked object
 *      of age <= g, by walking the heap: it sees what CPython's would.
 *   2-3, one pass over S as it grows (a vector, no recursion; CPython
 *      3.8's update+subtract in one):
 *   2. the set S: the roots, and everything reachable from them through
 *      tracked objects of age <= g that are alive and not frozen
 *      (F_COLLECTING marks members; a member's count is saved beside it
 *      in S when it joins).
 *   3. subtract: every slot of every member that points to a member
 *      decrements the target's count in place. Afterwards a count is the
 *      number of references from outside S. A count going below zero
 *      means a count is too low (a store without rc_incref): fatal.
 *   4. mark: members with references from outside are reachable, and so is
 *      everything they reach inside S (F_REACHABLE; an explicit stack).
 *   5. counts are restored. Reachable members age (to g + 1, at most 2);
 *      surviving roots move to cand[g + 1] or leave the buffers (above).
 *      The rest is the unreachable set.
 *   6-8. as CPython (PEP 442): weak references to unreachable objects are
 *      cleared (callbacks of weakrefs that are not garbage themselves run),
 *      then finalizers run, once per object (RC_F_FINALIZED). While user
 *      code runs, the collector holds a reference to every unreachable
 *      object (none can be freed under it); afterwards steps 3-5 run again
 *      on the unreachable set alone, less those references: whatever user
 *      code made reachable is resurrected, with all it reaches.
 *   8b. then, without callbacks (CPython 3.13's rule; issue 12): weak
 *      references to the final garbage made by user code in 6-7 are
 *      cleared, and so are weakref objects that die with the garbage
 *      (clear_final_weakrefs): no user code run while the garbage is taken
 *      apart can reach a garbage object.
 *   9. final garbage: with DEBUG_SAVEALL it goes to rc_gc_garbage().
 *      Otherwise every strong slot of every garbage object is set to NULL
 *      (a slot into the garbage just decrements its target; one pointing
 *      outside is released after all garbage is gone), and each garbage
 *      object, now at count 0, is destroyed by object.c's rc__dealloc
 *      (weak fields, tracemalloc, destroy hook, memory).
 *   The collection returns the number of objects found in step 9, less
 *   those that counting alone frees once finalizers cut their links (as
 *   CPython, which frees them by counts while it finalizes).
 *
 * Bounded automatic collections (issue 14: pauses)
 *   The set S of an automatic collection has at most AUTO_BUDGET members
 *   (8192: at most about half a millisecond of work with 100 MB live, on
 *   the machines of docs/performance.md): roots beyond it wait in their buffer
 *   (a collection takes a buffer's newest entries, so the waiting ones stay
 *   in place), and an object the gather meets once S is full is treated as
 *   an older one: outside, its references counted as external, and the
 *   surviving roots kept as candidates (as with a boundary). That is
 *   always safe -- trial deletion on any subset only frees what is
 *   referenced from inside the subset alone -- and it finds every cycle
 *   that fits: a ring dropped over a 100 MB live heap is found whatever
 *   live structure its nodes point into (the live part is cut off). What
 *   it cannot find is garbage larger than the budget: that is the
 *   incremental collection's (gc_incremental.c, its design and argument
 *   there): slices of bounded work, imprecise and without a write barrier,
 *   propose a set; an exact trial deletion on that set alone (collect()
 *   with ic_final) frees what is garbage in it, a pause proportional to
 *   the set, not to the heap. It replaces the heap walk that ran
 *   automatically once a collection was cut short and the heap doubled
 *   (0.6 s with 100 MB live). The roots that a generation-2 collection cut
 *   short leaves alive wait for it in cand[CAND_CUT] (before, they left
 *   the buffers). Its members are outside every synchronous collection (as
 *   older objects; a collection that meets one counts as cut, so its roots
 *   are kept too). The alternatives studied: CPython 3.14's increments are
 *   transitive closures, unbounded on one big structure; Nim ORC scans
 *   whatever its roots reach; a classic incremental mark needs a write
 *   barrier on the inline paths. Explicit collections (rc_gc_collect) and
 *   the one at exit have no budget: rc_gc_collect(2) finds every
 *   unreachable cycle (they abandon a running incremental collection).
 *   A bounded collection must not fall behind a program that buffers
 *   candidates faster than one budget per period: one that leaves roots
 *   waiting brings the next collection 8 times sooner (pace()), and makes
 *   it one of generation 1 if roots of age >= 1 wait. The backlog is worked
 *   off in more collections, each bounded, instead of in longer ones.
 *   Nothing else in an automatic collection may grow with the heap: the
 *   candidate buffers, which can hold an entry per live object (every node
 *   of a list built by appending is released to non-zero once), are chains
 *   of blocks (gc_cand.h), so pushing survivors or splitting off the
 *   newest roots never copies a buffer (a doubling vector did: 5-6 ms).
 *
 * Dying candidates and zombies
 *   A buffer holds raw pointers. Most candidates die soon after they were
 *   buffered (a temporary retain and release of a node a path-copying
 *   update then drops: rbtree buffers nearly every node it allocates), so
 *   a pool object that dies while buffered leaves its buffer at once: its
 *   pool's record finds its entry, which is cleared in O(1) (gc_cand.h),
 *   and its block is freed while it is hot. Collections skip cleared
 *   entries; a buffer's count is of live entries, so the schedule and the
 *   budget see only candidates that can still be garbage. Objects outside
 *   the pools have no record: one destroyed while buffered keeps its
 *   memory (object.c: RC_F_ZOMBIE, count 0, already counted out of
 *   rc_live_objects) until the collection that takes its entry frees it.
 *   At most the candidates of one schedule period wait that way. The
 *   incremental collection's members keep their memory the same way
 *   (RC_F_IC), pool objects too: the IC holds no record. Buffered and a
 *   member are independent (a member released to a non-zero count is
 *   buffered: it may become garbage after the IC marked it); a pool
 *   member that dies leaves its buffer and stays the IC's zombie; a zombie
 *   outside the pools both buffered and a member is freed by whichever
 *   lets go last (unbuffer_zombie, gc_incremental.c's release).
 *
 * Keep-alive holds and the epoch (issue 14: rbtree)
 *   The plugin retains an argument it cannot prove stays alive across a
 *   call (`ins(t->right, k, v)`: the callee may drop t->right) into a
 *   temporary, released when the full expression ends: a *hold*. Its
 *   release takes the count from n + 1 back to n, usually above zero, and
 *   so made every such object a candidate root -- rbtree buffered nearly
 *   every node it allocates that way, ~1/5 of its time. A hold saves the
 *   epoch (rc__gc_epoch) when it retains, and its release (autorc.h's
 *   rc__release_held) buffers nothing if the epoch has not moved since;
 *   otherwise, at zero and for the thread check it is rc_decref.
 *   The epoch moves (epoch_advance()) before a collection looks at any
 *   count: at the start of collect() (automatic, explicit, at exit, the
 *   incremental collection's final step) and before each of its slices
 *   (incremental_turn). Every future collection step must do the same. rc__gc_track moves it when lazy
 *   tracking tracks an object again (below).
 *   Why a hold's release may skip the buffer. Call a live object covered
 *   when it is reachable from a root (a variable, a frozen object, a hold
 *   whose epoch moved) or from a live candidate root. The collector needs
 *   every live object covered: a collection starts from the candidates
 *   and counts every other reference as external. Holds whose epoch has
 *   not moved are not roots in that sense, and covered stays true across
 *   every step of the program without them:
 *   - taking a hold: its object is live, so covered already;
 *   - a release to non-zero buffers its object (unless it is buffered
 *     already, frozen -- a root --, or untracked: no cycle passes through
 *     it, so its remaining referrers cover it), and whatever lost its path
 *     through the removed reference is reachable from that object;
 *   - a finalizer run by a release to zero that resurrects its object (a
 *     count-0 object is not covered, nor what only it reaches: a hold
 *     the finalizer takes on its child covers nothing) buffers it
 *     (object.c's destroy()): a cycle the resurrection closed passes
 *     through it -- a limit of plain candidate roots too, holds or not;
 *   - a release to zero destroys the object; each child it releases to
 *     non-zero is buffered (object.c's destruction loop), so whatever was
 *     reachable through it stays covered;
 *   - a new reference only adds paths; weak references are not paths;
 *   - entries leave the buffers only when their object dies, in a
 *     collection, or in rc_gc_freeze, which makes every live tracked
 *     object frozen (rc_gc_unfreeze buffers every object it thaws);
 *   - so when such a hold ends, its object is covered without it: if it
 *     is garbage now, a candidate reaches it, and buffering it would add
 *     nothing. (Every release inside the window that would have freed an
 *     object without the hold went to non-zero and buffered it instead.)
 *   Where it fails, the epoch moves:
 *   - a collection counts a hold as an external reference, so it may
 *     dismiss candidates (F_BUFFERED cleared) whose reach is alive only
 *     through the hold: after it, nothing but the hold may cover them.
 *     Having moved the epoch first, every hold then alive is stale -- a
 *     root like any other -- and its release buffers as rc_decref does.
 *     Finalizers and weakref callbacks a collection runs are ordinary
 *     code: holds they take begin after the move and end before the
 *     collection looks at counts again;
 *   - lazy tracking (rc_dict): a release of an untracked object buffers
 *     nothing, so once it is tracked again (rc__gc_track) and can close a
 *     cycle, a hold taken before may be all that covers it
 *     (`f(g->d)` where f drops g->d and stores the dict into itself).
 *   The held object cannot die inside the window (the hold counts); if
 *   the hold was its last reference, its release frees it, and if it was
 *   buffered meanwhile it leaves its buffer as any dying candidate.
 *   Threads: the epoch is process-wide, as the buffers are; the rule that
 *   serialises runtime use between threads (docs/runtime.md, Threads)
 *   orders a collection on one thread before a hold's release on another,
 *   which then sees the moved epoch. The epoch has 64 bits: it never wraps
 *   back to a saved value.
 *
 * At exit (AUTORC_GC_AT_EXIT, default 1): one full collection that follows
 * the candidate roots of every age, as CPython collects at shutdown;
 * skipped without candidates, inside a collection or inside object.c's
 * destruction loop.
 *
 * Re-entrancy
 *   `collecting` is set from the "start" callbacks to the "stop" callbacks:
 *   automatic collections are suppressed and rc_gc_collect() returns 0 while
 *   it is set (CPython's behaviour). User code (weakref callbacks,
 *   finalizers, releases of outside objects) may create objects, release
 *   objects to non-zero (they go to a fresh cand[0]) and destroy objects.
 *   Nothing a collection holds in its vectors is freed under it: unreachable
 *   objects are held while user code runs, and members of S are not looked
 *   at after user code ran except through those held references. If a
 *   collection runs inside object.c's destruction loop (a finalizer
 *   allocated or called rc_gc_collect), objects on that loop's stack have
 *   count 0 and are never members of S: their references count as outside.
 *
 * Scheduling (CPython's thresholds, CPython's counts)
 *   count0 (kept as rc__gc_left, see count0()) = tracked allocations minus deallocations since
 *   the last collection; count[i] (i > 0) = collections of generation i-1
 *   since the last collection of i. After a tracked allocation, if enabled
 *   and threshold0 != 0 and count0 > threshold0, the oldest generation whose
 *   count exceeds its threshold is collected — generation 2 only when
 *   long_lived_pending (objects that reached age 2 in younger collections
 *   since the last full one) is at least long_lived_total (the survivors of
 *   the last full collection) / LONG_LIVED_DIVISOR, which keeps full
 *   collections amortised linear on a growing heap. A collection of g whose
 *   buffers cand[0..g] are all empty cannot find anything and is skipped:
 *   counts restart as after it, get_stats does not count it, and no object
 *   is touched. Thresholds default to 2000, 10, 10 (CPython 3.13's).
 *   After a collection that left roots waiting, pace() raises count0 to
 *   threshold0 - threshold0 / 8 and count[1] above threshold1 (above).
 *   Before all that, incremental_turn(): an incremental collection starts
 *   when due (or a heap walk runs, where the heap is mostly garbage larger
 *   than the budget: walk_due); while one runs, triggers come every threshold0 / 32
 *   allocations and run its slices (or its final step, a collection of
 *   generation 2), except that one runs the synchronous collections above
 *   once they are due as without an IC (pace() included): no trigger
 *   does both, and no slice runs inside object.c's destruction loop.
 *
 * Threads: none (see autorc.h); all state here is per process, the epoch
 * included.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* mremap */
#endif
#include "internal.h"
#include "gc_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#ifdef RC_ASAN
#include <sanitizer/asan_interface.h>
#endif

/* A collection that leaves roots waiting brings the next one this many
 * times sooner (pace()). */
#define PACE_DIVISOR 8
/* While an incremental collection runs, triggers come after threshold0 /
 * this allocations (its slices alternate with synchronous collections). */
#define IC_PACE_DIVISOR 32
/* An incremental collection starts once the program holds (the last one's
 * members) / this more objects than after it, and twice as many
 * (ic_growth_needed). 1: the growth pays for the IC's own work; 4
 * (CPython's 25% rule) made the build phase of bench/pause 2.2x slower
 * (an IC's work, a breadth-first gathering through a side table, costs
 * more per object than a walk of the arenas), 2: 1.9x. */
#define IC_GROWTH_DIVISOR 1
/* An IC that frees fewer than its members / this is futile (ic_judge); the
 * growth the next waits for doubles at most this many times. */
#define IC_FUTILE_DIVISOR 16
#define IC_FUTILE_MAX 2u
/* A full collection needs long_lived_pending >= long_lived_total / this. */
#ifndef LONG_LIVED_DIVISOR
#define LONG_LIVED_DIVISOR 1
#endif

#ifdef AUTORC_STATS
#define RC__STAT_GC(k) (rc__stat_gc_candidates += (k))
#else
#define RC__STAT_GC(k) ((void)(k))
#endif

/* ---- vectors ------------------------------------------------------------ */

/* Keep a vector's memory between collections unless it grew huge. */
static void ptrvec_reset(ptrvec *v) {
    v->n = 0;
    if (v->cap > 65536) {
        free(v->p);
        v->p = NULL;
        v->cap = 0;
    }
}

/* The collected set S: members and their saved counts. */
typedef struct member {
    rc__head *h;
    uintptr_t saved;
} member;
typedef struct memvec {
    member *p;
    size_t n, cap;
} memvec;

/* S can hold every tracked object (a collection that walks the heap: 16
 * bytes each). Its large capacities are mapped directly instead of
 * malloc'd: glibc raises its mmap threshold to the size of a freed mapped
 * chunk, so after the first large S the next ones -- and the program's own
 * large requests -- came from its heap, whose top then stayed in use
 * (rbtree 1000000: 57.9 MB peak RSS with malloc, 54.0 MB mapped). Bounded
 * automatic collections (8192 members: 128 KiB) stay below the limit. */
#define SET_MAPPED_BYTES ((size_t)256 << 10)
static member *set_alloc(size_t cap) {
    size_t bytes = cap * sizeof(member);
    if (bytes < SET_MAPPED_BYTES) return rc__xmalloc(bytes);
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) rc__fatal("out of memory (gc: a set of %zu objects)", cap);
    return p;
}
static void set_release(member *p, size_t cap) {
    if (!p) return;
    if (cap * sizeof(member) < SET_MAPPED_BYTES) free(p);
    else munmap(p, cap * sizeof(member));
}

static RC_NOINLINE void memvec_grow(memvec *v) {
    size_t cap = v->cap ? v->cap * 2 : 256;
    member *p;
#ifdef __linux__
    if (v->cap * sizeof(member) >= SET_MAPPED_BYTES) { /* mapped already: move the pages */
        p = mremap(v->p, v->cap * sizeof(member), cap * sizeof(member), MREMAP_MAYMOVE);
        if (p == MAP_FAILED) rc__fatal("out of memory (gc: a set of %zu objects)", cap);
#ifdef RC_ASAN
        /* mremap keeps the destination's shadow: poison there is stale,
         * left by code that poisoned memory after unmapping it (pool.c's
         * pool_free_block did), and the set would read as poisoned. */
        RC_ASSERT(!__asan_region_is_poisoned(p, cap * sizeof(member)));
#endif
        v->p = p;
        v->cap = cap;
        return;
    }
#endif
    p = set_alloc(cap);
    if (v->n) memcpy(p, v->p, v->n * sizeof *p);
    set_release(v->p, v->cap);
    v->p = p;
    v->cap = cap;
}

/* ---- state --------------------------------------------------------------- */

/* cand[0..NGEN-1]: candidate roots by age (heads; gc_cand.h); cand[CAND_CUT]:
 * roots left by collections cut short, for the incremental collection. */
candbuf rc__cand[NGEN + 1];
#define cand rc__cand
static long count[NGEN]; /* count[0] unused: count0() */
static long threshold[NGEN] = {2000, 10, 10};
static bool enabled = true;
static bool collecting;
/* Count 0 is kept as the allocations left before the trigger (autorc.h's
 * inline allocation counts rc__gc_left down and tests its sign): the
 * trigger is threshold0 while automatic collections may run, else
 * LONG_MAX; count 0 = rc__gc_trigger - rc__gc_left, at least 0. */
long rc__gc_trigger = 2000;
/* rc__gc_left: autorc.h's rc__fv.gc_left, 2000 at start (object.c). */
static inline long count0(void) { return rc__gc_trigger - rc__gc_left; }
static inline void set_count0(long c) { rc__gc_left = rc__gc_trigger - c; }
static void update_trigger(void) {
    long c = count0();
    rc__gc_trigger = enabled && threshold[0] && !collecting ? threshold[0] : LONG_MAX;
    set_count0(c);
}
static int debug;
static rc_gc_genstats stats[NGEN];
static size_t long_lived_total, long_lived_pending;
/* Has an automatic collection been cut short by AUTO_BUDGET since the last
 * full collection that walked the heap or incremental one? walk_base:
 * rc__live after that walk; for an incremental collection, when it started
 * less what it freed (what a walk then would have left: the garbage made
 * while it ran, which it does not look for, counts as growth; measured
 * from its end, a program making large garbage grew without bound); before
 * the first one, when the first collection was cut. */
static bool cut_short, ic_final_due;
static size_t walk_base, ic_start_live;
static bool walked;
static rc_list *garbage;

typedef struct callback {
    rc_gc_callback fn;
    void *ctx;
} callback;
static callback *callbacks;
static size_t ncallbacks, cap_callbacks;

/* ---- traversal ------------------------------------------------------------ */

static inline bool is_member(const rc__head *h) {
    return (h->flags & (RC_F_GC | F_COLLECTING)) == (RC_F_GC | F_COLLECTING);
}

/* ---- candidate roots ---------------------------------------------------- */

void rc__gc_buffer_slow(rc__head *h) { cand_push(&cand[0], h); }

void rc__gc_buffer(rc__head *h) { cand_buffer(h); }

/* ---- keep-alive holds ("Keep-alive holds and the epoch") ----------------- */

/* Before a collection step looks at any count: holds alive now become
 * stale ("Keep-alive holds and the epoch"). */
static inline void epoch_advance(void) { rc__gc_epoch++; }

void rc__release_held_kept(rc__head *h, rc__epoch_t saved) {
    /* A hold saves the epoch and the epoch only grows: a later epoch is a
     * hold never taken (its memory not a hold) or a corrupted one. */
    RC_ASSERT(saved <= rc__gc_epoch);
    /* A count still above zero after the release: the object cannot be
     * dying or dead (no reference is made once DYING is set). */
    RC_ASSERT(!(h->flags & (RC_F_DYING | RC_F_ZOMBIE)));
    if (h->flags & RC__F_OWNED) rc__owner_check(RC_OBJ_OF(h));
    if (saved != rc__gc_epoch && rc__gc_wants_candidate(h))
        cand_buffer(h);
}

/* Take the buffers cand[0..g] (g may be CAND_CUT) into roots; zombies are freed, the others
 * leave the buffers (F_BUFFERED cleared: a survivor may be put back). */
static void take_roots(int g, ptrvec *roots) {
    for (int k = 0; k <= g; k++) {
        candbuf *c = &cand[k];
        for (cand_block *b = c->head; b; b = b->next)
            for (uint32_t i = 0; i < b->n; i++) {
                rc__head *h = b->p[i];
                if (!h) continue; /* removed: it died (gc_cand.h) */
                if (h->flags & RC_F_ZOMBIE) {
                    unbuffer_zombie(h);
                    continue;
                }
                h->flags &= (uint16_t)~RC_F_BUFFERED;
                ptrvec_push(roots, h);
            }
        rc__cand_clear(c);
    }
}

/* Empty every buffer (freeze): zombies freed, the rest unbuffered. */
static void drop_all_candidates(void) {
    ptrvec roots = {0};
    take_roots(CAND_CUT, &roots);
    free(roots.p);
}

/* ---- the collected set --------------------------------------------------- */

/* Reused between collections (a collection never runs inside another). */
static memvec set;
static ptrvec stack, unreach, outside;

typedef struct gather_ctx {
    unsigned maxage; /* enter objects of this age or younger */
    size_t budget;   /* at most this many members (automatic collections) */
    bool boundary;   /* a member refers to an older live object, or one the
                      * budget kept out */
    bool cut;        /* ... the budget did */
    bool out;        /* the member being scanned has a slot out of S */
    uint32_t into;   /* ... and this many slots into S */
} gather_ctx;
/* The saved word of a member: its count (low 32 bits), then, once scanned,
 * its slots into S (bits 32..62) and whether a slot points out of S (63). */
#define SAVED_COUNT(w) ((uint32_t)(w))
#define SAVED_INTO(w) (((w) >> 32) & 0x7fffffffu)
#define SAVED_OUT(w) ((w) >> 63)

/* A new member; its count is saved beside it (steps 3-5 work in place). */
static inline void set_add(rc__head *h) {
    h->flags |= F_COLLECTING;
    if (RC_UNLIKELY(set.n == set.cap)) memvec_grow(&set);
    set.p[set.n].h = h;
    set.p[set.n].saved = h->refcnt;
    set.n++;
}

/* Its count is being decremented in place: the message names the count it
 * had (saved beside it in S; a linear search on the way to abort). */
static RC_NOINLINE RC_NORETURN void refs_underflow(void *obj) {
    uint32_t count = RC_HEAD_OF(obj)->refcnt;
    for (size_t i = 0; i < set.n; i++)
        if (set.p[i].h == RC_HEAD_OF(obj)) count = SAVED_COUNT(set.p[i].saved);
    rc__fatal("gc: object %p of type '%s' is referenced from more tracked slots than its count "
              "%u says (a store without rc_incref, or a release too many?)",
              obj, rc_typename(obj), count);
}

/* Steps 2 and 3 in one pass (CPython 3.8's update+subtract): a slot's target
 * joins S when first met (its count saved), and every slot into S
 * decrements its target's count. */
static RC_ALWAYS_INLINE void visit_gather(void **slot, void *ctx) {
    void *c = *slot;
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    uint32_t f = ch->flags;
    gather_ctx *gc = ctx;
    if ((f & (RC_F_GC | F_COLLECTING)) != (RC_F_GC | F_COLLECTING)) {
        if ((f & (RC_F_GC | RC_F_PERM)) != RC_F_GC || ch->refcnt == 0) { /* never joins */
            gc->out = true;
            return;
        }
        if (age_of(f) > gc->maxage) {
            gc->boundary = gc->out = true; /* older: outside, as an older generation */
            if (is_ic_member(f)) gc->cut = true; /* the IC's: outside, as the budget's */
            return;
        }
        if (RC_UNLIKELY(set.n >= gc->budget)) {
            gc->boundary = gc->cut = gc->out = true; /* outside, as an older one */
            return;
        }
        set_add(ch);
    }
    if (RC_UNLIKELY(ch->refcnt == 0)) refs_underflow(c);
    ch->refcnt--;
    gc->into++;
}

static RC_ALWAYS_INLINE void gather_subtract(gather_ctx *gc, size_t from) {
    for (size_t i = from; i < set.n; i++) {
        gc->out = false;
        gc->into = 0;
        traverse_head(set.p[i].h, visit_gather, gc);
        set.p[i].saved |= (uintptr_t)(gc->into < 0x7fffffffu ? gc->into : 0x7fffffffu) << 32 |
                          (uintptr_t)gc->out << 63;
    }
}

static void walk_add_young(rc__head *h, void *ctx) {
    unsigned maxage = *(unsigned *)ctx;
    if (can_join(h) && age_of(h->flags) <= maxage) set_add(h);
}

/* Step 3 on a fixed S (the resurrection check). `held`: each member
 * carries one reference of the collector's (not from outside). */
static void visit_subtract(void **slot, void *ctx) {
    void *c = *slot;
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    if (!is_member(ch)) return;
    if (RC_UNLIKELY(ch->refcnt == 0)) refs_underflow(c);
    ch->refcnt--;
}

static void subtract(unsigned held) {
    for (size_t i = 0; i < set.n; i++) set.p[i].h->refcnt -= held;
    for (size_t i = 0; i < set.n; i++) traverse_head(set.p[i].h, visit_subtract, NULL);
}

static void visit_mark(void **slot, void *ctx) {
    void *c = *slot;
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    if (!is_member(ch) || (ch->flags & F_REACHABLE)) return;
    ch->flags |= F_REACHABLE;
    ptrvec_push(ctx, ch);
}

/* Step 4: members still counted from outside S are reachable, and so is
 * everything they reach inside S (F_REACHABLE). `scanned`: the saved words
 * count each member's slots into S (gather_subtract): a member with none
 * reaches nothing more, and is not traversed again (a candidate whose
 * children are older objects: its children's heads are not read twice). */
static void mark(bool scanned) {
    for (size_t i = 0; i < set.n; i++) {
        rc__head *h = set.p[i].h;
        if (h->refcnt && !(h->flags & F_REACHABLE)) {
            h->flags |= F_REACHABLE;
            if (scanned && !SAVED_INTO(set.p[i].saved)) continue;
            ptrvec_push(&stack, h);
            while (stack.n) traverse_head(stack.p[--stack.n], visit_mark, &stack);
        }
    }
    RC__STAT_GC(set.n);
}

/* A member that lives on leaves S, one age older (at most 2). */
static size_t reached_age2;
static inline void leave_set(rc__head *h, unsigned age) {
    uint32_t f = h->flags;
    if (age_of(f) < age) {
        f = (f & ~(uint32_t)AGE_MASK) | age << AGE_SHIFT;
        reached_age2 += age == 2;
    }
    h->flags = (uint16_t)(f & ~(uint32_t)(F_COLLECTING | F_REACHABLE));
}

/* What the unreachable objects need before they can be freed. */
typedef struct needs {
    bool weakrefd, finalizers;
    bool complex; /* an object is more than memory (trace, hooks, weak fields) */
    bool out;     /* a slot points out of S */
    uint64_t count, into; /* sums over the unreachable set */
} needs;

/* Step 5: counts are restored; survivors leave S, the others go to
 * `unreach` (F_COLLECTING kept). The first `nroots` members are the roots:
 * with `keep`, surviving ones are buffered there (a collection cut short:
 * older objects may be part of their garbage), in the order they were
 * taken. Returns the number of survivors. */
static size_t partition(unsigned age, needs *nd, size_t nroots, candbuf *keep) {
    size_t survivors = 0;
    if (!keep) nroots = 0;
    for (size_t i = 0; i < set.n; i++) {
        rc__head *h = set.p[i].h;
        uintptr_t w = set.p[i].saved;
        /* What is left is the references from outside S: at most the count
         * (a slot into S decremented it; below zero was fatal). */
        RC_ASSERT(h->refcnt <= SAVED_COUNT(w));
        h->refcnt = SAVED_COUNT(w);
        uint32_t f = h->flags;
        if (f & F_REACHABLE) {
            leave_set(h, age);
            survivors++;
            if (i < nroots && !(f & (RC_F_BUFFERED | RC_F_PERM))) {
                h->flags |= RC_F_BUFFERED;
                cand_push(keep, h);
            }
        } else {
            ptrvec_push(&unreach, h);
            nd->count += SAVED_COUNT(w);
            nd->into += SAVED_INTO(w);
            nd->out |= SAVED_OUT(w);
            if (RC_UNLIKELY(f & (RC_F_WEAKREFD | RC_F_COMPLEX | RC_F_TRACED | RC_F_BUFFERED))) {
                nd->complex = true;
                if (f & RC_F_WEAKREFD) nd->weakrefd = true;
                if ((f & RC_F_COMPLEX) && rc__type_of(h)->finalize && !(f & RC_F_FINALIZED))
                    nd->finalizers = true;
            }
        }
    }
    set.n = 0;
    return survivors;
}

/* ---- weak references to garbage ---------------------------------------- */

/* Untracked objects (weakref objects among them) referred to by garbage:
 * how many references the garbage holds, to tell whether such an object
 * dies with the garbage — transitively: an untracked object that dies with
 * it is scanned too. Built on first use in a collection. */
typedef struct refcount_map {
    bool built;
    size_t cap, used;
    struct rc_entry {
        const void *obj;
        size_t n;
    } * e;
    ptrvec work; /* untracked objects found to die with the garbage, to scan */
} refcount_map;

static struct rc_entry *map_slot(refcount_map *m, const void *obj) {
    for (size_t i = rc__hash_ptr(obj) & (m->cap - 1);; i = (i + 1) & (m->cap - 1))
        if (m->e[i].obj == obj || m->e[i].obj == NULL) return &m->e[i];
}

static void map_grow(refcount_map *m) {
    size_t old_cap = m->cap;
    struct rc_entry *old = m->e;
    m->cap = old_cap ? old_cap * 2 : 64;
    m->e = calloc(m->cap, sizeof *m->e);
    if (!m->e) rc__fatal("out of memory (gc refcount map of %zu entries)", m->cap);
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].obj) *map_slot(m, old[i].obj) = old[i];
    free(old);
}

static void visit_count_untracked(void **slot, void *ctx) {
    refcount_map *m = ctx;
    void *c = *slot;
    if (!c || (RC_HEAD_OF(c)->flags & RC_F_GC)) return;
    if ((m->used + 1) * 2 > m->cap) map_grow(m);
    struct rc_entry *e = map_slot(m, c);
    if (!e->obj) {
        e->obj = c;
        m->used++;
    }
    if (++e->n == RC_HEAD_OF(c)->refcnt) ptrvec_push(&m->work, c); /* dies with the garbage */
}

static void map_build(refcount_map *m) {
    m->built = true;
    for (size_t i = 0; i < unreach.n; i++)
        rc__traverse(RC_OBJ_OF((rc__head *)unreach.p[i]), visit_count_untracked, m);
    while (m->work.n) rc__traverse(m->work.p[--m->work.n], visit_count_untracked, m);
    free(m->work.p);
    m->work = (ptrvec){NULL, 0, 0};
}

/* Does the untracked object obj die with the garbage? */
static bool map_dies(refcount_map *m, const void *obj) {
    if (!m->built) map_build(m);
    if (!m->cap) return false;
    struct rc_entry *e = map_slot(m, obj);
    return e->obj && e->n >= RC_HEAD_OF(obj)->refcnt;
}

/* rc__weak_clear's skip predicate: is this weakref object garbage too? */
static bool weakref_is_garbage(rc_weakref *ref, void *ctx) {
    if (RC_HEAD_OF(ref)->flags & RC_F_GC) return is_member(RC_HEAD_OF(ref));
    return map_dies(ctx, ref);
}

static bool skip_every_callback(rc_weakref *ref, void *ctx) {
    (void)ref;
    (void)ctx;
    return true;
}

/* After the resurrection check no user code may see the final garbage
 * (CPython 3.13's rule, gh-91636; bpo-38006 for weakrefs that are garbage
 * themselves), yet breaking it releases objects outside it, whose
 * finalizers and weakref callbacks run. So, without running callbacks:
 * weak references to the garbage made by user code since step 6 are
 * cleared (`user_code`: a finalizer or callback ran), and weakref objects
 * that die with the garbage are cleared, so that their callbacks do not run
 * when their target dies during the freeing. (Issue 12, on `unreach`.) */
static void clear_final_weakrefs(bool user_code) {
    if (user_code)
        for (size_t i = 0; i < unreach.n; i++) {
            rc__head *h = unreach.p[i];
            if (h->flags & RC_F_WEAKREFD) rc__weak_clear(RC_OBJ_OF(h), skip_every_callback, NULL);
        }
    if (!rc__weak_any()) return;
    refcount_map map = {false, 0, 0, NULL, {NULL, 0, 0}};
    map_build(&map);
    for (size_t i = 0; i < map.cap; i++) {
        const void *o = map.e[i].obj;
        if (o && map.e[i].n >= RC_HEAD_OF(o)->refcnt && rc__is_weakref(o))
            rc__weakref_clear((rc_weakref *)o);
    }
    free(map.e);
}

/* ---- freeing the garbage ------------------------------------------------ */

static void visit_clear(void **slot, void *ctx) {
    void *c = *slot;
    if (!c) return;
    *slot = NULL;
    rc__head *ch = RC_HEAD_OF(c);
    if (is_member(ch))
        ch->refcnt--; /* garbage: destroyed below, whatever its count */
    else
        ptrvec_push(ctx, c); /* outside: released once the garbage is gone */
}

static void visit_peel(void **slot, void *ctx) {
    void *c = *slot;
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    if (is_member(ch) && ch->refcnt && --ch->refcnt == 0) ptrvec_push(ctx, ch);
}

/* How many of the held garbage objects counting alone would free once the
 * collector lets go: those no cycle left in the garbage refers to (user
 * code cut their links). CPython frees them by counts during finalization
 * and does not count them as collected; neither does autorc (test_boom). */
static size_t freed_by_counts(void) {
    set.n = 0;
    for (size_t i = 0; i < unreach.n; i++) set_add(unreach.p[i]);
    for (size_t i = 0; i < set.n; i++) {
        rc__head *h = set.p[i].h;
        if (--h->refcnt == 0) ptrvec_push(&stack, h);
    }
    size_t n = 0;
    while (stack.n) {
        n++;
        traverse_head(stack.p[--stack.n], visit_peel, &stack);
    }
    for (size_t i = 0; i < set.n; i++) set.p[i].h->refcnt = (uint32_t)set.p[i].saved;
    set.n = 0;
    return n;
}

/* Step 9 on `unreach`; `held`: the collector holds a reference to each.
 * `alone`: every slot of the garbage points into the garbage and every
 * object is only memory (see collect). */
static long delete_garbage(unsigned held, unsigned age, bool alone) {
    long m = (long)unreach.n;
    if (alone && !(debug & RC_GC_DEBUG_SAVEALL)) {
        /* Nothing to break, nothing to release: return the memory. */
        for (size_t i = 0; i < unreach.n; i++) {
            rc__head *h = unreach.p[i];
            h->flags &= (uint16_t) ~(F_COLLECTING | F_REACHABLE);
            rc__gc_count_death();
            rc__free_memory(h);
        }
        return m;
    }
    if (held && !(debug & RC_GC_DEBUG_SAVEALL)) m -= (long)freed_by_counts();
    if (debug & RC_GC_DEBUG_SAVEALL) {
        if (!garbage) garbage = rc_list_new();
        for (size_t i = 0; i < unreach.n; i++) {
            rc__head *h = unreach.p[i];
            leave_set(h, age);
            rc_list_append(garbage, RC_OBJ_OF(h));
            if (held) rc_decref(RC_OBJ_OF(h));
        }
        return m;
    }
    /* Break every reference held by garbage. No user code runs here. */
    for (size_t i = 0; i < unreach.n; i++) traverse_head(unreach.p[i], visit_clear, &outside);
    /* Each object's count is now the collector's reference, if held, plus
     * references the collector cannot see (a count too high: the object
     * then lives on, cleared). */
    for (size_t i = 0; i < unreach.n; i++) {
        rc__head *h = unreach.p[i];
        leave_set(h, age);
        if (held) {
            rc_decref(RC_OBJ_OF(h));
        } else if (h->refcnt == 0) {
            /* A plain object (no weak references to it, no trace, no
             * finalizer, weak fields or hooks, not buffered) has nothing
             * left of its destruction but its memory. */
            if (RC_LIKELY(!(h->flags & (RC_F_WEAKREFD | RC_F_TRACED | RC_F_COMPLEX | RC_F_BUFFERED)))) {
                rc__gc_count_death();
                rc__free_memory(h);
            } else {
                rc__dealloc(RC_OBJ_OF(h)); /* inside object.c's loop: queued */
            }
        }
    }
    /* Release what garbage referred to outside itself (may run finalizers
     * of those objects; the garbage is gone by now). */
    for (size_t i = 0; i < outside.n; i++) rc_decref(outside.p[i]);
    ptrvec_reset(&outside);
    return m;
}

/* ---- the state validator (RC_CHECKED builds) ------------------------------ */

#ifdef RC_CHECKED
/* In the spirit of CPython's validate_list: the collector's state between
 * collections, checked at the start and the end of each one (a failure is
 * "autorc: fatal: internal error: RC_ASSERT(...)"):
 *   - the work vectors (S, unreach, stack, outside) are empty;
 *   - each buffer's blocks satisfy gc_cand.h's invariants (rc__cand_validate);
 *   - every buffer entry (removed ones are NULL) has RC_F_BUFFERED, is
 *     tracked and is in exactly one buffer (a scratch mark, F_REACHABLE,
 *     finds duplicates); a zombie has count 0 and lives outside the pools
 *     (a pool object leaves its buffer when it dies), any other entry no
 *     PERM bit and a count above 0 (or 0 while object.c's destruction loop
 *     runs: it is queued there); a pool object's record names its entry;
 *   - no object is a member of S (F_COLLECTING) or marked F_REACHABLE, and
 *     every age is 0..2: for the buffered objects, and, in collections that
 *     walk the heap anyway (explicit ones, so the check costs no more than
 *     the collection), for every object, which also shows that no object
 *     has RC_F_BUFFERED without being in a buffer and that PERM objects are
 *     tracked.
 * During a collection the counts are checked where they change: a slot into
 * S that would take a count below zero is refs_underflow's fatal error (the
 * counts are at least the references found inside S), and partition
 * restores every saved count. */
typedef struct validate_ctx {
    size_t flagged; /* live objects with RC_F_BUFFERED found by the walk */
} validate_ctx;

static void validate_flags(const rc__head *h) {
    uint32_t f = h->flags;
    RC_ASSERT(!(f & F_COLLECTING));
    RC_ASSERT(!(f & F_REACHABLE) || is_ic_member(f)); /* the IC marks with it */
    RC_ASSERT(age_of(f) < NGEN || (is_ic_member(f) && rc__ic_running()));
    RC_ASSERT(!(f & RC_F_ZOMBIE) || rc__gc_keeps_memory(f));
    RC_ASSERT(!(f & RC_F_PERM) || (f & RC_F_GC));
}

static void validate_walk(rc__head *h, void *ctx) {
    validate_flags(h);
    if (h->flags & RC_F_BUFFERED) ((validate_ctx *)ctx)->flagged++;
}

/* gc_cand.h's invariants: each block's live count is right, no block is
 * without a live entry, every block names the buffer as its owner, the chain is
 * linked both ways, and a pool object's record names its entry. */
void rc__cand_validate(const candbuf *c) {
    const cand_block *prev = NULL;
    for (const cand_block *b = c->head; b; prev = b, b = b->next) {
        RC_ASSERT(b->n <= CAND_BLOCK && b->prev == prev && b->owner == c);
        uint32_t live = 0;
        for (uint32_t i = 0; i < b->n; i++) {
            const rc__head *h = b->p[i];
            if (!h) continue;
            live++;
            if (!(h->flags & (RC_F_LARGE | RC_F_DEBUG))) {
                RC_ASSERT(RC_POOL_OF(h)->records);
                RC_ASSERT(*rc__pool_record(h) == (b->id << CAND_SLOT_BITS | i));
            }
        }
        RC_ASSERT(live == b->live && live > 0);
    }
    RC_ASSERT(c->tail == prev);
}

static void validate_state(bool walk_heap) {
    RC_ASSERT(set.n == 0 && unreach.n == 0 && stack.n == 0 && outside.n == 0);
    RC_ASSERT(count0() >= 0);
    size_t live_entries = 0;
    for (int k = 0; k <= CAND_CUT; k++) {
        rc__cand_validate(&cand[k]);
        for (cand_block *b = cand[k].head; b; b = b->next)
            for (uint32_t i = 0; i < b->n; i++) {
                rc__head *h = b->p[i];
                if (!h) continue;
                RC_ASSERT((h->flags & (RC_F_BUFFERED | RC_F_GC)) == (RC_F_BUFFERED | RC_F_GC));
                /* F_REACHABLE is the IC's mark on its members: no duplicate check */
                bool scratch = !is_ic_member(h->flags);
                RC_ASSERT(!scratch || !(h->flags & F_REACHABLE)); /* else: in two buffers, or twice in one */
                if (h->flags & RC_F_ZOMBIE) {
                    RC_ASSERT(h->refcnt == 0 && (h->flags & (RC_F_LARGE | RC_F_DEBUG)));
                } else {
                    /* count 0: dying on object.c's stack (a finalizer collects) */
                    RC_ASSERT(h->refcnt > 0 || rc__in_dealloc());
                    RC_ASSERT(!(h->flags & RC_F_PERM));
                    validate_flags(h);
                    live_entries += h->refcnt > 0;
                }
                if (scratch) h->flags |= F_REACHABLE;
            }
    }
    for (int k = 0; k <= CAND_CUT; k++)
        for (cand_block *b = cand[k].head; b; b = b->next)
            for (uint32_t i = 0; i < b->n; i++) {
                rc__head *h = b->p[i];
                if (h && !is_ic_member(h->flags)) h->flags &= (uint16_t)~F_REACHABLE;
            }
    rc__ic_validate();
    if (walk_heap) {
        validate_ctx v = {0};
        rc__walk_objects(validate_walk, &v);
        RC_ASSERT(v.flagged == live_entries);
    }
}
#else
static inline void validate_state(bool walk_heap) { (void)walk_heap; }
#endif

/* ---- one collection ----------------------------------------------------- */

/* DEBUG_STATS' clock: the CPU time of the collecting thread (finalizers
 * and callbacks run during the collection included), not wall time, which
 * on a loaded machine counts other processes' time too. */
static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void debug_object(const char *what, void *obj) {
    fprintf(stderr, "gc: %s <%s %p>\n", what, rc_typename(obj), obj);
}

typedef struct gen_sizes {
    size_t n[NGEN], perm;
} gen_sizes;

static void walk_sizes(rc__head *h, void *ctx) {
    gen_sizes *s = ctx;
    if (!(h->flags & RC_F_GC)) return;
    if (h->flags & RC_F_PERM)
        s->perm++;
    else
        s->n[reported_age(h->flags)]++;
}

/* ic_final: the incremental collection's final step (gc_incremental.c):
 * the set is exactly the members it left unmarked (budget: their number, so
 * nothing else joins), no buffer is taken. */
static long collect(int g, bool explicit, size_t budget, bool ic_final, size_t *n_uncollectable) {
    epoch_advance();
    validate_state(explicit);
    double t0 = 0;
    if (debug & RC_GC_DEBUG_STATS) {
        fprintf(stderr, "gc: collecting generation %d...\n", g);
        /* The census walks the heap: only where the collection does too
         * (explicit ones), so that stats cost an automatic collection two
         * clock reads and two lines, not O(heap). */
        if (explicit) {
            gen_sizes s = {{0}, 0};
            rc__walk_objects(walk_sizes, &s);
            fprintf(stderr, "gc: objects in each generation: %zu %zu %zu\n", s.n[0], s.n[1],
                    s.n[2]);
            fprintf(stderr, "gc: objects in permanent generation: %zu\n", s.perm);
        }
        t0 = cpu_seconds();
    }
    if (g + 1 < NGEN) count[g + 1]++;
    for (int i = 1; i <= g; i++) count[i] = 0;
    set_count0(0);
    unsigned age = g + 1 < NGEN ? (unsigned)g + 1 : NGEN - 1;
    reached_age2 = 0;

    /* Steps 1-2. An unbounded collection of generation 2 (explicit, at
     * exit) also takes the roots waiting for an incremental collection. */
    int last = ic_final ? -1 : g == NGEN - 1 && budget == SIZE_MAX ? CAND_CUT : g;
    set.n = 0;
    if (ic_final) {
        ptrvec members = {0};
        rc__ic_finish(&members);
        for (size_t i = 0; i < members.n; i++)
            if (can_join(members.p[i])) set_add(members.p[i]);
        free(members.p);
        budget = set.n;
    }
    unsigned maxage = g == NGEN - 1 ? NGEN - 1 : (unsigned)g;
    /* The order of S is the order of the garbage (finalizers, callbacks,
     * DEBUG_COLLECTABLE, SAVEALL's rc_gc_garbage): the candidates in the
     * order of their releases, then breadth-first what they reach, fields
     * in declaration order — the program's order, the same in every
     * allocator mode. Only then does an explicit collection's heap walk
     * add the young objects not reached (memory order: address order in
     * the pools, hash order of object.c's set under malloc and debug), and
     * the gathering goes on from them.
     * Roots beyond the budget wait in their buffer for the next collection
     * (still RC_F_BUFFERED): a collection takes the newest entries of a
     * buffer, in the order they were buffered, and leaves the oldest where
     * they are (no copy: gc_cand.h). Until user code runs nothing is
     * pushed to cand[0..g] (survivors go to cand[g + 1]), so those pushed
     * later come after the waiting ones. */
    if (explicit && g == NGEN - 1) cut_short = false;
    for (int k = 0; k <= last; k++) {
        size_t room = budget - (set.n < budget ? set.n : budget);
        candbuf taken = rc__cand_split_newest(&cand[k], room);
        for (cand_block *b = taken.head; b; b = b->next)
            for (uint32_t i = 0; i < b->n; i++) {
                rc__head *h = b->p[i];
                if (!h) continue; /* removed: it died (gc_cand.h) */
                if (RC_UNLIKELY(h->flags & RC_F_ZOMBIE)) {
                    unbuffer_zombie(h);
                    continue;
                }
                if (RC_UNLIKELY(is_ic_member(h->flags))) {
                    /* The IC's: it waits (buffered, its record rewritten)
                     * for the next one. */
                    cand_push(&cand[CAND_CUT], h);
                    continue;
                }
                h->flags &= (uint16_t)~RC_F_BUFFERED;
                if (can_join(h)) set_add(h);
            }
        rc__cand_clear(&taken);
    }
    /* The roots are the first members of S: partition keeps the survivors
     * (the final step of an incremental collection has none: U' only). */
    size_t nroots = ic_final ? 0 : set.n;
    gather_ctx gc = {maxage, budget, false, false, false, 0};
    /* One call site, so that the gathering stays inlined. */
    bool walk = explicit;
    for (size_t from = 0;; walk = false) {
        gather_subtract(&gc, from);
        if (!walk) break;
        from = set.n;
        rc__walk_objects(walk_add_young, &maxage);
    }
    size_t examined = set.n; /* S's members (DEBUG_STATS) */

    /* Steps 4-5. */
    mark(true);
    bool boundary = gc.boundary;
    if (gc.cut && !cut_short && !ic_final) {
        cut_short = true;
        if (!walked) walk_base = rc__live;
    }
    unreach.n = 0;
    needs nd = {false, false, false, false, 0, 0};
    /* Surviving roots: alive, unless older objects are part of their
     * garbage. No user code has run yet. The waiting roots stay the
     * buffer's oldest entries, before those buffered since. Roots of a
     * generation-2 collection cut short go to CAND_CUT, for the
     * incremental collection (gc_incremental.c); a boundary's wait in
     * cand[g + 1]. */
    candbuf *keep = gc.cut && g == NGEN - 1 && budget != SIZE_MAX ? &cand[CAND_CUT]
                    : boundary && g < NGEN - 1                  ? &cand[g + 1]
                                                                : NULL;
    size_t survivors = partition(age, &nd, nroots, keep);
    if (ic_final) {
        /* the survivors of U' say nothing of the long-lived objects */
    } else if (g == NGEN - 1) {
        long_lived_pending = 0;
        long_lived_total = survivors;
    } else {
        long_lived_pending += reached_age2;
    }

    bool weakrefd = nd.weakrefd, finalizers = nd.finalizers;
    if (debug & RC_GC_DEBUG_COLLECTABLE)
        for (size_t i = 0; i < unreach.n; i++) debug_object("collectable", RC_OBJ_OF((rc__head *)unreach.p[i]));

    unsigned held = 0;
    if (weakrefd || finalizers) {
        /* Steps 6-8: user code runs; hold every unreachable object. */
        held = 1;
        for (size_t i = 0; i < unreach.n; i++) ((rc__head *)unreach.p[i])->refcnt++;
        if (weakrefd) {
            refcount_map map = {false, 0, 0, NULL, {NULL, 0, 0}};
            for (size_t i = 0; i < unreach.n; i++) {
                rc__head *h = unreach.p[i];
                if (h->flags & RC_F_WEAKREFD) rc__weak_clear(RC_OBJ_OF(h), weakref_is_garbage, &map);
            }
            free(map.e);
            rc__weak_run_callbacks();
        }
        if (finalizers) {
            for (size_t i = 0; i < unreach.n; i++) {
                rc__head *h = unreach.p[i];
                const rc_type *t = rc__type_of(h);
                if (t->finalize && !(h->flags & RC_F_FINALIZED)) {
                    h->flags |= RC_F_FINALIZED;
                    t->finalize(RC_OBJ_OF(h));
                }
            }
        }
        /* Resurrection: the unreachable set alone, less the held references. */
        set.n = 0;
        for (size_t i = 0; i < unreach.n; i++) set_add(unreach.p[i]);
        subtract(1);
        mark(false);
        unreach.n = 0;
        for (size_t i = 0; i < set.n; i++) {
            rc__head *h = set.p[i].h;
            h->refcnt = (uint32_t)set.p[i].saved;
            if (h->flags & F_REACHABLE) {
                leave_set(h, age);
                rc_decref(RC_OBJ_OF(h)); /* the hold; reachable, so it stays above 0 */
            } else {
                ptrvec_push(&unreach, h);
            }
        }
    }
    set.n = 0;
    if (set.cap > 65536) {
        set_release(set.p, set.cap);
        set.p = NULL;
        set.cap = 0;
    }

    if (!(debug & RC_GC_DEBUG_SAVEALL) && (weakrefd || finalizers || rc__weak_any()))
        clear_final_weakrefs(weakrefd || finalizers);
    /* Every reference to a garbage object comes from a garbage slot, and
     * the garbage's slots into S were counted: if their number equals the
     * sum of the garbage's counts, and none points out of S, no garbage
     * slot points to anything but garbage (a count the collector cannot
     * explain makes the sums differ: the slow path then copes). */
    bool alone = !held && !nd.complex && !nd.out && nd.into == nd.count;
    long m = delete_garbage(held, age, alone);
    ptrvec_reset(&unreach);
    ptrvec_reset(&stack);
    size_t n = 0; /* every finalizer follows PEP 442: nothing is uncollectable */

    if (debug & RC_GC_DEBUG_STATS)
        fprintf(stderr,
                "gc: done, %ld unreachable, %zu uncollectable, %.6fs elapsed (CPU time), "
                "%zu %s examined\n",
                m, n, cpu_seconds() - t0, examined, examined == 1 ? "object" : "objects");
    if ((explicit && g == NGEN - 1) || ic_final) {
        walked = true;
        walk_base = !ic_final ? rc__live : ic_start_live > (size_t)m ? ic_start_live - (size_t)m : 0;
    }
    stats[g].collections++;
    stats[g].collected += (size_t)m;
    stats[g].uncollectable += n;
    *n_uncollectable = n;
    validate_state(explicit);
    return m + (long)n;
}

static void invoke_callbacks(const char *phase, int generation, size_t collected,
                             size_t uncollectable, bool incremental) {
    if (!ncallbacks) return;
    /* A callback may add or remove callbacks: call a copy of the list. */
    size_t n = ncallbacks;
    callback *copy = rc__xmalloc(n * sizeof *copy);
    memcpy(copy, callbacks, n * sizeof *copy);
    rc_gc_info info = {generation, collected, uncollectable, incremental};
    for (size_t i = 0; i < n; i++) copy[i].fn(phase, &info, copy[i].ctx);
    free(copy);
}

static long collect_with_callbacks(int generation, bool explicit, size_t budget, bool ic_final) {
    collecting = true;
    update_trigger();
    invoke_callbacks("start", generation, 0, 0, ic_final);
    size_t uncollectable = 0;
    long found = collect(generation, explicit, budget, ic_final, &uncollectable);
    invoke_callbacks("stop", generation, (size_t)found - uncollectable, uncollectable, ic_final);
    collecting = false;
    update_trigger();
    return found;
}

/* ---- scheduling ----------------------------------------------------------- */

static inline bool full_collection_due(void) {
    return long_lived_pending >= long_lived_total / LONG_LIVED_DIVISOR;
}

/* After an automatic collection of g: roots it left waiting make the next
 * collection come after threshold0 / PACE_DIVISOR allocations instead of
 * threshold0, and be at least of generation 1 if roots of age 1 or more
 * wait ("Bounded automatic collections": a backlog makes collections more
 * frequent, never longer). */
static void pace(int g) {
    long soon = threshold[0] - threshold[0] / PACE_DIVISOR;
    for (int k = 0; k <= g; k++) {
        if (cand_empty(&cand[k])) continue;
        if (count0() < soon) set_count0(soon);
        if (k >= 1 && count[1] <= threshold[1]) count[1] = threshold[1] + 1;
    }
}

/* While an incremental collection runs, triggers come every threshold0 /
 * IC_PACE_DIVISOR allocations and run its slices, except that one runs the
 * synchronous collections once they are due as without an IC (threshold0
 * allocations after they last ran, threshold0 / 8 after pace()) (no
 * trigger does both). ic_carry: allocations since then, as of
 * the last trigger; ic_from: count 0 after that trigger. sync_count0: the
 * count 0 the synchronous collections left (pace() raises it when roots
 * wait): they are due when sync_count0 + ic_carry passes threshold0, as
 * without an IC. (Counting from 0 instead starved them 8-fold while
 * backlogged: buffered roots piled up by the million, dead ones kept as
 * zombies: rbtree's memory 4.2x main's.) */
static long ic_carry, ic_from, sync_count0;

/* The incremental collection's share of a trigger: start one when due, run
 * a slice, or its final step. Returns whether the trigger's work is done. */
/* How much the program must grow after an incremental collection (or a
 * full one) before the next starts: the last one's members (its work) /
 * IC_GROWTH_DIVISOR, at least AUTO_BUDGET objects, and at least the heap
 * then (walk_base): never sooner than the heap walk's doubling rule. By
 * the members alone, ICs came about 1.5 times as often as the walk where
 * they gather most of the heap and free nothing (Perceus' deriv: 14 ICs,
 * 9 with the doubling; bench/perceus' programs, docs/gc.md). */
/* Futile ICs in a row (ic_futile): from the second on, each doubles the
 * growth the next waits for, up to 1 << IC_FUTILE_MAX times. An IC is
 * futile when its final step freed fewer than its members /
 * IC_FUTILE_DIVISOR: its roots led into a growing live structure, not into
 * garbage (every Perceus program: rbtree, deriv and nqueens ran 5-6 ICs,
 * each gathering most of the heap and freeing nothing; nqueens spent 30% of
 * its time in them). One alone proves little: the first IC often gathers
 * the structure the program just built, its nodes candidates while it was
 * built (ic-no-pause-proportional-to-heap.c's first frees nothing, its
 * second the rings). Garbage larger than the budget made after a run of
 * futile ICs waits for at most 2^IC_FUTILE_MAX times the growth; the first
 * IC that finds some brings the doubling rule back. */
static unsigned ic_futile;
static size_t ic_growth_needed(void) {
    size_t q = rc__ic_last_members() / IC_GROWTH_DIVISOR;
    if (q < AUTO_BUDGET) q = AUTO_BUDGET;
    return (q > walk_base ? q : walk_base) << (ic_futile > 1 ? ic_futile - 1 : 0);
}

/* Objects the last incremental collection's final step freed. */
static size_t ic_freed;

static void ic_judge(size_t freed) {
    ic_freed = freed;
    if (freed < rc__ic_last_members() / IC_FUTILE_DIVISOR)
        ic_futile += ic_futile <= IC_FUTILE_MAX;
    else
        ic_futile = 0;
}

/* A heap mostly garbage: a synchronous heap walk instead of an IC, once
 * the heap doubled since the last (walk_base; at least AUTO_BUDGET
 * objects: the walk's work, the heap, stays amortised, as before the IC),
 * if what survived the last collection of large garbage (walk_base) is at
 * most half the garbage the last IC's final step freed, and the heap now
 * at most twice that garbage. The walk's pause, proportional to the heap,
 * is then at most about twice that step's, which was proportional to its
 * garbage. Over a live heap larger than that (bench/pause: 100 MB; or
 * large garbage accumulating while the heap doubles: the IC then frees
 * about as much as survives) the IC goes on, and no walk's pause is
 * proportional to a live heap. Why: where garbage larger than the budget
 * is most of a small heap (deltablue: a graph of 15-45k objects per test),
 * an IC gathers it through its side table (100-200 ns a member, plus its
 * pages) and its final step's trial deletion takes it again, while a walk
 * reads the arenas in order once: deltablue 60 5000 1.15-1.24 s and 26-31
 * MB with ICs, 0.84-0.96 s and 8 MB with walks (docs/performance.md). */
static bool walk_due(size_t growth) {
    size_t need = walk_base > AUTO_BUDGET ? walk_base : AUTO_BUDGET;
    return walk_base <= ic_freed / 2 && rc__live / 2 <= ic_freed && growth >= need;
}

static bool incremental_turn(void) {
    if (rc__in_dealloc()) return false; /* objects on its stack are half destroyed */
    /* Garbage larger than the budget is found only by an incremental
     * collection (gc_incremental.c), or a heap walk where the heap is
     * mostly garbage (walk_due). One starts once a collection was cut
     * short and the program holds twice as many objects as after the last
     * one (before the first: as when the first cut happened). Amortised:
     * its work is proportional to the objects allocated since; a program
     * that keeps making such garbage grows, and so gets it collected. */
    size_t growth = rc__live - (walk_base < rc__live ? walk_base : rc__live);
    bool due = !rc__ic_running() && cut_short && !(cand_empty(&cand[CAND_CUT]) && cand_empty(&cand[NGEN - 1]));
    if (due && walk_due(growth)) {
        collect_with_callbacks(NGEN - 1, true, SIZE_MAX, false);
        sync_count0 = count0();
        return true;
    }
    if (due && growth >= ic_growth_needed()) {
        cut_short = ic_final_due = false;
        ic_start_live = rc__live;
        rc__ic_start();
        ic_carry = 0;
        ic_from = count0();
    }
    if (!rc__ic_running()) {
        rc__ic_idle();
        return false;
    }
    ic_carry += count0() - ic_from;
    if (sync_count0 + ic_carry > threshold[0]) {
        ic_carry = 0;
        return false; /* the synchronous collections' turn */
    }
    if (ic_final_due) {
        ic_final_due = false;
        ic_judge((size_t)collect_with_callbacks(NGEN - 1, false, SIZE_MAX, true));
    } else {
        epoch_advance(); /* a slice looks at counts ("Keep-alive holds and the epoch") */
        ic_final_due = rc__ic_slice();
    }
    set_count0(0);
    return true;
}

static RC_NOINLINE void collect_generations(void) {
    if (incremental_turn()) return;
    for (int i = NGEN - 1; i >= 0; i--) {
        long c = i == 0 ? count0() : count[i];
        if (c <= threshold[i]) continue;
        if (i == NGEN - 1 && !full_collection_due()) continue;
        bool any = false;
        for (int k = 0; k <= i; k++) any |= !cand_empty(&cand[k]);
        if (!any) {
            /* Nothing released to non-zero: nothing to find. Counts
             * restart as after the collection; no object is touched. */
            if (i + 1 < NGEN) count[i + 1]++;
            for (int k = 1; k <= i; k++) count[k] = 0;
            set_count0(0);
            sync_count0 = 0;
            return;
        }
        collect_with_callbacks(i, false, AUTO_BUDGET, false);
        pace(i);
        sync_count0 = count0();
        return;
    }
}

void rc__gc_maybe_collect(void) {
    if (RC_UNLIKELY(count0() > threshold[0]) && threshold[0] && enabled && !collecting) {
        collect_generations();
        /* While an incremental collection runs, triggers come sooner (its
         * slices alternate with the synchronous collections), so that it
         * ends before the heap doubles again. */
        long soon = threshold[0] - threshold[0] / IC_PACE_DIVISOR;
        if (rc__ic_running() && count0() < soon) set_count0(soon);
        ic_from = count0();
    }
}

/* ---- start-up ------------------------------------------------------------- */

static void gc_atexit(void);
static bool collect_at_exit = true; /* AUTORC_GC_AT_EXIT */

void rc__gc_init(void) {
    const char *s = getenv("AUTORC_GC_DEBUG");
    if (s && *s) {
        int flags = 0;
        const char *p = s;
        while (*p) {
            size_t n = strcspn(p, ",|: ");
            if (n == 0) {
                p++;
                continue;
            }
#define IS(word) (n == sizeof(word) - 1 && strncmp(p, word, n) == 0)
            if (IS("stats")) flags |= RC_GC_DEBUG_STATS;
            else if (IS("collectable")) flags |= RC_GC_DEBUG_COLLECTABLE;
            else if (IS("uncollectable")) flags |= RC_GC_DEBUG_UNCOLLECTABLE;
            else if (IS("saveall")) flags |= RC_GC_DEBUG_SAVEALL;
            else if (IS("leak")) flags |= RC_GC_DEBUG_LEAK;
            else
                rc__fatal("AUTORC_GC_DEBUG=%s: unknown flag '%.*s' (expected a comma-separated "
                          "list of stats, collectable, uncollectable, saveall, leak)",
                          s, (int)n, p);
#undef IS
            p += n;
        }
        debug = flags;
    }
    const char *e = getenv("AUTORC_GC_AT_EXIT");
    if (e && *e) {
        if (strcmp(e, "0") != 0 && strcmp(e, "1") != 0)
            rc__fatal("AUTORC_GC_AT_EXIT=%s: expected 0 or 1", e);
        collect_at_exit = e[0] == '1';
    }
    /* Before tracemalloc's start-up: atexit runs handlers in reverse order,
     * so AUTORC_LEAK_REPORT's report (which runs its own full collection
     * first) comes before this one, which then finds nothing to do. */
    atexit(gc_atexit);
}

/* ---- the gc API ---------------------------------------------------------- */

long rc_gc_collect(int generation) {
    rc__init_once();
    if (generation == -1) generation = NGEN - 1;
    if (generation < 0 || generation >= NGEN)
        rc__fatal("rc_gc_collect(%d): invalid generation (expected -1, 0, 1 or 2)", generation);
    if (collecting) return 0;
    rc__ic_abandon(); /* the heap walk sees every object anyway */
    return collect_with_callbacks(generation, true, SIZE_MAX, false);
}

void rc_gc_enable(void) {
    enabled = true;
    update_trigger();
}
void rc_gc_disable(void) {
    enabled = false;
    update_trigger();
}
int rc_gc_isenabled(void) { return enabled; }
bool rc__gc_running(void) { return collecting; }

void rc_gc_get_stats(rc_gc_genstats out[3]) {
    for (int i = 0; i < NGEN; i++) out[i] = stats[i];
}

void rc_gc_get_count(long out[3]) {
    out[0] = count0();
    for (int i = 1; i < NGEN; i++) out[i] = count[i];
}

void rc_gc_set_threshold(long threshold0, long threshold1, long threshold2) {
    if (threshold0 < 0 || threshold1 < 0 || threshold2 < 0)
        rc__fatal("rc_gc_set_threshold(%ld, %ld, %ld): thresholds must not be negative",
                  threshold0, threshold1, threshold2);
    threshold[0] = threshold0;
    threshold[1] = threshold1;
    threshold[2] = threshold2;
    update_trigger();
}

void rc_gc_get_threshold(long out[3]) {
    for (int i = 0; i < NGEN; i++) out[i] = threshold[i];
}

int rc_gc_is_tracked(const void *obj) {
    return obj && (RC_HEAD_OF(obj)->flags & RC_F_GC) && RC_HEAD_OF(obj)->refcnt;
}

int rc_gc_is_finalized(const void *obj) {
    return obj && (RC_HEAD_OF(obj)->flags & RC_F_FINALIZED) != 0;
}

static void check_generation(const char *fn, int generation) {
    if (generation < -1 || generation >= NGEN)
        rc__fatal("%s(%d): invalid generation (expected -1, 0, 1 or 2)", fn, generation);
}

/* Tracked, not frozen objects of one age (or any: -1), gathered by a heap
 * walk (nothing may be allocated during it). */
typedef struct select_ctx {
    int generation;
    ptrvec out;
} select_ctx;

static void walk_select(rc__head *h, void *ctx) {
    select_ctx *s = ctx;
    /* Not frozen, and not a member of a running collection's set (a
     * finalizer calling get_objects must not be handed the garbage). */
    if ((h->flags & (RC_F_GC | RC_F_PERM | F_COLLECTING)) != RC_F_GC) return;
    if (s->generation >= 0 && reported_age(h->flags) != (unsigned)s->generation) return;
    ptrvec_push(&s->out, h);
}

static ptrvec select_objects(int generation) {
    rc__init_once();
    select_ctx s = {generation, {0}};
    rc__walk_objects(walk_select, &s);
    return s.out;
}

rc_list *rc_gc_get_objects(int generation) {
    check_generation("rc_gc_get_objects", generation);
    ptrvec v = select_objects(generation);
    rc_list *result = rc_list_new();
    for (size_t i = 0; i < v.n; i++) rc_list_append(result, RC_OBJ_OF((rc__head *)v.p[i]));
    free(v.p);
    return result;
}

typedef struct referrer_ctx {
    const void *target;
    bool found;
} referrer_ctx;

static void visit_find(void **slot, void *ctx) {
    referrer_ctx *r = ctx;
    if (*slot == r->target) r->found = true;
}

rc_list *rc_gc_get_referrers(const void *obj) {
    ptrvec v = select_objects(-1);
    rc_list *result = rc_list_new();
    for (size_t i = 0; obj && i < v.n; i++) {
        void *o = RC_OBJ_OF((rc__head *)v.p[i]);
        referrer_ctx r = {obj, false};
        rc__traverse(o, visit_find, &r);
        if (r.found) rc_list_append(result, o);
    }
    free(v.p);
    return result;
}

static void visit_append(void **slot, void *ctx) {
    if (*slot) rc_list_append(ctx, *slot);
}

rc_list *rc_gc_get_referents(const void *obj) {
    rc_list *result = rc_list_new();
    if (obj) rc__traverse((void *)obj, visit_append, result);
    return result;
}

/* Freeze: every tracked object becomes permanent (never a member, never a
 * candidate); the buffers are emptied. */
void rc_gc_freeze(void) {
    rc__ic_abandon();
    ptrvec v = select_objects(-1);
    for (size_t i = 0; i < v.n; i++) {
        rc__head *h = v.p[i];
        h->flags = (uint16_t)((h->flags & ~(uint32_t)AGE_MASK) | RC_F_PERM | 2u << AGE_SHIFT);
    }
    free(v.p);
    drop_all_candidates();
    long_lived_pending = 0;
    set_count0(0);
}

static void walk_frozen(rc__head *h, void *ctx) {
    if ((h->flags & (RC_F_GC | RC_F_PERM)) == (RC_F_GC | RC_F_PERM)) ptrvec_push(ctx, h);
}

/* Unfreeze: the frozen objects join generation 2, each a candidate of
 * cand[2] (releases while frozen were not buffered: a full collection must
 * still be able to find what became garbage meanwhile). */
void rc_gc_unfreeze(void) {
    rc__init_once();
    ptrvec v = {0};
    rc__walk_objects(walk_frozen, &v);
    for (size_t i = 0; i < v.n; i++) {
        rc__head *h = v.p[i];
        h->flags &= (uint16_t)~RC_F_PERM;
        if (!(h->flags & RC_F_BUFFERED)) {
            h->flags |= RC_F_BUFFERED;
            cand_push(&cand[NGEN - 1], h);
        }
    }
    free(v.p);
}

size_t rc_gc_get_freeze_count(void) {
    rc__init_once();
    ptrvec v = {0};
    rc__walk_objects(walk_frozen, &v);
    free(v.p);
    return v.n;
}

void rc_gc_set_debug(int flags) {
    const int known = RC_GC_DEBUG_STATS | RC_GC_DEBUG_LEAK;
    if (flags & ~known)
        rc__fatal("rc_gc_set_debug(0x%x): unknown flag bits 0x%x", (unsigned)flags,
                  (unsigned)(flags & ~known));
    debug = flags;
}

int rc_gc_get_debug(void) { return debug; }

rc_list *rc_gc_garbage(void) {
    if (!garbage) garbage = rc_list_new();
    return garbage;
}

int rc_gc_callback_add(rc_gc_callback fn, void *ctx) {
    if (!fn) return -1;
    if (ncallbacks == cap_callbacks) {
        cap_callbacks = cap_callbacks ? cap_callbacks * 2 : 4;
        callbacks = rc__xrealloc(callbacks, cap_callbacks * sizeof *callbacks);
    }
    callbacks[ncallbacks++] = (callback){fn, ctx};
    return 0;
}

int rc_gc_callback_remove(rc_gc_callback fn, void *ctx) {
    for (size_t i = 0; i < ncallbacks; i++)
        if (callbacks[i].fn == fn && callbacks[i].ctx == ctx) {
            memmove(&callbacks[i], &callbacks[i + 1], (ncallbacks - i - 1) * sizeof *callbacks);
            ncallbacks--;
            return 0;
        }
    return -1;
}

/* At exit, as CPython's _PyGC_DumpShutdownStats: with DEBUG_UNCOLLECTABLE,
 * report what rc_gc_garbage() still holds. */
static void gc_atexit(void) {
    /* CPython collects at shutdown, so finalizers of cyclic garbage run.
     * Not from inside a collection or object.c's destruction loop (exit()
     * called by a finalizer or callback): the state is mid-change there.
     * Without candidate roots a full collection cannot find anything: it is
     * skipped; with some, it follows them (no heap walk). */
    bool any = false;
    if (!collecting && !rc__in_dealloc()) rc__ic_abandon(); /* its roots back to CAND_CUT */
    for (int k = 0; k <= CAND_CUT; k++) any |= !cand_empty(&cand[k]);
    if (collect_at_exit && !collecting && !rc__in_dealloc() && any)
        collect_with_callbacks(NGEN - 1, false, SIZE_MAX, false);
    size_t n = garbage ? rc_list_len(garbage) : 0;
    if (!n || !(debug & RC_GC_DEBUG_UNCOLLECTABLE)) return;
    fprintf(stderr, "gc: %zu uncollectable objects at shutdown\n", n);
    for (size_t i = 0; i < n; i++) debug_object("uncollectable", rc_list_get(garbage, i));
}
