/*
 * gc_incremental.c — the incremental collection (IC): garbage larger than an
 * automatic collection's budget, found in slices of bounded work and one
 * final step proportional to the garbage (issue 14: pauses).
 *
 * Why (the argument; gc.c's "Bounded automatic collections" says what it
 * replaces)
 *   An automatic collection's set is cut at AUTO_BUDGET members, so garbage
 *   larger than that was found only by a full collection walking the heap,
 *   run automatically: a pause proportional to the live heap (0.6 s with
 *   100 MB live). Classic incremental collectors need a write barrier;
 *   autorc's inline rc_incref/rc_decref have none and must stay as they
 *   are. Trial deletion needs none if the expensive part only *proposes* a
 *   set and an exact step decides: trial deletion restricted to any set U'
 *   (every reference from outside U' counted as external) frees only what
 *   is referenced from inside U' alone, whatever U' is. So:
 *   1. slices (imprecise, no barrier, the program runs between them): from
 *      the IC's roots, gather everything reachable through tracked, alive,
 *      unfrozen objects (the members) and count, per member, the slots of
 *      members pointing to it (`internal`, a side table: the counts are the
 *      program's while it runs); then compare each member's count, as seen
 *      when it was scanned, with its internal references, and mark, through current slots, what
 *      members with references from outside reach. Marked members leave.
 *   2. the final step (atomic, exact): gc.c's trial deletion on exactly the
 *      members left unmarked (U'), a collection of generation 2 with its
 *      callbacks, finalizers and weakref callbacks (collect(), ic_final).
 *   Garbage that existed when the IC started and that the IC reached is
 *   stable (the program cannot reach it, so it cannot change it): all its
 *   members are gathered, their counts (never changing) equal their
 *   internal references, no
 *   mark reaches them, so U' holds it whole and the final step frees it —
 *   what the heap walk found (given roots in it: below). What the program
 *   changes between slices only makes U' imprecise: garbage made during the
 *   IC may be missed (the next collections find it), and live members that
 *   look unreferenced stay in U', where the exact step keeps them. The
 *   final step's pause is proportional to U': the cyclic garbage found, plus
 *   whatever the program's changes made look like garbage — as dropping the
 *   last reference to a large acyclic structure costs its size.
 *
 * Roots
 *   The candidates that an automatic collection of generation 2 cut short
 *   left alive (before, they left the buffers and only the heap walk could
 *   find their garbage), which wait in rc__cand[CAND_CUT], and the
 *   candidates of age 2 (rc__cand[NGEN - 1]: those that survived cut or
 *   bounded collections of generations 0 and 1): those waiting when the IC
 *   starts (the age-2 buffer is moved to the IC whole, O(blocks)), taken during
 *   the gathering; roots buffered later wait for the next one, so that the
 *   gathering ends and garbage the synchronous collections would find is
 *   not taken from them (members are outside them) into a longer final
 *   step (bench/pause's rings did: a 9.5 ms final step). Until taken they
 *   are candidates like any: the age-2 ones wait in start_roots, a buffer
 *   that owns its blocks, so their records stay valid and one that dies
 *   leaves it in O(1) (gc_cand.h). Taken (split off: the records then name
 *   blocks no buffer owns), each loses RC_F_BUFFERED at once, before
 *   anything can die, and becomes a member or nothing.
 *   When (gc.c, incremental_turn): once a collection was cut short, roots
 *   wait, and the program holds twice as many objects as after the last IC
 *   (when it started, less what it freed) or explicit full collection, and
 *   at least as many more as the last IC had members (at least
 *   AUTO_BUDGET): the heap walk's doubling rule. An IC's work is about its
 *   members: the garbage plus whatever live structure its roots reach (in
 *   a path-copying tree, most of the heap); waiting for that growth keeps
 *   the work amortised; it never runs while the heap is steady and every
 *   cycle fits the budget. The price: garbage larger than the
 *   budget waits for that growth, and the final step frees what
 *   accumulated. Where the heap is mostly such garbage (at most twice
 *   what the last IC freed, the survivors at most half of it), gc.c walks
 *   the heap instead (walk_due): cheaper per object, a pause within about
 *   twice that IC's final step.
 *
 * Membership, safety (no IC state points to freed memory)
 *   A member carries RC_F_IC (both age bits: age 3, never an age) in its
 *   head: one test tells a member (a synchronous collection treats it as
 *   outside, as an older object; the gathering never enters an object
 *   twice), and object.c's deallocation keeps a destroyed member's memory
 *   as a zombie (rc__gc_keeps_memory), so the IC's pointers stay valid
 *   without holding a count (it keeps no record of its members' places).
 *   Nothing changes on the inline paths. A member destroyed between slices
 *   (by counts, or by a synchronous collection's garbage — which cannot
 *   contain members, they are outside it — releasing it) is a zombie:
 *   skipped, and its memory returned when the IC lets it go. A candidate
 *   and a member are independent holds: a member released to a non-zero
 *   count is buffered (it may become garbage after it was marked). A pool
 *   member that dies while buffered leaves its buffer first (its record,
 *   as any candidate) and is only the IC's zombie; outside the pools (no
 *   record) a zombie both buffered and a member is returned by whichever
 *   lets it go last: the buffer clears RC_F_BUFFERED and leaves it to the
 *   IC (unbuffer_zombie), the IC clears RC_F_IC and leaves it to the buffer
 *   (release()). A member leaves with age 2 (it survived a generation-2
 *   collection, as after the heap walk).
 *
 * The side table
 *   Members in order of joining (chunks of CHUNK entries: growing never
 *   copies): the head with two flags in its low bits (RELEASED: never
 *   looked at again — its memory may be another object's by now; ROOT), and
 *   the count seen when it was scanned less the internal references, in
 *   one word (12 bytes an entry). A hash index from head to entry (open
 *   addressing, 4-byte slots, sized at the start for twice the last IC's
 *   members at 2/3 load, any multiple of a page, resized incrementally past
 *   3/4: each insertion moves MIGRATE slots of the old table, so no slice
 *   rehashes the whole) serves the gathering only. Its pages are touched
 *   and unmapped PAGES_PER_SLICE per slice (page faults and munmap cost per
 *   page; a fresh table filled at random took a fault per insertion).
 *   Memory: 12 bytes per member, plus 12 per member of the last IC for the
 *   index while it gathers; temporary. It is the IC's cost in memory where
 *   its roots reach most of a live heap and it frees nothing (a
 *   path-copying tree: bench/perceus' rbtree), as the heap walk's set of
 *   16 bytes per object was, for its pause only: it was 16 + 16 (entries
 *   and a power-of-two index at half load), rbtree 1000000's peak 61.3 MB
 *   against 56.4 MB before issue 14's collector (ab7c02f); 56.5 MB with
 *   12 + 12; the rest of the gap is the heap's growth while the IC runs
 *   (slices, below).
 *
 * Phases, each in slices of at most IC_SLICE units of work (a member
 *   scanned or examined, a root taken) and about SLICE_NS of time
 *   GATHER (after the index's pages are touched): scan members in order
 *     (their slots: a member's target gets internal + 1, a joinable one
 *     joins); when all are scanned, take more roots; when none are left,
 *     drop the index, MARK.
 *   MARK: examine the entries in order: one whose count seen exceeds its
 *     internal references is pushed on the mark stack (heads, tagged in
 *     their low bit: the examination reads no head, a cache miss per
 *     member), and marked when popped if it is alive and unmarked
 *     (F_REACHABLE: a member is outside every synchronous collection, so
 *     the bit is free on it; marked members stay members until SWEEP, so
 *     their memory stays); each marked member's current slots mark the
 *     members they point to (pushed untagged, already marked). No index
 *     lookup. Then SWEEP.
 *   SWEEP: marked members and zombies are released, the others listed.
 *   Then the final step is due (gc.c runs it on its own trigger, between
 *   "start" and "stop" callbacks): rc__ic_finish releases the listed
 *   members that are still alive into the collection's set — work
 *   proportional to U'.
 *   Slices do not run user code (no finalizer, no callback), and never
 *   inside object.c's destruction loop (gc.c's trigger checks).
 *
 * Ending early: an explicit collection, rc_gc_freeze and the collection at
 *   exit abandon the IC (rc__ic_abandon: members released, the roots it
 *   took go back to CAND_CUT; O(members), no more than the heap walk those
 *   calls do anyway). rc_gc_disable pauses it (no slices while disabled;
 *   members destroyed meanwhile stay zombies until it resumes or ends).
 */
