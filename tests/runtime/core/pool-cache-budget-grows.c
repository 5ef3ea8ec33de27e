// The block cache's budget grows with its class's use: after a structure
// of 400,000 blocks of one class is freed, a quarter of them (100,000, far
// more than the fixed 128 KiB, 5,461 blocks of 24 bytes) waits in the cache
// for the next one, and no more; the next structure of the same size takes
// them back (the cache is empty again). A small program keeps the 128 KiB
// budget. rc_heap_trim empties the cache.
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct obj { void *a, *b; }; /* 16 bytes: 24-byte blocks */
#define N 400000
static void *objs[N];

static size_t cached(void) {
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    return s.cached;
}

int main(void) {
    /* Small: 1,000 objects freed, all cached (under the fixed budget). */
    for (int i = 0; i < 1000; i++) objs[i] = rc_new(struct obj);
    for (int i = 0; i < 1000; i++) rc_decref(objs[i]);
    size_t small = cached();
    CHECK(small >= 1000 && small < 5461 + 1000);
    rc_heap_trim();
    CHECK_EQ(cached(), 0);

    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < N; i++) objs[i] = rc_new(struct obj);
        for (int i = 0; i < N; i++) rc_decref(objs[i]);
        size_t c = cached();
        CHECK(c >= N / 4 - 1000);          /* a quarter of the blocks in use */
        CHECK(c <= N / 4 + 1000);          /* and not more */
    }
    for (int i = 0; i < N / 4 - 1000; i++) objs[i] = rc_new(struct obj);
    CHECK(cached() < 1000 + 64); /* taken back from the cache */
    for (int i = 0; i < N / 4 - 1000; i++) rc_decref(objs[i]);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
