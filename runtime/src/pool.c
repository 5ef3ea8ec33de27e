/*
 * pool.c — the pooled small-object allocator.
 *
 * Design (after CPython's Objects/obmalloc.c and mimalloc's pages):
 *
 *   - Requests of 1..512 bytes are rounded up to a multiple of 8: 64 size
 *     classes of 8, 16, 24, ..., 512 bytes (a 16-byte struct with its 8-byte
 *     head takes 24 bytes, as in mimalloc's 24-byte bin). Larger requests
 *     never come here (object.c sends them to the system allocator).
 *   - Alignment: the pool header takes 48 bytes, so every block is 8-byte
 *     aligned and blocks of classes that are multiples of 16 are 16-byte
 *     aligned (object.c rounds blocks of types aligned to 16 up to those).
 *   - An arena is 1 MiB of address space from mmap. It is carved into pools
 *     of 16 KiB, each aligned to 16 KiB so that the pool of any block is found
 *     by masking the block's address: no per-block size header is needed.
 *   - A pool serves one size class. Its header (struct pool, at the start of
 *     the pool) holds a singly linked list of free blocks, a bump offset for
 *     blocks never used yet, and the count of blocks in use.
 *
 * States of a pool:
 *   used   some blocks in use and at least one free: linked in usedpools[c]
 *   full   every block in use: linked nowhere (free() relinks it)
 *   empty  no block in use: on its arena's list of free pools
 *
 * Invariant: every pool in usedpools[c] has freeblock != NULL, so the
 * allocation fast path is: take usedpools[c]'s first free block, and only if
 * that leaves the list empty, bump or unlink (a slow path off the hot line).
 *
 * Arenas with free pools are kept in `usable`, sorted by how many free pools
 * they have, fewest first, so that new pools come from the fullest arenas and
 * lightly used arenas get a chance to empty. An arena whose pools are all
 * free becomes a spare: spares are handed out before new arenas are mapped.
 * A spare stays mapped for SPARE_DECAY_NS (1 s) after it emptied, however
 * many there are, and after that while there are at most half as many
 * spares as arenas in use (always one), so a program that frees and soon
 * rebuilds a large structure does not unmap and fault in its memory again
 * (binary-trees frees its 50 MB stretch tree and builds a 25 MB tree right
 * after: unmapping all but one spare at once cost 4,000 page faults, a
 * quarter of its faults). The peak is not raised: a spare holds memory the
 * program had in use. The decay is checked when an arena empties and when
 * a pool is taken while some spare is past the half (as jemalloc's decay,
 * only on the allocator's own activity: a program that stops allocating
 * keeps its spares until rc_heap_trim, which keeps just one).
 *
 * Pages are faulted in 256 KiB at a time (populate: 16 pools, one system
 * call instead of 64 page faults) as an arena's pools are first carved
 * (faults were a quarter of binary-trees' CPU time on a virtual machine);
 * the cost is at most 240 KiB of resident memory beyond what the pools use.
 *
 * Under AddressSanitizer free blocks are poisoned; with -DRC_VALGRIND the
 * blocks are reported to Valgrind as malloc-like blocks.
 *
 * LeakSanitizer does not scan mmap'd memory, yet arenas hold the only
 * pointers to malloc'd memory: the collector's per-pool records
 * (gc_cand.h) and whatever objects point to (slot arrays, a list's
 * items). A program built with -fsanitize=address or =leak (whether or not
 * this runtime was) would see those reported as leaks at exit, so every
 * arena is an LSan root region while it is mapped (weak symbols: nothing
 * without the sanitizer).
 */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* LeakSanitizer's interface (sanitizer/lsan_interface.h), when the program has it. */
extern void __lsan_register_root_region(const void *p, size_t size) __attribute__((weak));
extern void __lsan_unregister_root_region(const void *p, size_t size) __attribute__((weak));

/* A free block's link to the next free block: its second word (RC_LINK,
 * internal.h explains why not the first). */
#define LINK(b) RC_LINK(b)

