// test_gc.GCCallbackTests.test_collect and test_collect_generation: every
// registered callback is called with "start" and "stop" around each
// collection, with the generation and, at "stop", the collected and
// uncollectable counts (rc_gc_info); removing a callback stops the calls;
// a callback may remove itself during the call; rc_gc_collect() inside a
// callback (a collection is running) returns 0.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: start 1 gen 2 collected 0
// CHECK: start 2 gen 2 collected 0
// CHECK: stop 1 gen 2 collected 3 uncollectable 0
// CHECK: stop 2 gen 2 collected 3 uncollectable 0
// CHECK: start 1 gen 0 collected 0
// CHECK: stop 1 gen 0 collected 0 uncollectable 0
// CHECK: OK
#include "Inputs/gc_test.h"
#include <string.h>

static int nested_result = -1;
static void cb(const char *phase, const rc_gc_info *info, void *ctx) {
    int which = (int)(long)ctx;
    if (strcmp(phase, "start") == 0)
        printf("start %d gen %d collected %zu\n", which, info->generation, info->collected);
    else
        printf("stop %d gen %d collected %zu uncollectable %zu\n", which, info->generation,
               info->collected, info->uncollectable);
    nested_result = (int)rc_gc_collect(-1);
}
static int self_removals;
static void once(const char *phase, const rc_gc_info *info, void *ctx) {
    self_removals++;
    CHECK_EQ(rc_gc_callback_remove(once, ctx), 0);
}

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);
    CHECK_EQ(rc_gc_callback_add(cb, (void *)1L), 0);
    CHECK_EQ(rc_gc_callback_add(cb, (void *)2L), 0);
    CHECK_EQ(rc_gc_callback_add(once, NULL), 0);
    for (int i = 0; i < 3; i++) {
        struct obj *o = obj_new(i);
        SET(o->a, o);
        rc_decref(o);
    }
    CHECK_EQ(rc_gc_collect(-1), 3);
    CHECK_EQ(nested_result, 0);
    CHECK_EQ(self_removals, 1);
    CHECK_EQ(rc_gc_callback_remove(cb, (void *)2L), 0);
    CHECK_EQ(rc_gc_callback_remove(cb, (void *)2L), -1);
    rc_gc_collect(0);
    CHECK_EQ(rc_gc_callback_remove(cb, (void *)1L), 0);
    CHECK_EQ(rc_gc_callback_add(NULL, NULL), -1);
    CHECK_DONE();
}
