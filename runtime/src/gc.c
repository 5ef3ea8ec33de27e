/*
 * gc.c — the cycle collector and the gc API (Python's gc module).
 *
 * Reference counting frees everything except reference cycles. This file
 * finds cycles that nothing outside them refers to and breaks them, with the
 * algorithm of CPython's Python/gc.c (3.8 and later), adapted to autorc's
 * object layout. Bacon–Rajan trial deletion was the alternative: it would
 * scan only "candidate roots" (objects whose count was decremented to a
 * non-zero value), but that needs a buffered flag and a root buffer write
 * on every such decrement — on the inline rc_decref fast path, in every
 * program. CPython's algorithm costs nothing outside collections, and its
 * generations keep a long-lived heap out of most collections, which is what
 * the cycles benchmark (rings over a long-lived tree) measures. From trial
 * deletion autorc takes the observation that only a release leaving a count
 * above zero can make cyclic garbage: rc_decref ORs the flags of such an
 * object into one word, and an automatic collection that word says cannot
 * find anything is replaced by its outcome (every object survives and moves
 * up a generation) without looking at a single object — so a long-lived
 * heap built without such releases reaches the oldest generation unscanned
 * and is never scanned by young collections, nor, by itself, calls for a
 * full one (see Scheduling).
 *
 * Tracked objects
 *   An object is tracked iff its block has an rc__gclink (RC_F_GC: its type
 *   has strong fields or a traverse hook and is not RC_TYPE_ACYCLIC; rc_list
 *   is one). It is linked into generation 0 at birth (rc__gc_track) and
 *   unlinked when destroyed (rc__gc_untrack, from object.c's destroy).
 *   An untracked RC_F_GC object has next == prev == 0.
 *
 * Lists
 *   Each generation (0, 1, 2) and the permanent generation (gc_freeze) is a
 *   circular doubly linked list through the gclink words with a static
 *   sentinel; a collection uses more lists with sentinels on its stack.
 *   Four header flag bits (of the eight gc.c owns):
 *     F_COLLECTING   the object is in the set being collected; set by
 *                    update_refs, cleared when the object is found
 *                    reachable, moved to old, or freed.
 *     F_UNREACHABLE  the object sits in `unreachable` (move_unreachable only).
 *     F_OLD          the object left generation 0 (it is in 1, 2 or the
 *                    permanent generation); set when it survives a
 *                    collection or a skipped one promotes it; never cleared.
 *     F_PERM         the object is frozen (permanent generation).
 *   So "in generation 0" is !F_OLD and "not frozen" is !F_PERM; generations
 *   1 and 2 are told apart only by their lists. n_old counts the objects
 *   with F_OLD and not F_PERM (kept exact by every move and by untrack).
 *   Between the start of update_refs and the end of move_unreachable the
 *   prev word of a collected object does not hold a pointer but its gc_refs
 *   (CPython 3.8's trick: no extra word per object); the list is singly
 *   linked through next then. No user code runs in that window.
 *
 * A collection of generation g (collect()):
 *   1. merge generations 0..g-1 into g ("young"); "old" is g+1 (or g).
 *   2-3 are one pass for generations 0 and 2, whose young sets are "all
 *   tracked objects without F_OLD" and "without F_PERM": a slot's target is
 *   young iff its flags say so, and its gc_refs is set when first met (as a
 *   list element or a target). Generation 1 (and step 8) take two passes.
 *   2. update_refs: gc_refs = refcnt for every young object. An object whose
 *      count is 0 is being destroyed by object.c (waiting on its pending
 *      stack, or in its destroy()): it gets a huge gc_refs, i.e. it is
 *      treated as reachable from outside, and so is all it refers to.
 *   3. subtract_refs: for each young object, each strong slot pointing to a
 *      young object decrements that object's gc_refs. Afterwards gc_refs is
 *      the number of references from outside the young set. A gc_refs below
 *      zero means a count is too low (a store without rc_incref): fatal.
 *   4. move_unreachable: objects with gc_refs > 0 are roots; everything
 *      reachable from a root stays in young, the rest moves to `unreachable`.
 *      One pass over the list, no recursion: an object found reachable that
 *      was already moved is moved back to young's tail and scanned later
 *      (a million-node ring needs no stack).
 *   5. young (the survivors) is merged into old.
 *   6. weak references to unreachable objects are cleared (PEP 442 order);
 *      a weakref's callback runs only if the weakref object is not garbage
 *      itself. Callbacks run now, before any finalizer.
 *   7. finalizers of unreachable objects not yet finalized run, once each
 *      (RC_F_FINALIZED), each holding a reference to its object.
 *   8. if any user code ran in 6-7, steps 2-4 run again on the unreachable
 *      set alone: whatever a finalizer made reachable (resurrected) goes to
 *      old, with everything it reaches; the rest is final garbage.
 *   8b. then, without callbacks (CPython 3.13's rule): weak references to the
 *      final garbage made by user code in 6-7 are cleared, and so are weakref
 *      objects that die with the garbage (clear_final_weakrefs): no user code
 *      run while the garbage is taken apart can reach a garbage object.
 *   9. final garbage: with DEBUG_SAVEALL it is appended to rc_gc_garbage()
 *      instead. Otherwise every strong slot of every garbage object is set
 *      to NULL: a slot pointing to garbage just decrements the target's
 *      count (it is freed below anyway), a slot pointing outside is released
 *      after all garbage is gone. Every garbage object now has count 0 and
 *      is handed to object.c's rc__dealloc (weak fields, tracemalloc, the
 *      type's destroy hook, memory back to its pool).
 *      Shortcut: steps 3-4 also count, in the high bits of each object's
 *      refs word, its slots into the collected set (saturated when a slot
 *      points outside it), and move_unreachable sums those counts and the
 *      reference counts over the unreachable objects. Every reference to a
 *      garbage object comes from a garbage slot, so the sums are equal iff
 *      no garbage slot points outside the garbage. Then, if no user code
 *      ran, nothing was moved back and every object is only memory (no
 *      weak fields, trace, destroy or traverse hook), step 9 just returns
 *      the memory: nothing to break, nothing to release (the rings of the
 *      cycles benchmark: a quarter off their time).
 *   The collection returns the number of objects freed in step 9 (objects
 *   resurrected or freed by finalizers are not counted, as in CPython; nor
 *   is one something unseen still refers to after step 9).
 *   At exit (gc_atexit) one full collection runs, unless AUTORC_GC_AT_EXIT=0,
 *   exit() was called from inside a collection or object.c's destruction
 *   loop, or nothing can have become garbage since the last full one.
 *   Checked builds (RC_CHECKED) validate every list at the start and end of
 *   each collection (validate_generations, CPython's validate_list).
 *
 * Re-entrancy
 *   `collecting` is set from the "start" callbacks to the "stop" callbacks:
 *   automatic collections are suppressed and rc_gc_collect() returns 0 while
 *   it is set (CPython's behaviour). User code (weakref callbacks,
 *   finalizers, releases of outside objects) may create objects (they go to
 *   generation 0) and destroy objects in any list (rc__gc_untrack unlinks
 *   from whatever list holds the object, masking the flag bits), so every
 *   loop that runs user code takes the first object of its list and moves it
 *   elsewhere before calling out. If a collection runs inside object.c's
 *   destruction loop (a finalizer called rc_gc_collect), releases only
 *   queue objects: garbage then stays in old with count 0 until the loop
 *   frees it, which step 2's rule makes safe.
 *
 * Scheduling (CPython's, with two changes): rc__gens[0].count = tracked
 * allocations minus deallocations since the last collection; rc__gens[i].count
 * (i > 0) = number of collections of generation i-1 since the last
 * collection of i. After a tracked allocation, if enabled and threshold0 !=
 * 0 and count0 > threshold0, the oldest generation whose count exceeds its
 * threshold is collected — except that generation 2 is collected only when
 * long_lived_pending, the objects that survived a generation-1 collection
 * since the last full one, is at least the rest of generations 1 and 2
 * (n_old - pending) divided by LONG_LIVED_DIVISOR.
 *   Change 1, skipping: a collection of g can only find garbage if a
 * tracked object's count dropped to a value above zero since the last
 * collection of g or an older one (dirty[g]; only such a release makes
 * cyclic garbage). If it did not, the automatic collection is replaced by
 * its certain outcome: generations 0..g join g+1 (generation 0's objects,
 * fresh in the cache, get F_OLD in one walk; the rest is a list splice),
 * counts restart as after a collection, get_stats does not count it.
 *   Change 2, the long-lived rule: CPython compares pending with the size
 * of generation 2 after the last full collection; here objects promoted by a
 * skipped collection count with the settled part, not as pending: no
 * release since the previous collection of their generation could have
 * made any of them garbage, so they add no garbage of their own for a full
 * collection to find (pending exists to pay for finding such garbage in
 * proportion to the heap). The rule only schedules: garbage that reaches
 * generation 2 is still found by the next full collection. A heap built without releases-to-non-zero (a tree, a
 * table filled by moves) thus never calls for a full collection by itself;
 * survivors of real generation-1 collections (made while garbage was being
 * made) do, as in CPython. LONG_LIVED_DIVISOR is 1 (pending must match the
 * settled heap: it has doubled since the last full collection; CPython asks
 * for a quarter, its issue #4074). Both keep full collections amortised
 * linear on a growing heap, but a full collection of a big heap is dominated
 * by cache misses, so autorc trades more memory held by old cyclic garbage
 * (at most the long-lived heap again, Go's GOGC=100 trade) for fewer full
 * collections (bench/perceus/deriv 9: 8 full collections with the quarter,
 * 4 with the doubling).
 * Thresholds default to 2000, 10, 10: threshold0 as CPython 3.13 (which
 * raised it from 700), threshold1 and threshold2 as every CPython.
 *
 * Threads: none (see autorc.h); all state here is per process.
 */
