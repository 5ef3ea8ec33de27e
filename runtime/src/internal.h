/*
 * internal.h — the runtime's internal types, shared by its subsystems.
 *
 * Files and what each owns:
 *   pool.c        size classes, pools and arenas (the pooled allocator)
 *   debugheap.c   AUTORC_MALLOC=debug: guard bytes, poisoning, quarantine
 *   object.c      rc__new, counts, deallocation (finalizer, weak clear,
 *                 iterative release of fields), allocator mode selection
 *   weakref.c     the weak-slot table, rc_weakref objects and callbacks
 *   list.c        rc_list (Python's list, a deque)
 *   str.c         rc_str; dict.c rc_dict (builtins.h: what dict.c knows of str)
 *   gc.c          the cycle collector and the gc API
 *   tracemalloc.c allocation tracing
 *
 * Object layout. A managed object is one block of memory:
 *
 *     block -> [ pad        ]   8 B, present iff the type's alignment is 16
 *                                (zero: a heap walk tells it from a head)
 *              [ rc__head   ]   8 B: uint32 refcnt, uint16 flags, uint16 type index
 *     obj   -> [ T ...      ]  the user's struct, zero-filled by rc__new
 *
 * so the per-object overhead is 8 bytes, tracked by the collector or not
 * (CPython: 16 and 32). The type is found through
 * the type table: rc__tinfo[head->tix], an entry made at the type's first
 * allocation (register_type in object.c), which also caches what the
 * allocation and destruction paths need (block size, prefix, plainness).
 *
 * Alignment: blocks are 8-byte aligned, and 16-byte aligned when their size
 * is a multiple of 16 (pool.c; malloc and the debug heap give 16). An
 * object whose type has _Alignof <= 8 is 8-aligned (as mimalloc's 24-byte
 * blocks are); for a type aligned to 16 the block is a multiple of 16 and
 * starts with 8 bytes of padding, so that `obj` is 16-aligned.
 *
 * Invariants:
 *   - refcnt >= 1 for a live object; 0 only while it is being destroyed (or,
 *     under AUTORC_MALLOC=debug, while its memory sits in the quarantine).
 *   - RC_F_GC comes from the type (rc__tinfo's gc): the collector tracks the
 *     object. Only an rc_dict clears it while it can hold no cycle
 *     (rc__gc_untrack / rc__gc_track); whether a type can be tracked is
 *     rc__info_of(h)->gc, whatever the flag says.
 *   - An object whose type's blocks are not pool blocks (fixed per type: the
 *     allocator mode is chosen before the first type registers) is in
 *     object.c's set of outside objects from rc__new to its memory's return.
 *   - tix != 0 names a registered type; its rc__tinfo entry never changes.
 *   - RC_F_WEAKREFD is set iff the weak table may hold slots for the object.
 *   - rc__live counts objects between rc__new and the return of their memory.
 */
#ifndef AUTORC_INTERNAL_H
#define AUTORC_INTERNAL_H

/* The runtime's code goes to one section, autorc_text, whose bounds the
 * linker names (__start_/__stop_autorc_text): tracemalloc tells a return
 * address in the runtime from one in the program by it (rc__in_runtime), to
 * attribute a built-in object to the program's call that made it. Without
 * clang (no such pragma) the range is empty and nothing is in the runtime. */
#if defined(__clang__) && defined(__ELF__)
#pragma clang section text = "autorc_text"
#define RC_TEXT_RANGE 1
#endif

#include "autorc.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RC_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(RC_ASAN)
#define RC_ASAN 1
#endif

#if defined(__GNUC__)
#define RC_LIKELY(x) __builtin_expect(!!(x), 1)
#define RC_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define RC_NOINLINE __attribute__((noinline))
#define RC_NORETURN __attribute__((noreturn))
#else
#define RC_LIKELY(x) (x)
#define RC_UNLIKELY(x) (x)
#define RC_NOINLINE
#define RC_NORETURN
#endif

/* Internal consistency checks: compiled in by -DRC_CHECKED (CMake turns it
 * on with AUTORC_SANITIZE, or AUTORC_CHECKED), else nothing. A failure is a
 * bug in the runtime (or memory corrupted by the program), reported as
 * "autorc: fatal: internal error: ...". */
