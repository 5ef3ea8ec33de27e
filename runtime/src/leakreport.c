/*
 * leakreport.c — AUTORC_LEAK_REPORT=1: the managed objects still alive at
 * exit, grouped by type and allocation site, and the uncollectable ones.
 *
 * rc__trace_init installs report() with atexit() and starts tracing (at
 * least one frame) before the first object exists, so every object has a
 * trace with its rc_new site; a constructor runs that start-up before main,
 * so the report runs after the program's own atexit handlers. At exit,
 * report():
 *   1. runs a full collection, rc_gc_collect(-1), so cyclic garbage with no
 *      outside reference is not reported as a leak;
 *   2. walks the trace table (it holds every live traced object, tracked by
 *      the collector or not) and groups the objects by (type name, site file,
 *      site line, caller), leaving out rc_gc_garbage() and what it holds;
 *      the caller is the program's call that made a built-in object (the
 *      first frame outside the runtime, rc__tb_caller), traced with 2 or
 *      more frames, and names the group instead of the runtime's line;
 *   3. lists rc_gc_garbage()'s items one by one (the uncollectable objects,
 *      or all garbage under RC_GC_DEBUG_SAVEALL);
 *   4. counts live objects without a trace: allocated while tracing was
 *      off, or before an rc_tracemalloc_stop() (which drops all traces), and
 *      the tracing code's own snapshots and stats, which are never traced.
 * It writes to stderr and does not change the exit status. Format
 * (docs/tracemalloc.md):
 *
 *   autorc: leak report: 3 objects (144 B) alive at exit after a full collection (2 unreachable found)
 *   autorc:   2 x struct node (96 B) allocated at prog.c:12 in make_pair
 *   autorc:   1 x rc_list (48 B) allocated at ./prog in main+0x2a [0x55d0c1e2a1f4] through rc_list_new
 *   autorc: leak report: 1 uncollectable object in rc_gc_garbage()
 *   autorc:   struct obj at 0x6020000000f0, refcount 2, allocated at prog.c:20 in main
 *
 * Groups are ordered by count, then size (largest first), then type name,
 * file and line. With nothing alive the report is one line:
 *   autorc: leak report: no managed objects alive at exit
 */
#include "tracemalloc_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct group {
    const char *type;
    const rc__tb *tb; /* the first object's: its site, its caller */
    void *caller;     /* rc__tb_caller(tb): the program's call, or NULL */
    size_t count, size;
} group;

typedef struct collect {
    group *g;
    size_t n, cap;
    void **skip; /* sorted: the garbage list and its items */
    size_t nskip;
    size_t skipped_traced;
} collect;

static int cmp_ptr(const void *a, const void *b) {
    uintptr_t x = (uintptr_t) * (void *const *)a, y = (uintptr_t) * (void *const *)b;
    return (x > y) - (x < y);
}

static bool skipped(const collect *c, void *obj) {
    return c->nskip && bsearch(&obj, c->skip, c->nskip, sizeof *c->skip, cmp_ptr) != NULL;
}

static void add(void *obj, size_t size, const rc__tb *tb, void *ctx) {
    collect *c = ctx;
    if (skipped(c, obj)) {
        c->skipped_traced++;
        return;
    }
    const char *type = rc__type_of(RC_HEAD_OF(obj))->name;
    void *caller = rc__tb_caller(tb);
    for (size_t i = 0; i < c->n; i++) {
        group *g = &c->g[i];
        if (g->tb->site->line == tb->site->line && g->caller == caller &&
            strcmp(g->type, type) == 0 && strcmp(g->tb->site->file, tb->site->file) == 0) {
            g->count++;
            g->size += size;
            return;
        }
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->g = rc__xrealloc(c->g, c->cap * sizeof *c->g);
    }
    c->g[c->n++] = (group){type, tb, caller, 1, size};
}

static int cmp_group(const void *pa, const void *pb) {
    const group *a = pa, *b = pb;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    if (a->size != b->size) return a->size > b->size ? -1 : 1;
    int c = strcmp(a->type, b->type);
    if (c) return c;
    if ((c = strcmp(a->tb->site->file, b->tb->site->file))) return c;
    if (a->tb->site->line != b->tb->site->line)
        return (a->tb->site->line > b->tb->site->line) - (a->tb->site->line < b->tb->site->line);
    uintptr_t x = (uintptr_t)a->caller, y = (uintptr_t)b->caller;
    return (x > y) - (x < y);
}

/* Where tb's object was allocated: the rc_new site; for a built-in's
 * constructor (a runtime site) the program's call that made it, the first
 * frame outside the runtime, when more than one frame was traced. */
