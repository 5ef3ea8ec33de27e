// Tracebacks: with nframes > 1 a trace also records the callers above the
// function holding the rc_new site. RC_KEY_TRACEBACK groups by the whole
// stack, RC_KEY_LINENO by frame 0 only. Frames 1.. are symbolised with
// dladdr (names need -rdynamic, as for backtrace_symbols).
// RUN: %cc -O0 -rdynamic %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include <string.h>
#include "../../Inputs/check.h"

struct item { long v[5]; };
static rc_list *keep;

__attribute__((noinline)) void make(int n) {
    for (int i = 0; i < n; i++) {
        struct item *it = rc_new(struct item); int site_line = __LINE__;
        rc_list_append(keep, it);
        rc_decref(it);
        (void)site_line;
    }
}
__attribute__((noinline)) void from_f1(int n) { make(n); }
__attribute__((noinline)) void from_f2(int n) { make(n); }
__attribute__((noinline)) void both(int n1, int n2) {
    from_f1(n1);
    from_f2(n2);
}

int main(void) {
    keep = rc_list_new();
    CHECK_EQ(rc_tracemalloc_start(0), -1);
    CHECK_EQ(rc_tracemalloc_start(129), -1);
    CHECK(!rc_tracemalloc_is_tracing());
    CHECK_EQ(rc_tracemalloc_start(3), 0);
    CHECK_EQ(rc_tracemalloc_get_traceback_limit(), 3);
    CHECK_EQ(rc_tracemalloc_start(5), 0); /* already tracing: limit unchanged, as Python */
    CHECK_EQ(rc_tracemalloc_get_traceback_limit(), 3);
    both(3, 5);
    rc_snapshot *s = rc_tracemalloc_take_snapshot();

    rc_stats *by_line = rc_snapshot_statistics(s, RC_KEY_LINENO);
    CHECK_EQ(rc_stats_len(by_line), 1);
    rc_stat e;
    rc_stats_get(by_line, 0, &e);
    CHECK_EQ(e.count, 8);
    CHECK_EQ(e.line, 15);
    CHECK(strcmp(e.func, "make") == 0);

    rc_stats *by_tb = rc_snapshot_statistics(s, RC_KEY_TRACEBACK);
    CHECK_EQ(rc_stats_len(by_tb), 2);
    rc_stats_get(by_tb, 0, &e);
    CHECK_EQ(e.count, 5);
    CHECK_EQ(e.nframes, 3);
    CHECK_EQ(e.line, 15);
    rc_frame f;
    CHECK_EQ(rc_stats_get_frame(by_tb, 0, 0, &f), 0);
    CHECK(f.addr == NULL && f.line == 15 && strcmp(f.func, "make") == 0);
    CHECK_EQ(rc_stats_get_frame(by_tb, 0, 1, &f), 0);
    CHECK(f.addr != NULL && f.line == 0 && f.func && strcmp(f.func, "from_f2") == 0);
    CHECK_EQ(rc_stats_get_frame(by_tb, 0, 2, &f), 0);
    CHECK(f.func && strcmp(f.func, "both") == 0);
    CHECK_EQ(rc_stats_get_frame(by_tb, 0, 3, &f), -1);
    rc_stats_get(by_tb, 1, &e);
    CHECK_EQ(e.count, 3);
    CHECK_EQ(rc_stats_get_frame(by_tb, 1, 1, &f), 0);
    CHECK(f.func && strcmp(f.func, "from_f1") == 0);

    /* the line names frame 0; the traceback prints oldest first */
    rc_stats_print(by_tb, 0, stdout);
    // CHECK: traceback_key.c:15: size=240 B, count=5, average=48 B
    // CHECK-NEXT: traceback_key.c:15: size=144 B, count=3, average=48 B
    rc_stats_print_traceback(by_tb, 0, stdout);
    // CHECK-NEXT: File "{{.*}}", in both+0x{{[0-9a-f]+}} [0x{{[0-9a-f]+}}]
    // CHECK-NEXT: File "{{.*}}", in from_f2+0x{{[0-9a-f]+}} [0x{{[0-9a-f]+}}]
    // CHECK-NEXT: File "{{.*}}traceback_key.c", line 15, in make

    /* equal size and count: Python's order compares the tracebacks from the
       oldest frame: both()'s later call (from_f2) sorts first, descending */
    rc_list_clear(keep);
    both(4, 4);
    rc_snapshot *s2 = rc_tracemalloc_take_snapshot();
    rc_stats *tie = rc_snapshot_statistics(s2, RC_KEY_TRACEBACK);
    CHECK_EQ(rc_stats_len(tie), 2);
    rc_stats_get_frame(tie, 0, 1, &f);
    CHECK(f.func && strcmp(f.func, "from_f2") == 0);

    /* compare_to by traceback: the f1 stack gained one object, f2's lost
       one; all else equal, the key orders them (f2's first) */
    rc_stats *d = rc_snapshot_compare_to(s2, s, RC_KEY_TRACEBACK);
    CHECK_EQ(rc_stats_len(d), 2);
    rc_stats_get(d, 0, &e);
    CHECK_EQ(e.count_diff, -1);
    rc_stats_get_frame(d, 0, 1, &f);
    CHECK(f.func && strcmp(f.func, "from_f2") == 0);
    rc_stats_get(d, 1, &e);
    CHECK_EQ(e.count_diff, 1);

    /* deep limits are fine when the stack is shallower */
    rc_tracemalloc_stop();
    CHECK_EQ(rc_tracemalloc_start(128), 0);
    from_f1(1);
    rc_snapshot *s3 = rc_tracemalloc_take_snapshot();
    rc_stats *deep = rc_snapshot_statistics(s3, RC_KEY_TRACEBACK);
    rc_stats_get(deep, 0, &e);
    CHECK(e.nframes >= 3 && e.nframes < 128);
    rc_tracemalloc_stop();

    rc_decref(deep); rc_decref(s3); rc_decref(d); rc_decref(tie); rc_decref(s2);
    rc_decref(by_tb); rc_decref(by_line); rc_decref(s);
    rc_decref(keep);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
    // CHECK-NEXT: OK
}
