// rc_snapshot_filter keeps (inclusive) or drops (exclusive) the traces whose
// rc_new site file matches an fnmatch pattern, as tracemalloc.Filter with
// all_frames=False; '*' also matches '/'.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
#include <autorc.h>
#include <string.h>
#include "../../Inputs/check.h"
#include "Inputs/parser.h"

struct node { long v, w; };

int main(void) {
    rc_tracemalloc_start(1);
    rc_list *keep = rc_list_new(); /* allocated in the runtime's list.c */
    for (int i = 0; i < 7; i++) {
        struct token *t = make_token(i);
        rc_list_append(keep, t);
        rc_decref(t);
    }
    for (int i = 0; i < 3; i++) {
        struct node *n = rc_new(struct node);
        rc_list_append(keep, n);
        rc_decref(n);
    }
    rc_snapshot *all = rc_tracemalloc_take_snapshot();
    CHECK_EQ(rc_snapshot_traces(all), 11);

    rc_snapshot *only_parser = rc_snapshot_filter(all, "*/Inputs/parser.h", 1);
    CHECK_EQ(rc_snapshot_traces(only_parser), 7);
    rc_stats *st = rc_snapshot_statistics(only_parser, RC_KEY_LINENO);
    CHECK_EQ(rc_stats_len(st), 1);
    rc_stat e;
    rc_stats_get(st, 0, &e);
    CHECK(strcmp(e.func, "make_token") == 0);
    rc_stats_print(st, 0, stdout);
    // CHECK: Inputs/parser.h:4: size=168 B, count=7, average=24 B
    rc_decref(st);

    rc_snapshot *no_parser = rc_snapshot_filter(all, "*parser.h", 0);
    CHECK_EQ(rc_snapshot_traces(no_parser), 4);
    /* filters compose: also drop the runtime's own files */
    rc_snapshot *mine = rc_snapshot_filter(no_parser, "*/runtime/src/*", 0);
    CHECK_EQ(rc_snapshot_traces(mine), 3);
    st = rc_snapshot_statistics(mine, RC_KEY_FILENAME);
    rc_stats_print(st, 0, stdout);
    // CHECK-NEXT: filters.c:0: size=72 B, count=3, average=24 B
    rc_decref(st);

    /* character classes and '?' */
    rc_snapshot *q = rc_snapshot_filter(all, "*/[fg]ilter?.c", 1);
    CHECK_EQ(rc_snapshot_traces(q), 3);
    rc_snapshot *none = rc_snapshot_filter(all, "nothing*", 1);
    CHECK_EQ(rc_snapshot_traces(none), 0);
    st = rc_snapshot_statistics(none, RC_KEY_LINENO);
    CHECK_EQ(rc_stats_len(st), 0);
    rc_stats_print(st, 0, stdout); /* prints nothing */
    rc_decref(st);

    rc_decref(none); rc_decref(q); rc_decref(mine); rc_decref(no_parser);
    rc_decref(only_parser); rc_decref(all);
    rc_decref(keep);
    rc_tracemalloc_stop();
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
    // CHECK-NEXT: OK
}