#include "internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NGEN 3
#define REFS_DYING ((uintptr_t)1 << 40) /* gc_refs of an object whose count is 0 */
/* During steps 2-4 the refs word holds gc_refs in its low REFS_BITS bits and,
 * above them, the number of the object's slots that point into the set
 * (saturated at SLOTS_MAX; SLOTS_MAX also when a slot points outside). */
#define REFS_BITS 41
#define REFS_MASK (((uintptr_t)1 << REFS_BITS) - 1)
#define SLOTS_MAX (((uintptr_t)1 << (64 - REFS_BITS)) - 1)
#define REFS(g) ((g)->u.refs & REFS_MASK)

/* Header flag bits owned by the collector (RC_F_GC_MASK). */
enum {
    F_COLLECTING = 1u << RC_F_GC_SHIFT,        /* in the set being collected */
    F_UNREACHABLE = 1u << (RC_F_GC_SHIFT + 1), /* in `unreachable` (move_unreachable only) */
    /* Left generation 0 (survived a collection, or was promoted by a skipped
     * one): the object is in generation 1 or 2, or frozen. Never cleared. */
    F_OLD = 1u << (RC_F_GC_SHIFT + 2),
    F_PERM = 1u << (RC_F_GC_SHIFT + 3), /* in the permanent generation (gc_freeze) */
};
/* A full collection needs long_lived_pending >= long_lived_total / this
 * (see Scheduling above). */
#ifndef LONG_LIVED_DIVISOR
#define LONG_LIVED_DIVISOR 1
#endif

/* The link words (autorc.h's rc__gclink: real pointer fields, not integers:
 * links to sentinels that live on the stack keep their provenance; clang 19
 * at -O2 miscompiled integer round trips through a stack sentinel). `refs`
 * is used from update_refs to move_unreachable, `prev` otherwise. */
typedef rc__gclink glink;
/* Generations (exported: autorc.h's inline allocation of a tracked object
 * appends to generation 0 and counts it). */
