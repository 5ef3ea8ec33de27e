/*
 * object.c — managed objects: allocation, counts and destruction.
 *
 * Allocation (rc__new) picks the memory source once per process from
 * AUTORC_MALLOC: the pools of pool.c (default; blocks over 512 bytes go to
 * malloc), plain malloc for every object (for ASan and Valgrind), or the
 * debug heap of debugheap.c. The object is zero-filled, gets refcount 1,
 * counts towards the collector's next collection if its type can be in a
 * cycle, and is reported to tracemalloc while tracing. An object whose
 * block is not a pool block (large, or AUTORC_MALLOC=malloc/debug) is also
 * entered in `outside`, a hash set of heads, so that rc__walk_objects can
 * enumerate every object (pool blocks are found by walking the arenas).
 *
 * A release that leaves a tracked object's count above zero makes it a
 * candidate root of the collector (rc__gc_buffer, once: RC_F_BUFFERED).
 *
 * Counts: rc_incref/rc_decref are inline in autorc.h. A release that finds a
 * count of 1 (or a broken count of 0) comes here (rc__release_slow).
 *
 * Destruction of an object whose count reached zero, in this order
 * (as CPython's subtype_dealloc does it):
 *   1. its finalizer, once in its life (RC_F_FINALIZED). The object is
 *      given a count of 1 while the finalizer runs; if the count is above 0
 *      afterwards, the finalizer stored it somewhere: it is resurrected and
 *      destruction stops (PEP 442).
 *   2. weak references to it are zeroed and their callbacks run;
 *   3. its own RC_WEAK fields are unregistered;
 *   4. its strong fields are released;
 *   5. it leaves the collector's count and tracemalloc's table, and its
 *      memory goes back to its pool: rc__bury (internal.h), the one death
 *      path every site ends in (this file's destroy and plain loop, gc.c's
 *      delete_garbage). A candidate root (RC_F_BUFFERED) first leaves its
 *      collector buffer (rc__cand_remove, O(1): gc_cand.h), so its block is
 *      reused while it is hot. The memory stays only while the collector
 *      still points to it (rc__gc_keeps_memory): outside the pools (large
 *      objects, AUTORC_MALLOC=malloc or debug), where a buffer entry cannot
 *      be found from the object, or while it is a member of the incremental
 *      collection (RC_F_IC): then it is a zombie (count 0, RC_F_ZOMBIE, out
 *      of rc__live) until the collector returns the memory (Bacon and
 *      Rajan's rule).
 *
 * Step 5 never recurses: each non-NULL strong field is pushed on a pending
 * stack as a reference to release, and only the outermost rc__dealloc
 * drains it: popping a reference decrements the count, and a count that
 * reaches zero destroys that object right there. Releasing a chain of a
 * million nodes therefore uses a stack of one entry and no C stack at all
 * (CPython's "trashcan" solves the same problem); a field's target is
 * touched once, when its entry is popped, which keeps a large tree's
 * destruction to one cache miss per node.
 *
 * An object whose count reaches zero while the stack is being drained (so
 * its destruction waits) is dead to weak references at once: rc__dealloc
 * clears its weak slots when it queues it (callbacks run when the loop
 * ends), as CPython's _PyWeakref_GET_REF is NULL at count 0.
 *
 * Types: each type gets an entry in the type table (rc__tinfo, internal.h)
 * at its first allocation; the object head holds its 16-bit index, the
 * descriptor's runtime word (rc_type.rt) caches the index and the head's
 * initial flags for the inline allocation path of autorc.h. A plain object
 * (rc__typeinfo.plain: no finalizer, no weak fields, no container hooks;
 * never weakly referenced, pooled; its head lacks RC_F_COMPLEX and the
 * other flags of RC_F_NOT_PLAIN; tracked or not, traced or not, a candidate
 * root or not) is destroyed by a short loop: leave the collector's count
 * if tracked, drop its trace if traced, push its fields,
 * return its block to the block cache (inline, no store to its head; a
 * candidate root leaves its buffer first, see step 5); the
 * loop keeps the last plain type's field offsets in locals, so a run of
 * one type's objects (a list, a tree) costs one dependent load per object,
 * and hands such a run to run(), which tells each next object from the
 * run's by one compare of its whole head.
 * Everything else goes through destroy().
 */
#include "internal.h"
#include "gc_cand.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

rc_mode rc__mode = RC_MODE_POOL;
/* Stats build counters (AUTORC_STATS); defined always so that a program
 * built with AUTORC_STATS links against any runtime. */
unsigned long long rc__stat_increfs, rc__stat_decrefs, rc__stat_allocated, rc__stat_freed,
    rc__stat_gc_candidates;
/* gc_left starts at gc.c's initial trigger (threshold0 2000, count 0). */
rc__fastvars rc__fv = {.gc_left = 2000};
static bool inited;

extern void *rc_incref(void *obj);
extern void rc_decref(void *obj);

/* ---- errors and system memory ----------------------------------------- */

void rc__fatal(const char *fmt, ...) {
    va_list ap;
    fflush(stdout);
    fputs("autorc: fatal: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

void *rc__xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) rc__fatal("out of memory (malloc of %zu bytes failed)", n);
    return p;
}

