/*
 * churn.c — small-object churn: sizes 16..256 bytes, mixed lifetimes.
 *
 * Every step allocates one block and, sooner or later, frees it:
 *   40% short-lived  (freed 8 steps later, from a ring of 8),
 *   50% medium       (freed M steps later, a FIFO; M = 4096 by default),
 *   10% long-lived   (replaces a random one of L slots; L = 50,000).
 * Usage: churn [steps] [M] [L]. The default ("mixed") keeps ~7 MB live, more
 * than the caches hold; `churn N 256 1024` ("hot") keeps ~180 KB live, so
 * that the allocator's own work, not cache misses, dominates.
 * Each block's first and last word are written, as a user would initialise
 * an object. The same program is built once per allocator (-DUSE_...):
 *   USE_GLIBC     malloc/free of glibc
 *   USE_MIMALLOC  mi_malloc/mi_free
 *   USE_JEMALLOC  malloc/free with libjemalloc linked (it replaces them)
 *   USE_POOL      autorc's pools (rc__pool_alloc/rc__pool_free, the layer
 *                 rc_new uses for objects up to 512 bytes)
 *   USE_OBJECTS   whole autorc objects: rc_new-equivalent + rc_decref (adds
 *                 the 8-byte header, zero fill and the count) against
 *                 calloc-free of glibc in USE_GLIBC_CALLOC
 * Prints the elapsed seconds of the churn loop and a checksum.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(USE_MIMALLOC)
#include <mimalloc.h>
#define ALLOC(n) mi_malloc(n)
#define FREE(p, n) mi_free(p)
#elif defined(USE_POOL)
void *rc__pool_alloc(size_t n);
void rc__pool_free(void *p, size_t n);
#define ALLOC(n) rc__pool_alloc(n)
#define FREE(p, n) rc__pool_free(p, n)
#elif defined(USE_OBJECTS)
#include <autorc.h>
/* One descriptor per 16-byte size class, as the plugin would generate one per type. */
static rc_type types[16];
static uint32_t type_rt[16]; /* the runtime's word, as the plugin gives every descriptor */
static void *obj_alloc(size_t n) {
    size_t c = (n - 1) >> 4;
    if (!types[c].size) {
        types[c].name = "blob";
        types[c].size = (uint32_t)((c + 1) << 4);
        types[c].flags = RC_TYPE_ACYCLIC;
        types[c].align = 8;
        types[c].rt = &type_rt[c];
    }
    static const rc_site site = {__FILE__, "obj_alloc", __LINE__};
    return rc__new(&types[c], &site);
}
#define ALLOC(n) obj_alloc(n)
#define FREE(p, n) rc_decref(p)
#elif defined(USE_GLIBC_CALLOC)
#define ALLOC(n) calloc(1, n)
#define FREE(p, n) free(p)
#else /* USE_GLIBC, USE_JEMALLOC */
#define ALLOC(n) malloc(n)
#define FREE(p, n) free(p)
#endif

#define SHORT 8
#define MEDIUM_MAX 4096
#define LONG_MAX 50000

typedef struct { void *p; size_t n; } slot;
static slot shorts[SHORT], mediums[MEDIUM_MAX], longs[LONG_MAX];

static uint64_t rng = 88172645463325252ull;
static inline uint64_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static inline void *make(size_t n) {
    char *p = ALLOC(n);
    if (!p) { fprintf(stderr, "out of memory\n"); exit(1); }
    *(uint64_t *)p = n;
    *(uint64_t *)(p + n - 8) = n;
    return p;
}

static inline uint64_t drop(slot *s) {
    uint64_t sum = 0;
    if (s->p) {
        sum = *(uint64_t *)s->p;
        FREE(s->p, s->n);
    }
    return sum;
}

/* r in [0, n) without a division (Lemire's multiply-shift): the harness
 * should cost little next to the allocator it measures. */
static inline uint32_t below(uint32_t r, uint32_t n) { return (uint32_t)(((uint64_t)r * n) >> 32); }

int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : 20000000;
    uint32_t medium = argc > 2 ? (uint32_t)atol(argv[2]) : MEDIUM_MAX;
    uint32_t nlong = argc > 3 ? (uint32_t)atol(argv[3]) : LONG_MAX;
    if (medium < 1 || medium > MEDIUM_MAX || nlong < 1 || nlong > LONG_MAX) {
        fprintf(stderr, "churn: M must be 1..%d and L 1..%d\n", MEDIUM_MAX, LONG_MAX);
        return 2;
    }
    uint64_t sum = 0;
    size_t si = 0, mi = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < steps; i++) {
        uint64_t r = next();
        size_t n = 16 + below((uint32_t)r, 241);
        n = (n + 7) & ~(size_t)7;
        unsigned kind = below((uint32_t)(r >> 16), 10);
        slot *s;
        if (kind < 4) {
            s = &shorts[si];
            si = (si + 1) % SHORT;
        } else if (kind < 9) {
            s = &mediums[mi];
            if (++mi == medium) mi = 0;
        } else {
            s = &longs[below((uint32_t)(r >> 32), nlong)];
        }
        sum += drop(s);
        s->p = make(n);
        s->n = n;
    }
    for (size_t i = 0; i < SHORT; i++) sum += drop(&shorts[i]);
    for (size_t i = 0; i < medium; i++) sum += drop(&mediums[i]);
    for (size_t i = 0; i < nlong; i++) sum += drop(&longs[i]);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%.4f %llu\n", secs, (unsigned long long)sum);
    return 0;
}
