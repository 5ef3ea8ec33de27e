/*
 * snapshot.c — tracemalloc snapshots and statistics (Python's Snapshot,
 * Statistic and StatisticDiff).
 *
 * A snapshot is a managed object (type "rc_snapshot", acyclic, builtin)
 * holding, for every traceback that has live traces, the total size and
 * count of those traces: traces with equal tracebacks are already merged,
 * because nothing a snapshot answers (statistics, compare_to, filters)
 * looks below the traceback. It holds a reference to the traceback store it
 * came from, so it stays valid after rc_tracemalloc_stop().
 *
 * Statistics group a snapshot's totals by a key, as Snapshot._group_by:
 *   RC_KEY_LINENO     (file, line) of frame 0, the rc_new site
 *   RC_KEY_FILENAME   file of frame 0 (printed with line 0, as Python does)
 *   RC_KEY_TRACEBACK  every frame: frame 0's (file, line), then the callers'
 *                     return addresses
 * Keys compare by value, so two sites on one line are one LINENO entry and
 * snapshots of different tracing sessions compare correctly.
 *
 * Order, as Python sorts (list.sort(reverse=True, key=...)):
 *   statistics:  (size, count, traceback)                      descending
 *   compare_to:  (|size_diff|, size, |count_diff|, count, traceback) desc.
 * A traceback compares as Python's Traceback: frames from the oldest to the
 * most recent, each frame by (filename, lineno), a prefix before a longer
 * sequence. A caller frame's filename is its module (the executable or
 * shared object, from dladdr) and its lineno 0; frames equal on both are
 * further ordered by symbol name, offset and address, so the order is total.
 *
 * A stats object (type "rc_stats", acyclic, builtin) is the sorted array of
 * entries; it holds references to the stores its tracebacks live in.
 *
 * Lines are Statistic.__str__ and StatisticDiff.__str__:
 *   prog.c:6: size=38.6 MiB, count=999744, average=40 B
 *   prog.c:6: size=38.6 MiB (+38.6 MiB), count=999744 (+999744), average=40 B
 * with sizes in Python's _format_size (B, KiB, MiB, GiB, TiB). For the
 * TRACEBACK key the line names frame 0 (the rc_new site; Python names the
 * oldest frame, which in C is usually an anonymous return address);
 * rc_stats_print_traceback prints all frames.
 *
 * Caller frames are symbolised on first use with dladdr() and cached for
 * the life of the process (rc__symbolize).
 */
#define _GNU_SOURCE 1
#include "tracemalloc_internal.h"

#include <dlfcn.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

/* ---- symbols ----------------------------------------------------------- */

typedef struct sym_ent {
    void *addr;
    rc__sym sym;
} sym_ent;
static sym_ent *syms;
static size_t syms_mask, syms_used;

