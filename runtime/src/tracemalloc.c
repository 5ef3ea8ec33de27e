/*
 * tracemalloc.c — allocation tracing (Python's tracemalloc), the tracer.
 *
 * What it records. While tracing is on (rc__tracing), rc__new calls
 * rc__trace_alloc(obj, block size, site) for every new managed object. The
 * tracer stores one trace per live object in the trace tables and marks the
 * object's head RC_F_TRACED; destroying a marked object calls
 * rc__trace_free(obj), which removes the trace. The size of a trace is the
 * object's whole block (gc link + head + struct), so "current" is the memory
 * that traced objects occupy in their pools.
 *
 * The trace tables (details below, before the code): a pool object's trace
 * is one uint32 in a side array of its pool, indexed by the offset of its
 * head; other objects' traces are in an address-keyed hash. A trace holds
 * only the traceback id: its size is the block size the head determines.
 * The common case (one frame, the same site and the same pool as the last
 * allocation) is a leaf function of a few stores.
 *
 * Tracebacks: frame 0 is the rc_new site (an rc_site with static storage,
 * from RC__SITE() or the plugin). With nframes > 1, rc__trace_alloc also
 * captures up to nframes - 1 return addresses of the callers of the function
 * that contains the site, with backtrace(); they are symbolised only when a
 * report needs them (snapshot.c). Equal tracebacks are interned in the
 * current store (tracemalloc_internal.h) and a trace holds the id. With one
 * frame, the last site's id is cached, so a loop allocating at one line
 * costs one comparison for its traceback. A built-in's constructor (a
 * runtime site, internal.h's RC__RUNTIME_SITE) keeps from frame 1 only the
 * frames outside the runtime: frame 1 is the program's call.
 *
 * States:
 *   off      tracing_on = false, rc__tracing = false, no tables, no store.
 *   on       tracing_on = true, rc__tracing = true; every object allocated
 *            now is traced.
 *   suspended  on, but rc__tracing = false for the moment the tracing code
 *            allocates its own snapshot/stats objects (they are not traced).
 * rc_tracemalloc_stop() goes back to off: the traces are dropped, the marks
 * on still-live objects are cleared, the store is released (snapshots taken
 * before keep it alive), current and peak become 0.
 *
 * Invariants (while on):
 *   - an object has a trace (a non-zero side-array entry, or a hash entry)
 *     iff its head has RC_F_TRACED;
 *   - cur = sum of the block sizes of the traced objects; peak >= cur;
 *   - used = number of traces; 2 * table_used <= hash table size;
 *   - last_site (one frame only) has id last_tb; last_pool's array is
 *     last_side.
 *
 * Start-up (rc__trace_init, from rc__init_once):
 *   AUTORC_TRACEMALLOC=N   start tracing with N frames (0 or empty: off)
 *   AUTORC_LEAK_REPORT=1   report live objects at exit (leakreport.c); starts
 *                          tracing with at least 1 frame so sites are known.
 */
#include "tracemalloc_internal.h"

#include <errno.h>
#include <execinfo.h>
#include <stdlib.h>
#include <string.h>

bool rc__tracing;
static bool tracing_on;
static int max_nframe = 1;
static rc__tbstore *store;

/* ---- the traceback store ----------------------------------------------- */

static rc__tbstore *store_new(void) {
    rc__tbstore *s = rc__xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->refs = 1;
    s->index_mask = 63;
    s->index = calloc(64, sizeof *s->index);
    if (!s->index) rc__fatal("out of memory (tracemalloc traceback index)");
    return s;
}

void rc__tbstore_incref(rc__tbstore *s) { s->refs++; }

void rc__tbstore_decref(rc__tbstore *s) {
    if (!s || --s->refs) return;
    for (uint32_t i = 0; i < s->ntbs; i++) free(s->tbs[i]);
    free(s->tbs);
    free(s->index);
    free(s);
}

static uint32_t tb_hash(const rc_site *site, void *const *raw, uint32_t nraw) {
    uint64_t h = (uint64_t)(uintptr_t)site * 0x9E3779B97F4A7C15ull;
    for (uint32_t i = 0; i < nraw; i++)
        h = (h ^ (uint64_t)(uintptr_t)raw[i]) * 0x100000001B3ull + (h >> 29);
    return (uint32_t)(h ^ (h >> 32));
}