#include "gc_internal.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

/* A slice does at most IC_SLICE units of work (docs/performance.md,
 * "Pauses") and takes at most about SLICE_NS: it reads the clock every
 * CHECK_EVERY units (and page steps) once it has done MIN_UNITS, and stops
 * when SLICE_NS have passed since it began (page work: half of that).
 * Why time, not only units: a unit costs 0.03-5 us (cache misses; far
 * more when other processes share the caches and memory: bench/pause's
 * gathering ran at 150 us per 32 units on a machine loaded by 8
 * compilers), a page fault 1-35 us (a fresh page of this VM's memory).
 * bench/pause's slices of 1024 units took 45 us on average and up to
 * 0.93 ms, and a loop iteration of 64 allocations holds two slices when
 * the triggers (every 63 tracked allocations) fall so: 1.25-1.36 ms. With
 * the clock bounding the slow ones, a slice may do more units when they
 * are cheap: 2048, and the IC ends after less growth of the program's
 * heap, which it adds its tables to (rbtree 1000000's peak: 56.5 MB with
 * 1024 units, 53.4-53.6 MB with 2048). A slice cut short only leaves work
 * for the next; MIN_UNITS keeps the IC moving however slow a unit is. The
 * clock is the monotonic one (no system call): time the thread waited
 * counts, which only ends a slice sooner. */