static size_t sym_home(void *a, size_t mask) {
    return (size_t)(((uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15ull) >> 20) & mask;
}

const rc__sym *rc__symbolize(void *addr) {
    if (!syms || 2 * (syms_used + 1) > syms_mask + 1) {
        size_t n = syms ? (syms_mask + 1) * 2 : 256;
        sym_ent *t = calloc(n, sizeof *t);
        if (!t) rc__fatal("out of memory (tracemalloc symbol cache)");
        for (size_t j = 0; syms && j <= syms_mask; j++) {
            if (!syms[j].addr) continue;
            size_t i = sym_home(syms[j].addr, n - 1);
            while (t[i].addr) i = (i + 1) & (n - 1);
            t[i] = syms[j];
        }
        free(syms);
        syms = t;
        syms_mask = n - 1;
    }
    size_t i = sym_home(addr, syms_mask);
    for (; syms[i].addr; i = (i + 1) & syms_mask)
        if (syms[i].addr == addr) return &syms[i].sym;
    sym_ent *e = &syms[i];
    e->addr = addr;
    e->sym.module = "??";
    e->sym.name = NULL;
    e->sym.offset = (uintptr_t)addr;
    Dl_info info;
    /* addr - 1: a return address may lie just past the calling function */
    if (dladdr((char *)addr - 1, &info)) {
        if (info.dli_fname && *info.dli_fname) e->sym.module = info.dli_fname;
        if (info.dli_sname && info.dli_saddr) {
            e->sym.name = info.dli_sname;
            e->sym.offset = (uintptr_t)addr - (uintptr_t)info.dli_saddr;
        } else if (info.dli_fbase) {
            e->sym.offset = (uintptr_t)addr - (uintptr_t)info.dli_fbase;
        }
    }
    syms_used++;
    return &e->sym;
}

/* ---- snapshots --------------------------------------------------------- */

struct rc_snapshot {
    rc__tbstore *store;
    int nframes;
    size_t n;
    rc__tbtotal *e;
};

static void snapshot_destroy(void *self) {
    rc_snapshot *s = self;
    rc__tbstore_decref(s->store);
    free(s->e);
    s->store = NULL;
    s->e = NULL;
    s->n = 0;
}

static uint32_t snapshot_rt;
static const rc_type snapshot_type = {
    .name = "rc_snapshot",
    .size = sizeof(rc_snapshot),
    .flags = RC_TYPE_BUILTIN | RC_TYPE_ACYCLIC,
    .destroy = snapshot_destroy,
    .align = _Alignof(rc_snapshot),
    .rt = &snapshot_rt,
};

static rc_snapshot *snapshot_new(rc__tbstore *store, int nframes) {
    RC__RUNTIME_SITE(site, "rc_tracemalloc_take_snapshot");
    bool was = rc__trace_suspend();
    rc_snapshot *s = rc__new(&snapshot_type, &site);
    rc__trace_resume(was);
    s->store = store;
    rc__tbstore_incref(store);
    s->nframes = nframes;
    return s;
}

rc_snapshot *rc_tracemalloc_take_snapshot(void) {
    rc__init_once();
    rc__tbstore *store = rc__trace_store();
    if (!store) return NULL; /* Python raises RuntimeError: not tracing */
    size_t ntb = store->ntbs;
    rc__tbtotal *by = calloc(ntb ? ntb : 1, sizeof *by);
    if (!by) rc__fatal("out of memory (tracemalloc snapshot)");
    rc__trace_totals(by);
    size_t n = 0; /* keep the tracebacks with live traces, in id order */
    for (size_t i = 0; i < ntb; i++)
        if (by[i].count) by[n++] = (rc__tbtotal){(uint32_t)i, by[i].size, by[i].count};
    rc_snapshot *s = snapshot_new(store, rc__trace_nframes());
    s->e = by;
    s->n = n;
    return s;
}

static void need_snapshot(const rc_snapshot *s, const char *fn) {
    if (!s)
        rc__fatal("%s: the snapshot is NULL (rc_tracemalloc_take_snapshot returns NULL "
                  "when tracing is off)", fn);
    if (rc__type_of(RC_HEAD_OF(s)) != &snapshot_type)
        rc__fatal("%s: %p is a '%s', not an rc_snapshot", fn, (const void *)s,
                  rc__type_of(RC_HEAD_OF(s))->name);
}

rc_snapshot *rc_snapshot_filter(rc_snapshot *snap, const char *pattern, int inclusive) {
    need_snapshot(snap, "rc_snapshot_filter");
    if (!pattern) rc__fatal("rc_snapshot_filter: the file pattern is NULL");
    rc_snapshot *s = snapshot_new(snap->store, snap->nframes);
    s->e = rc__xmalloc((snap->n ? snap->n : 1) * sizeof *s->e);
    for (size_t i = 0; i < snap->n; i++) {
        const rc__tb *tb = snap->store->tbs[snap->e[i].tb];
        bool match = fnmatch(pattern, tb->site->file, 0) == 0;
        if (match == (inclusive != 0)) s->e[s->n++] = snap->e[i];
    }
    return s;
}

size_t rc_snapshot_traces(rc_snapshot *snap) {
    need_snapshot(snap, "rc_snapshot_traces");
    size_t n = 0;
    for (size_t i = 0; i < snap->n; i++) n += snap->e[i].count;
    return n;
}

/* ---- grouping ---------------------------------------------------------- */

typedef struct stat_ent {
    const rc_site *site;     /* frame 0 (file, line, func) */
    uint32_t nraw;           /* RC_KEY_TRACEBACK only */
    void *const *raw;        /* into a store the stats hold */
    size_t size, count;
    size_t old_size, old_count;
    uint64_t hash;
} stat_ent;

struct rc_stats {
    rc_key key;
    bool diff;
    size_t n, cap;
    stat_ent *e;
    rc__tbstore *stores[2];
    size_t *index; /* open addressing while grouping: entry + 1 */
    size_t index_mask;
};

static void stats_destroy(void *self) {
    rc_stats *st = self;
    for (int i = 0; i < 2; i++) rc__tbstore_decref(st->stores[i]);
    free(st->e);
    free(st->index);
    st->e = NULL;
    st->index = NULL;
    st->n = 0;
}

static uint32_t stats_rt;
static const rc_type stats_type = {
    .name = "rc_stats",
    .size = sizeof(rc_stats),
    .flags = RC_TYPE_BUILTIN | RC_TYPE_ACYCLIC,
    .destroy = stats_destroy,
    .align = _Alignof(rc_stats),
    .rt = &stats_rt,
};

static uint64_t key_hash(rc_key key, const rc__tb *tb) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char *p = (const unsigned char *)tb->site->file; *p; p++)
        h = (h ^ *p) * 0x100000001B3ull;
    if (key != RC_KEY_FILENAME) h = (h ^ (uint64_t)(unsigned)tb->site->line) * 0x100000001B3ull;
    if (key == RC_KEY_TRACEBACK)
        for (uint32_t i = 0; i < tb->nraw; i++)
            h = (h ^ (uint64_t)(uintptr_t)tb->raw[i]) * 0x100000001B3ull;
    return h ^ (h >> 31);
}

