/*
 * weakref.c — zeroing weak references.
 *
 * Two kinds of weak reference share one mechanism (as Objective-C's
 * objc_storeWeak does it):
 *   - RC_WEAK slots: plain pointer variables or fields. The plugin turns
 *     stores into rc_weak_store(&slot, value); loads read the slot directly.
 *   - rc_weakref objects (Python's weakref.ref): a managed object whose one
 *     RC_WEAK field is the target, plus an optional callback.
 *
 * The weak table maps a target object to the slots that point to it. An
 * object with entries has RC_F_WEAKREFD set, so dying objects without weak
 * references pay one flag test. When a target dies (or the collector finds
 * it to be garbage), rc__weak_clear zeroes every slot and queues the
 * weakref objects that have callbacks; rc__weak_run_callbacks then calls
 * them, each holding a reference to its weakref for the duration.
 *
 * Invariants:
 *   - a slot is in the table under X iff *slot == X (and X != NULL);
 *   - a slot must be stored NULL before its memory is reused; the runtime
 *     does this for RC_WEAK fields of dying managed objects (their offsets
 *     are in the type descriptor), the plugin for RC_WEAK locals at scope
 *     exit.
 */
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

struct rc_weakref {
    void *target; /* weak: registered in the table */
    rc_weakref_callback callback;
    void *ctx;
};

static const uint32_t weakref_weak[] = {offsetof(struct rc_weakref, target)};
static uint32_t weakref_rt;
static const rc_type weakref_type = {
    .name = "rc_weakref",
    .size = sizeof(struct rc_weakref),
    .flags = RC_TYPE_BUILTIN | RC_TYPE_ACYCLIC,
    .nweak = 1,
    .weak = weakref_weak,
    .align = _Alignof(struct rc_weakref),
    .rt = &weakref_rt,
};

/* ---- the table: open addressing on the target's address --------------- */

typedef struct wslot {
    void **slot;
    rc_weakref *ref; /* the weakref object owning the slot, or NULL */
} wslot;

typedef struct wentry {
    void *obj; /* NULL = empty, TOMBSTONE = deleted */
    uint32_t n, cap;
    wslot *slots;
} wentry;

#define TOMBSTONE ((void *)1)
static wentry *table;
static size_t table_cap, table_used, table_filled; /* used: live; filled: live + tombstones */

static wentry *lookup(const void *obj) {
    if (!table_cap) return NULL;
    for (size_t i = rc__hash_ptr(obj) & (table_cap - 1);; i = (i + 1) & (table_cap - 1)) {
        if (table[i].obj == obj) return &table[i];
        if (table[i].obj == NULL) return NULL;
    }
}

static void grow(void) {
    size_t old_cap = table_cap;
    wentry *old = table;
    table_cap = old_cap ? (table_used * 4 > old_cap ? old_cap * 2 : old_cap) : 64;
    table = rc__xmalloc(table_cap * sizeof *table);
    memset(table, 0, table_cap * sizeof *table);
    table_filled = table_used;
    for (size_t j = 0; j < old_cap; j++) {
        if (old[j].obj == NULL || old[j].obj == TOMBSTONE) continue;
        size_t i = rc__hash_ptr(old[j].obj) & (table_cap - 1);
        while (table[i].obj) i = (i + 1) & (table_cap - 1);
        table[i] = old[j];
    }
    free(old);
}

static wentry *lookup_or_add(void *obj) {
    wentry *e = lookup(obj);
    if (e) return e;
    if ((table_filled + 1) * 2 > table_cap) grow();
    size_t i = rc__hash_ptr(obj) & (table_cap - 1);
    while (table[i].obj && table[i].obj != TOMBSTONE) i = (i + 1) & (table_cap - 1);
    if (table[i].obj == NULL) table_filled++;
    table_used++;
    e = &table[i];
    memset(e, 0, sizeof *e);
    e->obj = obj;
    RC_HEAD_OF(obj)->flags |= RC_F_WEAKREFD;
    return e;
}

static void remove_entry(wentry *e) {
    RC_HEAD_OF(e->obj)->flags &= ~(uint32_t)RC_F_WEAKREFD;
    free(e->slots);
    e->slots = NULL;
    e->n = e->cap = 0;
    e->obj = TOMBSTONE;
    table_used--;
}

static void weak_register(void **slot, void *obj, rc_weakref *ref) {
    wentry *e = lookup_or_add(obj);
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 2;
        e->slots = rc__xrealloc(e->slots, e->cap * sizeof *e->slots);
    }
    e->slots[e->n].slot = slot;
    e->slots[e->n].ref = ref;
    e->n++;
}