static void index_grow(rc__tbstore *s) {
    uint32_t n = (s->index_mask + 1) * 2;
    uint32_t *idx = calloc(n, sizeof *idx);
    if (!idx) rc__fatal("out of memory (tracemalloc traceback index)");
    for (uint32_t id = 0; id < s->ntbs; id++) {
        uint32_t i = s->tbs[id]->hash & (n - 1);
        while (idx[i]) i = (i + 1) & (n - 1);
        idx[i] = id + 1;
    }
    free(s->index);
    s->index = idx;
    s->index_mask = n - 1;
}

/* The id of the traceback (site, raw[0..nraw)), added to the store if new. */
static uint32_t intern(rc__tbstore *s, const rc_site *site, void *const *raw, uint32_t nraw) {
    uint32_t h = tb_hash(site, raw, nraw);
    uint32_t i = h & s->index_mask;
    for (uint32_t e; (e = s->index[i]) != 0; i = (i + 1) & s->index_mask) {
        const rc__tb *tb = s->tbs[e - 1];
        if (tb->hash == h && tb->site == site && tb->nraw == nraw &&
            (nraw == 0 || memcmp(tb->raw, raw, nraw * sizeof *raw) == 0))
            return e - 1;
    }
    if (s->ntbs == UINT32_MAX - 1) rc__fatal("tracemalloc: too many distinct tracebacks");
    if (s->ntbs == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->tbs = rc__xrealloc(s->tbs, s->cap * sizeof *s->tbs);
    }
    rc__tb *tb = rc__xmalloc(sizeof *tb + nraw * sizeof *raw);
    tb->site = site;
    tb->nraw = nraw;
    tb->hash = h;
    if (nraw) memcpy(tb->raw, raw, nraw * sizeof *raw);
    uint32_t id = s->ntbs++;
    s->tbs[id] = tb;
    s->index[i] = id + 1;
    if (2 * s->ntbs > s->index_mask) index_grow(s);
    return id;
}

/* ---- the trace tables ------------------------------------------------- */

/*
 * Two tables hold the traces, chosen by where the object's memory is:
 *
 * Pool objects (neither RC_F_LARGE nor RC_F_DEBUG) live in pools of
 * RC_POOL_SIZE bytes aligned to their size (internal.h). Each pool that held
 * a traced object gets a side array of one uint32 per 16-byte granule of the
 * pool: entry [(head - pool) / 16] is (traceback id + 1) * 2 + h of the
 * object whose head starts at pool + 16 * index + 8 * h (heads are 8-byte
 * aligned and blocks at least 16 bytes, so one granule holds at most one
 * head), 0 if none. So a trace is a direct store, with no
 * hashing and no probing, and objects allocated together have their traces
 * together (4 bytes of side table per 16 bytes of pool). The directory from
 * pool address to side array is a small hash with a one-entry cache. Side
 * arrays live until tracing stops.
 *
 * Other objects (malloc'd: large objects, AUTORC_MALLOC=malloc or debug) go
 * to a hash table keyed by address: open addressing, linear probing, at most
 * half full, backward-shift deletion (no tombstones).
 *
 * A trace's size is not stored: it is the object's block size, which its
 * head determines (rc__block_size of its type and RC_F_GC), the same value
 * rc__new passed to rc__trace_alloc.
 */
#define GRANULES (RC_POOL_SIZE / 16)
/* A side-array entry for traceback id tb of the head at address head; the
 * id in an entry; the head an entry at index i of a pool's array names. */
#define ENTRY(tb, head) (((uint32_t)(tb) + 1) << 1 | (uint32_t)(((head) >> 3) & 1))
#define ENTRY_TB(e) (((e) >> 1) - 1)
#define ENTRY_HEAD(pool, i, e) ((pool) + (i) * 16 + ((e) & 1) * 8)

typedef struct side {
    uintptr_t pool; /* 0 = empty directory slot */
    uint32_t *tb;   /* GRANULES entries: traceback id + 1, or 0 */
} side;

static side *dir;
static size_t dir_mask, dir_used;
static uintptr_t last_pool;
static uint32_t *last_side;

typedef struct trace {
    uintptr_t obj; /* 0 = empty */
    uint32_t tb;
} trace;

static trace *table;
static size_t table_mask; /* size - 1 */
static unsigned table_bits;
static size_t table_used;

static size_t used; /* traces in both tables */
static size_t cur, peak;
/* The last site interned with one frame; never NULL (a NULL site is
 * interned as <unknown>), so a NULL site or more frames take the slow path. */
