/*
 * tracemalloc_internal.h — what the tracing files share (tracemalloc.c,
 * snapshot.c, leakreport.c, dot.c). Not part of the public API.
 *
 * Vocabulary (as in CPython's Modules/_tracemalloc.c):
 *   trace      one live traced object: its address, its block size and the
 *              id of its traceback (tracemalloc.c's trace table).
 *   traceback  where an object was allocated: frame 0 is the rc_new site
 *              (file, function, line, from RC__SITE()); frames 1.. are the
 *              return addresses of the callers above it, captured with
 *              backtrace() when nframes > 1 (for a runtime site, from the
 *              first caller outside the runtime). Tracebacks are interned: equal
 *              ones share one id in a traceback store.
 *   store      the interned tracebacks of one tracing session (start..stop).
 *              Reference counted: the tracer holds one reference while
 *              tracing, every snapshot and stats object holds one, so a
 *              snapshot stays readable after rc_tracemalloc_stop().
 */
#ifndef AUTORC_TRACEMALLOC_INTERNAL_H
#define AUTORC_TRACEMALLOC_INTERNAL_H

#include "internal.h"

/* Most frames a traceback may hold (rc_tracemalloc_start's upper bound). */
#define RC_TRACE_MAX_FRAMES 128

typedef struct rc__tb {
    const rc_site *site; /* frame 0 */
    uint32_t nraw;       /* frames beyond the site */
    uint32_t hash;
    void *raw[];         /* callers' return addresses, most recent first */
} rc__tb;

typedef struct rc__tbstore {
    size_t refs;
    rc__tb **tbs;        /* by id */
    uint32_t ntbs, cap;
    uint32_t *index;     /* open addressing: id + 1, 0 = empty */
    uint32_t index_mask;
} rc__tbstore;

void rc__tbstore_incref(rc__tbstore *s);
void rc__tbstore_decref(rc__tbstore *s);

/* Per-traceback totals, the contents of a snapshot. */
typedef struct rc__tbtotal {
    uint32_t tb;
    size_t size;
    size_t count;
} rc__tbtotal;

/* Suspend tracing while the tracing code allocates its own managed objects
 * (snapshots, stats): they are instruments, not the program's memory. */
bool rc__trace_suspend(void);
void rc__trace_resume(bool was);

/* The live traces: calls fn(obj, size, tb) for each; fn must not allocate
 * or free managed objects. */
typedef void (*rc__trace_fn)(void *obj, size_t size, const rc__tb *tb, void *ctx);
void rc__trace_foreach(rc__trace_fn fn, void *ctx);
size_t rc__trace_count(void);
/* Add every live trace's size and count to by_tb[its traceback id]
 * (by_tb has rc__trace_store()->ntbs zeroed entries). */
void rc__trace_totals(rc__tbtotal *by_tb);
/* The traceback of a live traced object, or NULL. */
const rc__tb *rc__trace_lookup(const void *obj);

/* The program's call that made tb's object, when frame 0 is a runtime site
 * (a built-in's constructor) and a caller was traced: frame 1, the first
 * frame outside the runtime. Else NULL. */
void *rc__tb_caller(const rc__tb *tb);

/* The current store (NULL when not tracing) and the traceback limit. */
rc__tbstore *rc__trace_store(void);
int rc__trace_nframes(void);

/* Symbolised return address (snapshot.c; cached, computed on first use). */
typedef struct rc__sym {
    const char *module; /* shared object or executable path, or "??" */
    const char *name;   /* nearest symbol, or NULL */
    uintptr_t offset;   /* from the symbol, else from the module base */
} rc__sym;
const rc__sym *rc__symbolize(void *addr);

/* The leak report's at-exit hook (leakreport.c). */
void rc__leak_report_install(void);

#endif /* AUTORC_TRACEMALLOC_INTERNAL_H */