#ifndef IC_SLICE
#define IC_SLICE ((size_t)2048)
#endif
#ifndef SLICE_NS
#define SLICE_NS 200000u
#endif
#define CHECK_EVERY 8u
#define MIN_UNITS 16u
#define CHUNK 131072u /* 1.5 MiB of entries */
#define MIGRATE 16u

/* An entry, 12 bytes (the entries are most of the IC's memory): the head,
 * with two flags in its low bits (heads are 8-byte aligned), in two 4-byte
 * halves, and `ext`: the count seen when it was scanned less its internal
 * references, modulo 2^32 (0 until scanned, less the internal ones).
 * Internal references are at most the members' slots, far below 2^31, so
 * ext in [1, 2^31) means "seen more references than internal ones"; a
 * count of 2^31 or more above them wraps to "not more", which leaves the
 * member unmarked: in U', where the exact final step keeps it. */
typedef struct icm {
    uint32_t hw[2];
    uint32_t ext;
} icm;
_Static_assert(sizeof(icm) == 12 && (131072u * sizeof(icm)) % 4096 == 0, "12-byte entries, whole pages per chunk");
enum { HW_RELEASED = 1, HW_ROOT = 2, HW_FLAGS = 3 };
static inline uintptr_t hw_of(const icm *e) {
    uint64_t v;
    memcpy(&v, e->hw, sizeof v);
    return (uintptr_t)v;
}
static inline void hw_or(icm *e, uintptr_t bits) {
    uint64_t v = (uint64_t)(hw_of(e) | bits);
    memcpy(e->hw, &v, sizeof v);
}
static inline rc__head *head_of(const icm *e) { return (rc__head *)(hw_of(e) & ~(uintptr_t)HW_FLAGS); }
static inline bool released(const icm *e) { return hw_of(e) & HW_RELEASED; }
static inline bool seen_external(const icm *e) { return e->ext - 1u < 0x7fffffffu; }

static enum { IDLE, GATHER, MARK, SWEEP, DUE } phase;
static icm **chunks;
static size_t nchunks, cap_chunks, n; /* n entries */
static size_t held;                   /* entries not released */
static size_t cursor;                 /* next entry to scan / examine / sweep */
static ptrvec mstack;                 /* marked members to scan (heads) */
static uint32_t *ulist;               /* entry indices: SWEEP's list of U' */
static size_t nulist, cap_ulist;

static inline icm *entry(size_t i) { return &chunks[i / CHUNK][i % CHUNK]; }

