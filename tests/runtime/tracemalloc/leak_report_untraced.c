// The leak report counts the objects it has no trace for on a line of their
// own: objects whose traces rc_tracemalloc_stop() dropped, objects allocated
// while tracing was off, and snapshots the program leaked (the tracing code
// never traces its own objects). With more frames the report is the same
// (it groups by the rc_new site).
// RUN: %cc %s %autorc_lib -o %t
// RUN: env AUTORC_LEAK_REPORT=1 ASAN_OPTIONS=detect_leaks=0 %t 2>&1 | FileCheck %s
// RUN: env AUTORC_LEAK_REPORT=1 AUTORC_TRACEMALLOC=4 ASAN_OPTIONS=detect_leaks=0 %t 2>&1 | FileCheck %s
#include <autorc.h>

struct thing { long v, w; };
static struct thing *keep[3];

int main(void) {
    keep[0] = rc_new(struct thing);
    rc_tracemalloc_stop();
    keep[1] = rc_new(struct thing);
    rc_tracemalloc_start(1);
    keep[2] = rc_new(struct thing);
    rc_tracemalloc_take_snapshot();
    return 0;
}
// CHECK: autorc: leak report: 4 objects (24 B) alive at exit after a full collection (0 unreachable found)
// CHECK-NEXT: autorc:   1 x struct thing (24 B) allocated at {{.*}}leak_report_untraced.c:19 in main
// CHECK-NEXT: autorc:   3 x objects not traced (allocated while tracing was off, or before an rc_tracemalloc_stop; type and site unknown)
