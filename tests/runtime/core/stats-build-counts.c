// A stats build (AUTORC_STATS for program and runtime) counts increfs,
// decrefs, allocations and frees; a normal build reports enabled = 0.
// RUN: %cc -DAUTORC_STATS -I%src_root/runtime/src %s %src_root/runtime/src/*.c -o %t.stats && %t.stats | FileCheck %s --check-prefix=STATS
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s --check-prefix=PLAIN
// STATS: enabled=1 increfs=2 decrefs=5 allocated=3 freed=3
// RUN: env AUTORC_OPCOUNTS=1 %t.stats 2>&1 >/dev/null | FileCheck %s --check-prefix=ATEXIT
// PLAIN: enabled=0 increfs=0 decrefs=0 allocated=0 freed=0
// ATEXIT: autorc opcounts: increfs=2 decrefs=5 allocated=3 freed=3 gc_candidates=0
#include <autorc.h>
#include <stdio.h>
struct obj { int x; };
int main(void) {
    struct obj *a = rc_new(struct obj), *b = rc_new(struct obj), *c = rc_new(struct obj);
    rc_incref(a);
    rc_incref(a);
    rc_incref(NULL); /* not counted */
    rc_decref(a); rc_decref(a); rc_decref(a); /* frees a */
    rc_decref(b);
    rc_decref(c);
    rc_opcounts s;
    rc_get_opcounts(&s);
    printf("enabled=%d increfs=%llu decrefs=%llu allocated=%llu freed=%llu\n", s.enabled, s.increfs,
           s.decrefs, s.allocated, s.freed);
    return 0;
}
