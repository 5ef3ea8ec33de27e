/* bench/pause: how long automatic collections stop the program while a
 * large heap of a cyclic-capable type is alive.
 *
 * Phase 1 builds the live heap the way a program would: LISTS doubly linked
 * lists (strong next and prev, so every list is itself a live cycle) of one
 * node type, appended through a `tail` local, until about LIVE_MIB MiB of
 * pool memory is in use (rc_heap_get_stats: arenas * 1 MiB).
 * Phase 2 makes cyclic garbage for ROUNDS rounds: a ring of 100 nodes whose
 * `other` field refers into the live lists, then dropped.
 * Every collection is timed by a gc callback ("start" to "stop"), in the
 * thread's CPU time (what the collector costs; on a loaded machine the wall
 * clock also counts the time the process waits for a core) and in wall
 * time: per generation, and the final steps of incremental collections
 * (rc_gc_info.incremental) apart. The slices of an incremental collection
 * run no callback, so the program also times every iteration of its loops
 * (one iteration: LISTS appends in phase 1, one ring in phase 2), whatever
 * ran inside: no collector work can hide from that. The program prints,
 * per phase and kind, the number of collections and the median, 99th
 * percentile and maximum pause in microseconds; per phase, the same for
 * all iterations and for the iterations in which no collection ran (the
 * program's work plus any slice); and the most live objects during phase 2
 * (bounded: the garbage is reclaimed while the program runs, with no
 * explicit collection).
 * Build: <build>/bin/autorc-cc -O2 pause.c -o pause
 *   pause [LIVE_MIB=100] [ROUNDS=200000] */
#include <autorc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct RC_MANAGED node {
    struct node *next, *prev, *other;
    long val;
};

#define MAXP 1000000
enum { KINDS = 4 }; /* generations 0, 1, 2, and incremental final steps */
typedef struct pauses {
    double *us[KINDS];
    size_t n[KINDS];
} pauses;
static pauses phase[2][2]; /* [phase][0: CPU time, 1: wall time] */
static int cur;
static double t_start[2];
static long ncollections; /* callbacks seen: did a collection run in an iteration? */

static double clock_us(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec * 1e-3;
}
static double now_us(void) { return clock_us(CLOCK_MONOTONIC); }

static void on_gc(const char *what, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (strcmp(what, "start") == 0) {
        t_start[0] = clock_us(CLOCK_THREAD_CPUTIME_ID);
        t_start[1] = now_us();
        return;
    }
    double t[2] = {clock_us(CLOCK_THREAD_CPUTIME_ID), now_us()};
    ncollections++;
    for (int k = 0; k < 2; k++) {
        pauses *p = &phase[cur][k];
        int g = info->incremental ? 3 : info->generation;
        if (!p->us[g]) p->us[g] = malloc(MAXP * sizeof(double));
        if (p->n[g] < MAXP) p->us[g][p->n[g]++] = t[k] - t_start[k];
    }
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *name, pauses *p) {
    static const char *kind[KINDS] = {"gen 0", "gen 1", "gen 2", "IC final"};
    for (int g = 0; g < KINDS; g++) {
        size_t n = p->n[g];
        if (!n) {
            printf("%-12s %-8s: no collections\n", name, kind[g]);
            continue;
        }
        qsort(p->us[g], n, sizeof(double), cmp);
        printf("%-12s %-8s: %6zu collections, pause median %9.1f us, p99 %9.1f us, max %9.1f us\n",
               name, kind[g], n, p->us[g][n / 2], p->us[g][n * 99 / 100], p->us[g][n - 1]);
    }
}