typedef rc__gen gen;
_Static_assert(NGEN == sizeof rc__gens / sizeof rc__gens[0], "NGEN generations");
rc__gen rc__gens[NGEN] = {
    {{&rc__gens[0].head, {&rc__gens[0].head}}, 2000, 0},
    {{&rc__gens[1].head, {&rc__gens[1].head}}, 10, 0},
    {{&rc__gens[2].head, {&rc__gens[2].head}}, 10, 0},
};
static glink permanent = {&permanent, {&permanent}};

static bool enabled = true;
static bool collecting;
/* autorc.h's inline allocation compares generation 0's count with this
 * alone: threshold0 while automatic collections may run, else LONG_MAX. */
long rc__gc_trigger = 2000;
static void update_trigger(void) {
    rc__gc_trigger = enabled && rc__gens[0].threshold && !collecting ? rc__gens[0].threshold : LONG_MAX;
}
static int debug;
static rc_gc_genstats stats[NGEN];
/* n_old: tracked objects with F_OLD and not F_PERM (generations 1 and 2),
 * exact. long_lived_pending: survivors of generation-1 collections since
 * the last full collection (not decremented when they die). */
static size_t n_old, long_lived_pending;
static rc_list *garbage;

typedef struct callback {
    rc_gc_callback fn;
    void *ctx;
} callback;
static callback *callbacks;
static size_t ncallbacks, cap_callbacks;

/* ---- list primitives --------------------------------------------------- */

static inline glink *glink_of(rc__head *h) { return (glink *)RC_LINK_OF(h); }
static inline rc__head *head_of(glink *g) { return RC_HEAD_OF_LINK((rc__gclink *)g); }
static inline void *obj_of_link(glink *g) { return RC_OBJ_OF(head_of(g)); }

static inline void list_init(glink *l) { l->next = l->u.prev = l; }
static inline bool list_is_empty(const glink *l) { return l->next == l; }

static inline void list_append(glink *g, glink *l) {
    glink *last = l->u.prev;
    g->u.prev = last;
    g->next = l;
    last->next = g;
    l->u.prev = g;
}

static inline void list_unlink(glink *g) {
    glink *p = g->u.prev, *n = g->next;
    p->next = n;
    n->u.prev = p;
}

static inline void list_move(glink *g, glink *to) {
    list_unlink(g);
    list_append(g, to);
}

/* Append all of `from` to `to`; `from` becomes empty. */
static void list_merge(glink *from, glink *to) {
    if (list_is_empty(from)) return;
    glink *to_tail = to->u.prev, *first = from->next, *last = from->u.prev;
    to_tail->next = first;
    first->u.prev = to_tail;
    last->next = to;
    to->u.prev = last;
    list_init(from);
}

static size_t list_size(const glink *l) {
    size_t n = 0;
    for (glink *g = l->next; g != l; g = g->next) n++;
    return n;
}

/* rc__traverse, inlined: the hot loops of a collection call their visitor
 * directly (no call per object, no indirect call per slot) for the fixed
 * fields, whose offsets come from the type table (one load closer than the
 * descriptor); only runtime containers (rc_list) go through their hook, and
 * only a type that is not plain (RC_F_COMPLEX) can have one. */
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

static inline bool is_collecting(const void *obj) {
    return (RC_HEAD_OF(obj)->flags & (RC_F_GC | F_COLLECTING)) == (RC_F_GC | F_COLLECTING);
}

/* ---- hooks for object.c ------------------------------------------------ */

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

void rc__gc_track(rc__head *h) {
    list_append(glink_of(h), &rc__gens[0].head);
    rc__gens[0].count++;
}

/* The collector's bookkeeping for a tracked object that dies, one function
 * for every death: the count of generations 1 and 2 (n_old) and the
 * allocations-minus-deallocations count of generation 0 follow it out.
 * rc__gc_untrack calls it after unlinking the object; delete_garbage calls
 * it (through bury_garbage) for objects of a list it discards whole. */
static inline void forget_tracked(const rc__head *h) {
    if ((h->flags & (F_OLD | F_PERM)) == F_OLD) n_old--;
    if (rc__gens[0].count > 0) rc__gens[0].count--;
}

void rc__gc_untrack(rc__head *h) {
    glink *g = glink_of(h);
    if (g->next == NULL) return;
    list_unlink(g);
    g->next = g->u.prev = NULL;
    forget_tracked(h);
    h->flags &= ~(uint32_t)(F_COLLECTING | F_UNREACHABLE);
}

static long collect_with_callbacks(int generation);

/* dirty[g]: a tracked object's count dropped to a value above zero since
 * the last collection of generation g or an older one. Cyclic garbage is
 * only ever made by such a release (the last reference from outside a cycle
 * goes away while the cycle's own references keep its counts up), so a
 * collection of g with dirty[g] clear cannot find anything (the insight of
 * Bacon and Rajan's trial deletion and of Nim's ORC, applied to CPython's
 * generations). Releases set rc__gc_dirty (the OR of the released objects'
 * flags); fold_dirty moves it here. */
static bool dirty[NGEN];

static inline void fold_dirty(void) {
    if (rc__gc_dirty & RC_F_GC)
        for (int i = 0; i < NGEN; i++) dirty[i] = true;
    rc__gc_dirty = 0;
}

/* Generation 0 joins generation 1 without a collection (every object in it
 * is known to be alive). The objects were allocated since the last
 * collection: they are still in the cache, and the walk only sets F_OLD. */
static void promote_young(void) {
    glink *young = &rc__gens[0].head;
    size_t n = 0;
    for (glink *g = young->next; g != young; g = g->next) {
        head_of(g)->flags |= F_OLD;
        n++;
    }
    n_old += n;
    list_merge(young, &rc__gens[1].head);
}

/* May a full collection run? Only when the survivors of generation-1
 * collections since the last full one are at least the rest of the old
 * generations divided by LONG_LIVED_DIVISOR (see Scheduling). */
static inline bool full_collection_due(void) {
    size_t pending = long_lived_pending < n_old ? long_lived_pending : n_old;
    return pending >= (n_old - pending) / LONG_LIVED_DIVISOR;
}

