/*
 * tracemalloc.c — allocation tracing (Python's tracemalloc), the tracer.
 *
 * What it records. While tracing is on (rc__tracing), rc__new calls
 * rc__trace_alloc(obj, block size, site) for every new managed object. The
 * tracer stores one trace per live object in the trace table and marks the
 * object's head RC_F_TRACED; destroying a marked object calls
 * rc__trace_free(obj), which removes the trace. The size of a trace is the
 * object's whole block (gc link + head + struct), so "current" is the memory
 * that traced objects occupy in their pools.
 *
 * The trace table: open addressing with linear probing, keyed by the
 * object's address (hashed by Fibonacci multiplication of addr >> 4), at
 * most half full, deletion by backward shift (no tombstones, so a long run
 * of allocations and frees never degrades probes). An entry is 16 bytes:
 * address, block size (uint32: rc_type sizes are uint32), traceback id.
 *
 * Tracebacks: frame 0 is the rc_new site (an rc_site with static storage,
 * from RC__SITE() or the plugin). With nframes > 1, rc__trace_alloc also
 * captures up to nframes - 1 return addresses of the callers of the function
 * that contains the site, with backtrace(); they are symbolised only when a
 * report needs them (snapshot.c). Equal tracebacks are interned in the
 * current store (tracemalloc_internal.h) and a trace holds the id. With one
 * frame, the last site's id is cached, so a loop allocating at one line
 * costs one comparison for its traceback.
 *
 * States:
 *   off      tracing_on = false, rc__tracing = false, no table, no store.
 *   on       tracing_on = true, rc__tracing = true; every object allocated
 *            now is traced.
 *   suspended  on, but rc__tracing = false for the moment the tracing code
 *            allocates its own snapshot/stats objects (they are not traced).
 * rc_tracemalloc_stop() goes back to off: the traces are dropped, the marks
 * on still-live objects are cleared, the store is released (snapshots taken
 * before keep it alive), current and peak become 0.
 *
 * Invariants (while on):
 *   - an object is in the table iff its head has RC_F_TRACED;
 *   - cur = sum of the sizes in the table; peak >= cur;
 *   - used = number of entries; 2 * used <= table size.
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

/* ---- the trace table --------------------------------------------------- */

typedef struct trace {
    uintptr_t obj; /* 0 = empty */
    uint32_t size;
    uint32_t tb;
} trace;

static trace *table;
static size_t table_mask; /* size - 1 */
static unsigned table_shift;
static size_t used;
static size_t cur, peak;
static const rc_site *last_site;
static uint32_t last_tb;

static inline size_t home(uintptr_t a) {
    return (size_t)(((uint64_t)(a >> 4) * 0x9E3779B97F4A7C15ull) >> table_shift);
}

static void table_alloc(unsigned bits) {
    table = calloc((size_t)1 << bits, sizeof *table);
    if (!table) rc__fatal("out of memory (tracemalloc trace table of 2^%u entries)", bits);
    table_mask = ((size_t)1 << bits) - 1;
    table_shift = 64 - bits;
}

static RC_NOINLINE void table_grow(void) {
    trace *old = table;
    size_t n = table_mask + 1;
    unsigned bits = 64 - table_shift + 1;
    table_alloc(bits);
    for (size_t j = 0; j < n; j++) {
        if (!old[j].obj) continue;
        size_t i = home(old[j].obj);
        while (table[i].obj) i = (i + 1) & table_mask;
        table[i] = old[j];
    }
    free(old);
}