/* Iterations of the program's loops, timed from its side. */
typedef struct iters {
    double *us[2][2]; /* [0: all, 1: no collection ran][0: CPU, 1: wall] */
    size_t n[2], cap;
} iters;
static iters loops[2];
static double it_t[2];
static long it_coll;
static void iter_begin(void) {
    it_t[0] = clock_us(CLOCK_THREAD_CPUTIME_ID);
    it_t[1] = now_us();
    it_coll = ncollections;
}
static void iter_end(void) {
    double t[2] = {clock_us(CLOCK_THREAD_CPUTIME_ID), now_us()};
    iters *it = &loops[cur];
    if (it->n[0] == it->cap) {
        it->cap = it->cap ? it->cap * 2 : 4096;
        for (int a = 0; a < 2; a++)
            for (int k = 0; k < 2; k++) it->us[a][k] = realloc(it->us[a][k], it->cap * sizeof(double));
    }
    for (int a = 0; a < 1 + (ncollections == it_coll); a++) {
        for (int k = 0; k < 2; k++) it->us[a][k][it->n[a]] = t[k] - it_t[k];
        it->n[a]++;
    }
}
static void report_iters(const char *name, iters *it) {
    static const char *what[2] = {"every iteration", "no collection"};
    static const char *clk[2] = {"cpu", "wall"};
    for (int a = 0; a < 2; a++)
        for (int k = 0; k < 2; k++) {
            size_t n = it->n[a];
            if (!n) continue;
            double *v = it->us[a][k];
            qsort(v, n, sizeof(double), cmp);
            printf("%-8s %-4s %-15s: %7zu iterations, median %7.1f us, p99 %7.1f us, p99.9 %8.1f us, max %9.1f us\n",
                   name, clk[k], what[a], n, v[n / 2], v[n * 99 / 100], v[n * 999 / 1000], v[n - 1]);
        }
}

static size_t heap_mib(void) {
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    return s.arenas; /* arenas are 1 MiB */
}

int main(int argc, char **argv) {
    size_t live_mib = argc > 1 ? (size_t)atol(argv[1]) : 100;
    long rounds = argc > 2 ? atol(argv[2]) : 200000;
    enum { LISTS = 64 };
    rc_gc_callback_add(on_gc, NULL);

    /* Phase 1: the live heap. */
    double t0 = now_us();
    struct node *heads[LISTS] = {0};
    struct node *tails[LISTS] = {0};
    long count = 0;
    while (heap_mib() < live_mib) {
        iter_begin();
        for (int l = 0; l < LISTS; l++) {
            struct node *nd = rc_new(struct node);
            nd->val = count++;
            if (!heads[l]) {
                heads[l] = nd;
            } else {
                nd->prev = tails[l];
                tails[l]->next = nd;
            }
            tails[l] = nd;
        }
        iter_end();
    }
    double t1 = now_us();

    /* Phase 2: cyclic garbage over the live heap. */
    cur = 1;
    struct node *refs[1024];
    for (int i = 0; i < 1024; i++) { /* nodes spread over the lists */
        struct node *p = heads[i % LISTS];
        for (int k = 0; k < i && p->next; k++) p = p->next;
        refs[i] = p;
    }
    size_t peak_live = 0;
    for (long r = 0; r < rounds; r++) {
        iter_begin();
        struct node *head = rc_new(struct node);
        struct node *tail = head;
        for (int i = 1; i < 100; i++) {
            struct node *nd = rc_new(struct node);
            nd->val = i;
            nd->other = refs[(r + i) & 1023];
            nd->prev = tail;
            tail->next = nd;
            tail = nd;
        }
        tail->next = head;
        head->prev = tail;
        size_t live = rc_live_objects();
        if (live > peak_live) peak_live = live;
        iter_end();
    }
    double t2 = now_us();
    printf("live heap: %ld nodes in %d lists, %zu MiB of arenas; build %.2f s, garbage phase %.2f s\n",
           count, LISTS, heap_mib(), (t1 - t0) * 1e-6, (t2 - t1) * 1e-6);
    printf("garbage phase: %ld rings of 100 made and dropped, most live objects %zu (live heap %ld + %zu)\n",
           rounds, peak_live, count, peak_live - (size_t)count);
    report("build cpu", &phase[0][0]);
    report("build wall", &phase[0][1]);
    report("garbage cpu", &phase[1][0]);
    report("garbage wall", &phase[1][1]);
    report_iters("build", &loops[0]);
    report_iters("garbage", &loops[1]);
    return 0;
}