static RC_NOINLINE void collect_generations(void) {
    fold_dirty();
    for (int i = NGEN - 1; i >= 0; i--) {
        if (rc__gens[i].count > rc__gens[i].threshold) {
            if (i == NGEN - 1 && !full_collection_due()) continue;
            if (!dirty[i]) {
                /* A collection of i would find nothing: do what it would
                 * have done (every object survives and moves one generation
                 * up, counts restart) without looking at the objects. The
                 * promoted objects are alive, so they do not count as
                 * pending: a heap built while nothing became garbage never
                 * calls for a full collection by itself. */
                if (i + 1 < NGEN) rc__gens[i + 1].count++;
                for (int j = 0; j <= i; j++) rc__gens[j].count = 0;
                promote_young();
                if (i >= 1) list_merge(&rc__gens[1].head, &rc__gens[2].head);
                if (i == 2) long_lived_pending = 0;
                return;
            }
            collect_with_callbacks(i);
            return;
        }
    }
}

void rc__gc_maybe_collect(void) {
    if (RC_UNLIKELY(rc__gens[0].count > rc__gens[0].threshold) && rc__gens[0].threshold && enabled &&
        !collecting)
        collect_generations();
}

/* ---- finding the unreachable ------------------------------------------- */

static void update_refs(glink *young) {
    for (glink *g = young->next; g != young; g = g->next) {
        rc__head *h = head_of(g);
        h->flags = (h->flags & ~(uint32_t)F_UNREACHABLE) | F_COLLECTING;
        g->u.refs = h->refcnt ? h->refcnt : REFS_DYING;
    }
}

static RC_NOINLINE RC_NORETURN void refs_underflow(void *obj) {
    rc__fatal("gc: object %p of type '%s' is referenced from more tracked slots than its count "
              "%u says (a store without rc_incref, or a release too many?)",
              obj, rc_typename(obj), RC_HEAD_OF(obj)->refcnt);
}

/* What the subtracting visitors are given: the young set's mask (see
 * visit_decref_gen), and they count the object's slots into the set. */
typedef struct subtract_ctx {
    uint32_t mask;
    bool out;       /* a slot points outside the set */
    uintptr_t into; /* slots pointing into the set */
} subtract_ctx;

/* Record in g's refs word how many of its slots point into the set. */
static inline void note_slots(glink *g, const subtract_ctx *sc) {
    uintptr_t n = sc->out || sc->into > SLOTS_MAX ? SLOTS_MAX : sc->into;
    g->u.refs |= n << REFS_BITS;
}

static void visit_decref(void **slot, void *ctx) {
    void *c = *slot;
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    subtract_ctx *sc = ctx;
    if ((ch->flags & (RC_F_GC | F_COLLECTING)) != (RC_F_GC | F_COLLECTING)) {
        sc->out = true;
        return;
    }
    glink *g = glink_of(ch);
    if (RC_UNLIKELY(REFS(g) == 0)) refs_underflow(c);
    g->u.refs--;
    sc->into++;
}

static void subtract_refs(glink *young) {
    for (glink *g = young->next; g != young; g = g->next) {
        rc__head *h = head_of(g);
        subtract_ctx sc = {0, false, 0};
        traverse_head(h, visit_decref, &sc);
        note_slots(g, &sc);
    }
}

/* The unreachable set as move_unreachable leaves it: the sum of its
 * objects' counts and of their slots into the collected set. When the two
 * are equal, no slot of the garbage points outside it (every reference to
 * a garbage object comes from a garbage slot, and each such slot is one of
 * those counted), so freeing it releases nothing else. */
static uintptr_t unreachable_refcnt, unreachable_slots;
static bool unreachable_moved_back;

static void visit_reachable(void **slot, void *ctx) {
    void *c = *slot;
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    uint32_t f = ch->flags;
    if ((f & (RC_F_GC | F_COLLECTING)) != (RC_F_GC | F_COLLECTING)) return; /* other generation */
    glink *g = glink_of(ch);
    if (f & F_UNREACHABLE) {
        /* Moved to unreachable earlier: bring it back to young's tail, where
         * move_unreachable will reach it and scan its slots. */
        unreachable_moved_back = true; /* its slot count is gone: no shortcut */
        list_unlink(g);
        list_append(g, ctx);
        ch->flags = f & ~(uint32_t)F_UNREACHABLE;
        g->u.refs = 1;
    } else if (REFS(g) == 0) {
        g->u.refs = 1; /* reached before move_unreachable got to it */
    }
}

/* What the unreachable objects need (a superset: an object may still be
 * found reachable after it was looked at). */
typedef struct needs {
    bool weakrefd, finalizers;
    bool all_plain; /* no unreachable object needs more than its memory freed */
} needs;

/* young is singly linked (next) while this runs: the u word of an object
 * not yet scanned holds its gc_refs. `unreachable` is a normal list. Its
 * objects keep F_COLLECTING and F_UNREACHABLE (both are cleared when an
 * object leaves the set). */
static size_t move_unreachable(glink *young, glink *unreachable, needs *nd) {
    glink *prev = young;
    glink *g = young->next;
    size_t survivors = 0, promoted = 0;
    uintptr_t slots = 0, refcnt = 0; /* unreachable_slots/_refcnt, in registers */
    while (g != young) {
        rc__head *h = head_of(g);
        if (REFS(g)) {
            /* Reachable: everything it refers to is reachable too. It will
             * be in an older generation than 0. */
            traverse_head(h, visit_reachable, young);
            g->u.prev = prev;
            uint32_t f = h->flags;
            promoted += !(f & F_OLD);
            h->flags = (f & ~(uint32_t)F_COLLECTING) | F_OLD;
            survivors++;
            prev = g;
        } else {
            /* Tentatively unreachable. */
            slots += g->u.refs >> REFS_BITS;
            prev->next = g->next;
            list_append(g, unreachable);
            uint32_t f = h->flags |= F_UNREACHABLE;
            /* A plain type (no RC_F_COMPLEX: no finalizer, weak fields or
             * hooks) needs no look at its descriptor. */
            if (RC_UNLIKELY(f & (RC_F_WEAKREFD | RC_F_TRACED | RC_F_COMPLEX))) {
                if (f & RC_F_WEAKREFD) nd->weakrefd = true;
                const rc_type *t = rc__type_of(h);
                if (t->finalize && !(f & RC_F_FINALIZED)) nd->finalizers = true;
                if ((f & RC_F_TRACED) || t->nweak || t->destroy || t->traverse) nd->all_plain = false;
            }
            refcnt += h->refcnt;
        }
        g = prev->next;
    }
    unreachable_slots += slots;
    unreachable_refcnt += refcnt;
    young->u.prev = prev;
    n_old += promoted;
    return survivors;
}