static void u32_push(uint32_t **v, size_t *len, size_t *cap, uint32_t x) {
    if (*len == *cap) {
        *cap = *cap ? *cap * 2 : 1024;
        *v = rc__xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[(*len)++] = x;
}

/* ---- the index: head -> entry + 1 (0: empty) ---------------------------- */

typedef struct table {
    uint32_t *slot;
    size_t cap; /* a power of two, or 0 */
} table;
static table cur, old;
static size_t used, migrated;
static size_t initial_cap = 65536; /* sized at the start from the last IC */
static size_t last_members;        /* the last IC's */

/* Tables and entries are fresh zeroed pages from mmap (a large calloc may
 * reuse memory and clear it all at once). The kernel's work on them is
 * spread over the slices too: a new table's pages are touched
 * PAGES_PER_SLICE at a time before the gathering inserts at random places
 * (else a slice after a resize takes a page fault per insertion), and
 * dropped tables and entry chunks wait in a queue of regions, unmapped the
 * same number of pages at a time (munmap's cost follows the pages touched:
 * 15 chunks of 4 KiB pages unmapped at once made bench/pause's final steps
 * 0.6-2.3 ms), in slices and, once the IC is over, at each trigger of the
 * collector (rc__ic_idle). */
#define PAGE 4096u
#define PAGES_PER_SLICE 128u
#define PAGE_STEP 4u /* pages between two readings of the clock */
/* Pages are faulted in with rc__populate, POPULATE_STEP at a time, and
 * unmapped UNMAP_STEP at a time: this VM's kernel flushes the TLB a page at
 * a time for an munmap of at most 33 pages, each flush costing as much as
 * a fault, and all of it at once above that: 12-16 us a page unmapped 4 or
 * 16 pages at a time, 1.2-1.4 us 64 at a time (one call 77-89 us, under
 * load); a touch's fault 16-22 us, populating 16 pages 0.9-2.3 us a page.
 * nqueens 12, which starts five ICs, spent a fifth of its time in 1,845
 * munmaps of 4 pages. */
#define POPULATE_STEP 16u
#define UNMAP_STEP 64u
typedef struct region {
    char *p;
    size_t left; /* bytes still mapped, from p */
} region;
static region *unmapq; /* regions to unmap, the last first */
static size_t nunmapq, cap_unmapq;
static char *fault_at; /* the part of the current table not touched yet */
static size_t fault_left;
static char *ahead_at; /* the part of the newest entry chunk not populated yet */
static size_t ahead_left;

/* Fresh zeroed memory for the index and the entries, in pages of the
 * default size. Not in transparent huge pages (c14p had them on madvise:
 * nqueens 13 and deriv 10 6-7% faster, fewer TLB misses): a huge page's
 * first touch may make the kernel compact memory before it returns, and a
 * slice that appended to a fresh 2 MiB chunk of entries took 5-6 ms of CPU
 * time in 2 of 4 runs of bench/pause (transparent_hugepage/defrag =
 * madvise, the default); the 1 ms target comes first. Sizes are multiples
 * of a page. */
static void *ic_alloc(size_t bytes) {
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) rc__fatal("out of memory (incremental collection: %zu bytes)", bytes);
    return p;
}

static uint32_t *table_alloc(size_t cap) { return ic_alloc(cap * sizeof(uint32_t)); }

/* Unmap at most `bytes` of the queued regions, from the end of the last. */
static void unmap_some(size_t bytes) {
    while (bytes && nunmapq) {
        region *r = &unmapq[nunmapq - 1];
        size_t k = r->left < bytes ? r->left : bytes;
        munmap(r->p + r->left - k, k);
        r->left -= k;
        bytes -= k;
        if (!r->left) nunmapq--;
    }
}

/* Queue a region for unmapping (page_work, rc__ic_idle). */
static void unmap_later(void *p, size_t bytes) {
    if (nunmapq == cap_unmapq) {
        cap_unmapq = cap_unmapq ? cap_unmapq * 2 : 64;
        unmapq = rc__xrealloc(unmapq, cap_unmapq * sizeof *unmapq);
    }
    unmapq[nunmapq++] = (region){p, bytes};
}

/* Drop a table: it joins the queue. */
static void table_free(table *t) {
    if (t->cap) {
        if (t == &cur) fault_left = 0;
        unmap_later(t->slot, t->cap * sizeof(uint32_t));
    }
    *t = (table){NULL, 0};
}

static uint64_t slice_begun; /* rc__mono_ns() when the slice began */
static size_t check_at;      /* the work at which the slice next reads the clock */

/* Has the slice done its share (IC_SLICE units, or SLICE_NS of time)? */
static bool slice_done(size_t work) {
    if (work >= IC_SLICE) return true;
    if (work < check_at) return false;
    check_at = work + CHECK_EVERY;
    return rc__mono_ns() - slice_begun >= SLICE_NS;
}

/* Fault in the first pages of the span at *at (*left bytes; at most
 * `most`, a step's worth): with rc__populate, else by touching PAGE_STEP
 * pages; the span advances past them. Returns the bytes done. */
static size_t fault_in(char **at, size_t *left, size_t most) {
    size_t k = *left < most ? *left : most;
    if (k > POPULATE_STEP * PAGE) k = POPULATE_STEP * PAGE;
    if (!rc__populate(*at, k)) {
        if (k > PAGE_STEP * PAGE) k = PAGE_STEP * PAGE;
        /* a write that keeps the slot (insertions may have filled it) */
        for (size_t i = 0; i < k; i += PAGE) *(volatile uint32_t *)(*at + i) += 0;
    }
    *at += k;
    *left -= k;
    return k;
}

/* The kernel's share of a slice: up to PAGES_PER_SLICE pages faulted in or
 * unmapped -- the current table first (the gathering waits for it), then
 * the newest entry chunk ahead of the joins, then the unmapping queue --
 * a step at a time until SLICE_NS / 2 have passed since `begun` (at least
 * one step). PAGES_PER_SLICE of each, with the slice's own work, took
 * bench/pause's longest loop iteration to 1.04-1.16 ms of CPU time
 * (0.87-0.91 ms shared) when pages were touched 4 at a time. */