static const rc_site no_site;
static const rc_site *last_site = &no_site;
static uint32_t last_tb;

static inline bool in_pool(const rc__head *h) { return !(h->flags & (RC_F_LARGE | RC_F_DEBUG)); }
/* The object's block size (internal.h: pad, gc link, head, struct). */
static inline size_t size_of(const rc__head *h) { return rc__block_size(h); }

static size_t dir_home(uintptr_t pool, size_t mask) {
    return (size_t)(((uint64_t)pool * 0x9E3779B97F4A7C15ull) >> 40) & mask;
}

static void dir_grow(void) {
    size_t n = dir ? (dir_mask + 1) * 2 : 256;
    side *d = calloc(n, sizeof *d);
    if (!d) rc__fatal("out of memory (tracemalloc pool directory)");
    for (size_t j = 0; dir && j <= dir_mask; j++) {
        if (!dir[j].pool) continue;
        size_t i = dir_home(dir[j].pool, n - 1);
        while (d[i].pool) i = (i + 1) & (n - 1);
        d[i] = dir[j];
    }
    free(dir);
    dir = d;
    dir_mask = n - 1;
}

/* The side array of a pool; created if `create`, else NULL when absent. */
static RC_NOINLINE uint32_t *side_of_slow(uintptr_t pool, bool create) {
    if (!dir) {
        if (!create) return NULL;
        dir_grow();
    }
    size_t i = dir_home(pool, dir_mask);
    for (; dir[i].pool; i = (i + 1) & dir_mask)
        if (dir[i].pool == pool) goto found;
    if (!create) return NULL;
    if (2 * (dir_used + 1) > dir_mask + 1) {
        dir_grow();
        i = dir_home(pool, dir_mask);
        while (dir[i].pool) i = (i + 1) & dir_mask;
    }
    dir[i].pool = pool;
    dir[i].tb = calloc(GRANULES, sizeof(uint32_t));
    if (!dir[i].tb) rc__fatal("out of memory (tracemalloc side table)");
    dir_used++;
found:
    last_pool = pool;
    last_side = dir[i].tb;
    return dir[i].tb;
}

static inline uint32_t *side_of(uintptr_t pool, bool create) {
    if (RC_LIKELY(pool == last_pool)) return last_side;
    return side_of_slow(pool, create);
}

/* The slot of obj's trace in the side tables, or NULL (not a pool object,
 * or its pool has no side array and create is false). */
static inline uint32_t *pool_slot(const void *obj, bool create) {
    uintptr_t head = (uintptr_t)RC_HEAD_OF(obj);
    uintptr_t pool = head & ~(uintptr_t)(RC_POOL_SIZE - 1);
    uint32_t *arr = side_of(pool, create);
    return arr ? &arr[(head - pool) >> 4] : NULL;
}

/* Objects allocated together sit together, so the hash keeps neighbours in
 * neighbouring slots: the address's 16-byte granule number folded with its
 * own high bits, so that regions a table size apart do not pile up. */
static inline size_t home(uintptr_t a) {
    uint64_t g = (uint64_t)a >> 4;
    return (size_t)((g ^ (g >> table_bits) ^ (g >> (2 * table_bits))) & table_mask);
}

static void table_alloc(unsigned bits) {
    table = calloc((size_t)1 << bits, sizeof *table);
    if (!table) rc__fatal("out of memory (tracemalloc trace table of 2^%u entries)", bits);
    table_mask = ((size_t)1 << bits) - 1;
    table_bits = bits;
}

static RC_NOINLINE void table_grow(void) {
    trace *old = table;
    size_t n = old ? table_mask + 1 : 0;
    table_alloc(old ? table_bits + 1 : 8);
    for (size_t j = 0; j < n; j++) {
        if (!old[j].obj) continue;
        size_t i = home(old[j].obj);
        while (table[i].obj) i = (i + 1) & table_mask;
        table[i] = old[j];
    }
    free(old);
}

static trace *find(uintptr_t a) {
    if (!table) return NULL;
    for (size_t i = home(a);; i = (i + 1) & table_mask) {
        if (table[i].obj == a) return &table[i];
        if (!table[i].obj) return NULL;
    }
}

static void table_put(uintptr_t a, uint32_t tb) {
    if (!table || 2 * (table_used + 1) > table_mask + 1) table_grow();
    size_t i = home(a);
    while (table[i].obj && table[i].obj != a) i = (i + 1) & table_mask;
    if (!table[i].obj) {
        table_used++;
        used++;
    } else {
        cur -= size_of(RC_HEAD_OF((void *)a)); /* not while invariants hold; stay exact */
    }
    table[i].obj = a;
    table[i].tb = tb;
}