static bool key_eq(rc_key key, const stat_ent *e, const rc__tb *tb) {
    if (e->site != tb->site) {
        if (strcmp(e->site->file, tb->site->file) != 0) return false;
        if (key != RC_KEY_FILENAME && e->site->line != tb->site->line) return false;
    }
    if (key == RC_KEY_TRACEBACK) {
        if (e->nraw != tb->nraw) return false;
        if (tb->nraw && memcmp(e->raw, tb->raw, tb->nraw * sizeof(void *)) != 0) return false;
    }
    return true;
}

static void index_rebuild(rc_stats *st, size_t n) {
    free(st->index);
    st->index = calloc(n, sizeof *st->index);
    if (!st->index) rc__fatal("out of memory (tracemalloc statistics)");
    st->index_mask = n - 1;
    for (size_t k = 0; k < st->n; k++) {
        size_t i = st->e[k].hash & st->index_mask;
        while (st->index[i]) i = (i + 1) & st->index_mask;
        st->index[i] = k + 1;
    }
}

/* The entry for tb's key, created (zero) if new. */
static stat_ent *group_entry(rc_stats *st, const rc__tb *tb) {
    if (!st->index || 2 * (st->n + 1) > st->index_mask + 1)
        index_rebuild(st, st->index ? (st->index_mask + 1) * 2 : 64);
    uint64_t h = key_hash(st->key, tb);
    size_t i = h & st->index_mask;
    for (size_t k; (k = st->index[i]) != 0; i = (i + 1) & st->index_mask) {
        stat_ent *e = &st->e[k - 1];
        if (e->hash == h && key_eq(st->key, e, tb)) return e;
    }
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 16;
        st->e = rc__xrealloc(st->e, st->cap * sizeof *st->e);
    }
    stat_ent *e = &st->e[st->n];
    memset(e, 0, sizeof *e);
    e->site = tb->site;
    e->hash = h;
    if (st->key == RC_KEY_TRACEBACK) {
        e->nraw = tb->nraw;
        e->raw = tb->raw;
    }
    st->index[i] = ++st->n;
    return e;
}

static rc_stats *stats_new(rc_key key, bool diff, const char *fn) {
    RC__RUNTIME_SITE(site, "rc_snapshot_statistics");
    if (key != RC_KEY_LINENO && key != RC_KEY_FILENAME && key != RC_KEY_TRACEBACK)
        rc__fatal("%s: unknown key %d (expected RC_KEY_LINENO, RC_KEY_FILENAME or "
                  "RC_KEY_TRACEBACK)", fn, (int)key);
    bool was = rc__trace_suspend();
    rc_stats *st = rc__new(&stats_type, &site);
    rc__trace_resume(was);
    st->key = key;
    st->diff = diff;
    return st;
}

static void hold_store(rc_stats *st, rc__tbstore *s) {
    for (int i = 0; i < 2; i++) {
        if (st->stores[i] == s) return;
        if (!st->stores[i]) {
            st->stores[i] = s;
            rc__tbstore_incref(s);
            return;
        }
    }
}

/* ---- order ------------------------------------------------------------- */

typedef struct frame_val {
    const char *file;
    long line;
    const char *name;
    uintptr_t offset, addr;
} frame_val;

/* Frame k of e's key in Python's order: 0 is the oldest. */
static frame_val frame_at(const stat_ent *e, rc_key key, uint32_t k) {
    frame_val f = {0};
    uint32_t nframes = e->nraw + 1;
    if (k == nframes - 1) {
        f.file = e->site->file;
        f.line = key == RC_KEY_FILENAME ? 0 : e->site->line;
        return f;
    }
    void *a = e->raw[nframes - 2 - k];
    const rc__sym *s = rc__symbolize(a);
    f.file = s->module;
    f.name = s->name;
    f.offset = s->offset;
    f.addr = (uintptr_t)a;
    return f;
}

