// compare_to: differences between two snapshots by line, sorted as Python's
// Snapshot.compare_to (|size_diff|, size, |count_diff|, count, key; all
// descending) and printed as StatisticDiff.__str__, with lines that only
// the old snapshot has (size=0, negative differences, no average).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s && env AUTORC_MALLOC=malloc %t | FileCheck %s
#include <autorc.h>
#include <string.h>
#include "../../Inputs/check.h"

struct small { int x[3]; };     /* 20 B */
struct mid { char buf[52]; };   /* 60 B */
struct big { char buf[1016]; }; /* 1024 B */

static void *small_objs[10], *mid_objs[5], *kept[2], *big_objs[100];

int main(void) {
    rc_tracemalloc_start(1);
    for (int i = 0; i < 10; i++) small_objs[i] = rc_new(struct small); /* line A */
    for (int i = 0; i < 5; i++) mid_objs[i] = rc_new(struct mid);      /* line B */
    for (int i = 0; i < 2; i++) kept[i] = rc_new(struct mid);          /* line D */
    rc_snapshot *before = rc_tracemalloc_take_snapshot();

    for (int i = 0; i < 4; i++) rc_decref(small_objs[i]);
    for (int i = 0; i < 5; i++) rc_decref(mid_objs[i]);
    for (int i = 0; i < 100; i++) big_objs[i] = rc_new(struct big);     /* line C */
    rc_snapshot *after = rc_tracemalloc_take_snapshot();

    rc_stats *d = rc_snapshot_compare_to(after, before, RC_KEY_LINENO);
    CHECK_EQ(rc_stats_len(d), 4);
    rc_stat e;
    rc_stats_get(d, 0, &e);
    CHECK_EQ(e.line, 25);
    CHECK_EQ(e.size_diff, 102400);
    CHECK_EQ(e.count_diff, 100);
    rc_stats_get(d, 1, &e);
    CHECK_EQ(e.line, 19);
    CHECK_EQ(e.size, 0);
    CHECK_EQ(e.size_diff, -300);
    CHECK_EQ(e.count, 0);
    CHECK_EQ(e.count_diff, -5);
    rc_stats_get(d, 2, &e);
    CHECK_EQ(e.line, 18);
    CHECK_EQ(e.size_diff, -80);
    rc_stats_get(d, 3, &e);
    CHECK_EQ(e.line, 20);
    CHECK_EQ(e.size_diff, 0);
    CHECK_EQ(e.count_diff, 0);
    rc_stats_print(d, 0, stdout);
    // CHECK: compare_to.c:25: size=100 KiB (+100 KiB), count=100 (+100), average=1024 B
    // CHECK-NEXT: compare_to.c:19: size=0 B (-300 B), count=0 (-5){{$}}
    // CHECK-NEXT: compare_to.c:18: size=120 B (-80 B), count=6 (-4), average=20 B
    // CHECK-NEXT: compare_to.c:20: size=120 B (+0 B), count=2 (+0), average=60 B
    rc_decref(d);

    /* the other way round: everything negated, same order */
    d = rc_snapshot_compare_to(before, after, RC_KEY_LINENO);
    rc_stats_print(d, 2, stdout);
    // CHECK-NEXT: compare_to.c:25: size=0 B (-100 KiB), count=0 (-100){{$}}
    // CHECK-NEXT: compare_to.c:19: size=300 B (+300 B), count=5 (+5), average=60 B
    rc_decref(d);

    /* by file: one entry, printed with line 0 as Python does */
    d = rc_snapshot_compare_to(after, before, RC_KEY_FILENAME);
    CHECK_EQ(rc_stats_len(d), 1);
    rc_stats_get(d, 0, &e);
    CHECK_EQ(e.line, 0);
    CHECK(e.func == NULL);
    CHECK_EQ(e.size_diff, 102400 - 300 - 80);
    CHECK_EQ(e.count_diff, 100 - 5 - 4);
    rc_stats_print(d, 0, stdout);
    // CHECK-NEXT: compare_to.c:0: size=100 KiB (+99.6 KiB), count=108 (+91), average=950 B
    rc_decref(d);

    /* a snapshot outlives the tracing session it came from */
    rc_tracemalloc_stop();
    CHECK(rc_tracemalloc_take_snapshot() == NULL);
    d = rc_snapshot_compare_to(after, before, RC_KEY_LINENO);
    CHECK_EQ(rc_stats_len(d), 4);
    rc_decref(d);

    rc_decref(before);
    rc_decref(after);
    for (int i = 4; i < 10; i++) rc_decref(small_objs[i]);
    for (int i = 0; i < 2; i++) rc_decref(kept[i]);
    for (int i = 0; i < 100; i++) rc_decref(big_objs[i]);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
    // CHECK-NEXT: OK
}
