// get_traced_memory: current and peak traced size (block sizes), peak kept
// after frees until reset_peak; stop() clears traces and both numbers; an
// object allocated before start() is never traced. The same with every
// allocator: pool objects have side tables, malloc'd ones a hash table.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=malloc %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct blob { char b[120]; }; /* block 128 B */

int main(void) {
    size_t cur = 1, peak = 1;
    struct blob *early = rc_new(struct blob);
    CHECK(!rc_tracemalloc_is_tracing());
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, 0);
    CHECK_EQ(peak, 0);

    CHECK_EQ(rc_tracemalloc_start(1), 0);
    CHECK(rc_tracemalloc_is_tracing());
    struct blob *b[10];
    for (int i = 0; i < 10; i++) b[i] = rc_new(struct blob);
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, 1280);
    CHECK_EQ(peak, 1280);

    for (int i = 0; i < 6; i++) rc_decref(b[i]);
    rc_decref(early); /* untraced: changes nothing */
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, 512);
    CHECK_EQ(peak, 1280);

    rc_tracemalloc_reset_peak();
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, 512);
    CHECK_EQ(peak, 512);

    struct blob *x = rc_new(struct blob);
    rc_decref(x);
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, 512);
    CHECK_EQ(peak, 640);
    printf("current=%zu peak=%zu\n", cur, peak);
    // CHECK: current=512 peak=640

    /* many allocations and frees keep the table exact (growth, deletion) */
    rc_list *l = rc_list_new();
    for (int i = 0; i < 100000; i++) {
        struct blob *o = rc_new(struct blob);
        if (i % 3) rc_list_append(l, o);
        rc_decref(o);
    }
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    size_t list_size = cur - 512 - 66666 * 128;
    CHECK(list_size > 0 && list_size < 256); /* the rc_list object itself */
    while (rc_list_len(l) > 1000) rc_decref(rc_list_pop(l));
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, 512 + list_size + 1000 * 128);
    rc_snapshot *s = rc_tracemalloc_take_snapshot();
    CHECK_EQ(rc_snapshot_traces(s), 4 + 1 + 1000);
    rc_decref(s);
    rc_decref(l);

    rc_tracemalloc_stop();
    CHECK(!rc_tracemalloc_is_tracing());
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, 0);
    CHECK_EQ(peak, 0);
    rc_tracemalloc_reset_peak(); /* harmless when off */

    /* objects traced in a stopped session die quietly, a new session starts empty */
    rc_tracemalloc_start(1);
    rc_decref(b[6]);
    rc_tracemalloc_get_traced_memory(&cur, &peak);
    CHECK_EQ(cur, 0);
    for (int i = 7; i < 10; i++) rc_decref(b[i]);
    rc_tracemalloc_stop();
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
    // CHECK-NEXT: OK
}