static void page_work(uint64_t begun) {
    for (size_t left = PAGES_PER_SLICE * PAGE; left;) {
        size_t k;
        if (fault_left) {
            k = fault_in(&fault_at, &fault_left, left);
        } else if (ahead_left) {
            k = fault_in(&ahead_at, &ahead_left, left);
        } else if (nunmapq) {
            k = left < UNMAP_STEP * PAGE ? left : UNMAP_STEP * PAGE;
            unmap_some(k);
        } else {
            return;
        }
        left -= k;
        if (rc__mono_ns() - begun >= SLICE_NS / 2) return;
    }
}

void rc__ic_idle(void) {
    if (nunmapq) page_work(rc__mono_ns());
}

/* A table's capacity is any multiple of SLOTS_ROUND (whole pages), not a
 * power of two: the hash's top 32 bits scaled to it (multiply and shift). */
#define SLOTS_ROUND (PAGE / sizeof(uint32_t))
static inline size_t slot_of(const table *t, const rc__head *h) {
    return (size_t)(((uint64_t)(uint32_t)((uint64_t)rc__hash_ptr(h) >> 32) * t->cap) >> 32);
}
static inline size_t next_slot(const table *t, size_t i) { return ++i == t->cap ? 0 : i; }

static void table_put(table *t, const rc__head *h, uint32_t v) {
    size_t i = slot_of(t, h);
    while (t->slot[i]) i = next_slot(t, i);
    t->slot[i] = v;
}

static uint32_t table_get(const table *t, const rc__head *h) {
    if (!t->cap) return 0;
    for (size_t i = slot_of(t, h);; i = next_slot(t, i)) {
        uint32_t v = t->slot[i];
        if (!v || head_of(entry(v - 1)) == h) return v;
    }
}

/* Move up to k slots of the old table into the current one. */
static void migrate(size_t k) {
    for (; k && migrated < old.cap; k--, migrated++) {
        uint32_t v = old.slot[migrated];
        if (v) table_put(&cur, head_of(entry(v - 1)), v);
    }
    if (old.cap && migrated == old.cap) table_free(&old);
}

/* A table twice as large; the old one is migrated MIGRATE slots per
 * insertion. */
static void index_grow(void) {
    migrate(SIZE_MAX); /* the previous resize is long done: 12x as many slots migrated since */
    old = cur;
    migrated = 0;
    cur.cap = old.cap ? old.cap * 2 : initial_cap;
    cur.slot = table_alloc(cur.cap);
    fault_at = (char *)cur.slot;
    fault_left = cur.cap * sizeof(uint32_t);
}

/* Room for k more insertions at most 3/4 full? If not, the table grows
 * now and the gathering waits (rc__ic_slice) until page_work has touched
 * the new table's pages: insertions at random places in untouched pages
 * took a page fault each (deriv 10: slices of 1-3.6 ms after a resize). */
static inline bool over_load(size_t k) { return k * 4 > cur.cap * 3; }

static bool index_room(size_t k) {
    if (!over_load(used + k)) return true;
    index_grow();
    return false;
}

/* Members whose children may join without asking index_room (a member with
 * more, an rc_list's, may grow the table within its scan). */
#define ROOM 64u

static void index_insert(const rc__head *h, uint32_t idx) {
    if (over_load(used + 1)) index_grow();
    migrate(MIGRATE);
    table_put(&cur, h, idx + 1);
    used++;
}

static icm *index_find(const rc__head *h) {
    uint32_t v = table_get(&cur, h);
    if (!v) v = table_get(&old, h);
    RC_ASSERT(v != 0);
    return entry(v - 1);
}

/* ---- prefetching ------------------------------------------------------------ */

/* Members are scanned in the order they joined and roots taken in the order
 * they were buffered, far from where they lie: heads, and their index
 * slots, are fetched PF_HEAD / PF_CHILDREN entries ahead (each a cache miss
 * else; c14p measured deriv 10: 5.6-6.3 s -> 4.4-5.0 s). */
#define PF_HEAD 16
#define PF_CHILDREN 8
#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif
static inline void prefetch_head(const rc__head *h) {
    PREFETCH(h);
    if (cur.cap) PREFETCH(&cur.slot[slot_of(&cur, h)]);
}

/* ---- members -------------------------------------------------------------- */