static void print_where(FILE *out, const rc__tb *tb) {
    const rc_site *site = tb->site;
    const char *func = site->func ? site->func : "?";
    void *caller = rc__tb_caller(tb);
    if (!caller) {
        fprintf(out, "%s:%d in %s", site->file, site->line, func);
        if (rc__runtime_site(site) && rc__trace_nframes() == 1)
            fprintf(out, " (a built-in's constructor: AUTORC_TRACEMALLOC=2 names its caller)");
        return;
    }
    const rc__sym *s = rc__symbolize(caller);
    if (s->name)
        fprintf(out, "%s in %s+0x%zx [%p]", s->module, s->name, (size_t)s->offset, caller);
    else
        fprintf(out, "%s+0x%zx [%p]", s->module, (size_t)s->offset, caller);
    fprintf(out, " through %s", func);
}

static const char *plural(size_t n, const char *one, const char *many) {
    return n == 1 ? one : many;
}

static void report(void) {
    FILE *out = stderr;
    fflush(stdout);
    long found = rc_gc_collect(-1);
    rc_list *garbage = rc_gc_garbage();
    size_t ngarbage = garbage ? rc_list_len(garbage) : 0;

    collect c = {0};
    if (garbage) {
        c.skip = rc__xmalloc((ngarbage + 1) * sizeof *c.skip);
        c.skip[c.nskip++] = garbage;
        for (size_t i = 0; i < ngarbage; i++) {
            void *o = rc_list_get(garbage, i);
            if (o) c.skip[c.nskip++] = o;
        }
        qsort(c.skip, c.nskip, sizeof *c.skip, cmp_ptr);
    }
    rc__trace_foreach(add, &c);
    if (c.n > 1) qsort(c.g, c.n, sizeof *c.g, cmp_group);

    size_t traced = 0, bytes = 0;
    for (size_t i = 0; i < c.n; i++) {
        traced += c.g[i].count;
        bytes += c.g[i].size;
    }
    /* live objects the trace table does not know */
    size_t live = rc_live_objects();
    size_t untraced = live - rc__trace_count();
    if (garbage && !(RC_HEAD_OF(garbage)->flags & RC_F_TRACED)) untraced--;
    size_t alive = traced + untraced;
    if (alive == 0 && ngarbage == 0) {
        fprintf(out, "autorc: leak report: no managed objects alive at exit\n");
    } else {
        fprintf(out, "autorc: leak report: %zu %s (%zu B) alive at exit after a full collection"
                     " (%ld unreachable found)\n",
                alive, plural(alive, "object", "objects"), bytes, found);
        for (size_t i = 0; i < c.n; i++) {
            const group *g = &c.g[i];
            fprintf(out, "autorc:   %zu x %s (%zu B) allocated at ", g->count, g->type, g->size);
            print_where(out, g->tb);
            fputc('\n', out);
        }
        if (untraced)
            fprintf(out, "autorc:   %zu x %s not traced (allocated while tracing was off, or "
                         "before an rc_tracemalloc_stop; type and site unknown)\n",
                    untraced, plural(untraced, "object", "objects"));
    }
    if (ngarbage) {
        fprintf(out, "autorc: leak report: %zu uncollectable %s in rc_gc_garbage()\n", ngarbage,
                plural(ngarbage, "object", "objects"));
        for (size_t i = 0; i < ngarbage; i++) {
            void *o = rc_list_get(garbage, i);
            if (!o) continue;
            fprintf(out, "autorc:   %s at %p, refcount %zu", rc_typename(o), o,
                    rc_getrefcount(o));
            const rc__tb *tb = rc__trace_lookup(o);
            if (tb) {
                fprintf(out, ", allocated at ");
                print_where(out, tb);
                fputc('\n', out);
            } else
                fprintf(out, ", not traced\n");
        }
    }
    fflush(out);
    free(c.g);
    free(c.skip);
}

/* Run start-up before main when the report is asked for: the report is then
 * registered with atexit() before any handler of the program, so it runs
 * after all of them (atexit runs handlers in reverse order) and does not
 * report objects that a program's own at-exit clean-up releases. */
__attribute__((constructor)) static void leak_report_early(void) {
    const char *l = getenv("AUTORC_LEAK_REPORT");
    if (l && *l) rc__init_once();
}

void rc__leak_report_install(void) {
    static bool installed;
    if (installed) return;
    installed = true;
    if (atexit(report) != 0) rc__fatal("AUTORC_LEAK_REPORT: atexit() refused the report");
}