void *rc__xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) rc__fatal("out of memory (realloc to %zu bytes failed)", n);
    return q;
}

/* ---- start-up ---------------------------------------------------------- */

void rc__gc_init(void);
void rc__trace_init(void);

#ifdef AUTORC_STATS
/* AUTORC_OPCOUNTS=1 in a stats build: the dynamic counts at exit. */
static void print_opcounts(void) {
    rc_opcounts c;
    rc_get_opcounts(&c);
    fprintf(stderr, "autorc opcounts: increfs=%llu decrefs=%llu allocated=%llu freed=%llu gc_candidates=%llu\n",
            c.increfs, c.decrefs, c.allocated, c.freed, c.gc_candidates);
}
#endif

void rc__init_once(void) {
    if (inited) return;
    inited = true;
    const char *m = getenv("AUTORC_MALLOC");
    if (!m || !*m || strcmp(m, "pool") == 0 || strcmp(m, "pymalloc") == 0)
        rc__mode = RC_MODE_POOL;
    else if (strcmp(m, "malloc") == 0)
        rc__mode = RC_MODE_MALLOC;
    else if (strcmp(m, "debug") == 0)
        rc__mode = RC_MODE_DEBUG;
    else
        rc__fatal("AUTORC_MALLOC=%s: expected one of pool, malloc, debug", m);
    rc__gc_init();
    rc__trace_init();
    rc__update_fast_alloc();
#ifdef AUTORC_STATS
    if (getenv("AUTORC_OPCOUNTS")) atexit(print_opcounts);
#endif
}

const char *rc_allocator_name(void) {
    rc__init_once();
    switch (rc__mode) {
    case RC_MODE_POOL: return "pool";
    case RC_MODE_MALLOC: return "malloc";
    default: return "debug";
    }
}

/* ---- the type table -------------------------------------------------- */

_Static_assert(RC_F_GC == 1u, "autorc.h's rc__new_inline tests bit 0 of the rt word for RC_F_GC");
_Static_assert(RC_F_COMPLEX < 0x100, "the rt word's low 16 bits are the head's initial flags");
_Static_assert(sizeof(rc__head) == 8, "the head is 8 bytes (docs/runtime.md)");
_Static_assert(offsetof(rc__head, refcnt) == 0 && offsetof(rc__head, flags) == 4 &&
                   offsetof(rc__head, tix) == 6,
               "autorc.h's rc__new_inline writes the head as one 64-bit word");

/* Entry i describes type index i (0 is unused, so that a zero rt word means
 * "not registered"). Entries are made at a type's first allocation and never
 * change; the table only grows (one entry per type the program allocated). */
rc__typeinfo *rc__tinfo;
static uint32_t ntypes, cap_types;

/* rt words of descriptors that have no rt pointer (written by hand without
 * it): descriptor address -> word, open addressing. */
typedef struct rt_entry {
    const rc_type *type;
    uint32_t word;
} rt_entry;
static rt_entry *rt_map;
static size_t rt_mask;

static uint32_t *rt_slot(const rc_type *t) {
    if (!rt_map || ntypes * 2 >= rt_mask) {
        size_t n = rt_map ? (rt_mask + 1) * 2 : 64;
        rt_entry *m = calloc(n, sizeof *m);
        if (!m) rc__fatal("out of memory (type table)");
        for (size_t j = 0; rt_map && j <= rt_mask; j++) {
            if (!rt_map[j].type) continue;
            size_t i = rc__hash_ptr(rt_map[j].type) & (n - 1);
            while (m[i].type) i = (i + 1) & (n - 1);
            m[i] = rt_map[j];
        }
        free(rt_map);
        rt_map = m;
        rt_mask = n - 1;
    }
    size_t i = rc__hash_ptr(t) & rt_mask;
    while (rt_map[i].type && rt_map[i].type != t) i = (i + 1) & rt_mask;
    rt_map[i].type = t;
    return &rt_map[i].word;
}

/* The rt word of t: its head flags (RC_F_GC) and type index << 16, and
 * RC_RT_OFF while the inline allocation is off. Makes the type's table
 * entry at its first allocation. */