static inline void init_refs(glink *g, rc__head *h) {
    h->flags = (h->flags & ~(uint32_t)F_UNREACHABLE) | F_COLLECTING;
    g->u.refs = h->refcnt ? h->refcnt : REFS_DYING;
}

/* When the young set is every tracked object without some flag bits (the
 * mask: F_OLD | F_PERM for generation 0, F_PERM for a full collection),
 * update_refs and subtract_refs can be one pass: an object's gc_refs is set
 * when it is first met, as a list element or as a target, and F_COLLECTING
 * says it has been. (Generation 1 has no bit of its own: a collection of 1
 * takes the two passes.) */
static RC_ALWAYS_INLINE void decref_gen(void *c, subtract_ctx *sc) {
    if (!c) return;
    rc__head *ch = RC_HEAD_OF(c);
    uint32_t f = ch->flags;
    if (!(f & RC_F_GC)) {
        sc->out = true;
        return;
    }
    glink *g = glink_of(ch);
    if (!(f & F_COLLECTING)) {
        if ((f & sc->mask) || g->next == NULL) { /* older, or untracked */
            sc->out = true;
            return;
        }
        init_refs(g, ch);
    }
    if (RC_UNLIKELY(REFS(g) == 0)) refs_underflow(c);
    g->u.refs--;
    sc->into++;
}

static void visit_decref_gen(void **slot, void *ctx) { decref_gen(*slot, ctx); }

/* The fixed fields with the context in a local (registers: it is handed to
 * a traverse hook, which makes it memory, only for the rare types with
 * one). */
static void update_and_subtract(glink *young, uint32_t mask) {
    for (glink *g = young->next; g != young; g = g->next) {
        rc__head *h = head_of(g);
        if (!(h->flags & F_COLLECTING)) init_refs(g, h);
        const rc__typeinfo *ti = rc__info_of(h);
        char *obj = RC_OBJ_OF(h);
        subtract_ctx sc = {mask, false, 0};
        const uint32_t *off = ti->strong;
        uint32_t n = ti->nstrong;
        switch (n) { /* unrolled for the usual few fields (a list or tree node) */
        case 4: decref_gen(*(void **)(obj + off[3]), &sc); /* fall through */
        case 3: decref_gen(*(void **)(obj + off[2]), &sc); /* fall through */
        case 2: decref_gen(*(void **)(obj + off[1]), &sc); /* fall through */
        case 1: decref_gen(*(void **)(obj + off[0]), &sc); /* fall through */
        case 0: break;
        default:
            for (uint32_t i = 0; i < n; i++) decref_gen(*(void **)(obj + off[i]), &sc);
        }
        if (RC_UNLIKELY(h->flags & RC_F_COMPLEX) && ti->type->traverse) {
            subtract_ctx hook = sc;
            ti->type->traverse(obj, visit_decref_gen, &hook);
            sc = hook;
        }
        note_slots(g, &sc);
    }
}

/* generation 0 or 2: young is that generation (with the younger ones merged
 * in); 1 too, or -1: young is an arbitrary set (the resurrection check).
 * Survivors stay in young, marked F_OLD; returns how many there are. */
static size_t deduce_unreachable(glink *young, glink *unreachable, needs *nd, int generation) {
    unreachable_refcnt = unreachable_slots = 0;
    unreachable_moved_back = false;
    if (generation == 0) {
        update_and_subtract(young, F_OLD | F_PERM);
    } else if (generation == NGEN - 1) {
        update_and_subtract(young, F_PERM);
    } else {
        update_refs(young);
        subtract_refs(young);
    }
    return move_unreachable(young, unreachable, nd);
}

/* ---- weak references to garbage ---------------------------------------- */

typedef struct ptrvec {
    void **p;
    size_t n, cap;
} ptrvec;

static void ptrvec_push(ptrvec *v, void *x) {
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->p = rc__xrealloc(v->p, v->cap * sizeof *v->p);
    }
    v->p[v->n++] = x;
}

/* Untracked objects (weakref objects among them) referred to by garbage:
 * how many references the garbage holds, to tell whether such an object
 * dies with the garbage (n == its count). Transitive: an untracked object
 * that dies with the garbage counts its own strong slots in turn (an
 * RC_ACYCLIC struct holding a weakref), through a worklist, not the C
 * stack. Built on first use in a collection. */
typedef struct refcount_map {
    bool built;
    size_t cap, used;
    struct rc_entry {
        const void *obj;
        size_t n;
    } * e;
    glink *garbage;
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
    for (glink *g = m->garbage->next; g != m->garbage; g = g->next)
        rc__traverse(obj_of_link(g), visit_count_untracked, m);
    while (m->work.n) rc__traverse(m->work.p[--m->work.n], visit_count_untracked, m);
    free(m->work.p);
    m->work = (ptrvec){0};
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
    if (RC_HEAD_OF(ref)->flags & RC_F_GC) return is_collecting(ref);
    return map_dies(ctx, ref);
}

static bool skip_every_callback(rc_weakref *ref, void *ctx) { return true; }

/* After the resurrection check no user code may see the final garbage
 * (CPython 3.13's rule, gh-91636; bpo-38006 for weakrefs that are garbage
 * themselves), yet breaking it releases objects outside it, whose
 * finalizers and weakref callbacks run. So, without running callbacks:
 * weak references to the garbage made by user code since step 6 are
 * cleared (`user_code`: a finalizer or callback ran), and weakref objects
 * that die with the garbage are cleared, so that their callbacks do not run
 * when their target dies during the freeing. */
