/*
 * dict.c — rc_dict, Python's dict: an insertion-ordered hash map with
 * CPython's compact layout.
 *
 * Layout: `entries` is an array of {key, value} in insertion order (a
 * deleted entry keeps its place with key == NULL until the next resize);
 * `index` is an open-addressing table of 2^log2 slots, each EMPTY, DUMMY
 * (a deleted entry was there: probing goes on) or an entry number, stored
 * in 1, 2, 4 or 8 bytes as the table's size needs. Probing is CPython's:
 * i = i * 5 + perturb + 1, perturb >>= 5, so all hash bits take part.
 *
 * Keys: an rc_str compares by content (its cached hash, then the bytes);
 * any other managed object by identity (its address). `allstr` says
 * that every key so far is a string: a lookup of a string then compares
 * the entries' string hashes without asking each key for its type, as
 * CPython's unicode-keys dicts do. NULL is not a key.
 *
 * Invariants: used <= nentries <= ecap <= usable(log2) (= 2/3 of the
 * slots); every live entry is reachable from its hash's probe sequence;
 * a slot is DUMMY only where a live entry was deleted; index == NULL iff
 * the dict never had a key (log2 == 0).
 * Growth (CPython's): when nentries reaches usable the table is rebuilt
 * for used * 3 slots (rounded up to a power of two, at least 8), which
 * also drops deleted entries, so an insert is O(1) amortised. The entries
 * array grows by half in between (realloc), not to `usable` at once: the
 * memory per entry stays near 16 bytes plus the index's share.
 *
 * Order: a new key goes to the end; deleting a key and inserting it again
 * puts it at the end; setting an existing key keeps its place.
 *
 * Iteration (rc_dict_next): *pos holds the next entry number and, in its
 * top 24 bits, the dict's `version` (bumped by every insertion of a new
 * key and every deletion), so adding or deleting during an iteration is a
 * fatal error at the next step, as Python's RuntimeError.
 *
 * The collector: a dict is born untracked and becomes tracked at the first
 * key or value that the collector tracks (that could close a cycle), as
 * CPython's MAINTAIN_TRACKING; a dict of strings never costs a collection.
 */
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    void *key; /* NULL: deleted */
    void *value;
} entry;

struct rc_dict {
    void *index;      /* 2^log2 slots of 1 << width bytes */
    entry *entries;
    size_t used;      /* live keys */
    size_t nentries;  /* entries[0 .. nentries) written (live or deleted) */
    size_t ecap;      /* room in entries */
    uint8_t log2;     /* 0 while index == NULL */
    uint8_t width;    /* log2 of a slot's bytes: 0..3 */
    uint8_t allstr;   /* every key is an rc_str */
    uint32_t version; /* size changes (iteration check) */
};

enum { EMPTY = -1, DUMMY = -2 };
#define MIN_LOG2 3
#define USABLE(log2) ((((size_t)1 << (log2)) << 1) / 3)

static void dict_traverse(void *self, rc_visit_fn visit, void *ctx) {
    rc_dict *d = self;
    for (size_t i = 0; i < d->nentries; i++) {
        entry *e = &d->entries[i];
        if (!e->key) continue;
        visit(&e->key, ctx);
        if (e->value) visit(&e->value, ctx);
    }
}

static void dict_destroy(void *self) {
    rc_dict *d = self;
    free(d->index);
    free(d->entries);
    memset(d, 0, sizeof *d);
}

static uint32_t dict_rt;
static const rc_type dict_type = {
    .name = "rc_dict",
    .size = sizeof(rc_dict),
    .flags = RC_TYPE_BUILTIN,
    .traverse = dict_traverse,
    .destroy = dict_destroy,
    .align = _Alignof(rc_dict),
    .rt = &dict_rt,
};

rc_dict *rc_dict_new(void) {
    RC__RUNTIME_SITE(site, "rc_dict_new");
    rc_dict *d = rc__new(&dict_type, &site);
    d->allstr = 1;
    rc__gc_untrack(RC_HEAD_OF(d)); /* until it holds something tracked */
    return d;
}

/* The dict becomes tracked once it holds an object whose type can be in a
 * cycle (rc__gc_track is a no-op on a tracked dict; the header flag is the
 * one record of it). */
static inline void track_if_cyclic(rc_dict *d, const void *obj) {
    if (obj && rc__info_of(RC_HEAD_OF(obj))->gc) rc__gc_track(RC_HEAD_OF(d));
}

/* ---- the index table ---------------------------------------------------- */

static inline ptrdiff_t slot_get(const rc_dict *d, size_t i) {
    switch (d->width) {
    case 0: return ((const int8_t *)d->index)[i];
    case 1: return ((const int16_t *)d->index)[i];
    case 2: return ((const int32_t *)d->index)[i];
    default: return (ptrdiff_t)((const int64_t *)d->index)[i];
    }
}

