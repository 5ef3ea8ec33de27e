// Before the heap grows by an arena, the block caches give back what they
// hold beyond their fixed 128 KiB (pool.c, caches_yield): a program that
// frees a large structure of one size class and then builds one of another
// class reuses the first one's pools instead of mapping new memory. Here
// 400,000 24-byte blocks are freed (a quarter of them wait in their cache), then
// 400,000 56-byte blocks are allocated: the pools in use afterwards are the
// second structure's and at most the first class's 128 KiB, not the ~300
// pools the cached quarter of the first structure would pin.
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct small { void *a, *b; };                 /* 16 bytes: 24-byte blocks */
struct big { void *a, *b, *c, *d, *e, *f; };  /* 48 bytes: 56-byte blocks */
#define N 400000
static void *objs[N];

static rc_heap_stats stats(void) {
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    return s;
}

int main(void) {
    for (int i = 0; i < N; i++) objs[i] = rc_new(struct small);
    for (int i = 0; i < N; i++) rc_decref(objs[i]);
    CHECK(stats().cached >= N / 4 - 1000); /* a quarter wait in the cache */

    for (int i = 0; i < N; i++) objs[i] = rc_new(struct big);
    rc_heap_stats s = stats();
    /* 16 KiB pools less a 48-byte header hold 291 blocks of 56 bytes; the
     * small class keeps at most 128 KiB (5,461 blocks, 9 pools) and one
     * partly used pool. */
    size_t big_pools = (N + 290) / 291;
    CHECK(s.pools >= big_pools);
    CHECK(s.pools <= big_pools + 12);
    CHECK(s.cached <= 5461 + 1000);
    for (int i = 0; i < N; i++) rc_decref(objs[i]);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