static void table_remove(trace *t) {
    table_used--;
    size_t i = (size_t)(t - table), j = i;
    for (;;) {
        j = (j + 1) & table_mask;
        if (!table[j].obj) break;
        size_t k = home(table[j].obj);
        bool stays = (i <= j) ? (i < k && k <= j) : (i < k || k <= j);
        if (stays) continue;
        table[i] = table[j];
        i = j;
    }
    table[i].obj = 0;
}

/* Entries of backtrace()'s answer before the one in rc__new: the tracing
 * code's own frames (capture_tb, trace_alloc_slow, rc__trace_alloc unless
 * it tail-called, a sanitizer's interceptor...). Learnt on the first
 * capture, so that each capture unwinds only the frames it keeps
 * (unwinding is the whole cost of a multi-frame trace). */
static int skip_hint = 1;

/* ---- the runtime's own code and sites ---------------------------------- */

/* The linker's bounds of the sections internal.h puts the runtime's code
 * and allocation sites in; weak, so that a build without them (no clang)
 * links, with nothing in the runtime. Hidden: a shared runtime sees its own. */
#define RC_BOUND(name) extern const char name[] __attribute__((weak, visibility("hidden")))
RC_BOUND(__start_autorc_text);
RC_BOUND(__stop_autorc_text);
RC_BOUND(__start_autorc_sites);
RC_BOUND(__stop_autorc_sites);

bool rc__in_runtime(const void *pc) {
    const char *p = pc;
    /* a return address may lie just past its function: p - 1 is the call */
    return __start_autorc_text && p > __start_autorc_text && p - 1 < __stop_autorc_text;
}

bool rc__runtime_site(const rc_site *site) {
    const char *p = (const char *)site;
    return __start_autorc_sites && p >= __start_autorc_sites && p < __stop_autorc_sites;
}

void *rc__tb_caller(const rc__tb *tb) {
    return tb->nraw && rc__runtime_site(tb->site) ? tb->raw[0] : NULL;
}

/* A built-in's constructor (a runtime site) allocates on behalf of the
 * program: its traceback keeps the runtime's site as frame 0 and, from
 * frame 1, the callers outside the runtime, so that frame 1 is the
 * program's call (rc_str_format in main) however deep the runtime's own
 * calls were. At most RT_DEPTH runtime frames are unwound past. */
enum { RT_DEPTH = 8 };

static RC_NOINLINE uint32_t capture_tb(const rc_site *site, void *ret_into_new) {
    enum { SLACK = 12 };
    void *buf[RC_TRACE_MAX_FRAMES + SLACK + RT_DEPTH];
    /* buf: [tracing code's frames] [in rc__new] [in the site's function]
     * [its caller] ...; find rc__new's entry by rc__trace_alloc's return
     * address. */
    for (;;) {
        int want = skip_hint + 1 + max_nframe; /* k + 2 + (nframes - 1) */
        int n = backtrace(buf, want);
        int k = 0;
        while (k < n && buf[k] != ret_into_new) k++;
        if (k == n) { /* not seen: unwind more, once, else assume the usual shape */
            if (want < max_nframe + SLACK && n == want) {
                n = backtrace(buf, want = max_nframe + SLACK);
                k = 0;
                while (k < n && buf[k] != ret_into_new) k++;
            }
            if (k == n) k = 1;
        }
        if (k > skip_hint && k + 1 + max_nframe <= max_nframe + SLACK) {
            skip_hint = k; /* learnt: unwind deeper from now on */
            continue;
        }
        int first = k + 2;
        if (rc__runtime_site(site)) {
            first = k + 1; /* the site's function: gone if it tail-called rc__new */
            if (n == want) /* unwind past the runtime's frames */
                n = backtrace(buf, want + RT_DEPTH);
            while (first < n && rc__in_runtime(buf[first])) first++;
        }
        uint32_t nraw = first < n ? (uint32_t)(n - first) : 0;
        if (nraw > (uint32_t)(max_nframe - 1)) nraw = (uint32_t)(max_nframe - 1);
        return intern(store, site, buf + first, nraw);
    }
}

