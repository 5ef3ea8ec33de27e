// While an incremental collection runs, a backlog of candidate roots still
// brings the synchronous collections sooner (gc.c, pace(): after
// threshold0 / 8 allocations instead of threshold0), at the IC's trigger
// granularity (threshold0 / 32). Before, their turn came only after
// threshold0 allocations during an IC: backlogged roots piled up, and the
// dead among them stayed as zombies (a path-copying red-black tree held
// 4.2 times the memory).
// An IC holding a ring and a 200,000-node live chain runs; 9,692 self-cycles
// are released with the collector disabled (more than one budget, 8,192);
// once enabled, the first synchronous collection leaves roots waiting, and
// the next comes within 2000 / 8 + 2000 / 32 + 1 allocations, while the IC
// still runs.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/ic_test.h"

enum { BUDGET = 8192, N = BUDGET + 1500, CHAIN = 200000, KEEP = 5000 };

static int syncs;       /* synchronous collections seen */
static long allocs_at[2]; /* allocations made when the first two ended */
static long allocs;
static void on_gc(const char *phase, const rc_gc_info *info, void *ctx) {
    (void)ctx;
    if (phase[2] == 'o' && !info->incremental && syncs < 2) allocs_at[syncs++] = allocs;
}

static struct node *kept[KEEP];

int main(void) {
    struct node *last, *holder = chain(CHAIN, 1, &last);
    rc_decref(last);
    CHECK(ic_with_members(20000 + CHAIN, holder));
    rc_gc_disable();
    for (int i = 0; i < N; i++) {
        struct node *o = node_new(i);
        SET(o->next, o);
        rc_decref(o); /* count 1: its own slot; buffered */
    }
    rc_gc_callback_add(on_gc, NULL);
    rc_gc_enable();
    for (int i = 0; i < KEEP && syncs < 2; i++) {
        kept[i] = node_new(i);
        allocs++;
    }
    CHECK_EQ(syncs, 2);
    long gap = allocs_at[1] - allocs_at[0];
    CHECK(gap <= 2000 / 8 + 2000 / 32 + 1);
    if (gap > 2000 / 8 + 2000 / 32 + 1) fprintf(stderr, "second period %ld\n", gap);
    CHECK(rc_gc_get_incremental_count() != 0); /* ... all while the IC ran */
    rc_gc_callback_remove(on_gc, NULL);
    for (int i = 0; i < KEEP; i++) rc_decref(kept[i]);
    rc_decref(holder);
    rc_gc_collect(-1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