static int cmp_str(const char *a, const char *b) {
    if (a == b) return 0;
    if (!a) return -1;
    if (!b) return 1;
    return strcmp(a, b);
}

#define CMP3(a, b) (((a) > (b)) - ((a) < (b)))

static int cmp_frame(const frame_val *a, const frame_val *b) {
    int c = strcmp(a->file, b->file);
    if (c) return c;
    if ((c = CMP3(a->line, b->line))) return c;
    if ((c = cmp_str(a->name, b->name))) return c;
    if ((c = CMP3(a->offset, b->offset))) return c;
    return CMP3(a->addr, b->addr);
}

static int cmp_traceback(const stat_ent *a, const stat_ent *b, rc_key key) {
    uint32_t na = a->nraw + 1, nb = b->nraw + 1;
    for (uint32_t k = 0; k < na && k < nb; k++) {
        frame_val fa = frame_at(a, key, k), fb = frame_at(b, key, k);
        int c = cmp_frame(&fa, &fb);
        if (c) return c;
    }
    return CMP3(na, nb);
}

static long long ll_abs(long long v) { return v < 0 ? -v : v; }

static rc_key sort_key;

/* Ascending order of Python's sort key; qsort is called to sort descending. */
static int cmp_stat(const stat_ent *a, const stat_ent *b) {
    int c;
    if ((c = CMP3(a->size, b->size))) return c;
    if ((c = CMP3(a->count, b->count))) return c;
    return cmp_traceback(a, b, sort_key);
}

static int cmp_diff(const stat_ent *a, const stat_ent *b) {
    int c;
    long long ad = (long long)a->size - (long long)a->old_size;
    long long bd = (long long)b->size - (long long)b->old_size;
    if ((c = CMP3(ll_abs(ad), ll_abs(bd)))) return c;
    if ((c = CMP3(a->size, b->size))) return c;
    ad = (long long)a->count - (long long)a->old_count;
    bd = (long long)b->count - (long long)b->old_count;
    if ((c = CMP3(ll_abs(ad), ll_abs(bd)))) return c;
    if ((c = CMP3(a->count, b->count))) return c;
    return cmp_traceback(a, b, sort_key);
}

static int desc_stat(const void *a, const void *b) { return cmp_stat(b, a); }
static int desc_diff(const void *a, const void *b) { return cmp_diff(b, a); }

static void finish(rc_stats *st) {
    free(st->index);
    st->index = NULL;
    sort_key = st->key;
    if (st->n > 1) qsort(st->e, st->n, sizeof *st->e, st->diff ? desc_diff : desc_stat);
}

/* ---- statistics and compare_to ----------------------------------------- */

rc_stats *rc_snapshot_statistics(rc_snapshot *snap, rc_key key) {
    need_snapshot(snap, "rc_snapshot_statistics");
    rc_stats *st = stats_new(key, false, "rc_snapshot_statistics");
    hold_store(st, snap->store);
    for (size_t i = 0; i < snap->n; i++) {
        stat_ent *e = group_entry(st, snap->store->tbs[snap->e[i].tb]);
        e->size += snap->e[i].size;
        e->count += snap->e[i].count;
    }
    finish(st);
    return st;
}

rc_stats *rc_snapshot_compare_to(rc_snapshot *now, rc_snapshot *before, rc_key key) {
    need_snapshot(now, "rc_snapshot_compare_to");
    need_snapshot(before, "rc_snapshot_compare_to");
    rc_stats *st = stats_new(key, true, "rc_snapshot_compare_to");
    hold_store(st, now->store);
    hold_store(st, before->store);
    for (size_t i = 0; i < now->n; i++) {
        stat_ent *e = group_entry(st, now->store->tbs[now->e[i].tb]);
        e->size += now->e[i].size;
        e->count += now->e[i].count;
    }
    for (size_t i = 0; i < before->n; i++) {
        stat_ent *e = group_entry(st, before->store->tbs[before->e[i].tb]);
        e->old_size += before->e[i].size;
        e->old_count += before->e[i].count;
    }
    finish(st);
    return st;
}

/* ---- reading and printing ---------------------------------------------- */