static void clear_final_weakrefs(glink *garbage, bool user_code) {
    if (user_code)
        for (glink *g = garbage->next; g != garbage; g = g->next) {
            rc__head *h = head_of(g);
            if (h->flags & RC_F_WEAKREFD) rc__weak_clear(RC_OBJ_OF(h), skip_every_callback, NULL);
        }
    if (!rc__weak_any()) return;
    refcount_map map = {.garbage = garbage};
    map_build(&map);
    for (size_t i = 0; i < map.cap; i++) {
        const void *o = map.e[i].obj;
        if (o && map.e[i].n >= RC_HEAD_OF(o)->refcnt && rc__is_weakref(o))
            rc__weakref_clear((rc_weakref *)o);
    }
    free(map.e);
}

/* ---- finalizers --------------------------------------------------------- */

static void finalize_garbage(glink *unreachable) {
    glink seen;
    list_init(&seen);
    while (!list_is_empty(unreachable)) {
        glink *g = unreachable->next;
        list_move(g, &seen);
        rc__head *h = head_of(g);
        if (rc__type_of(h)->finalize && !(h->flags & RC_F_FINALIZED) && h->refcnt) {
            void *obj = RC_OBJ_OF(h);
            h->flags |= RC_F_FINALIZED;
            rc_incref(obj);
            rc__type_of(h)->finalize(obj);
            rc_decref(obj); /* may destroy it (and unlink it from seen) */
        }
    }
    list_merge(&seen, unreachable);
}

/* ---- freeing the garbage ------------------------------------------------ */

static void visit_clear(void **slot, void *ctx) {
    void *c = *slot;
    if (!c) return;
    *slot = NULL;
    rc__head *ch = RC_HEAD_OF(c);
    if ((ch->flags & (RC_F_GC | F_COLLECTING)) == (RC_F_GC | F_COLLECTING))
        ch->refcnt--; /* garbage: freed below, whatever its count */
    else
        ptrvec_push(ctx, c); /* outside: released once the garbage is gone */
}

/* An object of the collected set that lives on joins old. */
static void leave_set(glink *g, glink *old) {
    list_append(g, old);
    rc__head *h = head_of(g);
    uint32_t f = h->flags;
    if (!(f & F_OLD)) n_old++;
    h->flags = (f & ~(uint32_t)(F_COLLECTING | F_UNREACHABLE)) | F_OLD;
}

/* Reused between collections (a collection never runs inside another). */
static ptrvec outside, plain;

/* The death path's end for a garbage object whose list is thrown away whole
 * (no unlink: its neighbours die too): rc__bury's work minus the unlink. A
 * garbage object freed here is never traced (those go through rc__dealloc). */
static inline void bury_garbage(rc__head *h) {
    RC_ASSERT(!(h->flags & RC_F_TRACED));
    forget_tracked(h);
    rc__free_memory(h);
}

static void ptrvec_reset(ptrvec *v) {
    v->n = 0;
    if (v->cap > 65536) { /* do not keep a huge buffer after a big collection */
        free(v->p);
        v->p = NULL;
        v->cap = 0;
    }
}

/* Free the final garbage; returns how many objects it held. */
static long delete_garbage(glink *collectable, glink *old, bool self_contained) {
    long m = 0;
    if (self_contained && !(debug & RC_GC_DEBUG_SAVEALL)) {
        /* No slot of the garbage points outside it and no object needs more
         * than its memory back: nothing to break, nothing to release. */
        for (glink *g = collectable->next, *next; g != collectable; g = next) {
            next = g->next;
            bury_garbage(head_of(g));
            m++;
        }
        list_init(collectable);
        return m;
    }
    if (debug & RC_GC_DEBUG_SAVEALL) {
        if (!garbage) garbage = rc_list_new();
        while (!list_is_empty(collectable)) {
            glink *g = collectable->next;
            list_unlink(g);
            leave_set(g, old);
            rc_list_append(garbage, obj_of_link(g));
            m++;
        }
        return m;
    }
    /* Break every reference held by garbage. No user code runs here. A
     * plain object (no weak references to it, no RC_WEAK fields, not
     * traced, no destroy hook) has nothing left of object.c's destruction
     * but its memory: it leaves the list now and is freed below. */
    for (glink *g = collectable->next, *next; g != collectable; g = next) {
        next = g->next;
        rc__head *h = head_of(g);
        const rc_type *t = rc__type_of(h);
        traverse_head(h, visit_clear, &outside);
        if (RC_LIKELY(!(h->flags & (RC_F_WEAKREFD | RC_F_TRACED)) && t->nweak == 0 &&
                      t->destroy == NULL)) {
            list_unlink(g);
            ptrvec_push(&plain, h);
        }
    }
    for (size_t i = 0; i < plain.n; i++) {
        rc__head *h = plain.p[i];
        if (RC_LIKELY(h->refcnt == 0)) {
            bury_garbage(h);
            m++;
        } else {
            leave_set(glink_of(h), old); /* see below */
        }
    }
    ptrvec_reset(&plain);
    /* The others go through rc__dealloc (their finalizer has run already),
     * which inside object.c's destruction loop only queues the object: it
     * then stays, count 0, in old until the loop frees it. */
    while (!list_is_empty(collectable)) {
        glink *g = collectable->next;
        rc__head *h = head_of(g);
        if (RC_LIKELY(h->refcnt == 0)) {
            m++; /* freed now, or queued for destruction by object.c's loop */
            rc__dealloc(RC_OBJ_OF(h));
            if (collectable->next != g) continue; /* freed, unlinked by untrack */
        }
        /* Still referenced (from outside, by code the collector cannot see)
         * or queued for destruction: it lives on, cleared, in old. */
        list_unlink(g);
        leave_set(g, old);
    }
    /* Release what garbage referred to outside itself (may run finalizers
     * of those objects; the garbage is gone by now). */
    for (size_t i = 0; i < outside.n; i++) rc_decref(outside.p[i]);
    ptrvec_reset(&outside);
    return m;
}