static RC_NOINLINE uint32_t register_type(const rc_type *t) {
    uint32_t *slot = t->rt ? t->rt : rt_slot(t);
    if (*slot) return *slot;
    uint32_t align = t->align ? t->align : 16;
    if (align > 16 || (align & (align - 1)))
        rc__fatal("rc_new(%s): alignment %u is not supported (at most 16)", t->name, align);
    if (t->size > UINT32_MAX - 64) rc__fatal("rc_new(%s): %u bytes is too large", t->name, t->size);
    if (ntypes == RC_MAX_TYPES) rc__fatal("rc_new(%s): more than %d managed types", t->name, RC_MAX_TYPES);
    if (ntypes + 1 >= cap_types) {
        cap_types = cap_types ? cap_types * 2 : 64;
        rc__tinfo = rc__xrealloc(rc__tinfo, cap_types * sizeof *rc__tinfo);
        if (ntypes == 0) memset(&rc__tinfo[0], 0, sizeof *rc__tinfo);
    }
    uint32_t ix = ++ntypes;
    rc__typeinfo *ti = &rc__tinfo[ix];
    bool gc = rc_type_is_container(t);
    /* pad: an object aligned to 16 needs (pad + link + head) % 16 == 0 */
    uint32_t pad = align > 8 ? 8 : 0;
    uint32_t pooled = pad + (uint32_t)sizeof(rc__head) + t->size;
    if (align > 8) pooled = (pooled + 15) & ~15u; /* a 16-aligned class */
    ti->type = t;
    ti->prefix = (uint16_t)pad;
    ti->outside = rc__mode != RC_MODE_POOL || pooled > RC_SMALL_MAX;
    ti->block = pooled;
    if (ti->block <= 8) ti->block = RC_MIN_BLOCK; /* class 0 has no room for a free block's link */
    ti->gc = gc;
    ti->plain = !t->finalize && !t->nweak && !t->traverse && !t->destroy;
    ti->strong = t->strong;
    ti->nstrong = t->nstrong;
    ti->cls = (uint8_t)(ti->block <= RC_SMALL_MAX ? (ti->block - 1) / RC_GRAIN : 0);
    *slot = ix << 16 | (gc ? RC_F_GC : 0) | (ti->plain ? 0 : RC_F_COMPLEX) |
            (rc__fast_alloc ? 0 : RC_RT_OFF);
    return *slot;
}

/* ---- anonymous descriptors (rc_new without the plugin) ----------------- */

typedef struct anon_type {
    rc_type type;
    uint32_t rt;
    struct anon_type *next;
} anon_type;
static anon_type *anon_types;

const rc_type *rc__anon_type(const char *name, size_t size, size_t align) {
    if (align > 16)
        rc__fatal("rc_new(%s): alignment %zu is over the supported 16", name, align);
    if (size > UINT32_MAX - 64) rc__fatal("rc_new(%s): %zu bytes is too large", name, size);
    for (anon_type *a = anon_types; a; a = a->next)
        if (a->type.size == size && strcmp(a->type.name, name) == 0) return &a->type;
    anon_type *a = rc__xmalloc(sizeof *a);
    memset(a, 0, sizeof *a);
    a->type.name = name;
    a->type.size = (uint32_t)size;
    a->type.flags = RC_TYPE_ACYCLIC; /* no managed fields known: cannot be in a cycle */
    a->type.align = (uint32_t)align;
    a->type.rt = &a->rt;
    a->next = anon_types;
    anon_types = a;
    return &a->type;
}

/* ---- allocation -------------------------------------------------------- */

/* Objects whose blocks are not pool blocks, for rc__walk_objects: a hash
 * set of their heads (open addressing, linear probing, at most half full,
 * backward-shift deletion: no tombstones). Such objects are large or
 * debugging allocations: one probe sequence per allocation and free. */
static rc__head **outside;
static size_t outside_mask, outside_used;
size_t rc__large_live;

static RC_NOINLINE void outside_grow(void) {
    size_t old_n = outside ? outside_mask + 1 : 0, n = old_n ? old_n * 2 : 64;
    rc__head **old = outside;
    outside = calloc(n, sizeof *outside);
    if (!outside) rc__fatal("out of memory (object set of %zu entries)", n);
    outside_mask = n - 1;
    for (size_t j = 0; j < old_n; j++) {
        if (!old[j]) continue;
        size_t i = rc__hash_ptr(old[j]) & outside_mask;
        while (outside[i]) i = (i + 1) & outside_mask;
        outside[i] = old[j];
    }
    free(old);
}

static void outside_add(rc__head *h) {
    if (!outside || (outside_used + 1) * 2 > outside_mask + 1) outside_grow();
    size_t i = rc__hash_ptr(h) & outside_mask;
    while (outside[i]) i = (i + 1) & outside_mask;
    outside[i] = h;
    outside_used++;
}

static void outside_remove(rc__head *h) {
    size_t i = rc__hash_ptr(h) & outside_mask;
    while (outside[i] != h) i = (i + 1) & outside_mask;
    /* Shift back every later entry of the run that may sit in the hole. */
    for (size_t j = i;;) {
        j = (j + 1) & outside_mask;
        if (!outside[j]) break;
        size_t k = rc__hash_ptr(outside[j]) & outside_mask;
        /* k (the entry's home) cyclically in (i, j]: it stays */
        bool stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
        if (!stays) {
            outside[i] = outside[j];
            i = j;
        }
    }
    outside[i] = NULL;
    outside_used--;
}

/* A debug-heap block, owned by the calling thread (threadcheck.c). */
static RC_NOINLINE void *debug_block(size_t n) {
    void *block = rc__debug_alloc(n);
    if (block) rc__owner_init(block);
    return block;
}

