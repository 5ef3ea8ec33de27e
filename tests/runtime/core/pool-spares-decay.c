// Arenas that empty stay mapped as spares, so a structure freed and built
// again soon after reuses their memory instead of mapping (and faulting in)
// new arenas; a second after they emptied, the spares beyond half the arenas
// in use (at least one) go back to the OS at the allocator's next pool.
// REQUIRES: no-asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <time.h>

struct obj { char c[56]; };   /* 64-byte blocks */
struct other { char c[200]; }; /* another size class: no cached block, no pool */
#define N 200000              /* ~12.8 MB: a dozen arenas */
static void *objs[N];

static void build(void) { for (int i = 0; i < N; i++) objs[i] = rc_new(struct obj); }
static void drop(void) { for (int i = 0; i < N; i++) rc_decref(objs[i]); }

int main(void) {
    build();
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    CHECK(s.arenas >= 12);
    size_t peak = s.arenas;
    drop();
    rc_heap_get_stats(&s);
    CHECK_EQ(s.arenas, peak); /* every emptied arena is a spare */
    CHECK_EQ(s.arenas_released, 0);
    /* Built again at once: the spares are reused, nothing new is mapped. */
    build();
    rc_heap_get_stats(&s);
    CHECK_EQ(s.arenas_peak, peak);
    CHECK_EQ(s.arenas_released, 0);
    drop();
    rc_heap_get_stats(&s);
    size_t in_use = s.arenas - s.arenas_spare; /* the cache's blocks keep some pools */
    CHECK(in_use < peak / 2);
    CHECK_EQ(s.arenas, peak);
    /* A second later the next pool taken unmaps the spares beyond half the
     * arenas in use (at least one). */
    struct timespec t = {1, 200000000};
    nanosleep(&t, NULL);
    void *o = rc_new(struct other);
    rc_heap_get_stats(&s);
    in_use = s.arenas - s.arenas_spare;
    CHECK_EQ(s.arenas_spare, in_use / 2 > 1 ? in_use / 2 : 1);
    CHECK_EQ(s.arenas_released, peak - s.arenas);
    rc_decref(o);
    /* rc_heap_trim keeps one spare. */
    rc_heap_trim();
    rc_heap_get_stats(&s);
    CHECK_EQ(s.arenas, 1);
    CHECK_EQ(s.arenas_spare, 1);
    CHECK_DONE();
}