static inline void slot_set(rc_dict *d, size_t i, ptrdiff_t v) {
    switch (d->width) {
    case 0: ((int8_t *)d->index)[i] = (int8_t)v; break;
    case 1: ((int16_t *)d->index)[i] = (int16_t)v; break;
    case 2: ((int32_t *)d->index)[i] = (int32_t)v; break;
    default: ((int64_t *)d->index)[i] = (int64_t)v; break;
    }
}

/* An identity key hashes to its address over 8 (objects are 8-aligned),
 * unmixed, as CPython's object hash: objects made one after the other land
 * in nearby slots (a loop over them walks the table in order), and the
 * perturbed probing brings the high bits in on collisions. */
static inline size_t key_hash(const void *key, bool str) {
    return str ? rc__str_hash((rc_str *)key) : (size_t)((uintptr_t)key >> 3);
}

/* Is entry key k the key `key` (hash h, str: key is a string)? */
static inline bool same_key(const rc_dict *d, void *k, const void *key, size_t h, bool str) {
    if (k == key) return true;
    if (!str || !k) return false;
    if (!d->allstr && !rc__is_str(k)) return false;
    rc_str *a = k, *b = (rc_str *)key;
    return a->hash == h && a->len == b->len &&
           memcmp(rc__str_chars(a), rc__str_chars(b), a->len) == 0;
}

/* The slot of `key`, or -1; *free_slot (if given) gets the first EMPTY or
 * DUMMY slot of its probe sequence, where an insertion would go. */
