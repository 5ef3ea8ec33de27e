// Sizes are printed as Python's tracemalloc._format_size: B below 10 KiB,
// one decimal below 100 units, no decimal up to 10240 units, then the next
// unit; averages likewise.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct kib { char buf[1016]; }; /* 1024 B */
struct odd { char buf[33]; };   /* 41 B */

static void alloc_n(rc_list *keep, int n) {
    for (int i = 0; i < n; i++) {
        struct kib *o = rc_new(struct kib);
        rc_list_append(keep, o);
        rc_decref(o);
    }
}

static void show(int n) {
    rc_list *keep = rc_list_new();
    rc_tracemalloc_start(1);
    alloc_n(keep, n);
    rc_snapshot *s = rc_tracemalloc_take_snapshot();
    rc_stats *st = rc_snapshot_statistics(s, RC_KEY_FILENAME);
    rc_stats_print(st, 1, stdout);
    rc_decref(st);
    rc_decref(s);
    rc_tracemalloc_stop();
    rc_decref(keep);
}

int main(void) {
    show(9);     // CHECK: format_size.c:0: size=9216 B, count=9, average=1024 B
    show(10);    // CHECK-NEXT: format_size.c:0: size=10.0 KiB, count=10, average=1024 B
    show(99);    // CHECK-NEXT: format_size.c:0: size=99.0 KiB, count=99, average=1024 B
    show(100);   // CHECK-NEXT: format_size.c:0: size=100 KiB, count=100, average=1024 B
    show(10240); // CHECK-NEXT: format_size.c:0: size=10.0 MiB, count=10240, average=1024 B
    show(20000); // CHECK-NEXT: format_size.c:0: size=19.5 MiB, count=20000, average=1024 B

    /* averages round like Python's '%.0f' (41 B each, plus one 12 B object) */
    rc_tracemalloc_start(1);
    struct odd *a = rc_new(struct odd);
    struct odd *b = rc_new(struct odd);
    int *c = rc_new(int);
    rc_snapshot *s = rc_tracemalloc_take_snapshot();
    rc_stats *st = rc_snapshot_statistics(s, RC_KEY_FILENAME);
    rc_stats_print(st, 0, stdout);
    // CHECK-NEXT: format_size.c:0: size=94 B, count=3, average=31 B
    rc_decref(st);
    rc_decref(s);
    rc_decref(a);
    rc_decref(b);
    rc_decref(c);
    rc_tracemalloc_stop();
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
    // CHECK-NEXT: OK
}