static RC_NOINLINE uint32_t capture_tb(const rc_site *site, void *ret_into_new) {
    enum { SLACK = 12 };
    void *buf[RC_TRACE_MAX_FRAMES + SLACK];
    /* buf: [in rc__trace_alloc] [in rc__new] [in the site's function]
     * [its caller] ...; find rc__new's entry by our own return address
     * (a sanitizer's backtrace interceptor adds frames of its own first). */
    int want = max_nframe + SLACK;
    int n = backtrace(buf, want);
    int k = 0;
    while (k < n && buf[k] != ret_into_new) k++;
    if (k == n) k = 1; /* unwinder disagreed: assume the usual shape */
    int first = k + 2;
    uint32_t nraw = 0;
    if (first < n) nraw = (uint32_t)(n - first);
    if (nraw > (uint32_t)(max_nframe - 1)) nraw = (uint32_t)(max_nframe - 1);
    return intern(store, site, buf + first, nraw);
}

RC_NOINLINE void rc__trace_alloc(void *obj, size_t size, const rc_site *site) {
    static const rc_site unknown = {"<unknown>", "?", 0};
    if (!site) site = &unknown;
    uint32_t tb;
    if (max_nframe == 1) {
        if (RC_LIKELY(site == last_site)) {
            tb = last_tb;
        } else {
            tb = intern(store, site, NULL, 0);
            last_site = site;
            last_tb = tb;
        }
    } else {
        tb = capture_tb(site, __builtin_return_address(0));
    }
    if (RC_UNLIKELY(2 * (used + 1) > table_mask + 1)) table_grow();
    uintptr_t a = (uintptr_t)obj;
    size_t i = home(a);
    while (table[i].obj && table[i].obj != a) i = (i + 1) & table_mask;
    if (table[i].obj) { /* cannot happen while invariants hold; stay exact */
        cur -= table[i].size;
    } else {
        used++;
    }
    uint32_t sz = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size;
    table[i].obj = a;
    table[i].size = sz;
    table[i].tb = tb;
    cur += sz;
    if (cur > peak) peak = cur;
    RC_HEAD_OF(obj)->flags |= RC_F_TRACED;
}

static trace *find(uintptr_t a) {
    if (!table) return NULL;
    for (size_t i = home(a);; i = (i + 1) & table_mask) {
        if (table[i].obj == a) return &table[i];
        if (!table[i].obj) return NULL;
    }
}

void rc__trace_free(void *obj) {
    RC_HEAD_OF(obj)->flags &= ~(uint32_t)RC_F_TRACED;
    if (!tracing_on) return;
    trace *t = find((uintptr_t)obj);
    if (!t) return;
    cur -= t->size;
    used--;
    /* backward-shift deletion */
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
    table_alloc(10);
    used = cur = peak = 0;
    last_site = NULL;
    tracing_on = true;
    rc__tracing = true;
    return 0;
}

void rc_tracemalloc_stop(void) {
    if (!tracing_on) return;
    for (size_t i = 0; i <= table_mask; i++)
        if (table[i].obj) RC_HEAD_OF((void *)table[i].obj)->flags &= ~(uint32_t)RC_F_TRACED;
    free(table);
    table = NULL;
    table_mask = 0;
    used = cur = peak = 0;
    rc__tbstore_decref(store);
    store = NULL;
    last_site = NULL;
    tracing_on = false;
    rc__tracing = false;
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
    return was;
}

void rc__trace_resume(bool was) { rc__tracing = was && tracing_on; }

void rc__trace_foreach(rc__trace_fn fn, void *ctx) {
    if (!tracing_on) return;
    for (size_t i = 0; i <= table_mask; i++)
        if (table[i].obj) fn((void *)table[i].obj, table[i].size, store->tbs[table[i].tb], ctx);
}

void rc__trace_totals(rc__tbtotal *by_tb) {
    if (!tracing_on) return;
    for (size_t i = 0; i <= table_mask; i++) {
        if (!table[i].obj) continue;
        by_tb[table[i].tb].size += table[i].size;
        by_tb[table[i].tb].count++;
    }
}

size_t rc__trace_count(void) { return tracing_on ? used : 0; }

const rc__tb *rc__trace_lookup(const void *obj) {
    if (!tracing_on || !obj) return NULL;
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