#ifdef RC_ASAN
#include <sanitizer/asan_interface.h>
#define MEM_ALLOCATED(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define MEM_FREED(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define LINK_OPEN(p) ASAN_UNPOISON_MEMORY_REGION(&LINK(p), sizeof(void *))
#define LINK_CLOSE(p) ASAN_POISON_MEMORY_REGION(&LINK(p), sizeof(void *))
#elif defined(RC_VALGRIND)
#include <valgrind/memcheck.h>
#include <valgrind/valgrind.h>
#define MEM_ALLOCATED(p, n) VALGRIND_MALLOCLIKE_BLOCK((p), (n), 0, 0)
#define MEM_FREED(p, n) VALGRIND_FREELIKE_BLOCK((p), 0)
#define LINK_OPEN(p) VALGRIND_MAKE_MEM_DEFINED(&LINK(p), sizeof(void *))
#define LINK_CLOSE(p) VALGRIND_MAKE_MEM_NOACCESS(&LINK(p), sizeof(void *))
#else
#define MEM_ALLOCATED(p, n) ((void)0)
#define MEM_FREED(p, n) ((void)0)
#define LINK_OPEN(p) ((void)0)
#define LINK_CLOSE(p) ((void)0)
#endif

typedef struct rc__arena arena;
typedef struct rc__pool pool; /* internal.h: the inline free reads it */

#define POOL_OVERHEAD RC_POOL_OVERHEAD /* 48: keeps 16-multiples 16-aligned */
#define POOL_OF(p) RC_POOL_OF(p)
#define CLASS_SIZE(c) (((size_t)(c) + 1) * RC_GRAIN)
#define CLASS_OF(n) ((unsigned)(((n) - 1) >> 3)) /* n in 1..RC_SMALL_MAX */
_Static_assert(RC_GRAIN == 8 && RC_NCLASSES == 64, "CLASS_OF and cache_limit assume 64 classes of 8");

struct rc__arena {
    void *base;          /* the mapping */
    char *first_pool;    /* first pool-aligned address in the mapping */
    uint32_t npools;     /* pools that fit */
    uint32_t nfreepools; /* empty pools, carved or not */
    uint32_t ncarved;    /* pools handed out at least once */
    pool *freepools;     /* empty pools that were carved before */
    arena *next, *prev;  /* in `usable` (iff nfreepools > 0) or `all_full` */
    arena *allnext, *allprev; /* in `all_arenas` while mapped */
    uint64_t spare_since; /* rc__mono_ns() when it last became a spare */
};

static pool *usedpools[RC_NCLASSES];
static arena *usable;    /* arenas with free pools, fewest free first */
static arena *spares;    /* completely empty arenas kept mapped (linked by next) */
static arena *all_arenas; /* every mapped arena (rc__pool_walk) */
static size_t nspare;

static size_t narenas, narenas_peak, narenas_released, npools_used;
size_t rc__nblocks[RC_NCLASSES]; /* blocks out of their pools: in use + cached */
#define nblocks rc__nblocks

/* The per-class cache of freed blocks (like glibc's tcache): a LIFO list
 * linked through the blocks, in front of the pools. Frees push, allocations
 * pop; a free that finds the cache at its budget goes straight to the
 * block's pool, and only an empty cache takes blocks from the pools (a whole
 * pool's free list at once, cache_refill). Blocks in the cache still count
 * as used by their pools. A cache may hold more than its budget right after
 * a refill (at most one pool's worth); frees then bypass it until
 * allocations bring it below. */
/* Per class. A generation-0 collection (threshold0 2000) frees up to 2000
 * blocks of one class at once; for a tracked two-pointer node (48 bytes)
 * that is 96 KB: with a smaller budget most of them went to their pools and
 * came back through cache_refill (bench/cycles: 5% of its time at 32 KiB).
 * The budget grows with the class's use: each refill sets it to a quarter
 * of the class's blocks in use, at least 128 KiB's worth. A program that
 * frees a large structure of one class keeps that much of it for the next
 * one (binary-trees' trees of a million nodes: with a fixed 128 KiB most of
 * each tree went to its pools block by block and came back through
 * cache_refill, about 30 instructions a block; an eighth left more of them
 * doing so: depth 17, 2.44G instructions with an eighth, 2.37G with a
 * quarter, 2.31G with a half). A half kept too much after a program frees
 * everything (pool-arena-release.c: the cached blocks, spread over every
 * pool, kept every arena mapped). Cached
 * blocks are memory the program had in use, but only their class can take
 * them: so before the heap grows by an arena, every cache gives back what
 * it holds beyond its 128 KiB (caches_yield), and a program that frees a
 * large structure of one class and then builds one of another reuses the
 * first one's pools, as if there were no caches. */