static RC_NOINLINE void trace_alloc_slow(void *obj, size_t size, const rc_site *site,
                                         void *ret_into_new) {
    static const rc_site unknown = {"<unknown>", "?", 0};
    if (!site) site = &unknown;
    uint32_t tb;
    if (max_nframe == 1) {
        if (site == last_site) {
            tb = last_tb;
        } else {
            tb = intern(store, site, NULL, 0);
            last_site = site;
            last_tb = tb;
        }
    } else {
        tb = capture_tb(site, ret_into_new);
    }
    rc__head *h = RC_HEAD_OF(obj);
    if (RC_LIKELY(in_pool(h))) {
        uint32_t *slot = pool_slot(obj, true);
        if (*slot) cur -= size; /* not while invariants hold; stay exact */
        else used++;
        *slot = ENTRY(tb, (uintptr_t)h);
    } else {
        table_put((uintptr_t)obj, tb);
    }
    cur += size;
    if (cur > peak) peak = cur;
    h->flags |= RC_F_TRACED;
}

/* The fast path, a leaf: one frame, the same site as last time, a pool
 * object in the same pool as last time. Everything else goes the slow way. */
RC_NOINLINE void rc__trace_alloc(void *obj, size_t size, const rc_site *site) {
    rc__head *h = RC_HEAD_OF(obj);
    uintptr_t head = (uintptr_t)h;
    uintptr_t pool = head & ~(uintptr_t)(RC_POOL_SIZE - 1);
    if (RC_LIKELY(site == last_site && pool == last_pool && in_pool(h))) {
        uint32_t *slot = &last_side[(head - pool) >> 4];
        if (RC_LIKELY(!*slot)) {
            *slot = ENTRY(last_tb, head);
            used++;
            cur += size;
            if (cur > peak) peak = cur;
            h->flags |= RC_F_TRACED;
            return;
        }
    }
    trace_alloc_slow(obj, size, site, __builtin_return_address(0));
}

static RC_NOINLINE void trace_free_slow(void *obj) {
    rc__head *h = RC_HEAD_OF(obj);
    if (RC_LIKELY(in_pool(h))) {
        uint32_t *slot = pool_slot(obj, false);
        if (!slot || !*slot) return;
        *slot = 0;
    } else {
        trace *t = find((uintptr_t)obj);
        if (!t) return;
        table_remove(t);
    }
    used--;
    cur -= size_of(h);
}

void rc__trace_free(void *obj) {
    rc__head *h = RC_HEAD_OF(obj);
    h->flags &= ~(uint32_t)RC_F_TRACED;
    if (!tracing_on) return;
    uintptr_t head = (uintptr_t)h;
    uintptr_t pool = head & ~(uintptr_t)(RC_POOL_SIZE - 1);
    if (RC_LIKELY(pool == last_pool && in_pool(h))) {
        uint32_t *slot = &last_side[(head - pool) >> 4];
        if (*slot) {
            *slot = 0;
            used--;
            cur -= size_of(h);
        }
        return;
    }
    trace_free_slow(obj);
}

/* Every trace: fn(obj, tb id, ctx). */
typedef void (*each_fn)(void *obj, uint32_t tb, void *ctx);

static void each_trace(each_fn fn, void *ctx) {
    for (size_t d = 0; dir && d <= dir_mask; d++) {
        if (!dir[d].pool) continue;
        const uint32_t *arr = dir[d].tb;
        for (size_t i = 0; i < GRANULES; i++)
            if (arr[i]) fn(RC_OBJ_OF(ENTRY_HEAD(dir[d].pool, i, arr[i])), ENTRY_TB(arr[i]), ctx);
    }
    for (size_t i = 0; table && i <= table_mask; i++)
        if (table[i].obj) fn((void *)table[i].obj, table[i].tb, ctx);
}

static void drop_tables(void) {
    for (size_t d = 0; dir && d <= dir_mask; d++) free(dir[d].tb);
    free(dir);
    free(table);
    dir = NULL;
    dir_mask = dir_used = 0;
    last_pool = 0;
    last_side = NULL;
    table = NULL;
    table_mask = table_used = 0;
    table_bits = 0;
    used = cur = peak = 0;
}

/* ---- the public API ---------------------------------------------------- */