#ifdef RC_CHECKED
#define RC_ASSERT(cond) ((cond) ? (void)0 : rc__assert_fail(#cond, __FILE__, __LINE__))
#else
#define RC_ASSERT(cond) ((void)0)
#endif
RC_NORETURN void rc__assert_fail(const char *cond, const char *file, int line);

/* The monotonic clock in nanoseconds (POSIX clock_gettime: a vDSO call, for
 * the slow paths only). */
static inline uint64_t rc__mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Fault in [p, p + bytes) for writing with one system call (pool.c;
 * MADV_POPULATE_WRITE, Linux 5.14): on this kind of VM a page's first touch
 * costs 16-22 us under load, the call 0.7-2.3 us a page. False where the
 * kernel has no such call (the pages then fault in as they are touched) or
 * it failed (memory is short: the touch will say so). */
bool rc__populate(void *p, size_t bytes);

/* ---- header flags (rc__head.flags) ------------------------------------- */
enum {
    /* object.c */
    RC_F_GC = RC__F_GC,       /* tracked: the type may be in a cycle (bit 0; autorc.h's
                               * inline allocation and release test it too) */
    RC_F_WEAKREFD = 1u << 1,  /* weak slots may point here */
    RC_F_FINALIZED = 1u << 2, /* the finalizer has run (PEP 442: never twice) */
    RC_F_DYING = 1u << 3,     /* being destroyed */
    RC_F_TRACED = 1u << 4,    /* tracemalloc holds a trace for it */
    RC_F_LARGE = 1u << 5,     /* memory from the system allocator (not a pool) */
    RC_F_DEBUG = 1u << 6,     /* memory from the debug heap */
    RC_F_COMPLEX = 1u << 7,   /* type is not plain (rc__typeinfo.plain == 0): set
                               * at allocation, so rc__dealloc's fast path tests
                               * the head's flags alone */
    /* gc.c owns bits 8..15; autorc.h's inline release reads two of them */
    RC_F_GC_SHIFT = 8,
    RC_F_GC_MASK = 0xffu << 8,
    RC_F_BUFFERED = RC__F_BUFFERED, /* a candidate root, in one of gc.c's buffers */
    RC_F_PERM = RC__F_PERM,         /* frozen (rc_gc_freeze) */
    RC_F_ZOMBIE = 1u << 14,         /* destroyed while the collector points to it: a
                                     * buffer, outside the pools, or the IC; only its
                                     * memory is left, freed by whoever lets go last */
    RC_F_IC = 3u << 10,             /* both age bits (age 3, never an age): a member of
                                     * the running incremental collection
                                     * (gc_incremental.c) */
    /* bit 15 is object.c's, in the collector's byte because the object's is
     * full: RC__F_OWNED (autorc.h), the debug-mode thread check */
    RC_F_OWNED = RC__F_OWNED,
};

#define RC_HEAD_OF(obj) ((rc__head *)(obj) - 1)
/* ---- the type table (object.c) ---------------------------------------- */
typedef struct rc__typeinfo {
    const rc_type *type;
    uint32_t block;  /* bytes of the block: prefix + head + size */
    uint16_t prefix; /* bytes from the block's start to the head: the pad */
    uint8_t outside; /* blocks are not pool blocks (object.c's outside set) */
    uint8_t plain;   /* no finalizer, no weak fields, no container hooks */
    uint8_t gc;      /* RC_F_GC: tracked by the collector */
    const uint32_t *strong; /* type->strong, type->nstrong (copied: one line) */
    uint32_t nstrong;
    uint8_t cls;     /* pool size class of `block` (block <= RC_SMALL_MAX) */
} rc__typeinfo;
extern rc__typeinfo *rc__tinfo; /* [0] unused */
#define RC_MAX_TYPES 32767 /* the rt word keeps bit 31 for RC_RT_OFF */

/* The descriptor of the object whose head is h. */
static inline const rc_type *rc__type_of(const rc__head *h) { return rc__tinfo[h->tix].type; }
static inline const rc__typeinfo *rc__info_of(const rc__head *h) { return &rc__tinfo[h->tix]; }
/* The type's name from a head that may not be a live object's (a stray or
 * dead pointer): NULL unless its index names a registered type. */
const char *rc__head_type_name(const rc__head *h);
/* The start of the block holding the object whose head is h. */
static inline void *rc__block_of(const rc__head *h) {
    return (char *)h - rc__tinfo[h->tix].prefix;
}
#define RC_OBJ_OF(head) ((void *)((rc__head *)(head) + 1))