#ifndef CACHE_BYTES
#define CACHE_BYTES ((size_t)128 << 10)
#endif
/* rc__cache and rc__ncache: members of autorc.h's rc__fv (object.c), which
 * the inline rc__new_inline pops. */
_Static_assert(sizeof rc__cache / sizeof rc__cache[0] == RC_NCLASSES, "autorc.h's cache size");
#define cache rc__cache
#define ncache rc__ncache
/* CACHE_BYTES / CLASS_SIZE(c), as a table: no division on the free path. */
#define LIMIT(c) (uint32_t)(CACHE_BYTES / (((c) + 1) * RC_GRAIN))
#define LIMIT4(c) LIMIT(c), LIMIT(c + 1), LIMIT(c + 2), LIMIT(c + 3)
#define LIMIT16(c) LIMIT4(c), LIMIT4(c + 4), LIMIT4(c + 8), LIMIT4(c + 12)
static const uint32_t cache_base[RC_NCLASSES] = {LIMIT16(0), LIMIT16(16), LIMIT16(32), LIMIT16(48)};
uint32_t rc__cache_limit[RC_NCLASSES] = {LIMIT16(0), LIMIT16(16), LIMIT16(32), LIMIT16(48)};
#define cache_limit rc__cache_limit
#define CACHE_SHARE 4 /* the budget: at most 1/4 of the class's blocks in use */
static size_t npools_class[RC_NCLASSES];

static void records_free(pool *p);

/* ---- arenas ---------------------------------------------------------- */