static ptrdiff_t find(const rc_dict *d, const void *key, size_t h, bool str, size_t *free_slot) {
    size_t mask = ((size_t)1 << d->log2) - 1, i = h & mask, perturb = h;
    bool have_free = false;
    for (;;) {
        ptrdiff_t ix = slot_get(d, i);
        if (ix == EMPTY) {
            if (free_slot && !have_free) *free_slot = i;
            return -1;
        }
        if (ix == DUMMY) {
            if (free_slot && !have_free) {
                *free_slot = i;
                have_free = true;
            }
        } else if (same_key(d, d->entries[ix].key, key, h, str)) {
            return (ptrdiff_t)i;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Rebuild the index for `used * 3` slots and compact the entries. */
static RC_NOINLINE void resize(rc_dict *d) {
    size_t want = d->used * 3;
    uint8_t log2 = MIN_LOG2;
    while (((size_t)1 << log2) < want) log2++;
    if (log2 >= sizeof(size_t) * 8 - 3) rc__fatal("rc_dict: %zu keys is too many", d->used);
    size_t n = (size_t)1 << log2;
    uint8_t width = log2 < 8 ? 0 : log2 < 16 ? 1 : log2 < 32 ? 2 : 3;
    free(d->index);
    d->index = malloc(n << width);
    if (!d->index) rc__fatal("rc_dict: out of memory for the index of %zu keys (%zu bytes)", d->used, n << width);
    memset(d->index, 0xff, n << width); /* EMPTY is -1 at every width */
    d->log2 = log2;
    d->width = width;
    size_t k = 0;
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key) d->entries[k++] = d->entries[i];
    d->nentries = k;
    size_t mask = n - 1;
    for (size_t e = 0; e < k; e++) {
        const void *key = d->entries[e].key;
        size_t h = key_hash(key, d->allstr || rc__is_str(key));
        size_t i = h & mask, perturb = h;
        while (slot_get(d, i) != EMPTY) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        slot_set(d, i, (ptrdiff_t)e);
    }
    size_t usable = USABLE(log2);
    if (d->ecap > usable || d->ecap < k) {
        d->entries = rc__xrealloc(d->entries, usable * sizeof(entry));
        d->ecap = usable;
    }
}

static void need_dict(const rc_dict *d, const char *fn) {
    if (RC_UNLIKELY(!d)) rc__fatal("%s: the dict is NULL", fn);
    rc__need_type(d, &dict_rt, "rc_dict", fn);
}

/* The slot of key, or -1 (also for an empty dict or a NULL key). */
static inline ptrdiff_t lookup(const rc_dict *d, const void *key, size_t *h, bool *str) {
    if (!key || !d->used) return -1;
    *str = rc__is_str(key);
    *h = key_hash(key, *str);
    return find(d, key, *h, *str, NULL);
}

/* ---- Python's dict API ---------------------------------------------------- */

void rc_dict_set(rc_dict *d, void *key, void *value) {
    need_dict(d, "rc_dict_set");
    if (RC_UNLIKELY(!key)) rc__fatal("rc_dict_set: the key is NULL");
    rc__need_alive(key, "rc_dict_set");
    rc__need_alive(value, "rc_dict_set");
    bool str = rc__is_str(key);
    size_t h = key_hash(key, str), fs = 0;
    if (d->index) {
        ptrdiff_t s = find(d, key, h, str, &fs);
        if (s >= 0) { /* an existing key: new value, same place, same key object */
            entry *e = &d->entries[slot_get(d, (size_t)s)];
            void *old = e->value;
            e->value = rc_incref(value);
            track_if_cyclic(d, value);
            rc_decref(old);
            return;
        }
    }
    if (!str) d->allstr = 0;
    if (!d->index || d->nentries == USABLE(d->log2)) {
        resize(d);
        find(d, key, h, str, &fs);
    }
    if (d->nentries == d->ecap) {
        size_t cap = d->ecap + (d->ecap >> 1) + 4, usable = USABLE(d->log2);
        if (cap > usable) cap = usable;
        entry *grown = realloc(d->entries, cap * sizeof(entry));
        if (!grown) rc__fatal("rc_dict: out of memory growing to %zu keys (%zu bytes)", cap, cap * sizeof(entry));
        d->entries = grown;
        d->ecap = cap;
    }
    slot_set(d, fs, (ptrdiff_t)d->nentries);
    entry *e = &d->entries[d->nentries++];
    e->key = rc_incref(key);
    e->value = rc_incref(value);
    d->used++;
    d->version++;
    track_if_cyclic(d, key);
    track_if_cyclic(d, value);
}

void *rc_dict_get(rc_dict *d, const void *key) {
    need_dict(d, "rc_dict_get");
    size_t h;
    bool str;
    ptrdiff_t s = lookup(d, key, &h, &str);
    return s < 0 ? NULL : d->entries[slot_get(d, (size_t)s)].value;
}

int rc_dict_contains(rc_dict *d, const void *key) {
    if (!d) return 0;
    need_dict(d, "rc_dict_contains");
    size_t h;
    bool str;
    return lookup(d, key, &h, &str) >= 0;
}

/* Take key's entry out; *value gets its value (owned); the key's
 * reference goes to *k. 0 if absent. */
static int take(rc_dict *d, const void *key, void **k, void **value) {
    size_t h;
    bool str;
    ptrdiff_t s = lookup(d, key, &h, &str);
    if (s < 0) return 0;
    entry *e = &d->entries[slot_get(d, (size_t)s)];
    slot_set(d, (size_t)s, DUMMY);
    *k = e->key;
    *value = e->value;
    e->key = e->value = NULL;
    d->used--;
    d->version++;
    if (d->used == 0) { /* empty: start over at the front */
        d->nentries = 0;
        memset(d->index, 0xff, ((size_t)1 << d->log2) << d->width);
        d->allstr = 1;
    }
    return 1;
}

int rc_dict_del(rc_dict *d, const void *key) {
    need_dict(d, "rc_dict_del");
    void *k, *v;
    if (!take(d, key, &k, &v)) return 0;
    rc_decref(k);
    rc_decref(v);
    return 1;
}

void *rc_dict_pop(rc_dict *d, const void *key) {
    need_dict(d, "rc_dict_pop");
    void *k, *v;
    if (!take(d, key, &k, &v)) return NULL;
    rc_decref(k);
    return v;
}

size_t rc_dict_len(rc_dict *d) {
    if (!d) return 0;
    need_dict(d, "rc_dict_len");
    return d->used;
}

void rc_dict_clear(rc_dict *d) {
    need_dict(d, "rc_dict_clear");
    /* Detach first: releasing a key or value may run code that uses d. */
    entry *es = d->entries;
    size_t n = d->nentries;
    free(d->index);
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->ecap = 0;
    d->log2 = d->width = 0;
    d->allstr = 1;
    d->version++;
    for (size_t i = 0; i < n; i++) {
        rc_decref(es[i].key);
        rc_decref(es[i].value);
    }
    free(es);
}

/* *pos: bits 0..39 the next entry, bits 40..63 the version (see the top). */
#define POS_BITS 40
#define POS_MASK (((uint64_t)1 << POS_BITS) - 1)

int rc_dict_next(rc_dict *d, size_t *pos, void **key, void **value) {
    need_dict(d, "rc_dict_next");
    /* (a 32-bit size_t has no room for the version: no check there) */
    uint64_t p = *pos, ver = sizeof(size_t) >= 8 ? (uint64_t)(d->version & 0xffffff) << POS_BITS : 0;
    size_t i = (size_t)(p & POS_MASK);
    if (p != 0 && (p & ~POS_MASK) != ver)
        rc__fatal("rc_dict_next: dictionary changed size during iteration");
    while (i < d->nentries && !d->entries[i].key) i++;
    if (i >= d->nentries) {
        *pos = (size_t)(ver | i);
        return 0;
    }
    if (key) *key = d->entries[i].key;
    if (value) *value = d->entries[i].value;
    *pos = (size_t)(ver | (i + 1));
    return 1;
}

static rc_list *collect(rc_dict *d, const char *fn, bool keys) {
    need_dict(d, fn);
    rc_list *l = rc_list_new();
    for (size_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key) rc_list_append(l, keys ? d->entries[i].key : d->entries[i].value);
    return l;
}

rc_list *rc_dict_keys(rc_dict *d) { return collect(d, "rc_dict_keys", true); }
rc_list *rc_dict_values(rc_dict *d) { return collect(d, "rc_dict_values", false); }
