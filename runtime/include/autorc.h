/*
 * autorc.h — Python's memory management for C.
 *
 * One header for everything a program sees: the annotations the autorc
 * plugin reads, the runtime API (objects and counts, weak references, the
 * built-in types rc_list, rc_str and rc_dict, the cycle collector's gc API, allocation tracing) and
 * the few internals the plugin-generated code and the inline fast paths use
 * (names starting with `rc__`, not for users).
 *
 * The header compiles with plain clang or gcc and without the plugin: the
 * annotations then expand to attributes those compilers accept (or to
 * nothing) and the program is simply not instrumented.
 *
 * Threads: the runtime is not thread-safe. An object, and everything it
 * refers to, belongs to one thread; see docs/runtime.md.
 */
#ifndef AUTORC_H
#define AUTORC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The header is read through -I (autorc-cc, pkg-config), not as a system
 * header, so its text is warned like the program's. Its structs keep their
 * layout (the runtime's descriptors and heads): padding they have is on
 * purpose, and a program built with -Wpadded -Werror must still include it.
 * Its inline functions declare before their first statement, for
 * -Wdeclaration-after-statement (tests/lit/warnings/header-padded-
 * declaration-after-statement.c). */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpadded"
#endif

/* ------------------------------------------------------------------------
 * Annotations (read by the plugin; see docs/semantics.md)
 * ------------------------------------------------------------------------ */
/* The plugin's analysis parse (__AUTORC_ANALYSIS__), autorc-tidy and clangd
 * read the annotations; the compile of the plugin's rewritten text
 * (__AUTORC_REWRITTEN__) and gcc do not, and skip them. Parsing this
 * header is paid twice per file with the plugin: the analysis parse also
 * skips the inline bodies and the plugin-support section, which only the
 * rewritten text calls (docs/performance.md, "compile time"). Both macros
 * come from the plugin, each set where it holds, so that a plugin and a
 * header of different versions still see every annotation. */
#if defined(__clang__) && !defined(__AUTORC_REWRITTEN__)
#define RC__ANNOTATE(s) __attribute__((annotate(s)))
#else
#define RC__ANNOTATE(s)
#endif
#if defined(__AUTORC_ANALYSIS__)
#define RC__INLINE_DECL /* declarations only: no -Wundefined-inline */
#else
#define RC__INLINE_DECL inline
#endif

/* struct RC_MANAGED node { ... };  objects of this type are reference counted */
#define RC_MANAGED RC__ANNOTATE("autorc_managed")
/* zeroing weak reference: not counted, reads give NULL once the target died */
#define RC_WEAK RC__ANNOTATE("autorc_weak")
/* not counted and not zeroed: the programmer guarantees the target outlives it */
#define RC_UNOWNED RC__ANNOTATE("autorc_unowned")
/* promise: no cycle passes through this type (not tracked by the collector) */
#define RC_ACYCLIC RC__ANNOTATE("autorc_acyclic")
/* void f(struct T *self): runs once when a T dies */
#if defined(__GNUC__)
#define RC_FINALIZER RC__ANNOTATE("autorc_finalizer") __attribute__((used))
#else
#define RC_FINALIZER
#endif
/* the function's managed result is +0 (a getter); the default is +1 */
#define RC_RETURNS_BORROWED RC__ANNOTATE("autorc_returns_borrowed")
/* the function's managed (void *) result is +1 (owned) */
#define RC_RETURNS_OWNED RC__ANNOTATE("autorc_returns_owned")
/* a void * parameter that takes a managed object, borrowed: passing one is no escape */
#define RC_OBJECT_ARG RC__ANNOTATE("autorc_object_arg")
/* a void ** parameter the call stores a borrowed (+0) object into, uncounted:
 * the address of a counted slot passed there is refused ([autorc-unsupported]) */
#define RC_OUT_BORROWED RC__ANNOTATE("autorc_out_borrowed")
/* Counts by hand: in code the plugin counts, a call on a managed pointer
 * is refused ([autorc-manual]), the plugin already counts it. */
#define RC__COUNTS_BY_HAND RC__ANNOTATE("autorc_counts_by_hand")
/* a union member holding managed pointers, live (and counted) only while the
 * tag field of the struct holding the union equals value:
 *   struct value { int tag; union { long i; RC_TAGGED(tag, T_OBJ) struct obj *o; } u; };
 * such a struct is changed by whole assignments, never member by member
 * (docs/semantics.md, "Tagged unions") */
#define RC_TAGGED(tag, value) RC__ANNOTATE("autorc_tagged:" #tag ":" #value)
/* silence autorc warning <name> (cycle, global, escape, all) at one declaration:
 * a field, struct, variable or function (and everything inside it) */
#define RC_NOWARN(name) RC__ANNOTATE("autorc_nowarn(" #name ")")
/* Contracts of container functions, read by the plugin's analyses instead of
 * lists of names (arguments count from 0):
 *   RC_CONTAINER          on a struct: its objects hold strong references to
 *                         what is stored into them (rc_list, rc_dict)
 *   RC_STORES(c, v)       the function keeps a strong reference to argument v
 *                         in container argument c (rc_dict_set: (0, 1), (0, 2))
 *   RC_CLEARS(c)          the function drops every reference container
 *                         argument c holds
 *   RC_READS_ONLY         the function releases nothing and keeps no reference
 *                         (a getter: a borrowed reference stays valid across it)
 *   RC_FRESH              the function's managed result is a new object */
#define RC_CONTAINER RC__ANNOTATE("autorc_container")
#define RC_STORES(c, v) RC__ANNOTATE("autorc_stores:" #c ":" #v)
#define RC_CLEARS(c) RC__ANNOTATE("autorc_clears:" #c)
#define RC_READS_ONLY RC__ANNOTATE("autorc_reads_only")
#define RC_FRESH RC__ANNOTATE("autorc_fresh")

#if defined(__GNUC__)
#define RC__EXT __extension__
#else
#define RC__EXT
#endif

/* ------------------------------------------------------------------------
 * Type descriptors
 *
 * Every managed object points to a descriptor of its type. The plugin
 * generates one per RC_MANAGED struct; rc_new(T) builds one on first use for
 * a type without managed fields; RC_TYPE_DEFINE describes one by hand.
 * ------------------------------------------------------------------------ */
typedef struct rc_type rc_type;

/* Visit one strong slot of an object (the slot's address, so a visitor may
 * also clear it). */
typedef void (*rc_visit_fn)(void **slot, void *ctx);

enum {
    RC_TYPE_ACYCLIC = 1u << 0, /* never part of a cycle: not tracked */
    RC_TYPE_BUILTIN = 1u << 1, /* one of the runtime's own types */
};

struct rc_type {
    const char *name;            /* "struct node", shown in reports */
    uint32_t size;               /* sizeof(T) */
    uint32_t flags;              /* RC_TYPE_* */
    const uint32_t *strong;      /* offsets of strong managed pointer fields */
    uint32_t nstrong;
    uint32_t nweak;
    const uint32_t *weak;        /* offsets of RC_WEAK fields */
    const char *const *strong_names; /* field names (optional, for pictures) */
    void (*finalize)(void *self);    /* RC_FINALIZER, or NULL */
    /* Runtime containers only: visit variable strong slots beyond `strong`. */
    void (*traverse)(void *self, rc_visit_fn visit, void *ctx);
    /* Runtime containers only: free private memory once the object is dead. */
    void (*destroy)(void *self);
    /* _Alignof(T). 0 (a descriptor written without it) is taken as 16, the
     * alignment malloc gives; more than 16 is refused at the first rc_new. */
    uint32_t align;
    /* A word the runtime owns (each descriptor gets its own static): 0 until
     * the first rc_new of the type, then the head's initial flags and the
     * type's index (see rc__head). NULL: the runtime keeps it in a table. */
    uint32_t *rt;
};

/* Describe a type by hand, for use with rc_new_typed():
 *
 *   RC_TYPE_DEFINE(node_type, struct node, node_finalize,
 *                  RC_FIELD(struct node, left), RC_FIELD(struct node, right));
 *   struct node *n = rc_new_typed(struct node, node_type);
 *
 * `finalize` is a function `void f(T *self)` or NULL; the trailing arguments
 * list the offsets of the strong managed pointer fields (none is fine). The
 * definition has static storage; declare it at file scope. */
#define RC__PRAGMA(x) _Pragma(#x)
#define RC_FIELD(T, field) ((uint32_t)offsetof(T, field))
#define RC_TYPE_DEFINE(var, T, finalize_fn, ...)                                 \
    static const uint32_t var##__rc_strong[] = {__VA_ARGS__ + 0};               \
    static uint32_t var##__rc_rt;                                                \
    static void var##__rc_fin(void *self) {                                      \
        void (*f)(T *) = (finalize_fn);                                          \
        if (f) f((T *)self);                                                     \
    }                                                                            \
    RC__PRAGMA(GCC diagnostic push)                                              \
    RC__PRAGMA(GCC diagnostic ignored "-Waddress")                               \
    static const rc_type var = {                                                 \
        #T, (uint32_t)sizeof(T), 0, var##__rc_strong,                            \
        (uint32_t)(sizeof((uint32_t[]){__VA_ARGS__ + 0}) / sizeof(uint32_t)) -   \
            (sizeof(#__VA_ARGS__) == 1),                                         \
        0, NULL, NULL, (finalize_fn) ? var##__rc_fin : NULL, NULL, NULL,        \
        (uint32_t)_Alignof(T), &var##__rc_rt};                                   \
    RC__PRAGMA(GCC diagnostic pop)                                               \
    extern const rc_type var

/* ------------------------------------------------------------------------
 * Internals used by the inline fast paths and by plugin-generated code.
 *
 * Object layout (see docs/runtime.md):
 *
 *     [ 8 B padding, only for types aligned to 16                 ]
 *     [ rc__head   (8 B): refcnt, flags, type index              ]
 *     [ the user's struct T  <- the object pointer points here   ]
 * ------------------------------------------------------------------------ */
typedef struct rc__head {
    uint32_t refcnt;
    uint16_t flags; /* bits 0..7: the object's, 8..15: the collector's */
    uint16_t tix;   /* the type's index in the runtime's type table */
} rc__head;

/* The variables the inline allocation reads and writes, in one object: a
 * position-independent program reaches a variable of another module
 * through its address in the GOT, one load (or lea) per variable; in one
 * object they share that address. Each keeps its name through a macro.
 *   gc_left  allocations of tracked objects left before one calls
 *            rc__gc_maybe_collect: the collector's trigger (threshold0, or
 *            LONG_MAX while it is disabled, off or running) less count 0 of
 *            the gc API (tracked allocations minus deallocations since the
 *            last collection). One counter that counts down, so the inline
 *            allocation tests its sign (gc.c).
 *   live     managed objects alive (rc_live_objects).
 *   cache    per size class (64 classes of 8 bytes), the block cache's
 *   ncache   first free block and length (pool.c).
 *   gc_epoch the collector's epoch: moves whenever a collection step
 *            examines counts or takes entries out of the candidate
 *            buffers; a keep-alive hold saves it (rc__hold, gc.c). Last,
 *            so that the other members keep their offsets. */
typedef uint64_t rc__epoch_t;
typedef struct rc__fastvars {
    long gc_left;
    size_t live;
    void *cache[64];
    uint32_t ncache[64];
    rc__epoch_t gc_epoch;
} rc__fastvars;
extern rc__fastvars rc__fv;
#define rc__gc_left (rc__fv.gc_left)
#define rc__live (rc__fv.live)
#define rc__cache (rc__fv.cache)
#define rc__ncache (rc__fv.ncache)
#define rc__gc_epoch (rc__fv.gc_epoch)
void rc__gc_maybe_collect(void);
#if !defined(__AUTORC_ANALYSIS__)
/* One tracked allocation counted: is the collector's trigger reached (gc_left
 * below zero)? The decrement wraps instead of `--rc__gc_left < 0`: a signed
 * decrement cannot overflow, so clang tests the old value (load, subtract,
 * store, test, branch); a wrapping one compiles to `dec mem; js`. gc_left
 * never comes near LONG_MIN (gc.c), so the two agree. */
static inline int rc__gc_count_alloc(void) {
    long left = (long)((unsigned long)rc__gc_left - 1u);
    rc__gc_left = left;
    return left < 0;
}
#endif
#define RC__F_GC 1u /* internal.h's RC_F_GC: the type may be part of a cycle */
/* Bits of the head's flags the inline release reads (gc.c owns them): the
 * object is a candidate root already, or frozen. */
#define RC__F_BUFFERED (1u << 8)
#define RC__F_PERM (1u << 9)
/* A release left a tracked object's count above zero: it becomes a
 * candidate root of the cycle collector (gc.c). */
void rc__gc_buffer(rc__head *h);
/* Bit 15: AUTORC_MALLOC=debug checks this object's releases against
 * its owner thread (set on every debug-heap object; threadcheck.c). */
#define RC__F_OWNED (1u << 15)
/* A release on a thread other than obj's owner is fatal (threadcheck.c). */
void rc__owner_check(const void *obj);
/* A release that keeps the object alive diverts here when the object must
 * become a candidate root ((flags & (GC|BUFFERED|PERM)) == GC) or is thread
 * checked (RC__F_OWNED), in one test: x = (flags & those four) ^ GC is 0 in
 * the first case and has bit 15 set in the second, so as a 16-bit signed
 * number x <= 0 exactly then (one instruction more than the test alone). */
#define RC__KEPT_DIVERTS(flags)                                                  \
    ((int16_t)(((flags) & (RC__F_GC | RC__F_BUFFERED | RC__F_PERM | RC__F_OWNED)) ^ RC__F_GC) <= 0)
void rc__release_kept(rc__head *h);
/* The same for the release that ends a keep-alive hold taken at epoch
 * `saved`: the thread check, and the buffering only if the epoch moved
 * (gc.c, "Keep-alive holds"). */
void rc__release_held_kept(rc__head *h, rc__epoch_t saved);

typedef struct rc_site {
    const char *file;
    const char *func;
    int line;
} rc_site;

#define RC__HEAD(obj) ((rc__head *)(obj) - 1)

void *rc__new(const rc_type *type, const rc_site *site);
const rc_type *rc__anon_type(const char *name, size_t size, size_t align);
void rc__release_slow(void *obj);

#define RC__SITE()                                                               \
    RC__EXT({                                                                    \
        static const rc_site rc__site = {__FILE__, __func__, __LINE__};          \
        &rc__site;                                                               \
    })

/* ------------------------------------------------------------------------
 * Objects and counts
 * ------------------------------------------------------------------------ */

/* A zero-filled T with refcount 1, owned by the caller. Without the plugin
 * T must not contain managed fields (use RC_TYPE_DEFINE + rc_new_typed). */
#define rc_new(T)                                                                \
    ((T *)RC__EXT({                                                              \
        static const rc_type *rc__anon;                                          \
        if (!rc__anon) rc__anon = rc__anon_type(#T, sizeof(T), _Alignof(T));     \
        rc__new(rc__anon, RC__SITE());                                           \
    }))
#define rc_new_typed(T, descriptor) ((T *)rc__new(&(descriptor), RC__SITE()))

/* Dynamic operation counts, compiled in only in a stats build: define
 * AUTORC_STATS for the program and the runtime (cmake -DAUTORC_STATS=ON). */
typedef struct rc_opcounts {
    int enabled;                 /* 0: not a stats build, all counts 0 */
    unsigned long long increfs;  /* rc_incref calls on non-NULL objects */
    unsigned long long decrefs;  /* rc_decref calls on non-NULL objects */
    unsigned long long allocated;
    unsigned long long freed;
    unsigned long long gc_candidates; /* objects examined by the collector */
} rc_opcounts;
void rc_get_opcounts(rc_opcounts *out);
#ifdef AUTORC_STATS
extern unsigned long long rc__stat_increfs, rc__stat_decrefs, rc__stat_allocated;
#define RC__STAT(counter) ((counter)++)
#else
#define RC__STAT(counter) ((void)0)
#endif

/* NULL-safe. rc_incref returns obj. Inline here; libautorc also exports both.
 * The definitions' parameters carry no RC_OBJECT_ARG: clang keeps an
 * annotated parameter in memory (llvm.var.annotation), which put one
 * ASan-redzoned stack slot per inlined call into every caller's frame (a
 * recursive copy of a 100k-node list overflowed the stack under ASan). The
 * redeclarations after them carry it: a call sees the last declaration. */
#if !defined(__AUTORC_ANALYSIS__)
RC_RETURNS_OWNED RC__COUNTS_BY_HAND inline void *rc_incref(void *obj) {
    if (obj) {
        /* Not thread-checked here: every retain has its release, which is
         * (RC__KEPT_DIVERTS); a call here would cost every caller frame
         * space (ASan) and register pressure. */
        RC__HEAD(obj)->refcnt++;
        RC__STAT(rc__stat_increfs);
    }
    return obj;
}
RC__COUNTS_BY_HAND inline void rc_decref(void *obj) {
    if (obj) {
        rc__head *h = RC__HEAD(obj);
        RC__STAT(rc__stat_decrefs);
        if (h->refcnt > 1) {
            h->refcnt--;
            /* A tracked object kept alive: perhaps the last reference from
             * outside a cycle went away. Buffer it once as a candidate (and
             * check the thread in debug mode). */
            if (__builtin_expect(RC__KEPT_DIVERTS(h->flags), 0)) rc__release_kept(h);
        } else {
            rc__release_slow(obj);
        }
    }
}
#endif
RC_RETURNS_OWNED RC__COUNTS_BY_HAND RC__INLINE_DECL void *rc_incref(RC_OBJECT_ARG void *obj);
RC__COUNTS_BY_HAND RC__INLINE_DECL void rc_decref(RC_OBJECT_ARG void *obj);

/* The allocation fast path, inline so that a constant size picks its size
 * class at compile time: an object aligned to at most 8, small enough for
 * the pools, whose type has had its first allocation (*t->rt holds its type
 * index) while the inline path is on (pool mode, not tracing, no sanitizer
 * or Valgrind runtime: the runtime sets the rt word's bit 31 of every type
 * while it is off, so one signed compare tests both), is popped straight
 * off its class's block cache. A tracked type (RC__F_GC in
 * *t->rt) only counts the allocation for the collector's schedule and may
 * start a collection, as in rc__new. Everything else (and an empty cache)
 * goes to rc__new. Internal; the plugin calls it. */
#if !defined(__AUTORC_ANALYSIS__)
static inline void rc__head_init(rc__head *h, uint32_t w) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* one store: refcnt 1, flags w & 0xffff, tix w >> 16 (the run loop of
     * object.c reads the head as one word: two 32-bit stores measured
     * slower than the shift and the 64-bit store) */
    uint64_t hw = 1u | (uint64_t)w << 32;
    __builtin_memcpy(h, &hw, sizeof hw);
#else
    h->refcnt = 1;
    h->flags = (uint16_t)w;
    h->tix = (uint16_t)(w >> 16);
#endif
}
static inline void *rc__new_inline(const rc_type *t, size_t size, size_t align,
                                   const rc_site *site) {
    size_t n = size + sizeof(rc__head);
    if (align <= 8 && n <= 512) {
        /* 0 until registered; then tix << 16 | flags, bit 31 while off */
        uint32_t w = *t->rt;
        if ((int32_t)w > 0xffff) {
            unsigned c = (unsigned)(((n < 16 ? 16 : n) - 1) >> 3); /* blocks: >= 16 bytes */
            void **b = (void **)rc__cache[c];
            if (b) {
                rc__head *h = (rc__head *)b;
                rc__cache[c] = b[1]; /* a free block's link: its second word */
                rc__ncache[c]--;
                rc__head_init(h, w);
                __builtin_memset(h + 1, 0, size);
                rc__live++;
                RC__STAT(rc__stat_allocated);
                /* A tracked type counts towards the next collection; the
                 * object itself is linked nowhere. */
                if ((w & RC__F_GC) && __builtin_expect(rc__gc_count_alloc(), 0))
                    rc__gc_maybe_collect();
                return h + 1;
            }
        }
    }
    return rc__new(t, site);
}
#endif

/* The exact count (no extra reference for the argument). */
RC_READS_ONLY size_t rc_getrefcount(const void *obj);
/* Managed objects alive now. */
RC_READS_ONLY size_t rc_live_objects(void);
/* The descriptor of an object's type; its name. */
RC_READS_ONLY const rc_type *rc_typeof(const void *obj);
RC_READS_ONLY const char *rc_typename(const void *obj);

/* ------------------------------------------------------------------------
 * Weak references
 * ------------------------------------------------------------------------ */
struct RC_MANAGED rc_weakref;
typedef struct rc_weakref rc_weakref;
typedef void (*rc_weakref_callback)(rc_weakref *ref, void *ctx);

/* A weakref object (managed). The callback, if any, runs when the target
 * dies while the weakref is still alive. */
RC_FRESH rc_weakref *rc_weakref_new(RC_OBJECT_ARG void *obj, rc_weakref_callback callback, void *ctx);
/* An owned (+1) reference to the target, or NULL once it is dead. */
RC_RETURNS_OWNED void *rc_weakref_get(rc_weakref *ref);
/* Number of weak slots and weakrefs that point to obj (Python's getweakrefcount). */
RC_READS_ONLY size_t rc_weakref_count(RC_OBJECT_ARG const void *obj);

/* Runtime side of RC_WEAK slots (the plugin emits these calls). A slot is a
 * plain pointer variable registered with its target; it reads NULL once the
 * target died. rc_weak_init starts a slot that holds garbage; rc_weak_store
 * replaces the value of a slot that is NULL or registered; rc_weak_load reads
 * it (borrowed). A slot must be stored NULL before its memory goes away
 * (the runtime does that for RC_WEAK fields of dying managed objects). */
void rc_weak_init(void **slot, RC_OBJECT_ARG void *obj);
void rc_weak_store(void **slot, RC_OBJECT_ARG void *obj);
RC_READS_ONLY RC_RETURNS_BORROWED void *rc_weak_load(void *const *slot);

/* Slot arrays: a heap array of strong managed pointers outside an object
 * (`struct node **items`). Every slot must hold NULL or a counted reference
 * (the plugin's stores release the old value), so grow it with
 * rc_slots_resize, never malloc/realloc ([autorc-slots]): the slots it adds
 * are NULL, the slots it drops (new < old) are released, first to last; 0
 * slots frees the block and returns NULL. rc_slots_free releases all count
 * slots and frees the block. calloc'd arrays are fine too. */
void *rc_slots_resize(void *slots, size_t old_count, size_t new_count);
RC_CLEARS(0) void rc_slots_free(void *slots, size_t count);
/* The same for an array of plain structs holding managed pointers: the
 * plugin rewrites rc_slots_resize/rc_slots_free on `struct kv *items` into
 * these, adding the element's size and its generated release helper. */
void *rc__values_resize(void *values, size_t old_count, size_t new_count, size_t size,
                        void (*dec)(void *));
RC_CLEARS(0) void rc__values_free(void *values, size_t count, size_t size, void (*dec)(void *));

/* ------------------------------------------------------------------------
 * Python's built-in types: rc_list, rc_str, rc_dict (docs/builtins.md)
 *
 * All are managed objects: the forward declarations below carry RC_MANAGED,
 * which is how the plugin knows them. Indexes are ptrdiff_t: a negative one
 * counts from the end, as in Python; one out of range is a fatal error that
 * names the call (Python's IndexError).
 * ------------------------------------------------------------------------ */
struct RC_MANAGED RC_CONTAINER rc_list;
struct RC_MANAGED rc_str;
struct RC_MANAGED RC_CONTAINER rc_dict;
typedef struct rc_list rc_list;
typedef struct rc_str rc_str;
typedef struct rc_dict rc_dict;

/* rc_list — Python's list: a growable array of strong references (items may
 * be NULL), with room at both ends, so pop(0) and insert(0, x) are O(1)
 * amortised. */
RC_FRESH rc_list *rc_list_new(void);
RC_STORES(0, 1) void rc_list_append(rc_list *l, RC_OBJECT_ARG void *obj);
RC_READS_ONLY RC_RETURNS_BORROWED void *rc_list_get(rc_list *l, ptrdiff_t i);
RC_STORES(0, 2) void rc_list_set(rc_list *l, ptrdiff_t i, RC_OBJECT_ARG void *obj);
RC_READS_ONLY size_t rc_list_len(const rc_list *l);
RC_RETURNS_OWNED void *rc_list_pop(rc_list *l);
RC_CLEARS(0) void rc_list_clear(rc_list *l);
RC_STORES(0, 2) void rc_list_insert(rc_list *l, ptrdiff_t i, RC_OBJECT_ARG void *obj); /* clamps */
RC_RETURNS_OWNED void *rc_list_pop_at(rc_list *l, ptrdiff_t i);
void rc_list_delete(rc_list *l, ptrdiff_t i);
int rc_list_remove(rc_list *l, RC_OBJECT_ARG const void *obj);   /* 1 removed, 0 absent */
RC_READS_ONLY ptrdiff_t rc_list_index(const rc_list *l, RC_OBJECT_ARG const void *obj); /* -1 absent */
RC_READS_ONLY int rc_list_contains(const rc_list *l, RC_OBJECT_ARG const void *obj);
void rc_list_extend(rc_list *l, rc_list *other);
void rc_list_reverse(rc_list *l);
/* Stable (merge sort); cmp gets the two objects (not pointers to slots). */
void rc_list_sort(rc_list *l, int (*cmp)(const void *a, const void *b));
RC_FRESH rc_list *rc_list_slice(rc_list *l, ptrdiff_t start, ptrdiff_t stop); /* clamps */

/* Iteration: `rc_list_foreach(struct node *, n, l) { ... }` runs the body
 * once per item, n holding it (n is not counted; the iteration holds a
 * reference to the list and to the current item). break, continue, return
 * and goto work. While an iteration runs, appending, extending and set are
 * allowed (the iteration sees appended items, as Python); any call that
 * removes or moves items (insert, pop, pop_at, delete, remove, clear, sort,
 * reverse) is a fatal error naming the call. */
typedef struct rc_list_iter {
    void *list;   /* the list (a counted reference, taken by begin) */
    void *cur;    /* the current item (counted) */
    size_t next;  /* index of the next item */
    int live;     /* the outer loop of rc_list_foreach runs once */
} rc_list_iter;
/* (not RC_OBJECT_ARG: begin takes its own reference to the list before
 * anything else, so the plugin need not keep a `h->list` argument alive
 * around the call, a temporary it could not place in the macro) */
rc_list_iter rc__list_iter_begin(void *l);
int rc__list_iter_next(rc_list_iter *it);
void rc__list_iter_end(rc_list_iter *it);
#define RC__CAT2(a, b) a##b
#define RC__CAT(a, b) RC__CAT2(a, b)
#define RC__IT RC__CAT(rc__it, __LINE__)
/* (clang and gcc: the iteration ends by __attribute__((cleanup))) */
#define RC__CLEANUP(fn) __attribute__((cleanup(fn)))
#define rc_list_foreach(T, x, l)                                                 \
    for (rc_list_iter RC__IT RC__CLEANUP(rc__list_iter_end) =                    \
             rc__list_iter_begin(l);                                             \
         RC__IT.live; RC__IT.live = 0)                                           \
        for (RC_UNOWNED T x = NULL; rc__list_iter_next(&RC__IT) && ((x = (T)RC__IT.cur), 1);)

/* Typed lists: a list of T * whose calls check the element type.
 *
 *   RC_LIST_OF(node_list, struct node);        // at file scope, once
 *   node_list *l = rc_tlist_new(node_list);
 *   rc_tlist_append(l, n);                     // n must be a struct node *
 *   rc_tlist_get(l, -1)->value;                // a struct node *
 *   rc_tlist_foreach(n, l) { ... }
 *
 * A node_list * is an rc_list underneath (rc_tlist_list(l) gives it, for
 * the calls without a typed form). Storing a pointer of another type is a
 * compile error (NULL is allowed). */
#define RC_LIST_OF(name, T)                                                      \
    typedef struct RC_MANAGED RC_CONTAINER name {                                \
        RC_UNOWNED T *rc__elem; /* never stored: carries the element type */     \
    } name
#define RC__ELEM(l) __typeof__((l)->rc__elem)
#ifdef _Static_assert
/* glibc's stand-in for C11's _Static_assert (-std=c99) is a declaration,
 * which a struct cannot hold: the check is then a bit-field whose width is
 * negative for an element of the wrong type, the error naming the field. */
#define RC__ELEM_CHECK(l, x)                                                     \
    (void)sizeof(struct {                                                        \
        int element_of_the_wrong_type_for_this_typed_list                        \
            : _Generic((x), RC__ELEM(l): 1, void *: 1, default: -1);             \
    })
#else
#define RC__ELEM_CHECK(l, x)                                                     \
    (void)sizeof(struct {                                                        \
        _Static_assert(_Generic((x), RC__ELEM(l): 1, void *: 1, default: 0),     \
                       "element of the wrong type for this typed list");         \
        int rc__ok;                                                              \
    })
#endif
static inline RC_RETURNS_BORROWED rc_list *rc__tlist(RC_OBJECT_ARG void *l) {
    return (rc_list *)l;
}
static inline RC_READS_ONLY RC_RETURNS_BORROWED void *rc__tlist_get(RC_OBJECT_ARG void *l, ptrdiff_t i) {
    return rc_list_get((rc_list *)l, i);
}
static inline RC_RETURNS_OWNED void *rc__tlist_pop(RC_OBJECT_ARG void *l) {
    return rc_list_pop((rc_list *)l);
}
static inline RC_RETURNS_OWNED void *rc__tlist_pop_at(RC_OBJECT_ARG void *l, ptrdiff_t i) {
    return rc_list_pop_at((rc_list *)l, i);
}
static inline RC_STORES(0, 1) void rc__tlist_append(RC_OBJECT_ARG void *l, RC_OBJECT_ARG void *x) {
    rc_list_append((rc_list *)l, x);
}
static inline RC_STORES(0, 2) void rc__tlist_set(RC_OBJECT_ARG void *l, ptrdiff_t i, RC_OBJECT_ARG void *x) {
    rc_list_set((rc_list *)l, i, x);
}
static inline RC_STORES(0, 2) void rc__tlist_insert(RC_OBJECT_ARG void *l, ptrdiff_t i, RC_OBJECT_ARG void *x) {
    rc_list_insert((rc_list *)l, i, x);
}
static inline RC_READS_ONLY size_t rc__tlist_len(RC_OBJECT_ARG void *l) { return rc_list_len((rc_list *)l); }
#define rc_tlist_new(name) ((name *)rc_list_new())
#define rc_tlist_list(l) rc__tlist(l)
#define rc_tlist_len(l) rc__tlist_len(l)
#define rc_tlist_get(l, i) ((RC__ELEM(l))rc__tlist_get(l, i))
#define rc_tlist_pop(l) ((RC__ELEM(l))rc__tlist_pop(l))
#define rc_tlist_pop_at(l, i) ((RC__ELEM(l))rc__tlist_pop_at(l, i))
#define rc_tlist_append(l, x) (RC__ELEM_CHECK(l, x), rc__tlist_append(l, x))
#define rc_tlist_set(l, i, x) (RC__ELEM_CHECK(l, x), rc__tlist_set(l, i, x))
#define rc_tlist_insert(l, i, x) (RC__ELEM_CHECK(l, x), rc__tlist_insert(l, i, x))
#define rc_tlist_foreach(x, l) rc_list_foreach(RC__ELEM(l), x, l)

/* rc_str — Python's str: immutable bytes (UTF-8 by convention), always
 * followed by a NUL. Strings up to a few hundred bytes are one allocation
 * (the characters follow the head). */
RC_FRESH rc_str *rc_str_new(const char *s);
RC_FRESH rc_str *rc_str_from_len(const char *s, size_t n);
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
RC_FRESH rc_str *rc_str_format(const char *fmt, ...);
RC_READS_ONLY const char *rc_str_cstr(const rc_str *s); /* valid while s lives; "" for NULL */
RC_READS_ONLY size_t rc_str_len(const rc_str *s);
RC_READS_ONLY int rc_str_eq(const rc_str *a, const rc_str *b);
RC_READS_ONLY int rc_str_cmp(const rc_str *a, const rc_str *b); /* <0, 0, >0 (bytes, then length) */
RC_READS_ONLY size_t rc_str_hash(const rc_str *s);
RC_FRESH rc_str *rc_str_concat(const rc_str *a, const rc_str *b);
rc_str *rc_str_intern(rc_str *s); /* owned canonical instance (sys.intern) */
/* Is obj an rc_str? (any managed object, or NULL) */
RC_READS_ONLY int rc_is_str(RC_OBJECT_ARG const void *obj);

/* rc_dict — Python's dict: an insertion-ordered hash map (CPython's compact
 * layout). An rc_str key compares by content, any other key by identity. */
RC_FRESH rc_dict *rc_dict_new(void);
RC_STORES(0, 1) RC_STORES(0, 2)
void rc_dict_set(rc_dict *d, RC_OBJECT_ARG void *key, RC_OBJECT_ARG void *value);
RC_READS_ONLY RC_RETURNS_BORROWED void *rc_dict_get(rc_dict *d, RC_OBJECT_ARG const void *key);
RC_READS_ONLY int rc_dict_contains(rc_dict *d, RC_OBJECT_ARG const void *key);
int rc_dict_del(rc_dict *d, RC_OBJECT_ARG const void *key);
RC_RETURNS_OWNED void *rc_dict_pop(rc_dict *d, RC_OBJECT_ARG const void *key);
RC_READS_ONLY size_t rc_dict_len(rc_dict *d);
RC_CLEARS(0) void rc_dict_clear(rc_dict *d);
/* *pos = 0 to start; key and value borrowed. Adding or deleting a key
 * during an iteration makes the next call a fatal error (Python's
 * "dictionary changed size during iteration"); setting an existing key's
 * value is allowed. */
RC_READS_ONLY int rc_dict_next(rc_dict *d, size_t *pos, RC_OUT_BORROWED void **key, RC_OUT_BORROWED void **value);
RC_FRESH rc_list *rc_dict_keys(rc_dict *d);
RC_FRESH rc_list *rc_dict_values(rc_dict *d);

/* ------------------------------------------------------------------------
 * Generators — Python's `yield` (docs/builtins.md, "Generators")
 *
 *   RC_GENERATOR(long) rc_gen *count_to(long n) {
 *       for (long i = 0; i < n; i++) rc_yield(i);
 *   }
 *   rc_gen *g = count_to(10);
 *   for (long v; rc_gen_next(g, &v);) printf("%ld\n", v);
 *
 * The plugin turns the body into a resume function (a state machine over
 * GNU C's `goto *label`) and the locals that live across an rc_yield into
 * the fields of the generator object (a managed struct: header below, then
 * the frame), so a suspended generator costs its frame and 24 bytes, and
 * rc_gen_next (inline) costs one indirect call. Without the plugin
 * RC_GENERATOR is a compile error: the body cannot run as a plain function.
 * ------------------------------------------------------------------------ */
struct RC_MANAGED rc_gen;
typedef struct rc_gen rc_gen;

/* The first member of every generator object (plugin-generated code only). */
struct rc__gen_head {
    int (*resume)(void *self, void *out); /* the generated resume function */
    void *label;  /* where the body resumes (&&label), NULL before the start */
    int state;    /* RC__GEN_* */
};
enum { RC__GEN_READY, RC__GEN_RUNNING, RC__GEN_DONE };

/* rc_gen_next's rare cases, out of line (gen.c): a generator that is not
 * READY (NULL: fatal; RUNNING: fatal; DONE: 0), and one whose body just
 * finished (running: its strong locals released, the hold dropped; 0). */
int rc__gen_next_refused(rc_gen *g);
int rc__gen_finished(rc_gen *g);

/* Runs the body to its next rc_yield and stores the value at out (a T *;
 * for a managed T, *out is a strong slot: it receives a new reference and
 * the one it held is released, so start it NULL), returns 1; returns 0,
 * out untouched, once the body has finished or the generator is closed.
 * Inline (the step is the generated resume function's indirect call);
 * libautorc also exports it. The body may drop the last outside reference
 * to g (a consumer's variable it overwrites): a reference is held while it
 * runs. */
#if defined(__AUTORC_ANALYSIS__)
int rc_gen_next(rc_gen *g, void *out);
#else
inline int rc_gen_next(rc_gen *g, void *out) {
    struct rc__gen_head *h = (struct rc__gen_head *)(void *)g;
    if (__builtin_expect(!g || h->state != RC__GEN_READY, 0)) return rc__gen_next_refused(g);
    h->state = RC__GEN_RUNNING;
    rc_incref(g);
    if (__builtin_expect(!h->resume(g, out), 0)) return rc__gen_finished(g);
    h->state = RC__GEN_READY;
    rc_decref(g);
    return 1;
}
#endif
/* Python's close(): releases the strong locals of a suspended generator;
 * rc_gen_next then returns 0. Dropping the last reference does the same. */
void rc_gen_close(rc_gen *g);

#if defined(__AUTORC_PLUGIN__)
/* Markers the plugin's generator pass finds and rewrites away. */
#define RC_GENERATOR(T) __attribute__((annotate("autorc_generator", (__typeof__(T) *)0)))
void rc__gen_yield_marker(int, ...);
#define rc_yield(e) rc__gen_yield_marker(0, (e))
#else
#define RC_GENERATOR(T)                                                          \
    _Static_assert(0, "RC_GENERATOR needs the autorc plugin (compile with "      \
                      "autorc-cc or -fplugin=autorc.so)");
#define rc_yield(e) RC_GENERATOR(e)
#endif

/* ------------------------------------------------------------------------
 * Cycle collector (Python's gc module) — docs/gc.md
 * ------------------------------------------------------------------------ */
typedef struct rc_gc_genstats {
    size_t collections;
    size_t collected;
    size_t uncollectable;
} rc_gc_genstats;

enum {
    RC_GC_DEBUG_STATS = 1 << 0,
    RC_GC_DEBUG_COLLECTABLE = 1 << 1,
    RC_GC_DEBUG_UNCOLLECTABLE = 1 << 2,
    RC_GC_DEBUG_SAVEALL = 1 << 5,
    RC_GC_DEBUG_LEAK = RC_GC_DEBUG_COLLECTABLE | RC_GC_DEBUG_UNCOLLECTABLE | RC_GC_DEBUG_SAVEALL,
};

typedef struct rc_gc_info {
    int generation;
    size_t collected;
    size_t uncollectable;
    /* autorc's extension (docs/gc.md): 1 for the final step of an
     * incremental collection (a collection of generation 2), else 0 */
    int incremental;
} rc_gc_info;
/* phase is "start" or "stop" */
typedef void (*rc_gc_callback)(const char *phase, const rc_gc_info *info, void *ctx);

long rc_gc_collect(int generation); /* -1 = full */
void rc_gc_enable(void);
void rc_gc_disable(void);
RC_READS_ONLY int rc_gc_isenabled(void);
RC_READS_ONLY void rc_gc_get_stats(rc_gc_genstats out[3]);
RC_READS_ONLY void rc_gc_get_count(long out[3]);
void rc_gc_set_threshold(long threshold0, long threshold1, long threshold2);
RC_READS_ONLY void rc_gc_get_threshold(long out[3]);
RC_READS_ONLY int rc_gc_is_tracked(RC_OBJECT_ARG const void *obj);
RC_READS_ONLY int rc_gc_is_finalized(RC_OBJECT_ARG const void *obj);
rc_list *rc_gc_get_objects(int generation); /* -1 = all */
rc_list *rc_gc_get_referrers(RC_OBJECT_ARG const void *obj);
rc_list *rc_gc_get_referents(RC_OBJECT_ARG const void *obj);
void rc_gc_freeze(void);
void rc_gc_unfreeze(void);
RC_READS_ONLY size_t rc_gc_get_freeze_count(void);
/* autorc's extension (docs/gc.md, "The incremental collection"): how many
 * objects the running incremental collection holds as members (0: none). */
RC_READS_ONLY size_t rc_gc_get_incremental_count(void);
void rc_gc_set_debug(int flags);
RC_READS_ONLY int rc_gc_get_debug(void);
RC_RETURNS_BORROWED rc_list *rc_gc_garbage(void);
int rc_gc_callback_add(rc_gc_callback fn, void *ctx);
int rc_gc_callback_remove(rc_gc_callback fn, void *ctx);
/* Graphviz DOT of what obj refers to and what refers to it, `depth` edges
 * away (objgraph's show_refs + show_backrefs); docs/tracemalloc.md. */
void rc_gc_dump_dot(RC_OBJECT_ARG void *obj, int depth, FILE *out);

/* ------------------------------------------------------------------------
 * Allocation tracing (Python's tracemalloc) — docs/tracemalloc.md
 * ------------------------------------------------------------------------ */
struct RC_MANAGED rc_snapshot;
struct RC_MANAGED rc_stats;
typedef struct rc_snapshot rc_snapshot;
typedef struct rc_stats rc_stats;
typedef enum rc_key { RC_KEY_LINENO, RC_KEY_FILENAME, RC_KEY_TRACEBACK } rc_key;

int rc_tracemalloc_start(int nframes);
void rc_tracemalloc_stop(void);
RC_READS_ONLY int rc_tracemalloc_is_tracing(void);
void rc_tracemalloc_get_traced_memory(size_t *current, size_t *peak);
void rc_tracemalloc_reset_peak(void);
rc_snapshot *rc_tracemalloc_take_snapshot(void);
rc_stats *rc_snapshot_statistics(rc_snapshot *snap, rc_key key);
rc_stats *rc_snapshot_compare_to(rc_snapshot *now, rc_snapshot *before, rc_key key);
void rc_stats_print(rc_stats *stats, size_t top_n, FILE *out);
/* Frames kept per traceback (the nframes tracing was started with). */
int rc_tracemalloc_get_traceback_limit(void);
/* A new snapshot with the traces whose frame 0 (rc_new site) file matches
 * (inclusive) or does not match (!inclusive) the fnmatch pattern. */
rc_snapshot *rc_snapshot_filter(rc_snapshot *snap, const char *pattern, int inclusive);
/* Number of traces (live traced objects) in a snapshot. */
size_t rc_snapshot_traces(rc_snapshot *snap);
/* One entry of a stats object; *_diff are 0 for rc_snapshot_statistics. */
typedef struct rc_stat {
    const char *file; /* frame 0: the rc_new site's file */
    int line;         /* its line; 0 for RC_KEY_FILENAME */
    const char *func; /* its function; NULL for RC_KEY_FILENAME */
    size_t size;
    long long size_diff;
    size_t count;
    long long count_diff;
    size_t nframes;   /* frames in the entry's traceback (1 unless RC_KEY_TRACEBACK) */
} rc_stat;
/* One frame of an entry's traceback: frame 0 is the rc_new site (file, line,
 * func); frames 1.. are callers (file = executable or shared library, line 0,
 * func = nearest exported symbol or NULL, offset from it or from the module). */
typedef struct rc_frame {
    const char *file;
    int line;
    const char *func;
    void *addr;    /* return address (NULL for frame 0) */
    size_t offset;
} rc_frame;
size_t rc_stats_len(rc_stats *stats);
int rc_stats_get(rc_stats *stats, size_t i, rc_stat *out);                       /* 0, or -1 */
int rc_stats_get_frame(rc_stats *stats, size_t i, size_t frame, rc_frame *out); /* 0, or -1 */
void rc_stats_print_traceback(rc_stats *stats, size_t i, FILE *out);

/* ------------------------------------------------------------------------
 * Heap
 * ------------------------------------------------------------------------ */
/* Arenas, pools and blocks per size class (Python's sys._debugmallocstats). */
void rc_heap_print_stats(FILE *out);

/* Counters of the heap, for tests and tools. */
typedef struct rc_heap_stats {
    size_t arenas;          /* arenas mapped now */
    size_t arenas_peak;     /* most arenas mapped at once */
    size_t arenas_released; /* arenas returned to the OS so far */
    size_t pools;           /* pools in use now */
    size_t blocks;          /* pool blocks in use now */
    size_t cached;          /* freed blocks kept in the per-class caches */
    size_t large;           /* objects from the system allocator now */
    size_t arenas_spare;    /* of `arenas`, empty ones kept mapped for reuse */
} rc_heap_stats;
void rc_heap_get_stats(rc_heap_stats *out);
/* Return cached free blocks to their pools and empty arenas to the OS
 * (like malloc_trim), all but one at once. Happens by itself as caches fill
 * and, for empty arenas, a second after they emptied (docs/runtime.md). */
void rc_heap_trim(void);

/* "pool", "malloc" or "debug" (AUTORC_MALLOC). */
RC_READS_ONLY const char *rc_allocator_name(void);

/* Threads (docs/runtime.md): an object belongs to one thread at a time, the
 * one that created it. To hand a graph of objects to another thread, stop
 * using it in the first, synchronise (pthread_join, a mutex-protected queue),
 * then call this in the receiving thread: it becomes the owner of obj and of
 * every object reachable from it through strong references. Under
 * AUTORC_MALLOC=debug a count change on another thread than the owner is a
 * fatal error; in the other modes this does nothing. */
void rc_set_owner_thread(RC_OBJECT_ARG void *obj);

/* ------------------------------------------------------------------------
 * Plugin support: what the code rewritten by the autorc plugin calls
 * (docs/semantics.md). Not for users. Slots are reached through a
 * may_alias pointer type, since `T **` is passed where `void **` is read.
 * ------------------------------------------------------------------------ */
#if !defined(__AUTORC_ANALYSIS__)
#if defined(__GNUC__)
typedef void *rc__slot_t __attribute__((may_alias));
/* The helpers take `const void *` and `const volatile void *` so that a
 * slot or value of any qualification needs no cast in the rewritten code,
 * and cast the qualifiers away on purpose: a program built with
 * -Wcast-qual, which sees this header through -I (autorc-cc, pkg-config),
 * gets no warning from them. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-qual"
#else
typedef void *rc__slot_t;
#endif
/* __attribute__((cleanup)) of a strong local: release its value. */
static inline void rc__drop(const void *slot) { rc_decref(*(rc__slot_t const *)slot); }
/* cleanup of a pinned parameter: slot holds the parameter's address. */
static inline void rc__drop_indirect(const void *slot) {
    rc_decref(**(rc__slot_t *const *)slot);
}
/* cleanup of an RC_WEAK local: unregister it. */
static inline void rc__weak_drop(void *slot) { rc_weak_store((void **)slot, NULL); }
/* The same two for `T *volatile` locals (a cleanup's parameter must accept
 * the variable's address; plain locals keep the non-volatile reads). */
static inline void rc__drop_volatile(const volatile void *slot) {
    rc_decref(*(rc__slot_t const volatile *)slot);
}
static inline void rc__weak_drop_volatile(volatile void *slot) {
    rc_weak_store((void **)slot, NULL);
}
/* cleanup of a fixed-size array of strong pointers (last element first). */
static inline void rc__release_array(void *arr, size_t n) {
    rc__slot_t *a = (rc__slot_t *)arr;
    while (n > 0) rc_decref(a[--n]);
}
/* Values arrive as const void * so `const T *` slots need no cast. */
/* A retain that returns its argument (+0 -> +1). */
static inline void *rc__retain(const void *obj) { return rc_incref((void *)obj); }
/* Keep-alive holds: the plugin's temporary retain of an argument for the
 * length of a call (`f(t->right)`: the callee may drop t->right). The
 * temporary is `struct { T *obj; rc__epoch_t epoch; } rc__tN` with cleanup
 * rc__hold_drop, and the argument becomes `(rc__tN.obj = rc__hold(
 * &rc__tN.epoch, t->right))`: the retain saves the collector's epoch, and
 * the release that ends the hold makes no candidate root of an object it
 * leaves alive when no collection step ran in between -- gc.c,
 * "Keep-alive holds", has the argument. Otherwise it is rc_decref. */
static inline void *rc__hold(rc__epoch_t *epoch, const void *obj) {
    *epoch = rc__gc_epoch;
    return rc_incref((void *)obj);
}
static inline void rc__release_held(void *obj, rc__epoch_t saved) {
    if (obj) {
        rc__head *h = RC__HEAD(obj);
        RC__STAT(rc__stat_decrefs);
        if (h->refcnt > 1) {
            h->refcnt--;
            /* rc_decref's test, and the thread check or an epoch that moved */
            if (RC__KEPT_DIVERTS(h->flags) &&
                __builtin_expect(saved != rc__gc_epoch || (h->flags & RC__F_OWNED), 0))
                rc__release_held_kept(h, saved);
        } else {
            rc__release_slow(obj);
        }
    }
}
/* The layout every hold temporary has (its obj is a T *, which has the
 * representation of a void *), read through a may_alias type. A memcpy
 * from the slot's address plus an offset kept the temporary in memory
 * under UBSan (its pointer checks): copy(n->next)'s frame grew from 56 to
 * 120 bytes under ASan+UBSan (tests/lit/plugin/run-asan-frame-size.c). */
#if defined(__GNUC__)
typedef struct __attribute__((may_alias)) rc__hold_layout {
#else
typedef struct rc__hold_layout {
#endif
    void *obj;
    rc__epoch_t epoch;
} rc__hold_layout;
/* __attribute__((cleanup)) of a hold temporary. */
static inline void rc__hold_drop(const void *slot) {
    const rc__hold_layout *h = (const rc__hold_layout *)slot;
    rc__release_held(h->obj, h->epoch);
}
/* Store to a strong slot: retain the new value, store, release the old. */
static inline void *rc__assign(void *slot, const void *v) {
    rc__slot_t *s = (rc__slot_t *)slot;
    void *old;
    rc_incref((void *)v);
    old = *s;
    *s = (void *)v;
    rc_decref(old);
    return (void *)v;
}
/* The same for a +1 value: the slot takes the caller's reference. */
static inline void *rc__assign_owned(void *slot, const void *v) {
    rc__slot_t *s = (rc__slot_t *)slot;
    void *old = *s;
    *s = (void *)v;
    rc_decref(old);
    return (void *)v;
}
/* Store to an RC_WEAK slot (registered, zeroed when the target dies). */
static inline void *rc__weak_assign(void *slot, const void *v) {
    rc_weak_store((void **)slot, (void *)v);
    return (void *)v;
}
/* Initialise an RC_WEAK local: `T *w = rc__weak_init_v(&w, v)`. */
static inline void *rc__weak_init_v(void *slot, const void *v) {
    rc_weak_init((void **)slot, (void *)v);
    return (void *)v;
}
/* An RC_WEAK local's initialiser whose temporaries were released after
 * rc__weak_init_v registered it: the local's value now (NULL if the object
 * died with them), not the pointer v. */
static inline void *rc__weak_reload(void *slot, const void *v) {
    (void)v;
    return *(rc__slot_t *)slot;
}
/* `return local`: take the local's reference and leave NULL behind. */
static inline void *rc__move(void *slot) {
    rc__slot_t *s = (rc__slot_t *)slot;
    void *v = *s;
    *s = NULL;
    return v;
}
/* rc_new(T) of an RC_MANAGED T: the plugin passes T's generated descriptor.
 * RC__NEW_INLINE inlines the allocation fast path at the site; where clang
 * could copy it more than 4 times (a constructor such as rbtree's `node`,
 * cheap enough to inline into each of its callers), RC__NEW_MANAGED calls
 * T's allocation function desc##_new, which the plugin defines after the
 * descriptor at the end of the file (RC__NEW_DEFINE): the fast path with
 * T's constant size class, once per type and file, out of line
 * (docs/performance.md, "compile time"). Weak, as the descriptor (every
 * file that allocates T so defines the same function); hidden, so a call is
 * direct in a shared library too. */
#define RC__NEW_INLINE(T, desc)                                                  \
    ((T *)rc__new_inline(RC__EXT({                                               \
                             extern const rc_type desc;                          \
                             &desc;                                              \
                         }),                                                     \
                         sizeof(T), _Alignof(T), RC__SITE()))
#define RC__NEW_FN(desc) __attribute__((visibility("hidden"))) void *desc##_new(const rc_site *)
#define RC__NEW_MANAGED(T, desc)                                                 \
    ((T *)RC__EXT({                                                              \
        extern RC__NEW_FN(desc);                                                 \
        desc##_new(RC__SITE());                                                  \
    }))
#define RC__NEW_DEFINE(desc, size, align)                                        \
    RC__NEW_FN(desc);                                                            \
    __attribute__((weak, noinline)) RC__NEW_FN(desc);                            \
    void *desc##_new(const rc_site *site) { return rc__new_inline(&desc, size, align, site); }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#endif /* !__AUTORC_ANALYSIS__ */

#if defined(__GNUC__)
#pragma GCC diagnostic pop /* -Wpadded */
#endif

#ifdef __cplusplus
}
#endif

#endif /* AUTORC_H */
