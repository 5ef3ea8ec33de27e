// Freed blocks are reused before new memory is mapped; arenas that empty stay
// mapped as spares for a while (pool-spares-decay.c); rc_heap_trim empties the
// block caches and returns every empty arena but one to the OS.
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct obj { char c[56]; }; /* 64-byte blocks */
#define N 200000            /* ~12.8 MB: a dozen arenas */
static void *objs[N];

int main(void) {
    for (int i = 0; i < N; i++) objs[i] = rc_new(struct obj);
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    CHECK(s.arenas >= 12);
    size_t peak = s.arenas;
    /* Free every other object: no arena empties. */
    for (int i = 0; i < N; i += 2) rc_decref(objs[i]);
    rc_heap_get_stats(&s);
    CHECK_EQ(s.arenas, peak);
    CHECK_EQ(s.arenas_released, 0);
    /* Allocating again reuses the freed blocks: no new arena. */
    for (int i = 0; i < N; i += 2) objs[i] = rc_new(struct obj);
    rc_heap_get_stats(&s);
    CHECK_EQ(s.arenas, peak);
    for (int i = 0; i < N; i++) rc_decref(objs[i]);
    rc_heap_get_stats(&s);
    CHECK(s.cached <= N / 4 + 1000); /* most blocks went back to their pools */
    CHECK(s.arenas_spare > 0);        /* their emptied arenas are spares, */
    CHECK_EQ(s.arenas, peak);         /* not unmapped yet */
    CHECK_EQ(s.arenas_released, 0);
    rc_heap_trim();
    rc_heap_get_stats(&s);
    CHECK_EQ(s.arenas, 1); /* the spare */
    CHECK_EQ(s.arenas_released, peak - 1);
    CHECK_EQ(s.pools, 0);
    CHECK_EQ(s.arenas_peak, peak);
    /* The spare is used again. */
    void *o = rc_new(struct obj);
    rc_heap_get_stats(&s);
    CHECK_EQ(s.arenas, 1);
    rc_decref(o);
    CHECK_DONE();
}
