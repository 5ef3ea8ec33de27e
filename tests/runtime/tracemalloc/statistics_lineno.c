// Snapshot statistics by line: one entry per rc_new line, sorted as
// Python's Snapshot.statistics (size, then count, then traceback, all
// descending), printed in Statistic.__str__'s format.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include <string.h>
#include "../../Inputs/check.h"

struct small { int x[3]; };           /* block 8 + 12 = 20 B */
struct big { char buf[1016]; };       /* block 8 + 1016 = 1024 B */
struct mid { char buf[52]; };         /* block 60 B */

int main(void) {
    CHECK_EQ(rc_tracemalloc_start(1), 0);
    struct small *s[10];
    struct big *b[3];
    struct mid *m[2];
    for (int i = 0; i < 10; i++) s[i] = rc_new(struct small); int line_small = __LINE__;
    for (int i = 0; i < 3; i++) b[i] = rc_new(struct big); int line_big = __LINE__;
    /* two lines with equal totals (120 B, 2 objects): the key breaks the tie */
    m[0] = rc_new(struct mid);
    m[1] = rc_new(struct mid);
    struct small *t[6]; /* 6 x 20 = 120 B, count 6 */
    for (int i = 0; i < 6; i++) t[i] = rc_new(struct small); int line_t = __LINE__;

    rc_snapshot *snap = rc_tracemalloc_take_snapshot();
    CHECK(snap != NULL);
    CHECK_EQ(rc_snapshot_traces(snap), 21);
    rc_stats *st = rc_snapshot_statistics(snap, RC_KEY_LINENO);
    CHECK_EQ(rc_stats_len(st), 5);
    rc_stat e;
    CHECK_EQ(rc_stats_get(st, 0, &e), 0);
    CHECK_EQ(e.line, line_big);
    CHECK_EQ(e.size, 3 * 1024);
    CHECK_EQ(e.count, 3);
    CHECK_EQ(e.size_diff, 0);
    CHECK_EQ(e.nframes, 1);
    CHECK(strcmp(e.func, "main") == 0);
    CHECK(strstr(e.file, "statistics_lineno.c") != NULL);
    CHECK_EQ(rc_stats_get(st, 1, &e), 0);
    CHECK_EQ(e.line, line_small);
    CHECK_EQ(e.size, 200);
    /* 120 B x 6 beats 60 B x 1 twice: equal size, higher count first */
    CHECK_EQ(rc_stats_get(st, 2, &e), 0);
    CHECK_EQ(e.line, line_t);
    CHECK_EQ(e.count, 6);
    /* the two single mid lines: same size and count, the higher line first
       (Python compares the (filename, lineno) key, descending) */
    rc_stat e3, e4;
    CHECK_EQ(rc_stats_get(st, 3, &e3), 0);
    CHECK_EQ(rc_stats_get(st, 4, &e4), 0);
    CHECK(e3.line > e4.line);
    CHECK_EQ(e3.size, 60);
    CHECK_EQ(rc_stats_get(st, 5, &e), -1);

    rc_stats_print(st, 3, stdout);
    // CHECK: statistics_lineno.c:[[#@LINE-38]]: size=3072 B, count=3, average=1024 B
    // CHECK-NEXT: statistics_lineno.c:[[#@LINE-40]]: size=200 B, count=10, average=20 B
    // CHECK-NEXT: statistics_lineno.c:[[#@LINE-35]]: size=120 B, count=6, average=20 B
    // CHECK-NEXT: OK

    /* snapshots and stats are managed objects that tracing does not see */
    size_t live = rc_live_objects();
    rc_decref(st);
    rc_decref(snap);
    CHECK_EQ(rc_live_objects(), live - 2);
    for (int i = 0; i < 10; i++) rc_decref(s[i]);
    for (int i = 0; i < 3; i++) rc_decref(b[i]);
    for (int i = 0; i < 6; i++) rc_decref(t[i]);
    rc_decref(m[0]);
    rc_decref(m[1]);
    rc_tracemalloc_stop();
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