static arena *arena_new(void) {
    arena *a = spares;
    if (a) {
        spares = a->next;
        a->next = NULL;
        nspare--;
        return a;
    }
    void *base = mmap(NULL, RC_ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return NULL;
    if (__lsan_register_root_region) __lsan_register_root_region(base, RC_ARENA_SIZE);
    a = rc__xmalloc(sizeof *a);
    memset(a, 0, sizeof *a);
    a->base = base;
    uintptr_t first = ((uintptr_t)base + RC_POOL_SIZE - 1) & ~(uintptr_t)(RC_POOL_SIZE - 1);
    a->first_pool = (char *)first;
    a->npools = (uint32_t)(((uintptr_t)base + RC_ARENA_SIZE - first) / RC_POOL_SIZE);
    a->nfreepools = a->npools;
    a->allnext = all_arenas;
    if (all_arenas) all_arenas->allprev = a;
    all_arenas = a;
    narenas++;
    if (narenas > narenas_peak) narenas_peak = narenas;
#ifdef RC_ASAN
    ASAN_POISON_MEMORY_REGION(base, RC_ARENA_SIZE);
#endif
    return a;
}

static void usable_unlink(arena *a) {
    if (a->prev)
        a->prev->next = a->next;
    else
        usable = a->next;
    if (a->next) a->next->prev = a->prev;
    a->next = a->prev = NULL;
}

/* Insert or move `a` so that `usable` stays sorted by nfreepools. */
static void usable_insert_sorted(arena *a) {
    arena *prev = NULL, *cur = usable;
    while (cur && cur->nfreepools < a->nfreepools) {
        prev = cur;
        cur = cur->next;
    }
    a->prev = prev;
    a->next = cur;
    if (prev)
        prev->next = a;
    else
        usable = a;
    if (cur) cur->prev = a;
}

/* Unmap the spares beyond the `keep` newest that became spares before
 * `before` (the list is newest first, so those are a tail of it). */
static void spares_trim(size_t keep, uint64_t before) {
    arena **link = &spares;
    for (size_t i = 0; *link; i++) {
        arena *a = *link;
        if (i < keep || a->spare_since >= before) {
            link = &a->next;
            continue;
        }
        *link = a->next;
        nspare--;
        if (a->allprev)
            a->allprev->allnext = a->allnext;
        else
            all_arenas = a->allnext;
        if (a->allnext) a->allnext->allprev = a->allprev;
        if (__lsan_unregister_root_region) __lsan_unregister_root_region(a->base, RC_ARENA_SIZE);
        munmap(a->base, RC_ARENA_SIZE);
        free(a);
        narenas--;
        narenas_released++;
    }
}

/* Spares kept however long they have been spares. */
static size_t spares_budget(void) {
    size_t in_use = narenas - nspare;
    return in_use / 2 > 1 ? in_use / 2 : 1;
}

#define SPARE_DECAY_NS 1000000000u

/* Unmap the spares beyond the budget that have been spares for the decay
 * time (the clock is read only when there are such spares). */
static void spares_decay(void) {
    if (nspare <= spares_budget()) return;
    uint64_t now = rc__mono_ns();
    if (now > SPARE_DECAY_NS) spares_trim(spares_budget(), now - SPARE_DECAY_NS);
}

static void arena_release(arena *a) {
    /* Reset to "never carved" so it is handed out fresh. */
    a->nfreepools = a->npools;
    a->ncarved = 0;
    a->freepools = NULL;
    a->prev = NULL;
    a->spare_since = rc__mono_ns();
    a->next = spares;
    spares = a;
    nspare++;
    spares_decay();
}

/* ---- pools ----------------------------------------------------------- */

static bool caches_yield(void);

/* Fault in the pages of the POPULATE_POOLS pools from p on (at most to the
 * arena's end) with one system call, before they are carved: 64 page
 * faults each cost more than the call (MADV_POPULATE_WRITE, Linux 5.14; on
 * a kernel without it the pages fault in as they are touched). */
#define POPULATE_POOLS 16
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
static void populate(pool *p, const arena *a) {
    size_t room = (size_t)((char *)a->base + RC_ARENA_SIZE - (char *)p);
    size_t n = (size_t)POPULATE_POOLS * RC_POOL_SIZE;
    rc__populate(p, n < room ? n : room);
}

bool rc__populate(void *p, size_t bytes) {
    static bool unsupported;
    if (unsupported) return false;
    if (madvise(p, bytes, MADV_POPULATE_WRITE) == 0) return true;
    if (errno == EINVAL) unsupported = true;
    return false;
}

/* *recycled: the pool comes from its arena's list of emptied pools (its
 * header still describes it), not freshly carved. */
static pool *pool_take(bool *recycled) {
    spares_decay();
    arena *a = usable;
    /* Cached blocks of other classes go back to their pools before the
     * heap grows; emptied pools make their arenas usable again. */
    if (!a && caches_yield()) a = usable;
    if (!a) {
        a = arena_new();
        if (!a) return NULL;
        usable_insert_sorted(a);
    }
    pool *p;
    *recycled = false;
    if (a->freepools) {
        p = a->freepools;
        a->freepools = p->nextpool;
        *recycled = true;
    } else {
        p = (pool *)(a->first_pool + (size_t)a->ncarved * RC_POOL_SIZE);
        if (a->ncarved % POPULATE_POOLS == 0) populate(p, a);
        a->ncarved++;
#ifdef RC_ASAN
        ASAN_UNPOISON_MEMORY_REGION(p, POOL_OVERHEAD);
#endif
    }
    p->arena = a;
    p->records = NULL;
    a->nfreepools--;
    /* Fewer free pools: it may only move towards the front. */
    if (a->nfreepools == 0) {
        usable_unlink(a);
    } else if (a->prev && a->prev->nfreepools > a->nfreepools) {
        usable_unlink(a);
        usable_insert_sorted(a);
    }
    npools_used++;
    return p;
}

static void pool_give_back(pool *p) {
    arena *a = p->arena;
    records_free(p); /* no block holds a candidate (gc_cand.h) */
    npools_used--;
    npools_class[p->szidx]--;
    p->nextpool = a->freepools;
    a->freepools = p;
    a->nfreepools++;
#ifdef RC_ASAN
    ASAN_POISON_MEMORY_REGION((char *)p + POOL_OVERHEAD, RC_POOL_SIZE - POOL_OVERHEAD);
#endif
    if (a->nfreepools == 1) {
        usable_insert_sorted(a);
    } else {
        if (a->next && a->next->nfreepools < a->nfreepools) {
            usable_unlink(a);
            usable_insert_sorted(a);
        }
    }
    if (a->nfreepools == a->npools) {
        usable_unlink(a);
        arena_release(a);
    }
}

static void usedpools_unlink(pool *p) {
    if (p->prevpool)
        p->prevpool->nextpool = p->nextpool;
    else
        usedpools[p->szidx] = p->nextpool;
    if (p->nextpool) p->nextpool->prevpool = p->prevpool;
}

static void usedpools_push(pool *p) {
    pool *head = usedpools[p->szidx];
    p->prevpool = NULL;
    p->nextpool = head;
    if (head) head->prevpool = p;
    usedpools[p->szidx] = p;
}

/* The pool at the head of usedpools[c] just handed out its last listed free
 * block: extend the list from never-used space, or unlink the full pool. */
static RC_NOINLINE void pool_refill(pool *p) {
    if (p->nextoffset <= p->maxnextoffset) {
        void *b = (char *)p + p->nextoffset;
        p->nextoffset += (uint32_t)CLASS_SIZE(p->szidx);
        LINK_OPEN(b);
        LINK(b) = NULL;
        LINK_CLOSE(b);
        p->freeblock = b;
        return;
    }
    usedpools_unlink(p); /* full */
}

/* A new pool for class c, listed in usedpools[c] with one never-used block
 * on its free list (the invariant of a listed pool); NULL if out of memory.
 * An emptied pool of the same class comes back as it was given back: every
 * block it carved is on its free list (its count of blocks in use reached
 * 0), so the next cache_refill takes them all at once instead of carving
 * them again a few dozen at a time (binary-trees' large trees empty their
 * pools and the next tree takes them back: depth 14, 262.1M -> 256.9M
 * instructions). */
static RC_NOINLINE pool *pool_new(unsigned c) {
    bool recycled;
    pool *p = pool_take(&recycled);
    if (!p) return NULL;
    size_t size = CLASS_SIZE(c);
    npools_class[c]++;
    if (recycled && p->szidx == c && p->freeblock) {
        p->ref = 0;
        usedpools_push(p);
        return p;
    }
    p->szidx = c;
    p->ref = 0;
    p->nextoffset = (uint32_t)POOL_OVERHEAD;
    p->maxnextoffset = (uint32_t)(RC_POOL_SIZE - size);
    p->freeblock = NULL;
    usedpools_push(p);
    pool_refill(p);
    return p;
}

/* The slow half of rc__pool_free_block (internal.h): the pool just became
 * empty (give it back) or was full (list it again). */
void rc__pool_free_slow(pool *p, void *was) {
    if (p->ref == 0) {
        if (was) usedpools_unlink(p); /* listed: it had a free block */
        pool_give_back(p);
        return;
    }
    usedpools_push(p); /* a listed pool always has a free block: it was full */
}

/* The annotated free. Under ASan the link is closed only if the pool lives
 * on: a free that empties the pool gives it back, poisoned whole, and may
 * unmap its arena, and poisoning unmapped memory leaves stale shadow that a
 * later mapping there inherits (ASan's munmap clears the shadow; mremap,
 * which gc.c's set grows by, keeps the destination's). Valgrind follows
 * mappings itself. */
static inline void pool_free_block(void *b) {
    bool lives_on = RC_POOL_OF(b)->ref > 1;
    LINK_OPEN(b);
    rc__pool_free_block(b);
#ifdef RC_ASAN
    if (!lives_on) return;
#endif
    (void)lives_on;
    LINK_CLOSE(b);
}

/* ---- the collector's records ------------------------------------------ */

/* 2^32 / CLASS_SIZE(c), rounded up: internal.h's rc__pool_record. */
#define RECIP(c) (uint32_t)(0xffffffffu / CLASS_SIZE(c) + 1)
#define RECIP4(c) RECIP(c), RECIP(c + 1), RECIP(c + 2), RECIP(c + 3)
#define RECIP16(c) RECIP4(c), RECIP4(c + 4), RECIP4(c + 8), RECIP4(c + 12)
const uint32_t rc__class_recip[RC_NCLASSES] = {RECIP16(0), RECIP16(16), RECIP16(32), RECIP16(48)};

/* A pool's table is pointed to only from its header, in mapped memory:
 * LeakSanitizer sees it through the arena's root region (arena_new). */
uint32_t *rc__pool_records_new(pool *p) {
    size_t n = (RC_POOL_SIZE - POOL_OVERHEAD) / CLASS_SIZE(p->szidx);
    p->records = rc__xmalloc(n * sizeof *p->records);
    return p->records;
}

static void records_free(pool *p) {
    free(p->records);
    p->records = NULL;
}

/* ---- the cache in front of the pools --------------------------------- */

static RC_NOINLINE void cache_flush(unsigned c, uint32_t keep) {
    while (ncache[c] > keep) {
        void *b = cache[c];
        LINK_OPEN(b);
        cache[c] = LINK(b);
        ncache[c]--;
        pool_free_block(b);
    }
}

/* Every cache holding more than its fixed 128 KiB budget gives the rest
 * back to the pools (cache_refill raises the budget again as the class is
 * used). Called before a new arena is taken: the work is at most the frees
 * that filled the caches since the last call. Returns whether any block
 * went back. */
static bool caches_yield(void) {
    bool any = false;
    for (unsigned c = 0; c < RC_NCLASSES; c++) {
        if (ncache[c] <= cache_base[c]) continue;
        cache_flush(c, cache_base[c]);
        any = true;
    }
    return any;
}

/* An empty cache takes, at once, the whole free list of the first used pool
 * of its class (the pool's `ref` says how long it is: every block carved
 * from a pool is either counted in ref or on its free list), topped up with
 * never-used blocks of that pool to a quarter of the cache's budget (at most
 * 64). So a refill costs O(1) plus the fresh blocks it carves, and an
 * allocation burst of any length stays on the cache path. The pool is then
 * full or lists one never-used block again. Returns one block for the
 * caller. */
static RC_NOINLINE void *cache_refill(unsigned c) {
    pool *p = usedpools[c];
    if (!p && !(p = pool_new(c))) return NULL;
    uint32_t size = (uint32_t)CLASS_SIZE(c);
    void *list = p->freeblock; /* non-NULL: a listed pool has a free block */
    uint32_t got = (p->nextoffset - (uint32_t)POOL_OVERHEAD) / size - p->ref;
    uint32_t want = cache_limit[c] / 4;
    if (want > 64) want = 64;
    /* Never-used blocks go first, in address order: consecutive allocations
     * get ascending addresses, so a heap walk (gc.c) meets fresh objects in
     * the order they were made, and a structure built at once is laid out
     * in the order it is built. */
    void *first = NULL, *last = NULL;
    while (got < want && p->nextoffset <= p->maxnextoffset) {
        void *b = (char *)p + p->nextoffset;
        p->nextoffset += size;
        if (last) {
            LINK_OPEN(last);
            LINK(last) = b;
            LINK_CLOSE(last);
        } else {
            first = b;
        }
        last = b;
        got++;
    }
    if (last) {
        LINK_OPEN(last);
        LINK(last) = list;
        LINK_CLOSE(last);
        list = first;
    }
    p->freeblock = NULL;
    p->ref += got;
    nblocks[c] += got;
    size_t share = nblocks[c] / CACHE_SHARE; /* the cache is empty: all in use */
    cache_limit[c] = share > cache_base[c] ? (share < UINT32_MAX ? (uint32_t)share : UINT32_MAX)
                                           : cache_base[c];
    pool_refill(p); /* lists one never-used block, or unlinks the full pool */
    void *b = list;
    LINK_OPEN(b);
    cache[c] = LINK(b);
    ncache[c] += got - 1;
    MEM_ALLOCATED(b, size);
    return b;
}

void *rc__pool_alloc(size_t n) {
    unsigned c = CLASS_OF(n);
    void *b = cache[c];
    if (RC_LIKELY(b != NULL)) {
        LINK_OPEN(b);
        cache[c] = LINK(b);
        ncache[c]--;
        MEM_ALLOCATED(b, CLASS_SIZE(c));
        return b;
    }
    return cache_refill(c);
}

/* A full cache passes the block straight to its pool (what empties pools
 * and arenas); otherwise the block waits in the cache. */
void rc__pool_free(void *b, size_t n) {
    unsigned c = CLASS_OF(n);
    MEM_FREED(b, CLASS_SIZE(c));
    if (RC_LIKELY(ncache[c] < cache_limit[c])) {
        LINK_OPEN(b);
        LINK(b) = cache[c];
        LINK_CLOSE(b);
        cache[c] = b;
        ncache[c]++;
        return;
    }
    pool_free_block(b);
}

void rc_heap_trim(void) {
    for (unsigned c = 0; c < RC_NCLASSES; c++) cache_flush(c, 0);
    spares_trim(1, UINT64_MAX);
}

/* ---- enumeration -------------------------------------------------------- */

/* Every block in use: the caches are flushed (their blocks are free), then
 * in each carved pool that has blocks in use, the blocks below nextoffset
 * that are not on its free list. O(heap); for the gc API's enumerations and
 * explicit collections, never for automatic ones. */
void rc__pool_walk(void (*fn)(void *block, void *ctx), void *ctx) {
    for (unsigned c = 0; c < RC_NCLASSES; c++) cache_flush(c, 0);
    enum { MAXBLOCKS = RC_POOL_SIZE / RC_GRAIN };
    uint64_t isfree[MAXBLOCKS / 64];
    for (arena *a = all_arenas; a; a = a->allnext) {
        for (uint32_t i = 0; i < a->ncarved; i++) {
            pool *p = (pool *)(a->first_pool + (size_t)i * RC_POOL_SIZE);
            if (p->ref == 0) continue; /* empty: on its arena's free pools */
            size_t size = CLASS_SIZE(p->szidx);
            char *first = (char *)p + POOL_OVERHEAD;
            size_t nb = (p->nextoffset - POOL_OVERHEAD) / size;
            memset(isfree, 0, sizeof isfree);
            for (void *b = p->freeblock; b;) {
                size_t k = (size_t)((char *)b - first) / size;
                isfree[k / 64] |= (uint64_t)1 << (k % 64);
                LINK_OPEN(b);
                void *next = LINK(b);
                LINK_CLOSE(b);
                b = next;
            }
            for (size_t k = 0; k < nb; k++)
                if (!(isfree[k / 64] >> (k % 64) & 1)) fn(first + k * size, ctx);
        }
    }
}

/* ---- statistics -------------------------------------------------------- */

void rc_heap_get_stats(rc_heap_stats *out) {
    memset(out, 0, sizeof *out);
    out->arenas = narenas;
    out->arenas_peak = narenas_peak;
    out->arenas_released = narenas_released;
    out->arenas_spare = nspare;
    out->pools = npools_used;
    for (unsigned c = 0; c < RC_NCLASSES; c++) {
        out->blocks += nblocks[c] - ncache[c];
        out->cached += ncache[c];
    }
    extern size_t rc__large_live;
    out->large = rc__large_live;
}

void rc_heap_print_stats(FILE *out) {
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    fprintf(out, "autorc heap (allocator: %s)\n", rc_allocator_name());
    fprintf(out, "%-6s %-10s %-8s %-12s %-12s %-12s\n", "class", "size", "pools", "blocks", "cached",
            "free-in-pools");
    size_t used_bytes = 0, free_bytes = 0;
    for (unsigned c = 0; c < RC_NCLASSES; c++) {
        if (!npools_class[c]) continue;
        size_t per_pool = (RC_POOL_SIZE - POOL_OVERHEAD) / CLASS_SIZE(c);
        size_t capacity = per_pool * npools_class[c];
        size_t freeb = capacity - nblocks[c];
        size_t used = nblocks[c] - ncache[c];
        used_bytes += used * CLASS_SIZE(c);
        free_bytes += (freeb + ncache[c]) * CLASS_SIZE(c);
        fprintf(out, "%-6u %-10zu %-8zu %-12zu %-12u %-12zu\n", c, CLASS_SIZE(c), npools_class[c], used,
                ncache[c], freeb);
    }
    fprintf(out, "# arenas now:            %zu (peak %zu, released to OS %zu, spare %zu)\n", s.arenas,
            s.arenas_peak, s.arenas_released, nspare);
    fprintf(out, "# pools in use:          %zu of %zu\n", s.pools,
            s.arenas * (RC_ARENA_SIZE / RC_POOL_SIZE - 1));
    fprintf(out, "# bytes in used blocks:  %zu\n", used_bytes);
    fprintf(out, "# bytes in free blocks:  %zu\n", free_bytes);
    fprintf(out, "# large objects (malloc): %zu\n", s.large);
}