static void need_stats(const rc_stats *st, const char *fn) {
    if (!st) rc__fatal("%s: the stats object is NULL", fn);
    if (rc__type_of(RC_HEAD_OF(st)) != &stats_type)
        rc__fatal("%s: %p is a '%s', not an rc_stats", fn, (const void *)st,
                  rc__type_of(RC_HEAD_OF(st))->name);
}

size_t rc_stats_len(rc_stats *st) {
    need_stats(st, "rc_stats_len");
    return st->n;
}

int rc_stats_get(rc_stats *st, size_t i, rc_stat *out) {
    need_stats(st, "rc_stats_get");
    if (i >= st->n || !out) return -1;
    const stat_ent *e = &st->e[i];
    out->file = e->site->file;
    out->line = st->key == RC_KEY_FILENAME ? 0 : e->site->line;
    out->func = st->key == RC_KEY_FILENAME ? NULL : e->site->func;
    out->size = e->size;
    out->count = e->count;
    out->size_diff = st->diff ? (long long)e->size - (long long)e->old_size : 0;
    out->count_diff = st->diff ? (long long)e->count - (long long)e->old_count : 0;
    out->nframes = (size_t)e->nraw + 1;
    return 0;
}

int rc_stats_get_frame(rc_stats *st, size_t i, size_t f, rc_frame *out) {
    need_stats(st, "rc_stats_get_frame");
    if (i >= st->n || !out) return -1;
    const stat_ent *e = &st->e[i];
    if (f > e->nraw) return -1;
    memset(out, 0, sizeof *out);
    if (f == 0) {
        out->file = e->site->file;
        out->line = st->key == RC_KEY_FILENAME ? 0 : e->site->line;
        out->func = st->key == RC_KEY_FILENAME ? NULL : e->site->func;
        return 0;
    }
    void *a = e->raw[f - 1];
    const rc__sym *s = rc__symbolize(a);
    out->file = s->module;
    out->line = 0;
    out->func = s->name;
    out->addr = a;
    out->offset = (size_t)s->offset;
    return 0;
}

/* Python's _format_size. */
static void format_size(char *buf, size_t n, double size, bool sign) {
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    for (int u = 0;; u++) {
        double mag = size < 0 ? -size : size;
        if (mag < 100 && u != 0) {
            snprintf(buf, n, sign ? "%+.1f %s" : "%.1f %s", size, units[u]);
            return;
        }
        if (mag < 10 * 1024 || u == 4) {
            snprintf(buf, n, sign ? "%+.0f %s" : "%.0f %s", size, units[u]);
            return;
        }
        size /= 1024;
    }
}

void rc_stats_print(rc_stats *st, size_t top_n, FILE *out) {
    need_stats(st, "rc_stats_print");
    if (!out) out = stdout;
    size_t n = (top_n && top_n < st->n) ? top_n : st->n;
    for (size_t i = 0; i < n; i++) {
        rc_stat s;
        rc_stats_get(st, i, &s);
        char size[32], diff[32], avg[32];
        format_size(size, sizeof size, (double)s.size, false);
        fprintf(out, "%s:%d: size=%s", s.file, s.line, size);
        if (st->diff) {
            format_size(diff, sizeof diff, (double)s.size_diff, true);
            fprintf(out, " (%s), count=%zu (%+lld)", diff, s.count, s.count_diff);
        } else {
            fprintf(out, ", count=%zu", s.count);
        }
        if (s.count) {
            format_size(avg, sizeof avg, (double)s.size / (double)s.count, false);
            fprintf(out, ", average=%s", avg);
        }
        fputc('\n', out);
    }
}

void rc_stats_print_traceback(rc_stats *st, size_t i, FILE *out) {
    need_stats(st, "rc_stats_print_traceback");
    if (!out) out = stdout;
    if (i >= st->n) rc__fatal("rc_stats_print_traceback: entry %zu out of range (%zu entries)",
                              i, st->n);
    /* oldest first, as Python's Traceback.format() */
    for (size_t k = st->e[i].nraw + 1; k-- > 0;) {
        rc_frame f;
        rc_stats_get_frame(st, i, k, &f);
        if (k == 0) {
            fprintf(out, "  File \"%s\", line %d", f.file, f.line);
            if (f.func) fprintf(out, ", in %s", f.func);
        } else if (f.func) {
            fprintf(out, "  File \"%s\", in %s+0x%zx [%p]", f.file, f.func, f.offset, f.addr);
        } else {
            fprintf(out, "  File \"%s\", at +0x%zx [%p]", f.file, f.offset, f.addr);
        }
        fputc('\n', out);
    }
}