static inline bool rc_type_is_container(const rc_type *t) {
    return !(t->flags & RC_TYPE_ACYCLIC) && (t->nstrong > 0 || t->traverse != NULL);
}

/* Hash of an object address for the runtime's side tables (objects are
 * 8-byte aligned: the low bits carry nothing). */
static inline size_t rc__hash_ptr(const void *p) {
    uintptr_t x = (uintptr_t)p >> 3;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

/* Visit every strong slot of obj (fixed fields, then container slots). */
void rc__traverse(void *obj, rc_visit_fn visit, void *ctx);

/* ---- allocator modes (object.c) ---------------------------------------- */
typedef enum rc_mode { RC_MODE_POOL, RC_MODE_MALLOC, RC_MODE_DEBUG } rc_mode;
extern rc_mode rc__mode;
/* autorc.h's inline allocation may pop the block caches (pool mode, no
 * sanitizer annotations, not tracing). rc__update_fast_alloc recomputes it
 * (tracemalloc calls it when tracing starts and stops) and sets or clears
 * RC_RT_OFF in every registered type's rt word: the inline path reads only
 * that word (negative: take rc__new). */
extern bool rc__fast_alloc;
void rc__update_fast_alloc(void);
#define RC_RT_OFF (1u << 31)
/* Stats build counters (RC__STAT increments them only under AUTORC_STATS). */
extern unsigned long long rc__stat_allocated, rc__stat_freed, rc__stat_gc_candidates;
void rc__init_once(void);

/* Report a fatal misuse of the runtime and abort. */
RC_NORETURN void rc__fatal(const char *fmt, ...);
/* malloc/realloc that abort with a clear message when memory runs out. */
void *rc__xmalloc(size_t n);
void *rc__xrealloc(void *p, size_t n);

/* ---- pooled allocator (pool.c) ----------------------------------------- */
#define RC_GRAIN 8                        /* size classes are multiples of 8 */
#define RC_SMALL_MAX 512                  /* larger requests go to malloc */
#define RC_NCLASSES (RC_SMALL_MAX / RC_GRAIN)
#define RC_POOL_SIZE ((size_t)16 << 10)   /* 16 KiB, aligned to its size */
#define RC_ARENA_SIZE ((size_t)1 << 20)   /* 1 MiB, from mmap */

/* NULL when the OS refuses memory. n <= RC_SMALL_MAX. The free is sized
 * (n as allocated): the size class then needs no look-up. */
void *rc__pool_alloc(size_t n);
/* A free block is linked to the next through its second word, not its
 * first: a pool block starts with an untracked object's head (or a tracked
 * one's collector link), so a freed object keeps its dead head (count 0,
 * type index) while the block is free, and a release of it through a stale
 * pointer stops with an error naming its type (object.c's dead_release)
 * instead of decrementing the link and corrupting the free list. Objects
 * therefore never use the 8-byte class (object.c makes such blocks 16). */
#define RC_LINK(b) (((void **)(b))[1])
#define RC_MIN_BLOCK 16
void rc__pool_free(void *p, size_t n);
/* A pool: 16 KiB aligned to its size, this header first, then blocks of one
 * size class (pool.c explains the states; the inline free below needs the
 * layout). */
typedef struct rc__pool rc__pool;
struct rc__pool {
    void *freeblock;        /* first free block; NULL iff full or bump-only */
    uint16_t ref;           /* blocks in use (cached blocks count as in use) */
    uint16_t szidx;         /* size class */
    uint16_t nextoffset;    /* first never-used block */
    uint16_t maxnextoffset; /* last offset a block may start at */
    rc__pool *nextpool;     /* in pool.c's usedpools[c] or an arena's free pools */
    rc__pool *prevpool;
    struct rc__arena *arena;
    uint32_t *records;      /* the collector's word per block (rc__pool_record), or NULL */
};
_Static_assert(RC_POOL_SIZE <= 65535 + 1 && sizeof(rc__pool) == 48, "rc__pool: 16-bit offsets, 48 bytes");
#define RC_POOL_OF(p) ((rc__pool *)((uintptr_t)(p) & ~(uintptr_t)(RC_POOL_SIZE - 1)))
/* Blocks start after the header, rounded to 16 (16-multiples stay 16-aligned). */
#define RC_POOL_OVERHEAD ((sizeof(rc__pool) + 15) & ~(size_t)15)
/* The collector's 32-bit word for the pool block that holds address a
 * (gc_cand.h: where the object's candidate entry is). A pool gets its
 * table of words, one per block, with its first candidate
 * (rc__pool_records_new); it goes when the pool is emptied. The block's
 * index is a's offset times the class's 2^32 / size, rounded up: exact for
 * offsets below 2^14 and sizes below 2^9 (no division), and the same for
 * any address inside the block (the head, after a pad). */
extern const uint32_t rc__class_recip[];
uint32_t *rc__pool_records_new(rc__pool *p);
static inline uint32_t *rc__pool_record_in(rc__pool *p, uint32_t *r, const void *a) {
    uint64_t off = (uint64_t)((const char *)a - (const char *)p - RC_POOL_OVERHEAD);
    return &r[off * rc__class_recip[p->szidx] >> 32];
}
static inline uint32_t *rc__pool_record(const void *a) {
    rc__pool *p = RC_POOL_OF(a);
    uint32_t *r = p->records;
    if (RC_UNLIKELY(!r)) r = rc__pool_records_new(p);
    return rc__pool_record_in(p, r, a);
}
extern size_t rc__nblocks[]; /* per class: blocks out of their pools */
void rc__pool_free_slow(rc__pool *p, void *was);
/* Return block b straight to its pool (bypassing the cache), inline for
 * object.c's destroy loop when the cache is at its budget: a push on the
 * pool's free list; only a pool that becomes empty or was full takes the
 * slow path. No sanitizer annotation (pool.c wraps it in its own). */
static inline void rc__pool_free_block(void *b) {
    rc__pool *p = RC_POOL_OF(b);
    void *was = p->freeblock;
    RC_LINK(b) = was;
    p->freeblock = b;
    rc__nblocks[p->szidx]--;
    if (RC_UNLIKELY(--p->ref == 0 || was == NULL)) rc__pool_free_slow(p, was);
}
/* The free's fast path by size class c, inline for object.c's destroy loop
 * and the collector: a push on the class's block cache while it is under budget,
 * else straight to the block's pool (rc__pool_free would test the budget
 * again). Builds that annotate blocks for ASan or Valgrind always call
 * rc__pool_free. */
extern uint32_t rc__cache_limit[]; /* per class, pool.c's cache_refill sets it */
static inline void rc__pool_free_class(void *p, unsigned c) {
#if !defined(RC_ASAN) && !defined(RC_VALGRIND)
    uint32_t k = rc__ncache[c];
    if (RC_LIKELY(k < rc__cache_limit[c])) {
        RC_LINK(p) = rc__cache[c];
        rc__cache[c] = p;
        rc__ncache[c] = k + 1;
    } else {
        rc__pool_free_block(p);
    }
#else
    rc__pool_free(p, ((size_t)c + 1) * RC_GRAIN);
#endif
}
/* The same by block size (n bytes, as allocated). */
static inline void rc__pool_free_inline(void *p, size_t n) {
    rc__pool_free_class(p, (unsigned)((n - 1) >> 3));
}

/* ---- debug heap (debugheap.c) ------------------------------------------ */
void *rc__debug_alloc(size_t n);
/* head: the offset of the object's head in the block (object.c leaves a dead
 * head there, count 0, checked when the block leaves the quarantine), or
 * (size_t)-1 for a block that holds no object. */
void rc__debug_free(void *p, size_t n, size_t head);
/* Check guard bytes of a live debug block; aborts naming `what` if broken. */
void rc__debug_check(const void *p, size_t n, const char *what);
/* Is p a block in the quarantine (freed, not yet reused)? */
bool rc__debug_is_freed(const void *p);
/* The 8 bytes before a debug block's guard bytes, which hold the owner
 * thread of the object in it (threadcheck.c). */
void *rc__debug_owner(void *block);

/* ---- thread check (threadcheck.c) --------------------------------------- */
/* Make the calling thread the owner of a new debug-heap block's object. */
void rc__owner_init(void *block);

/* ---- weak references (weakref.c) --------------------------------------- */
/* Zero every weak slot that points to obj. Weakref objects with a callback
 * are queued (each holding a reference), not called; those for which `skip`
 * (may be NULL) returns true are not queued (the collector skips weakrefs
 * that are garbage themselves). */
void rc__weak_clear(void *obj, bool (*skip)(rc_weakref *ref, void *ctx), void *ctx);
/* Run the queued weakref callbacks, then drop their references. Reentrant
 * calls return at once; the outermost one runs everything queued. */
void rc__weak_run_callbacks(void);
/* Is obj an rc_weakref object? */
bool rc__is_weakref(const void *obj);
/* Clear a weakref object's target without running its callback (the
 * collector, for weakrefs that die with the garbage). */
void rc__weakref_clear(rc_weakref *ref);
/* Does any weak slot exist? */
bool rc__weak_any(void);
/* Callbacks queued and not yet run. */
extern size_t rc__weak_nqueued;

/* ---- collector hooks (gc.c) -------------------------------------------- */
/* Run the automatic collection if thresholds say so (called after rc__new). */
void rc__gc_maybe_collect(void);
/* The schedule's count 0 is kept as rc__gc_left = rc__gc_trigger - count 0
 * (autorc.h): an allocation counts down, a death counts up. */
extern long rc__gc_trigger;
/* Is a collection running (from its start callbacks to its stop ones)? */
bool rc__gc_running(void);
/* A dying tracked object leaves the schedule's count (count 0 does not go
 * below zero, as CPython's). */
static inline void rc__gc_count_death(void) { rc__gc_left += rc__gc_left < rc__gc_trigger; }
/* k of them at once (object.c's destruction loop counts in a local). */
static inline void rc__gc_count_deaths(long k) {
    rc__gc_left = rc__gc_trigger - rc__gc_left > k ? rc__gc_left + k : rc__gc_trigger;
}

/* Tracked, not a candidate already, not frozen: the object a release that
 * leaves it alive makes a candidate root (rc_decref's kept side, a hold's
 * end after a collection, a resurrection), and the only one lazy tracking
 * may untrack. */
static inline bool rc__gc_wants_candidate(const rc__head *h) {
    return (h->flags & (RC_F_GC | RC_F_BUFFERED | RC_F_PERM)) == RC_F_GC;
}

/* Lazy tracking (CPython's MAINTAIN_TRACKING, for rc_dict): an object of a
 * tracked type may clear RC_F_GC while it can hold no cycle, and set it again
 * once it can. Only while its count is 1 and it is not buffered, or when
 * setting: an untracked object is never a candidate, never a member. The
 * schedule's count follows the flag, as it does at birth and death. */
static inline void rc__gc_untrack(rc__head *h) {
    if (rc__gc_wants_candidate(h)) {
        h->flags &= (uint16_t)~RC_F_GC;
        rc__gc_count_death();
    }
}
static inline void rc__gc_track(rc__head *h) {
    if (!(h->flags & RC_F_GC)) {
        h->flags |= RC_F_GC;
        rc__gc_left--;
        /* Releases while it was untracked buffered nothing ("no cycle
         * passes through it"); a keep-alive hold alive now may be all
         * that keeps it and the cycle it can join from here: such holds
         * must buffer when they end (gc.c, "Keep-alive holds"). */
        rc__gc_epoch++;
    }
}

/* ---- enumeration of every object (object.c, pool.c) -------------------- */
/* Call fn for the head of every live object (count > 0): pool blocks by
 * walking the arenas (pool.c), the others through object.c's list. fn must
 * not allocate or free managed objects. Flushes the block caches first. */
void rc__walk_objects(void (*fn)(rc__head *h, void *ctx), void *ctx);
/* Call fn for every block in use in the pools (cached blocks are free). */
void rc__pool_walk(void (*fn)(void *block, void *ctx), void *ctx);
/* Return the memory of an object destroyed while RC_F_BUFFERED (a zombie:
 * already counted out of rc__live). */
void rc__free_zombie(rc__head *h);

/* ---- tracing hooks (tracemalloc.c) ------------------------------------- */
extern bool rc__tracing;
void rc__trace_alloc(void *obj, size_t size, const rc_site *site);
/* An allocation site inside the runtime: a built-in's constructor, which
 * allocates on the program's behalf. Such sites live in the section
 * autorc_sites, so that tracemalloc knows them (rc__runtime_site) and
 * attributes their objects to the first caller outside the runtime. */
#define RC__RUNTIME_SITE(name, func)                                             \
    static const rc_site name __attribute__((section("autorc_sites"), used)) = { \
        __FILE__, func, __LINE__}
/* Whether site is one of those; whether pc is in the runtime's code. */
bool rc__runtime_site(const rc_site *site);
bool rc__in_runtime(const void *pc);
void rc__trace_free(void *obj);

/* ---- deallocation (object.c) ------------------------------------------- */
/* Destroy an object whose count reached zero (finalizer, weak clear, fields
 * released, memory returned). Iterative: never recurses through fields. */
void rc__dealloc(void *obj);
/* Is object.c's destruction loop running (objects queued on its stack)? */
bool rc__in_dealloc(void);
/* Total block size of an object whose head is h (pad + link + head + struct). */
static inline size_t rc__block_size(const rc__head *h) { return rc__tinfo[h->tix].block; }
/* Return the memory of a fully destroyed object (no finalizer, no fields):
 * a pool block inline (the collector frees garbage rings through it), the
 * system allocator's and the debug heap's in object.c. */
extern unsigned long long rc__stat_freed;
void rc__free_memory_slow(rc__head *h);
static inline void rc__free_memory(rc__head *h) {
    if (RC_LIKELY(!(h->flags & (RC_F_LARGE | RC_F_DEBUG)))) {
        const rc__typeinfo *ti = rc__info_of(h);
        rc__live--;
        RC__STAT(rc__stat_freed);
        rc__pool_free_inline((char *)h - ti->prefix, ti->block);
    } else {
        rc__free_memory_slow(h);
    }
}
/* A dying pool object that is a candidate root leaves its collector
 * buffer at once (gc_cand.c: its entry is found through its pool's record
 * and cleared; RC_F_BUFFERED cleared). */
void rc__cand_remove(rc__head *h);
/* Does the collector still point to a dead object, so that its memory must
 * stay (a zombie)? A buffer does (RC_F_BUFFERED: only outside the pools, a
 * pool object has left its buffer by then), or the running incremental
 * collection (RC_F_IC). */
static inline bool rc__gc_keeps_memory(uint32_t flags) {
    return (flags & RC_F_BUFFERED) || (flags & RC_F_IC) == RC_F_IC;
}
/* The end of an object's destruction: its memory goes back. A candidate
 * root (RC_F_BUFFERED) in a pool first leaves its buffer; then, if the
 * collector still points to it (rc__gc_keeps_memory: a buffer outside the
 * pools, which has no record, or the IC), it becomes a zombie: counted out
 * of rc__live now, freed by whoever lets go last. */
static inline void rc__free_or_bury(rc__head *h) {
    if (RC_UNLIKELY(h->flags & RC_F_BUFFERED) && !(h->flags & (RC_F_LARGE | RC_F_DEBUG)))
        rc__cand_remove(h);
    if (RC_LIKELY(!rc__gc_keeps_memory(h->flags))) {
        rc__free_memory(h);
    } else {
        h->refcnt = 0;
        h->flags |= RC_F_ZOMBIE;
        rc__live--;
        RC__STAT(rc__stat_freed);
    }
}

/* ---- the death path ---------------------------------------------------- */
/* Every object dies through these, whichever site destroys it: once its
 * destruction is done (finalized, weak references cleared, fields released,
 * no user code to run), rc__forget drops what the runtime's tables hold about
 * it (its share of the collector's count if tracked, its trace if traced),
 * and rc__bury also returns its memory (rc__free_or_bury: rc__live, the
 * stats, the block — or a zombie while a collector buffer points to it).
 * object.c's destroy calls rc__bury; its plain loop counts tracked deaths in
 * a local, drops traces and returns blocks itself; gc.c's delete_garbage
 * frees self-contained garbage the same way. */
static inline void rc__forget(rc__head *h, uint32_t flags) {
    if (flags & (RC_F_GC | RC_F_TRACED)) {
        if (flags & RC_F_GC) rc__gc_count_death();
        if (flags & RC_F_TRACED) rc__trace_free(RC_OBJ_OF(h));
    }
}
static inline void rc__bury(rc__head *h) {
    rc__forget(h, h->flags);
    rc__free_or_bury(h);
}

#endif /* AUTORC_INTERNAL_H */