static void join(rc__head *h, uint32_t internal, bool root) {
    if (n == (size_t)nchunks * CHUNK) {
        if (nchunks == cap_chunks) {
            cap_chunks = cap_chunks ? cap_chunks * 2 : 64;
            chunks = rc__xrealloc(chunks, cap_chunks * sizeof *chunks);
        }
        chunks[nchunks++] = ic_alloc(CHUNK * sizeof(icm));
        /* populated by the slices ahead of the joins, after the index */
        ahead_at = (char *)chunks[nchunks - 1];
        ahead_left = CHUNK * sizeof(icm);
    }
    if (RC_UNLIKELY(n >= UINT32_MAX - 1)) rc__fatal("incremental collection: too many members");
    RC_ASSERT(((uintptr_t)h & HW_FLAGS) == 0);
    icm *e = entry(n);
    uint64_t hw = (uintptr_t)h | (root ? HW_ROOT : 0);
    memcpy(e->hw, &hw, sizeof hw);
    e->ext = 0u - internal;
    index_insert(h, (uint32_t)n);
    n++;
    held++;
    h->flags |= RC_F_IC;
}

/* A member leaves: alive, with age 2; a zombie's memory goes back, unless a
 * buffer still points to it (then the buffer returns it). */
static void release(icm *e) {
    rc__head *h = head_of(e);
    RC_ASSERT(!released(e) && is_ic_member(h->flags));
    hw_or(e, HW_RELEASED);
    held--;
    if (h->flags & RC_F_ZOMBIE) {
        h->flags &= (uint16_t) ~(RC_F_IC | F_REACHABLE);
        /* still buffered only outside the pools: a pool object left its buffer as it died */
        RC_ASSERT(!(h->flags & RC_F_BUFFERED) || (h->flags & (RC_F_LARGE | RC_F_DEBUG)));
        if (h->flags & RC_F_BUFFERED) return;
        h->flags &= (uint16_t)~RC_F_ZOMBIE;
        rc__free_zombie(h);
        return;
    }
    h->flags = (uint16_t)((h->flags & ~(uint32_t)(AGE_MASK | F_REACHABLE)) | (NGEN - 1u) << AGE_SHIFT);
}

static inline bool dead(const rc__head *h) { return (h->flags & RC_F_ZOMBIE) || h->refcnt == 0; }

/* ---- GATHER ---------------------------------------------------------------- */

static void visit_gather(void **slot, void *ctx) {
    (void)ctx;
    void *c = *slot;
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    if (is_ic_member(ch->flags))
        index_find(ch)->ext--; /* one more internal reference */
    else if (can_join(ch))
        join(ch, 1, false);
}

/* The roots: the candidates of age 2 when the IC started, moved here whole
 * (O(1); still buffered, so their memory is safe), and as many of CAND_CUT's
 * as waited then (roots_left). Roots buffered later wait for the next IC:
 * the gathering ends, and garbage that synchronous collections would find
 * in bounded pauses is not taken out of their reach (members are outside
 * them) into a longer final step. */
static candbuf start_roots;
static size_t roots_left;

/* Take up to k roots, the newest first; returns how many entries were
 * taken. Their records become invalid with the split (the blocks have no
 * owner): each leaves RC_F_BUFFERED here, before anything can die, and
 * becomes a member (RC_F_IC) or nothing. */
static size_t take_roots(size_t k) {
    candbuf *c = !cand_empty(&start_roots) ? &start_roots : &rc__cand[CAND_CUT];
    if (c != &start_roots && k > roots_left) k = roots_left;
    candbuf t = rc__cand_split_newest(c, k);
    size_t taken = rc__cand_count(&t);
    RC_ASSERT(taken <= k);
    if (c != &start_roots) roots_left -= taken;
    for (cand_block *b = t.head; b; b = b->next)
        for (uint32_t i = 0; i < b->n; i++) {
            if (i + PF_CHILDREN < b->n && b->p[i + PF_CHILDREN]) prefetch_head(b->p[i + PF_CHILDREN]);
            rc__head *h = b->p[i];
            if (!h) continue; /* removed: it died (gc_cand.h) */
            RC_ASSERT(h->flags & RC_F_BUFFERED);
            if (h->flags & RC_F_ZOMBIE) {
                unbuffer_zombie(h);
                continue;
            }
            h->flags &= (uint16_t)~RC_F_BUFFERED;
            if (is_ic_member(h->flags))
                hw_or(index_find(h), HW_ROOT);
            else if (can_join(h))
                join(h, 0, true);
        }
    rc__cand_clear(&t);
    return taken;
}

/* Prefetching: the members are scanned in the order they joined, far from
 * where they lie; their heads, their children's heads and the children's
 * index slots are fetched some members ahead (each a cache miss else). */
static void visit_prefetch(void **slot, void *ctx) {
    (void)ctx;
    if (*slot) prefetch_head(RC_HEAD_OF(*slot));
}