/* ---- checked builds: the lists' invariants (CPython's validate_list) ------ */

#ifdef RC_CHECKED
/* Every object of list l is tracked, linked both ways, and has exactly the
 * flag bits `want` among `mask`. Returns the list's length. */
static size_t validate_list(const glink *l, uint32_t mask, uint32_t want, const char *name) {
    size_t n = 0;
    const glink *prev = l;
    for (const glink *g = l->next; g != l; prev = g, g = g->next, n++) {
        const rc__head *h = head_of((glink *)g);
        if (g->u.prev != prev || !(h->flags & RC_F_GC) || (h->flags & mask) != want)
            rc__fatal("internal error: gc list %s: object %p (%s, flags 0x%x, count %u) "
                      "breaks its invariant (mask 0x%x, want 0x%x, linked back %s)",
                      name, obj_of_link((glink *)g), rc__type_of(h)->name, (unsigned)h->flags,
                      (unsigned)h->refcnt, (unsigned)mask, (unsigned)want,
                      g->u.prev == prev ? "yes" : "no");
    }
    if (l->u.prev != prev) rc__fatal("internal error: gc list %s: the sentinel's prev is wrong", name);
    return n;
}

/* Between collections: generation 0 has no collector bit, generations 1 and
 * 2 only OLD, the permanent generation OLD and PERM; n_old is exact. */
static void validate_generations(void) {
    const uint32_t mask = F_COLLECTING | F_UNREACHABLE | F_OLD | F_PERM;
    validate_list(&rc__gens[0].head, mask, 0, "generation 0");
    size_t old = validate_list(&rc__gens[1].head, mask, F_OLD, "generation 1") +
                 validate_list(&rc__gens[2].head, mask, F_OLD, "generation 2");
    validate_list(&permanent, mask, F_OLD | F_PERM, "permanent");
    if (old != n_old) rc__fatal("internal error: gc: n_old is %zu, generations 1 and 2 hold %zu", n_old, old);
}
#define VALIDATE_GENERATIONS() validate_generations()
#define VALIDATE_LIST(l, mask, want, name) ((void)validate_list((l), (mask), (want), (name)))
#else
#define VALIDATE_GENERATIONS() ((void)0)
#define VALIDATE_LIST(l, mask, want, name) ((void)0)
#endif

/* ---- one collection ----------------------------------------------------- */

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void debug_object(const char *what, void *obj) {
    fprintf(stderr, "gc: %s <%s %p>\n", what, rc_typename(obj), obj);
}

static long collect(int generation, size_t *n_uncollectable) {
    double t0 = 0;
    if (debug & RC_GC_DEBUG_STATS) {
        fprintf(stderr, "gc: collecting generation %d...\n", generation);
        fprintf(stderr, "gc: objects in each generation: %zu %zu %zu\n", list_size(&rc__gens[0].head),
                list_size(&rc__gens[1].head), list_size(&rc__gens[2].head));
        fprintf(stderr, "gc: objects in permanent generation: %zu\n", list_size(&permanent));
        t0 = now_seconds();
    }

    VALIDATE_GENERATIONS();
    fold_dirty();
    for (int i = 0; i <= generation; i++) dirty[i] = false;
    if (generation + 1 < NGEN) rc__gens[generation + 1].count++;
    for (int i = 0; i <= generation; i++) rc__gens[i].count = 0;
    for (int i = 0; i < generation; i++) list_merge(&rc__gens[i].head, &rc__gens[generation].head);
    glink *young = &rc__gens[generation].head;
    glink *old = generation + 1 < NGEN ? &rc__gens[generation + 1].head : young;

    glink unreachable;
    list_init(&unreachable);
    needs nd = {false, false, true};
    size_t survivors = deduce_unreachable(young, &unreachable, &nd, generation);
    /* The garbage refers to nothing outside itself and is only memory. */
    bool self_contained = nd.all_plain && !unreachable_moved_back &&
                          unreachable_slots == unreachable_refcnt;

    if (young != old) {
        if (generation == NGEN - 2) long_lived_pending += survivors;
        list_merge(young, old);
    } else {
        long_lived_pending = 0;
    }

    bool weakrefd = nd.weakrefd, finalizers = nd.finalizers;
    if (debug & RC_GC_DEBUG_COLLECTABLE)
        for (glink *g = unreachable.next; g != &unreachable; g = g->next)
            debug_object("collectable", obj_of_link(g));

    if (weakrefd) {
        refcount_map map = {.garbage = &unreachable};
        for (glink *g = unreachable.next; g != &unreachable; g = g->next) {
            rc__head *h = head_of(g);
            if (h->flags & RC_F_WEAKREFD) rc__weak_clear(RC_OBJ_OF(h), weakref_is_garbage, &map);
        }
        free(map.e);
        rc__weak_run_callbacks();
    }
    if (finalizers) finalize_garbage(&unreachable);

    VALIDATE_LIST(&unreachable, F_COLLECTING | F_UNREACHABLE, F_COLLECTING | F_UNREACHABLE,
                  "unreachable");
    glink final_unreachable;
    if (weakrefd || finalizers) {
        /* User code ran: anything it made reachable again is resurrected. */
        list_init(&final_unreachable);
        deduce_unreachable(&unreachable, &final_unreachable, &nd, -1);
        list_merge(&unreachable, old);
    } else {
        /* Nothing ran that could have changed the graph. */
        list_init(&final_unreachable);
        list_merge(&unreachable, &final_unreachable);
    }

    bool shortcut = self_contained && !nd.weakrefd && !nd.finalizers;
    if (!shortcut && !(debug & RC_GC_DEBUG_SAVEALL))
        clear_final_weakrefs(&final_unreachable, weakrefd || finalizers);
    VALIDATE_LIST(&final_unreachable, F_COLLECTING | F_UNREACHABLE, F_COLLECTING | F_UNREACHABLE,
                  "final unreachable");
    long m = delete_garbage(&final_unreachable, old, shortcut);
    VALIDATE_GENERATIONS();
    size_t n = 0; /* every finalizer follows PEP 442: nothing is uncollectable */

    if (debug & RC_GC_DEBUG_STATS)
        fprintf(stderr, "gc: done, %ld unreachable, %zu uncollectable, %.4fs elapsed\n", m, n,
                now_seconds() - t0);
    stats[generation].collections++;
    stats[generation].collected += (size_t)m;
    stats[generation].uncollectable += n;
    *n_uncollectable = n;
    return m + (long)n;
}