static void weak_unregister(void **slot, void *obj) {
    wentry *e = lookup(obj);
    if (!e) rc__fatal("weak slot %p points to %p, which has no weak references registered "
                      "(slot written without rc_weak_store?)", (void *)slot, obj);
    for (uint32_t i = 0; i < e->n; i++) {
        if (e->slots[i].slot == slot) {
            e->slots[i] = e->slots[--e->n];
            if (e->n == 0) remove_entry(e);
            return;
        }
    }
    rc__fatal("weak slot %p is not registered with %p (slot written without rc_weak_store?)",
              (void *)slot, obj);
}

/* ---- RC_WEAK slots ----------------------------------------------------- */

/* Dead to weak references: being destroyed, or count 0 while queued on
 * object.c's pending stack (its weak slots were cleared then). */
static inline bool is_dead(const void *obj) {
    const rc__head *h = RC_HEAD_OF(obj);
    return h->refcnt == 0 || (h->flags & RC_F_DYING);
}

static void weak_set(void **slot, void *obj, rc_weakref *ref) {
    void *old = *slot;
    if (old == obj) return;
    if (obj && is_dead(obj)) obj = NULL;
    if (old) weak_unregister(slot, old);
    *slot = obj;
    if (obj) weak_register(slot, obj, ref);
}

void rc_weak_init(void **slot, void *obj) {
    *slot = NULL;
    weak_set(slot, obj, NULL);
}

void rc_weak_store(void **slot, void *obj) {
    /* A weakref object's own target slot keeps its owner. */
    weak_set(slot, obj, NULL);
}

void *rc_weak_load(void *const *slot) { return *slot; }

/* ---- weakref objects --------------------------------------------------- */

rc_weakref *rc_weakref_new(void *obj, rc_weakref_callback callback, void *ctx) {
    RC__RUNTIME_SITE(site, "rc_weakref_new");
    rc_weakref *ref = rc__new(&weakref_type, &site);
    ref->callback = callback;
    ref->ctx = ctx;
    weak_set(&ref->target, obj, ref);
    return ref;
}

void *rc_weakref_get(rc_weakref *ref) {
    if (!ref) return NULL;
    rc__need_type(ref, &weakref_rt, "rc_weakref", "rc_weakref_get");
    /* The target slot is NULL once the target died; the test covers a
     * finalizer running with the target's count at 0 in between. */
    return ref->target && !is_dead(ref->target) ? rc_incref(ref->target) : NULL;
}

bool rc__is_weakref(const void *obj) { return rc__type_of(RC_HEAD_OF(obj)) == &weakref_type; }

void rc__weakref_clear(rc_weakref *ref) { weak_set(&ref->target, NULL, NULL); }

bool rc__weak_any(void) { return table_used != 0; }

size_t rc_weakref_count(const void *obj) {
    if (!obj || !(RC_HEAD_OF(obj)->flags & RC_F_WEAKREFD)) return 0;
    wentry *e = lookup(obj);
    return e ? e->n : 0;
}

/* ---- clearing ---------------------------------------------------------- */

static rc_weakref **queued;
size_t rc__weak_nqueued;
#define nqueued rc__weak_nqueued
static size_t cap_queued;

void rc__weak_clear(void *obj, bool (*skip)(rc_weakref *ref, void *ctx), void *ctx) {
    wentry *e = lookup(obj);
    if (!e) {
        RC_HEAD_OF(obj)->flags &= ~(uint32_t)RC_F_WEAKREFD;
        return;
    }
    for (uint32_t i = 0; i < e->n; i++) {
        *e->slots[i].slot = NULL;
        rc_weakref *ref = e->slots[i].ref;
        if (ref && ref->callback && !is_dead(ref) &&
            !(skip && skip(ref, ctx))) {
            if (nqueued == cap_queued) {
                cap_queued = cap_queued ? cap_queued * 2 : 16;
                queued = rc__xrealloc(queued, cap_queued * sizeof *queued);
            }
            queued[nqueued++] = rc_incref(ref);
        }
    }
    remove_entry(e);
}

void rc__weak_run_callbacks(void) {
    /* Callbacks may clear more weak references, and releasing a weakref may
     * destroy objects: only the outermost call runs the queue, in FIFO
     * order, until it is empty. */
    static bool running;
    if (running) return;
    running = true;
    for (size_t i = 0; i < nqueued; i++) {
        rc_weakref *ref = queued[i];
        ref->callback(ref, ref->ctx);
        rc_decref(ref);
    }
    nqueued = 0;
    running = false;
}
