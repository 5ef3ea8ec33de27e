// A file that includes <autorc.h> and uses the runtime by hand, but has no
// RC_MANAGED type of its own: the analysis runs and changes nothing, so the
// compile sees the original bytes and the program behaves as without the
// plugin.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fplugin-arg-autorc-emit=%t.emitted.c %s %autorc_lib -o %t 2> %t.err && %t | FileCheck %s
// RUN: cmp %s %t.emitted.c
// RUN: count 0 < %t.err
#include <autorc.h>
#include <stdio.h>

struct point { int x, y; };

int main(void) {
    struct point *p = rc_new(struct point); /* not managed: counted by hand */
    p->x = 1;
    printf("count %zu\n", rc_getrefcount(p));
    rc_decref(p);
    printf("live %zu\n", rc_live_objects());
    return 0;
}
// CHECK: count 1
// CHECK-NEXT: live 0
