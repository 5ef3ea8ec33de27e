// Built with ASan, memory the pools give back to the system carries no
// poison: ASan's munmap clears the shadow, so a pool must not poison a
// block's link after the free that unmapped its arena. A later mapping at
// that address which ASan does not clear (mremap moves pages and keeps the
// destination's shadow) would otherwise read as use-after-poison: the
// collector's set, grown by mremap over a released arena, did (ic-deep-ring.c).
// Here the blocks reach their emptying pools through rc_heap_trim's flush
// of the block cache (a full cache's free takes the same path).
// REQUIRES: asan
// RUN: %cc %s %autorc_lib -o %t && env AUTORC_MALLOC=pool %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <errno.h>
#include <sanitizer/asan_interface.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

struct obj { char c[56]; }; /* 64-byte blocks */
#define N 200000            /* ~12.8 MB: a dozen arenas */
static void *objs[N];

/* Is the page holding p unmapped? (mincore fails with ENOMEM.) */
static int unmapped(const void *p, size_t page) {
    unsigned char v;
    void *base = (void *)((uintptr_t)p & ~(uintptr_t)(page - 1));
    return mincore(base, page, &v) != 0 && errno == ENOMEM;
}

static size_t check_released(size_t page) {
    size_t pages = 0;
    for (int i = 0; i < N; i++) {
        if (!unmapped(objs[i], page)) continue;
        pages++;
        void *base = (void *)((uintptr_t)objs[i] & ~(uintptr_t)(page - 1));
        void *bad = __asan_region_is_poisoned(base, page);
        if (bad) {
            fprintf(stderr, "poisoned after unmap: %p (block %p)\n", bad, objs[i]);
            return 0;
        }
    }
    return pages;
}

int main(void) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < N; i++) objs[i] = rc_new(struct obj);
    rc_heap_stats s;
    rc_heap_get_stats(&s);
    CHECK(s.arenas >= 12);
    for (int i = 0; i < N; i++) rc_decref(objs[i]);
    rc_heap_trim(); /* the cache's blocks go back: pools and arenas empty */
    rc_heap_get_stats(&s);
    CHECK_EQ(s.arenas, 1);
    CHECK(check_released(page) > 0);
    CHECK_DONE();
}