void *rc__new(const rc_type *t, const rc_site *site) {
    if (RC_UNLIKELY(!inited)) rc__init_once();
    uint32_t w = t->rt ? *t->rt : 0;
    if (RC_UNLIKELY(!w)) w = register_type(t);
    w &= ~RC_RT_OFF;
    const rc__typeinfo *ti = &rc__tinfo[w >> 16];
    uint32_t flags = w & 0xffffu;
    size_t n = ti->block;
    char *block;
    if (RC_LIKELY(!ti->outside)) {
        block = rc__pool_alloc(n);
    } else if (rc__mode == RC_MODE_DEBUG) {
        block = debug_block(n);
        flags |= RC_F_DEBUG | RC_F_OWNED;
    } else {
        block = malloc(n);
        flags |= RC_F_LARGE;
        if (block) rc__large_live++;
    }
    if (RC_UNLIKELY(!block)) rc__fatal("out of memory: rc_new(%s) needs %zu bytes", t->name, n);
    memset(block, 0, n);
    rc__head *h = (rc__head *)(block + ti->prefix);
    if (ti->outside) outside_add(h);
    h->refcnt = 1;
    h->flags = (uint16_t)flags;
    h->tix = (uint16_t)(w >> 16);
    rc__live++;
    RC__STAT(rc__stat_allocated);
    void *obj = RC_OBJ_OF(h);
    if (RC_UNLIKELY(rc__tracing)) rc__trace_alloc(obj, n, site);
    if ((flags & RC_F_GC) && rc__gc_count_alloc()) rc__gc_maybe_collect();
    return obj;
}

void rc__assert_fail(const char *cond, const char *file, int line) {
    rc__fatal("internal error: RC_ASSERT(%s) failed at %s:%d", cond, file, line);
}

void rc__free_memory_slow(rc__head *h) {
    uint32_t flags = h->flags;
    void *block = rc__block_of(h);
    size_t n = rc__block_size(h);
    outside_remove(h);
    rc__live--;
    RC__STAT(rc__stat_freed);
    if (flags & RC_F_LARGE) {
        rc__large_live--;
        free(block);
    } else {
        uint16_t tix = h->tix;
        rc__debug_free(block, n, (size_t)((char *)h - (char *)block));
        /* The quarantine keeps the memory; leave a dead head behind so a
         * late release is recognised and named. */
        h->refcnt = 0;
        h->flags = (uint16_t)(flags | RC_F_DYING);
        h->tix = tix;
    }
}

/* ---- counts ------------------------------------------------------------ */

void rc_get_opcounts(rc_opcounts *out) {
#ifdef AUTORC_STATS
    out->enabled = 1;
#else
    out->enabled = 0;
#endif
    out->increfs = rc__stat_increfs;
    out->decrefs = rc__stat_decrefs;
    out->allocated = rc__stat_allocated;
    out->freed = rc__stat_freed;
    out->gc_candidates = rc__stat_gc_candidates;
}

size_t rc_getrefcount(const void *obj) { return obj ? RC_HEAD_OF(obj)->refcnt : 0; }
size_t rc_live_objects(void) { return rc__live; }
const rc_type *rc_typeof(const void *obj) { return obj ? rc__type_of(RC_HEAD_OF(obj)) : NULL; }
const char *rc_typename(const void *obj) { return obj ? rc__type_of(RC_HEAD_OF(obj))->name : "NULL"; }

/* The type's name from a head that may be dead (its memory back in a pool,
 * where a block's link may have overwritten the type index): NULL unless the
 * index names a registered type. */
static const char *dead_type_name(const rc__head *h) {
    return h->tix != 0 && h->tix <= ntypes ? rc__tinfo[h->tix].type->name : NULL;
}
const char *rc__head_type_name(const rc__head *h) { return dead_type_name(h); }

static RC_NOINLINE RC_NORETURN void dead_release(void *obj) {
    rc__head *h = RC_HEAD_OF(obj);
    if (h->flags & RC_F_DEBUG) {
        if (rc__debug_is_freed(rc__block_of(h)))
            rc__fatal("double release: object %p of type '%s' was already destroyed", obj,
                      rc__type_of(h)->name);
    }
    const char *name = dead_type_name(h);
    if (name && (h->flags & RC_F_DYING))
        rc__fatal("release of object %p of type '%s' while it is being destroyed", obj, name);
    if (name)
        rc__fatal("release of object %p of type '%s' whose count is already zero (double release?)",
                  obj, name);
    rc__fatal("release of object %p whose count is already zero (double release?)", obj);
}

/* A count of 1 on an object that died: something retained it after its
 * destruction (rc_incref of a stale pointer) and now releases it. */
static RC_NOINLINE RC_NORETURN void dead_retained(void *obj) {
    rc__head *h = RC_HEAD_OF(obj);
    rc__fatal("rc_incref/rc_decref of object %p of type '%s' after it was destroyed", obj,
              rc__type_of(h)->name);
}

void rc__release_slow(void *obj) {
    rc__head *h = RC_HEAD_OF(obj);
    if (RC_UNLIKELY(h->refcnt == 0)) dead_release(obj);
    /* DYING is set once the finalizer is done: no reference can be made
     * after that (weak references are cleared first). A debug-heap object
     * keeps its dead head in the quarantine. */
    if (RC_UNLIKELY(h->flags & RC_F_DYING)) dead_retained(obj);
    if (RC_UNLIKELY(h->flags & RC_F_OWNED)) rc__owner_check(obj);
    if (h->refcnt > 1) {
        h->refcnt--;
        if (rc__gc_wants_candidate(h)) rc__gc_buffer(h);
        return;
    }
    h->refcnt = 0;
    rc__dealloc(obj);
}