static inline void prefetch_ahead(size_t i) {
    if (i + PF_HEAD < n) PREFETCH(head_of(entry(i + PF_HEAD)));
    if (i + PF_CHILDREN < n) {
        rc__head *h = head_of(entry(i + PF_CHILDREN));
        if (!(h->flags & RC_F_COMPLEX)) traverse_head(h, visit_prefetch, NULL);
    }
}

static size_t gather(size_t work) {
    while (!slice_done(work)) {
        if (cursor < n) {
            if (!index_room(ROOM)) break;
            prefetch_ahead(cursor);
            icm *e = entry(cursor++);
            rc__head *h = head_of(e);
            if (!dead(h)) {
                e->ext += h->refcnt;
                traverse_head(h, visit_gather, NULL);
            }
            work++;
        } else if (!cand_empty(&start_roots) || (roots_left && !cand_empty(&rc__cand[CAND_CUT]))) {
            size_t k = IC_SLICE - work < 4 * CHECK_EVERY ? IC_SLICE - work : 4 * CHECK_EVERY;
            if (!index_room(k)) break;
            work += take_roots(k);
        } else {
            table_free(&old); /* the marking needs no lookups */
            table_free(&cur);
            used = migrated = 0;
            phase = MARK;
            cursor = 0;
            break;
        }
    }
    return work;
}

/* ---- MARK ------------------------------------------------------------------ */

/* A marked member carries F_REACHABLE (never set on a member otherwise: a
 * member is outside every synchronous collection) and stays a member until
 * SWEEP, so the mark stack can hold its head. No index lookup. */
static inline bool markable(const rc__head *h) {
    return is_ic_member(h->flags) && !(h->flags & F_REACHABLE) && !dead(h);
}

static void visit_mark(void **slot, void *ctx) {
    (void)ctx;
    void *c = *slot;
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    if (!markable(ch)) return;
    ch->flags |= F_REACHABLE;
    ptrvec_push(&mstack, ch);
    /* its head is at hand: fetch its children's before it is popped */
    if (!(ch->flags & RC_F_COMPLEX)) traverse_head(ch, visit_prefetch, NULL);
}

static size_t mark(size_t work) {
    while (!slice_done(work)) {
        if (mstack.n) {
            uintptr_t p = (uintptr_t)mstack.p[--mstack.n];
            rc__head *h = (rc__head *)(p & ~(uintptr_t)1);
            work++;
            if (p & 1) { /* from the examination: not marked yet, perhaps */
                if (!markable(h)) continue;
                h->flags |= F_REACHABLE;
            }
            if (!dead(h)) traverse_head(h, visit_mark, NULL);
        } else if (cursor < n) {
            icm *e = entry(cursor++);
            work++;
            /* The count seen when it was scanned (its head is not read
             * again here: a cache miss per member): imprecise, as the
             * internal references are. */
            if (seen_external(e)) ptrvec_push(&mstack, (void *)((uintptr_t)head_of(e) | 1));
        } else {
            phase = SWEEP;
            cursor = 0;
            break;
        }
    }
    return work;
}

/* ---- SWEEP ----------------------------------------------------------------- */

static size_t sweep(size_t work) {
    for (; !slice_done(work) && cursor < n; work++) {
        if (cursor + PF_HEAD < n) PREFETCH(head_of(entry(cursor + PF_HEAD)));
        size_t i = cursor++;
        icm *e = entry(i);
        if (released(e)) continue;
        if (dead(head_of(e)) || (head_of(e)->flags & F_REACHABLE))
            release(e);
        else
            u32_push(&ulist, &nulist, &cap_ulist, (uint32_t)i);
    }
    if (cursor == n) phase = DUE;
    return work;
}

/* ---- the interface (gc_internal.h) -------------------------------------- */

bool rc__ic_running(void) { return phase != IDLE; }

size_t rc_gc_get_incremental_count(void) { return held; }

void rc__ic_start(void) {
    RC_ASSERT(phase == IDLE && n == 0);
    phase = GATHER;
    cursor = 0;
    /* start_roots owns the blocks (a dying candidate leaves it as any buffer). */
    rc__cand_append(&start_roots, &rc__cand[NGEN - 1]);
    roots_left = rc__cand_count(&rc__cand[CAND_CUT]);
    /* The index is sized for twice as many members as the last IC had (or
     * the roots) at 2/3 load (it grows past 3/4), so that it rarely grows,
     * and touched before use (the first slices). Sized to that, not to a
     * power of two: up to twice the memory otherwise (rbtree 1000000's
     * last IC: 8 MiB for 780,671 members). */
    size_t nroots = rc__cand_count(&start_roots) + roots_left;
    size_t want = 3 * (last_members > nroots ? last_members : nroots);
    if (want < 65536) want = 65536;
    initial_cap = (want + SLOTS_ROUND - 1) / SLOTS_ROUND * SLOTS_ROUND;
    cur.cap = initial_cap;
    cur.slot = table_alloc(cur.cap);
    fault_at = (char *)cur.slot;
    fault_left = cur.cap * sizeof(uint32_t);
}

