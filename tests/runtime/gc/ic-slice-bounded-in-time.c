// An incremental collection's slice is bounded in time as well as in units
// of work (gc_incremental.c, SLICE_NS): when every unit is slow (here each
// traverse call takes 2 us, as cache misses on a loaded machine make it),
// a slice stops after about 200 us (it reads the clock every 8 units once
// it has done 16) instead of doing its 2048 units (4 ms and more here). Slices run no callback: the work of one is what an
// allocation outside any collection traversed, measured from the program's
// side; the clock only ever ends a slice sooner, so the bound cannot fail
// on a slow or loaded machine. Before the time bound (1024 units a
// slice): 1,024 traverse calls in one slice; with it, 99-104.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"
#include <string.h>

static size_t collections;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)info;
    (void)ctx;
    /* only the slices' traversals are slow (collections are bounded by
     * their budget, in units; slow ones would only make the test long) */
    if (strcmp(phase, "start") == 0) {
        traverse_spin_ns = 0;
    } else {
        collections++;
        traverse_spin_ns = 2000;
    }
}

int main(void) {
    struct node *last, *list = chain(50000, 0, &last);
    CHECK(start_ic());
    rc_gc_callback_add(on_gc, NULL);
    traverse_spin_ns = 2000;
    size_t slice_max = 0, slices = 0;
    for (int i = 0; i < 3000 && rc_gc_get_incremental_count(); i++) {
        size_t t0 = traversed, c0 = collections;
        churn();
        if (collections == c0 && traversed > t0) {
            slices++;
            if (traversed - t0 > slice_max) slice_max = traversed - t0;
        }
    }
    traverse_spin_ns = 0;
    rc_gc_callback_remove(on_gc, NULL);
    fprintf(stderr, "%zu slices seen, the most traverse calls in one: %zu\n", slices, slice_max);
    CHECK(slices >= 10);
    CHECK(slice_max <= 512);
    CHECK(churn_until_no_ic(2000000));
    rc_decref(last);
    rc_decref(list);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