bool rc__fast_alloc;

void rc__update_fast_alloc(void) {
#if !defined(RC_ASAN) && !defined(RC_VALGRIND)
    /* The inline allocation path of autorc.h pops the pools' block caches
     * directly; sanitizer and Valgrind builds keep every block annotated. */
    rc__fast_alloc = rc__mode == RC_MODE_POOL && !rc__tracing;
#endif
    for (uint32_t ix = 1; ix <= ntypes; ix++) {
        const rc_type *t = rc__tinfo[ix].type;
        uint32_t *slot = t->rt ? t->rt : rt_slot(t);
        *slot = rc__fast_alloc ? *slot & ~RC_RT_OFF : *slot | RC_RT_OFF;
    }
}

/* ---- traversal --------------------------------------------------------- */

void rc__traverse(void *obj, rc_visit_fn visit, void *ctx) {
    const rc_type *t = rc__type_of(RC_HEAD_OF(obj));
    for (uint32_t i = 0; i < t->nstrong; i++) visit((void **)((char *)obj + t->strong[i]), ctx);
    if (t->traverse) t->traverse(obj, visit, ctx);
}

/* ---- destruction ------------------------------------------------------- */

/* The pending stack. An entry is either a reference to release (a field of
 * an object destroyed before it: the common case, untagged) or, tagged with
 * bit 0 (PEND_DEAD), an object whose count is already zero (to destroy: the
 * object rc__dealloc was called for). Fields are pushed without touching
 * the objects they point to, so each object's memory is touched once, when
 * its entry is popped (a child left for later would otherwise be read
 * twice, and the second time it has left the CPU cache). */
#define PEND_DEAD ((uintptr_t)1)
static uintptr_t *pending;
static size_t npending, cap_pending;
static bool draining;

static RC_NOINLINE void grow_pending(size_t need) {
    while (cap_pending < need) cap_pending = cap_pending ? cap_pending * 2 : 256;
    pending = rc__xrealloc(pending, cap_pending * sizeof *pending);
}

static inline void push_pending(uintptr_t e) {
    if (RC_UNLIKELY(npending == cap_pending)) grow_pending(npending + 1);
    pending[npending++] = e;
}

/* Release one strong field of a dying object (later, see PEND_DEAD). */
static void release_field(void **slot, void *ctx) {
    (void)ctx;
    void *child = *slot;
    if (!child) return;
    *slot = NULL;
    push_pending((uintptr_t)child);
}

static void destroy(void *obj) {
    rc__head *h = RC_HEAD_OF(obj);
    const rc_type *t = rc__type_of(h);
    if (t->finalize && !(h->flags & RC_F_FINALIZED)) {
        h->flags |= RC_F_FINALIZED;
        h->refcnt = 1;
        t->finalize(obj);
        if (--h->refcnt != 0) {
            /* Resurrected: perhaps into an object only it reached (a cycle
             * through h that no candidate reaches, whether or not a
             * keep-alive hold took part), or into something live. Either
             * way a candidate h covers it (gc.c, "Keep-alive holds"). */
            if (rc__gc_wants_candidate(h)) cand_buffer(h);
            return;
        }
    }
    h->flags |= RC_F_DYING;
    if (h->flags & RC_F_WEAKREFD) {
        rc__weak_clear(obj, NULL, NULL);
        rc__weak_run_callbacks();
    }
    for (uint32_t i = 0; i < t->nweak; i++) {
        void **slot = (void **)((char *)obj + t->weak[i]);
        if (*slot) rc_weak_store(slot, NULL);
    }
    /* The fixed fields directly (no indirect call per field), then a
     * container's variable slots; the pending stack pops last first, so
     * the entries pushed here are reversed: the children die in the order
     * of the fast path in rc__dealloc (declaration order, element 0 first)
     * whatever the allocator mode. */
    size_t base = npending;
    for (uint32_t i = 0; i < t->nstrong; i++) release_field((void **)((char *)obj + t->strong[i]), NULL);
    if (t->traverse) t->traverse(obj, release_field, NULL);
    for (size_t lo = base, hi = npending; lo + 1 < hi; lo++, hi--) {
        uintptr_t e = pending[lo];
        pending[lo] = pending[hi - 1];
        pending[hi - 1] = e;
    }
    if (t->destroy) t->destroy(obj);
    RC_ASSERT(h->refcnt == 0);
    rc__bury(h);
}

/* A plain object: pooled, no weak references (traced or not), and
 * a type with no finalizer, no weak fields and no container hooks
 * (rc__typeinfo.plain, which the head carries as !RC_F_COMPLEX). Its
 * destruction is just: leave the collector's count if tracked (RC_F_GC),
 * drop its trace if traced (RC_F_TRACED), release the fixed fields, return
 * the block -- a candidate root (RC_F_BUFFERED) leaves its buffer first;
 * a member of the incremental collection (RC_F_IC) is left a zombie.
 * One test of the head's flags tells it from every other object. */