bool rc__ic_slice(void) {
    slice_begun = rc__mono_ns();
    check_at = MIN_UNITS;
    page_work(slice_begun);
    size_t work = 0;
    /* A new table is touched whole before the gathering uses it. */
    if (phase == GATHER && fault_left) return false;
    if (phase == GATHER) work = gather(work);
    if (phase == MARK) work = mark(work);
    if (phase == SWEEP) work = sweep(work);
    return phase == DUE;
}

size_t rc__ic_last_members(void) { return last_members; }

static void reset(void) {
    RC_ASSERT(cand_empty(&start_roots));
    last_members = n;
    for (size_t i = 0; i < nchunks; i++) unmap_later(chunks[i], CHUNK * sizeof(icm));
    ahead_left = 0;
    free(chunks);
    chunks = NULL;
    nchunks = cap_chunks = n = held = 0;
    free(mstack.p);
    mstack = (ptrvec){NULL, 0, 0};
    free(ulist);
    ulist = NULL;
    nulist = cap_ulist = 0;
    table_free(&cur);
    table_free(&old);
    used = migrated = 0;
    cursor = 0;
    phase = IDLE;
}

void rc__ic_finish(ptrvec *out) {
    if (phase == IDLE) return;
    RC_ASSERT(phase == DUE && mstack.n == 0);
    for (size_t k = 0; k < nulist; k++) {
        icm *e = entry(ulist[k]);
        if (released(e)) continue;
        rc__head *h = head_of(e);
        bool alive = !dead(h);
        release(e);
        if (alive) ptrvec_push(out, h);
    }
    reset();
}

void rc__ic_abandon(void) {
    if (phase == IDLE) return;
    rc__cand_append(&rc__cand[CAND_CUT], &start_roots); /* not taken yet: they wait */
    for (size_t i = 0; i < n; i++) {
        icm *e = entry(i);
        if (released(e)) continue;
        rc__head *h = head_of(e);
        bool root = (hw_of(e) & HW_ROOT) && !dead(h);
        release(e);
        if (root && !(h->flags & (RC_F_BUFFERED | RC_F_PERM))) {
            h->flags |= RC_F_BUFFERED;
            cand_push(&rc__cand[CAND_CUT], h);
        }
    }
    reset();
}

#ifdef RC_CHECKED
/* Every entry not released is a member (RC_F_IC), once (the index finds
 * it, while it lives), a zombie only with count 0; the mark stack holds
 * MARKED entries; released entries are never dereferenced. */
void rc__ic_validate(void) {
    if (phase == IDLE) {
        RC_ASSERT(n == 0 && mstack.n == 0 && nulist == 0 && !cur.cap && !old.cap && cand_empty(&start_roots));
        return;
    }
    /* Roots not taken yet are candidates like any (records valid; a dying
     * one leaves start_roots through its record), members or not. */
    rc__cand_validate(&start_roots);
    for (cand_block *b = start_roots.head; b; b = b->next)
        for (uint32_t i = 0; i < b->n; i++)
            if (b->p[i]) RC_ASSERT(((rc__head *)b->p[i])->flags & RC_F_BUFFERED);
    for (size_t i = 0; i < n; i++) {
        icm *e = entry(i);
        if (released(e)) continue;
        const rc__head *h = head_of(e);
        RC_ASSERT(is_ic_member(h->flags));
        RC_ASSERT(!(h->flags & F_COLLECTING));
        RC_ASSERT(!(h->flags & F_REACHABLE) || phase == MARK || phase == SWEEP);
        RC_ASSERT(!(h->flags & RC_F_ZOMBIE) || h->refcnt == 0);
        if (phase == GATHER) RC_ASSERT(index_find(h) == e);
    }
    for (size_t k = 0; k < mstack.n; k++) {
        /* untagged: marked; tagged (low bit): pushed by the examination */
        uintptr_t p = (uintptr_t)mstack.p[k];
        const rc__head *h = (const rc__head *)(p & ~(uintptr_t)1);
        RC_ASSERT(is_ic_member(h->flags) && ((p & 1) || (h->flags & F_REACHABLE)));
    }
}
#endif
