/*
 * threadcheck.c — AUTORC_MALLOC=debug: count changes from the wrong thread.
 *
 * Counts are plain integers (docs/runtime.md, Threads): an object belongs
 * to one thread at a time. Debug mode checks it. State per object:
 *
 *   owner   the thread that created it, or the last one that adopted it
 *           with rc_set_owner_thread; kept in the debug heap's block prefix
 *           (rc__debug_owner), so the head stays 8 bytes.
 *   RC__F_OWNED  head flag bit 15, set by rc__new on every debug-heap
 *           object: the inline rc_decref of autorc.h tests it and calls
 *           rc__owner_check. In pool and malloc mode no object has it, and
 *           the inline path pays nothing (rc_decref folds it into its
 *           candidate-root test). rc_incref is not checked: each retain is
 *           caught at its release, and a call in the inline retain made
 *           every caller's frame larger (24 -> 56 bytes under ASan,
 *           tests/lit/plugin/run-asan-frame-size.c).
 *
 * A thread is named by a small number given at its first use of the runtime
 * (1, 2, ...: pthread_t is opaque) and its OS thread id (gettid, Linux).
 *
 * Invariant: every release made by the program (rc_decref, the releases
 * of a dying object's fields; a retain is caught at its release) on an RC__F_OWNED object happens
 * on its owner thread, or the program stops naming the type and both
 * threads. Exception: while a collection runs, the collector acts for the
 * whole process (the garbage it frees belongs to no thread any more), so
 * nothing is checked.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* syscall(SYS_gettid) */
#endif
#include "internal.h"
#include "gc_cand.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

typedef struct rc__owner {
    uint32_t number; /* the runtime's thread number, from 1 */
    int32_t tid;     /* the OS thread id, 0 if unknown */
} rc__owner;
_Static_assert(sizeof(rc__owner) == 8, "the owner fills the debug block's 8-byte pad");

static atomic_uint next_number;
static _Thread_local rc__owner self;

static rc__owner current(void) {
    if (RC_UNLIKELY(self.number == 0)) {
        self.number = atomic_fetch_add(&next_number, 1) + 1;
#if defined(__linux__) && defined(SYS_gettid)
        self.tid = (int32_t)syscall(SYS_gettid);
#endif
    }
    return self;
}

void rc__owner_init(void *block) {
    rc__owner me = current();
    memcpy(rc__debug_owner(block), &me, sizeof me);
}

static rc__owner owner_of(const rc__head *h) {
    rc__owner o;
    memcpy(&o, rc__debug_owner(rc__block_of(h)), sizeof o);
    return o;
}

void rc__owner_check(const void *obj) {
    const rc__head *h = RC_HEAD_OF(obj);
    rc__owner me = current(), o = owner_of(h);
    if (RC_LIKELY(o.number == me.number) || rc__gc_running()) return;
    rc__fatal("rc_decref of object %p of type '%s' on thread #%u (tid %d), but it belongs to thread "
              "#%u (tid %d): counts are not atomic; hand a graph of objects over with "
              "rc_set_owner_thread (docs/runtime.md, Threads)",
              obj, rc__type_of(h)->name,
              me.number, me.tid, o.number, o.tid);
}

/* The kept-alive side of a release (autorc.h's rc_decref and object.c's
 * destruction loop, count still above 0): the thread check, then the
 * candidate-root buffering the test also stands for. */
void rc__release_kept(rc__head *h) {
    if (h->flags & RC__F_OWNED) rc__owner_check(RC_OBJ_OF(h));
    if (rc__gc_wants_candidate(h)) cand_buffer(h);
}

/* ---- hand-off ------------------------------------------------------------ */

/* Objects already adopted by this call: an open-addressing set (a graph may
 * share objects and have cycles). */
typedef struct adopt_ctx {
    void **seen;
    size_t mask, used;
    void **stack;
    size_t n, cap;
    rc__owner me;
} adopt_ctx;

static bool seen_add(adopt_ctx *a, void *obj) {
    if ((a->used + 1) * 2 > a->mask + 1) {
        size_t old = a->mask + 1, n = old * 2;
        void **s = calloc(n, sizeof *s);
        if (!s) rc__fatal("out of memory (rc_set_owner_thread's set of %zu entries)", n);
        for (size_t j = 0; j < old; j++) {
            if (!a->seen[j]) continue;
            size_t i = rc__hash_ptr(a->seen[j]) & (n - 1);
            while (s[i]) i = (i + 1) & (n - 1);
            s[i] = a->seen[j];
        }
        free(a->seen);
        a->seen = s;
        a->mask = n - 1;
    }
    size_t i = rc__hash_ptr(obj) & a->mask;
    for (; a->seen[i]; i = (i + 1) & a->mask)
        if (a->seen[i] == obj) return false;
    a->seen[i] = obj;
    a->used++;
    return true;
}

static void adopt_visit(void **slot, void *ctx) {
    adopt_ctx *a = ctx;
    void *c = *slot;
    if (!c || RC_HEAD_OF(c)->refcnt == 0 || !seen_add(a, c)) return;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->stack = rc__xrealloc(a->stack, a->cap * sizeof *a->stack);
    }
    a->stack[a->n++] = c;
}

void rc_set_owner_thread(void *obj) {
    if (!obj || rc__mode != RC_MODE_DEBUG) return;
    adopt_ctx a = {calloc(64, sizeof(void *)), 63, 0, NULL, 0, 0, current()};
    if (!a.seen) rc__fatal("out of memory (rc_set_owner_thread)");
    void *root = obj;
    adopt_visit(&root, &a);
    while (a.n) {
        void *o = a.stack[--a.n];
        rc__head *h = RC_HEAD_OF(o);
        if (h->flags & RC__F_OWNED) memcpy(rc__debug_owner(rc__block_of(h)), &a.me, sizeof a.me);
        rc__traverse(o, adopt_visit, &a);
    }
    free(a.seen);
    free(a.stack);
}