#define DEALLOC_CACHED_FIELDS 4 /* field offsets rc__dealloc keeps in locals */
#define RC_F_NOT_PLAIN (RC_F_WEAKREFD | RC_F_LARGE | RC_F_DEBUG | RC_F_COMPLEX)
#ifdef AUTORC_STATS
#define RC__STAT_ADD(counter, k) ((counter) += (k))
#else
#define RC__STAT_ADD(counter, k) ((void)(k))
#endif

bool rc__in_dealloc(void) { return draining; }

/* The run loop (RUN_LOOP): rc__dealloc's plain path for a run of objects
 * whose heads are all the same 64-bit word -- count 1, the flags and type
 * index of the object that started the run (plain, not a candidate root;
 * traced or not, as it was) -- a tree or
 * list taken apart. One load and one compare replace the count, flag and
 * type tests; the field offsets, the block cache's head and length and the
 * stack stay in registers (written back when the run ends). The order is
 * the plain path's: the first non-NULL field next, the others pushed last
 * first. The caller made room for the first object's fields (cap >= ns).
 * Two loops: the first puts every block in the cache and stops when the
 * cache's budget is reached; the second, only for what is left of a run
 * larger than the budget, frees each block to its pool. The first calls
 * nothing, so the compiler keeps the field offsets and the budget in
 * registers (with the call in the one loop they lived on the stack: three
 * loads per object). Traced objects (tracemalloc) take a third loop that
 * removes each one's trace and puts its block in the cache or its pool.
 * Returns 0 when the stack is empty, else an entry the general loop
 * must handle (an object unlike the run's, or PEND_DEAD). Sanitizer and
 * Valgrind builds annotate every block free and do without it; so do
 * big-endian machines (the word's layout). */
#if !defined(RC_ASAN) && !defined(RC_VALGRIND) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define RUN_LOOP 1
#define RUN_BODY(NS)                                                                 \
    do {                                                                             \
        if (RC_UNLIKELY(word & (uint64_t)RC_F_TRACED << 32)) {                       \
            RUN_LOOP_OF(NS, 0, (rc__trace_free(o), RUN_CACHE_OR_POOL(b)));           \
            break;                                                                   \
        }                                                                            \
        RUN_LOOP_OF(NS, k >= lim, (RC_LINK(b) = head, head = b, k++));               \
        if (o && !((uintptr_t)o & PEND_DEAD) && k >= lim)                            \
            RUN_LOOP_OF(NS, 0, (rc__pool_free_block(b), spilled++));                 \
    } while (0)
#define RUN_CACHE_OR_POOL(b)                                                         \
    (k < lim ? (void)(RC_LINK(b) = head, head = (b), k++)                            \
             : (void)(rc__pool_free_block(b), spilled++))
/* One loop of the run: STOP, an extra reason to end it; FREE(b), where the
 * block goes. */
#define RUN_LOOP_OF(NS, STOP, FREE)                                                  \
    for (const size_t room = cap - (NS);;) {                                         \
        rc__head *h = RC_HEAD_OF(o);                                                 \
        uint64_t hw;                                                                 \
        memcpy(&hw, h, sizeof hw);                                                   \
        if (hw != word || n > room || (STOP)) break;                                 \
        h->refcnt = 0;                                                               \
        uintptr_t next = 0;                                                          \
        if ((NS) > 3) RUN_FIELD(o3);                                                 \
        if ((NS) > 2) RUN_FIELD(o2);                                                 \
        if ((NS) > 1) RUN_FIELD(o1);                                                 \
        RUN_FIELD(o0);                                                               \
        void *b = (char *)h - prefix;                                                \
        FREE;                                                                        \
        if (next) {                                                                  \
            o = (void *)next;                                                        \
            continue;                                                                \
        }                                                                            \
        if (!n) {                                                                    \
            o = NULL;                                                                \
            break;                                                                   \
        }                                                                            \
        uintptr_t e = st[--n];                                                       \
        if (e & PEND_DEAD) {                                                         \
            o = (void *)e; /* tagged: returned as it is */                          \
            break;                                                                   \
        }                                                                            \
        o = (void *)e;                                                               \
    }
#define RUN_FIELD(off)                                                               \
    do {                                                                             \
        uintptr_t child = *(uintptr_t *)((char *)o + (off));                         \
        if (child) {                                                                 \
            if (next) st[n++] = next;                                                \
            next = child;                                                            \
        }                                                                            \
    } while (0)