int rc_tracemalloc_start(int nframes) {
    rc__init_once();
    if (nframes < 1 || nframes > RC_TRACE_MAX_FRAMES) {
        fprintf(stderr,
                "autorc: rc_tracemalloc_start(%d): the number of frames must be from 1 to %d\n",
                nframes, RC_TRACE_MAX_FRAMES);
        errno = EINVAL;
        return -1;
    }
    if (tracing_on) return 0; /* as Python: already tracing, limit unchanged */
    max_nframe = nframes;
    store = store_new();
    drop_tables();
    last_site = &no_site;
    tracing_on = true;
    rc__tracing = true;
    rc__update_fast_alloc();
    return 0;
}

static void unmark(void *obj, uint32_t tb, void *ctx) {
    (void)tb;
    (void)ctx;
    RC_HEAD_OF(obj)->flags &= ~(uint32_t)RC_F_TRACED;
}

void rc_tracemalloc_stop(void) {
    if (!tracing_on) return;
    each_trace(unmark, NULL);
    drop_tables();
    rc__tbstore_decref(store);
    store = NULL;
    last_site = &no_site;
    tracing_on = false;
    rc__tracing = false;
    rc__update_fast_alloc();
}

/* The queries run start-up first, so AUTORC_TRACEMALLOC and
 * AUTORC_LEAK_REPORT hold before the program's first rc_new. */
int rc_tracemalloc_is_tracing(void) {
    rc__init_once();
    return tracing_on;
}

void rc_tracemalloc_get_traced_memory(size_t *current, size_t *peak_out) {
    rc__init_once();
    if (current) *current = tracing_on ? cur : 0;
    if (peak_out) *peak_out = tracing_on ? peak : 0;
}

void rc_tracemalloc_reset_peak(void) {
    if (tracing_on) peak = cur;
}

int rc_tracemalloc_get_traceback_limit(void) {
    rc__init_once();
    return max_nframe;
}

/* ---- for the other tracing files --------------------------------------- */

bool rc__trace_suspend(void) {
    bool was = rc__tracing;
    rc__tracing = false;
    rc__update_fast_alloc();
    return was;
}

void rc__trace_resume(bool was) {
    rc__tracing = was && tracing_on;
    rc__update_fast_alloc();
}

typedef struct foreach_ctx {
    rc__trace_fn fn;
    void *ctx;
} foreach_ctx;

static void foreach_one(void *obj, uint32_t tb, void *ctx) {
    foreach_ctx *f = ctx;
    f->fn(obj, size_of(RC_HEAD_OF(obj)), store->tbs[tb], f->ctx);
}

void rc__trace_foreach(rc__trace_fn fn, void *ctx) {
    if (!tracing_on) return;
    foreach_ctx f = {fn, ctx};
    each_trace(foreach_one, &f);
}

static void total_one(void *obj, uint32_t tb, void *ctx) {
    rc__tbtotal *by_tb = ctx;
    by_tb[tb].size += size_of(RC_HEAD_OF(obj));
    by_tb[tb].count++;
}

void rc__trace_totals(rc__tbtotal *by_tb) {
    if (tracing_on) each_trace(total_one, by_tb);
}

size_t rc__trace_count(void) { return tracing_on ? used : 0; }

const rc__tb *rc__trace_lookup(const void *obj) {
    if (!tracing_on || !obj || !(RC_HEAD_OF(obj)->flags & RC_F_TRACED)) return NULL;
    if (in_pool(RC_HEAD_OF(obj))) {
        uint32_t *slot = pool_slot(obj, false);
        return slot && *slot ? store->tbs[ENTRY_TB(*slot)] : NULL;
    }
    trace *t = find((uintptr_t)obj);
    return t ? store->tbs[t->tb] : NULL;
}

rc__tbstore *rc__trace_store(void) { return tracing_on ? store : NULL; }
int rc__trace_nframes(void) { return max_nframe; }

/* ---- start-up ---------------------------------------------------------- */

static int parse_count(const char *var, const char *v, int lo, int hi) {
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        rc__fatal("%s=%s: expected a whole number from %d to %d", var, v, lo, hi);
    return (int)n;
}

void rc__trace_init(void) {
    int nframes = 0;
    const char *t = getenv("AUTORC_TRACEMALLOC");
    if (t && *t) nframes = parse_count("AUTORC_TRACEMALLOC", t, 0, RC_TRACE_MAX_FRAMES);
    const char *l = getenv("AUTORC_LEAK_REPORT");
    if (l && *l && parse_count("AUTORC_LEAK_REPORT", l, 0, 1) == 1) {
        if (nframes == 0) nframes = 1;
        rc__leak_report_install();
    }
    if (nframes > 0) rc_tracemalloc_start(nframes);
}
