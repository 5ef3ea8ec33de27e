// Tracing a program the plugin instruments (no counts by hand): rc_new sites
// are the user's lines, snapshots and stats are released by the plugin like
// any managed local, the DOT edges carry the field names of the generated
// descriptor, and the leak report at exit sees the seed's cycle collected.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t
// RUN: env AUTORC_LEAK_REPORT=1 %t 2>&1 | FileCheck %s
#include <autorc.h>

struct RC_MANAGED my_object {
    struct my_object *ref;
    int id;
};

static struct my_object *make(int id) {
    struct my_object *o = rc_new(struct my_object);
    o->id = id;
    return o;
}

static void show(void) {
    rc_snapshot *before = rc_tracemalloc_take_snapshot();
    struct my_object *obj1 = make(1);
    struct my_object *obj2 = make(2);
    obj1->ref = obj2;
    obj2->ref = obj1;
    rc_snapshot *after = rc_tracemalloc_take_snapshot();
    rc_stats *st = rc_snapshot_compare_to(after, before, RC_KEY_LINENO);
    rc_stats_print(st, 0, stdout);
    rc_gc_dump_dot(obj1, 2, stdout);
}

int main(void) {
    printf("tracing %d\n", rc_tracemalloc_is_tracing());
    show();
    printf("live after show: %zu\n", rc_live_objects());
    return 0;
}
// CHECK: tracing 1
// CHECK-NEXT: plugin_tracing.c:16: size=48 B (+48 B), count=2 (+2), average=24 B
// CHECK-NEXT: digraph autorc {
// CHECK-NEXT: node [
// CHECK-NEXT: n0 [label="struct my_object\n0x{{[0-9a-f]+}}\nrefcount 2\nplugin_tracing.c:16", fillcolor=yellow];
// CHECK-NEXT: n1 [label="struct my_object\n0x{{[0-9a-f]+}}\nrefcount 2\nplugin_tracing.c:16"];
// CHECK-NEXT: n0 -> n1 [label="ref"];
// CHECK-NEXT: n1 -> n0 [label="ref"];
// CHECK-NEXT: }
// CHECK-NEXT: live after show: 2
// CHECK-NEXT: autorc: leak report: no managed objects alive at exit