static RC_NOINLINE uintptr_t run(uintptr_t first, uint64_t word, const uint32_t *off, uint32_t ns,
                                 uint32_t prefix, uint32_t cls, uintptr_t **stp, size_t *np,
                                 size_t cap, size_t *freed, long *gcfreed) {
    void *o = (void *)first;
    uintptr_t *st = *stp;
    size_t n = *np, spilled = 0; /* blocks past the cache's budget, to their pools */
    void *head = rc__cache[cls];
    uint32_t k0 = rc__ncache[cls], k = k0, lim = rc__cache_limit[cls];
    uint32_t o0 = off[0], o1 = ns > 1 ? off[1] : 0, o2 = ns > 2 ? off[2] : 0,
             o3 = ns > 3 ? off[3] : 0;
    switch (ns) {
    case 1: RUN_BODY(1); break;
    case 2: RUN_BODY(2); break;
    case 3: RUN_BODY(3); break;
    default: RUN_BODY(4); break;
    }
    rc__cache[cls] = head;
    rc__ncache[cls] = k;
    *np = n;
    /* Each object freed went to the cache or to its pool: no count in the loop. */
    size_t count = (k - k0) + spilled;
    *freed += count;
    if (word & (uint64_t)RC_F_GC << 32) *gcfreed += (long)count;
    return (uintptr_t)o;
}
#undef RUN_BODY
#undef RUN_LOOP_OF
#undef RUN_CACHE_OR_POOL
#undef RUN_FIELD
#else
#define RUN_LOOP 0
#endif

void rc__dealloc(void *obj) {
    push_pending((uintptr_t)obj | PEND_DEAD);
    if (draining) {
        /* Queued behind the object being destroyed: dead to weak
         * references from now on (CPython's _PyWeakref_GET_REF is NULL at
         * count 0). Its callbacks wait in the queue until the loop ends. */
        if (RC_HEAD_OF(obj)->flags & RC_F_WEAKREFD) rc__weak_clear(obj, NULL, NULL);
        return;
    }
    draining = true;
    /* The stack and the count of freed objects live in locals (registers)
     * and are written back before anything that may look at them runs: a
     * full destroy (finalizers, weakref callbacks, tracing). */
    uintptr_t *st = pending;
    size_t n = npending, cap = cap_pending, freed = 0;
    long gcfreed = 0; /* tracked objects among them (count 0's share) */
    /* The last plain type destroyed, in locals: a run of objects of one
     * type (a list, a tree) reads its field offsets from registers, so the
     * address of the next object depends on one load (the field) instead
     * of four (head's type index, type table entry, offset table, field);
     * the compare with ctix is a predicted branch. Entry 0 of the type
     * table is unused: ctix 0 is "none". */
    uint32_t ctix = 0, cns = 0, cprefix = 0, ccls = 0;
    uint32_t coff[DEALLOC_CACHED_FIELDS];
    while (n) {
        uintptr_t e = st[--n];
        void *o;
        rc__head *h;
    again:
        if (RC_UNLIKELY(e & PEND_DEAD)) {
            o = (void *)(e ^ PEND_DEAD);
            h = RC_HEAD_OF(o);
        } else {
            o = (void *)e;
            h = RC_HEAD_OF(o);
            uint32_t c = h->refcnt;
            if (c != 1) {
                if (RC_UNLIKELY(c == 0)) dead_release(o);
                h->refcnt = c - 1;
                uint32_t kf = h->flags;
                if (RC_UNLIKELY(RC__KEPT_DIVERTS(kf))) { /* as rc_decref: rc__release_kept */
                    if (kf & RC_F_OWNED) rc__release_kept(h);
                    else cand_buffer(h);
                }
                continue;
            }
        }
        /* A plain object, or one that is plain but a candidate root: that
         * one is destroyed the same way, and leaves its collector buffer
         * before its block is freed (rc__cand_remove; plain objects are
         * pool objects). */
        if (RC_LIKELY(!(h->flags & RC_F_NOT_PLAIN))) {
            /* Count 0 in the dead head (the line is being written anyway,
             * and a free block keeps its head: RC_LINK): a later release of
             * this object through a stale pointer finds it and stops
             * (dead_release) instead of freeing the block a second time.
             * The collector's count of tracked deaths is kept in a local. */
            uint32_t hf = h->flags;
            h->refcnt = 0;
            gcfreed += hf & RC_F_GC;
            if (hf & RC_F_TRACED) rc__trace_free(o); /* no user code runs there */
            uint32_t tix = h->tix;
            if (RC_UNLIKELY(tix != ctix)) {
                const rc__typeinfo *ti = &rc__tinfo[tix];
                ctix = tix;
                cns = ti->nstrong;
                cprefix = ti->prefix;
                ccls = ti->cls;
                const uint32_t *off = ti->strong;
                switch (cns < DEALLOC_CACHED_FIELDS ? cns : DEALLOC_CACHED_FIELDS) {
                case 4: coff[3] = off[3]; /* fall through */
                case 3: coff[2] = off[2]; /* fall through */
                case 2: coff[1] = off[1]; /* fall through */
                case 1: coff[0] = off[0]; /* fall through */
                default: break;
                }
            }
            uint32_t ns = cns;
            if (RC_UNLIKELY(n + ns > cap)) {
                npending = n;
                grow_pending(n + ns);
                st = pending;
                cap = cap_pending;
            }
            /* The first non-NULL field is released next, without a trip
             * through the stack; the others are pushed last field first.
             * So the first field's object is destroyed first, and a
             * structure is taken apart in the order it was built, the
             * order of its memory. (A branch per field, not a branch-free
             * push: the next pop's address must not wait for the field's
             * load, or every dying node's cache miss is serialised.) */
            uintptr_t next = 0;
#define TAKE_FIELD(offset)                                                         \
    do {                                                                           \
        uintptr_t child = *(uintptr_t *)((char *)o + (offset));                    \
        if (child) {                                                               \
            if (next) st[n++] = next;                                              \
            next = child;                                                          \
        }                                                                          \
    } while (0)
            /* Unrolled for the cached offsets: a list node, a tree node. */
            switch (ns) {
            case 4: TAKE_FIELD(coff[3]); /* fall through */
            case 3: TAKE_FIELD(coff[2]); /* fall through */
            case 2: TAKE_FIELD(coff[1]); /* fall through */
            case 1: TAKE_FIELD(coff[0]); /* fall through */
            case 0: break;
            default: {
                const uint32_t *off = rc__tinfo[tix].strong;
                for (uint32_t i = ns; i-- > 0;) TAKE_FIELD(off[i]);
            }
            }
#undef TAKE_FIELD
            freed++;
            if (RC_UNLIKELY(hf & RC_F_BUFFERED)) cand_remove(h); /* a pool object: O(1) */
            if (RC_LIKELY((hf & RC_F_IC) != RC_F_IC))
                rc__pool_free_class((char *)h - cprefix, ccls);
            else /* the IC's member: its memory stays until the IC lets go */
                h->flags = (uint16_t)((hf & ~(uint32_t)RC_F_BUFFERED) | RC_F_ZOMBIE);
            if (next) {
#if RUN_LOOP
                /* Not a candidate root nor an IC member (its block must
                 * stay a zombie, which the run does not do), at most 4
                 * fields, traced or not: the run loop takes the next
                 * objects while they are like this one. (After a candidate
                 * root the next is most likely one too: a path-copying
                 * program's dying path; a run would stop at once.) The next object's head is compared here
                 * first: a run that would stop at once costs a call and
                 * the cache's state saved and restored (rbtree's dying
                 * path, whose first field is often a subtree the new tree
                 * shares: count 2). */
                uint64_t word = (uint64_t)(hf | tix << 16) << 32 | 1, nw;
                memcpy(&nw, RC_HEAD_OF((void *)next), sizeof nw);
                if (nw == word && !(hf & RC_F_BUFFERED) && (hf & RC_F_IC) != RC_F_IC &&
                    ns - 1 < DEALLOC_CACHED_FIELDS) {
                    uintptr_t r = run(next, word, coff, ns, cprefix, ccls, &st, &n, cap, &freed,
                                      &gcfreed);
                    if (!r) continue;
                    e = r;
                    goto again;
                }
#endif
                e = next;
                goto again;
            }
        } else {
            h->refcnt = 0;
            /* A field's last reference, released here (a debug-heap object
             * is never plain): the thread check of rc_decref. */
            if (RC_UNLIKELY(h->flags & RC_F_OWNED) && !(e & PEND_DEAD)) rc__owner_check(o);
            npending = n;
            rc__live -= freed;
            RC__STAT_ADD(rc__stat_freed, freed);
            freed = 0;
            rc__gc_count_deaths(gcfreed);
            gcfreed = 0;
            destroy(o);
            /* The cached type stays valid: its values are copies, and a
             * table entry never changes (only the table may move). */
            st = pending;
            n = npending;
            cap = cap_pending;
        }
    }
    npending = 0;
    rc__live -= freed;
    RC__STAT_ADD(rc__stat_freed, freed);
    rc__gc_count_deaths(gcfreed);
    draining = false;
    /* Callbacks of objects that died while queued (see above). */
    if (RC_UNLIKELY(rc__weak_nqueued)) rc__weak_run_callbacks();
}