static void invoke_callbacks(const char *phase, int generation, size_t collected,
                             size_t uncollectable) {
    if (!ncallbacks) return;
    /* A callback may add or remove callbacks: call a copy of the list. */
    size_t n = ncallbacks;
    callback *copy = rc__xmalloc(n * sizeof *copy);
    memcpy(copy, callbacks, n * sizeof *copy);
    rc_gc_info info = {generation, collected, uncollectable};
    for (size_t i = 0; i < n; i++) copy[i].fn(phase, &info, copy[i].ctx);
    free(copy);
}

static long collect_with_callbacks(int generation) {
    collecting = true;
    update_trigger();
    invoke_callbacks("start", generation, 0, 0);
    size_t uncollectable = 0;
    long found = collect(generation, &uncollectable);
    invoke_callbacks("stop", generation, (size_t)found - uncollectable, uncollectable);
    collecting = false;
    update_trigger();
    return found;
}

/* ---- the gc API ---------------------------------------------------------- */

long rc_gc_collect(int generation) {
    rc__init_once();
    if (generation == -1) generation = NGEN - 1;
    if (generation < 0 || generation >= NGEN)
        rc__fatal("rc_gc_collect(%d): invalid generation (expected -1, 0, 1 or 2)", generation);
    if (collecting) return 0;
    return collect_with_callbacks(generation);
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

void rc_gc_get_stats(rc_gc_genstats out[3]) {
    for (int i = 0; i < NGEN; i++) out[i] = stats[i];
}

void rc_gc_get_count(long out[3]) {
    for (int i = 0; i < NGEN; i++) out[i] = rc__gens[i].count;
}

void rc_gc_set_threshold(long threshold0, long threshold1, long threshold2) {
    if (threshold0 < 0 || threshold1 < 0 || threshold2 < 0)
        rc__fatal("rc_gc_set_threshold(%ld, %ld, %ld): thresholds must not be negative",
                  threshold0, threshold1, threshold2);
    rc__gens[0].threshold = threshold0;
    rc__gens[1].threshold = threshold1;
    rc__gens[2].threshold = threshold2;
    update_trigger();
}

void rc_gc_get_threshold(long out[3]) {
    for (int i = 0; i < NGEN; i++) out[i] = rc__gens[i].threshold;
}

int rc_gc_is_tracked(const void *obj) {
    return obj && (RC_HEAD_OF(obj)->flags & RC_F_GC) && glink_of(RC_HEAD_OF(obj))->next != NULL;
}

int rc_gc_is_finalized(const void *obj) {
    return obj && (RC_HEAD_OF(obj)->flags & RC_F_FINALIZED) != 0;
}

static void check_generation(const char *fn, int generation) {
    if (generation < -1 || generation >= NGEN)
        rc__fatal("%s(%d): invalid generation (expected -1, 0, 1 or 2)", fn, generation);
}

rc_list *rc_gc_get_objects(int generation) {
    check_generation("rc_gc_get_objects", generation);
    rc_list *result = rc_list_new();
    int lo = generation < 0 ? 0 : generation, hi = generation < 0 ? NGEN - 1 : generation;
    for (int i = lo; i <= hi; i++)
        for (glink *g = (&rc__gens[i].head)->next; g != &rc__gens[i].head; g = g->next) {
            void *obj = obj_of_link(g);
            if (obj != result && RC_HEAD_OF(obj)->refcnt) rc_list_append(result, obj);
        }
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
    rc_list *result = rc_list_new();
    if (!obj) return result;
    for (int i = 0; i < NGEN; i++)
        for (glink *g = (&rc__gens[i].head)->next; g != &rc__gens[i].head; g = g->next) {
            void *o = obj_of_link(g);
            if (o == result || RC_HEAD_OF(o)->refcnt == 0) continue;
            referrer_ctx r = {obj, false};
            rc__traverse(o, visit_find, &r);
            if (r.found) rc_list_append(result, o);
        }
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

void rc_gc_freeze(void) {
    for (int i = 0; i < NGEN; i++)
        for (glink *g = rc__gens[i].head.next; g != &rc__gens[i].head; g = g->next)
            head_of(g)->flags |= F_OLD | F_PERM;
    for (int i = 0; i < NGEN; i++) list_merge(&rc__gens[i].head, &permanent);
    n_old = 0;
    long_lived_pending = 0;
    rc__gens[0].count = 0;
}

void rc_gc_unfreeze(void) {
    size_t n = 0;
    for (glink *g = permanent.next; g != &permanent; g = g->next, n++)
        head_of(g)->flags &= ~(uint32_t)F_PERM;
    n_old += n;
    list_merge(&permanent, &rc__gens[NGEN - 1].head);
}

size_t rc_gc_get_freeze_count(void) { return list_size(&permanent); }

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
     * A full collection that cannot find anything (no tracked object was
     * released to a count above zero since the last one) is skipped. */
    fold_dirty();
    if (collect_at_exit && !collecting && !rc__in_dealloc() && dirty[NGEN - 1])
        collect_with_callbacks(NGEN - 1);
    size_t n = garbage ? rc_list_len(garbage) : 0;
    if (!n || !(debug & RC_GC_DEBUG_UNCOLLECTABLE)) return;
    fprintf(stderr, "gc: %zu uncollectable objects at shutdown\n", n);
    for (size_t i = 0; i < n; i++) debug_object("uncollectable", rc_list_get(garbage, i));
}