/* ---- zombies and enumeration ------------------------------------------- */

void rc__free_zombie(rc__head *h) {
    rc__live++; /* counted out when it died: rc__free_memory counts it again */
    RC__STAT_ADD(rc__stat_freed, -1);
    rc__free_memory(h);
}

typedef struct walk_ctx {
    void (*fn)(rc__head *h, void *ctx);
    void *ctx;
} walk_ctx;

/* A pool block in use holds a live object, a dying one (count 0) or a
 * zombie (count 0). Its first word is the head's (never zero: the type
 * index is not) or, for a type aligned to 16, the zero pad before it. */
static void walk_block(void *block, void *ctx) {
    walk_ctx *w = ctx;
    rc__head *h = (rc__head *)block;
    uint64_t first;
    memcpy(&first, block, sizeof first);
    if (first == 0) h = (rc__head *)((char *)block + 8);
    if (h->refcnt) w->fn(h, w->ctx);
}

void rc__walk_objects(void (*fn)(rc__head *h, void *ctx), void *ctx) {
    walk_ctx w = {fn, ctx};
    if (rc__mode == RC_MODE_POOL) rc__pool_walk(walk_block, &w);
    for (size_t i = 0; outside && i <= outside_mask; i++)
        if (outside[i] && outside[i]->refcnt) fn(outside[i], ctx);
}
