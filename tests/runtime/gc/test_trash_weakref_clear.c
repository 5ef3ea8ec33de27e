// test_gc.py's test_trash_weakref_clear (bpo-38006): a weakref that is itself
// garbage is cleared before the garbage is freed, so its callback never runs,
// even when its target dies during the freeing and the collector cannot see
// that target (here Z is reached through Y, an untracked RC_ACYCLIC struct).
//
//   Z <- Y <- A--+--> WZ -> callback        L = [WZ, L]  (keeps WZ alive longer)
//             ^  |
//             +--+
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

struct z { int v; };
struct y { struct z *z; };
static const uint32_t y_strong[] = {offsetof(struct y, z)};
static const rc_type y_type = {.name = "struct y", .size = sizeof(struct y),
                               .flags = RC_TYPE_ACYCLIC, .strong = y_strong, .nstrong = 1};
struct a { struct a *a; struct y *y; rc_weakref *wz; };
RC_TYPE_DEFINE(a_type, struct a, NULL, RC_FIELD(struct a, a), RC_FIELD(struct a, y),
               RC_FIELD(struct a, wz));

static int callbacks;
static void callback(rc_weakref *ref, void *ctx) { callbacks++; }

int main(void) {
    struct a *a = rc_new_typed(struct a, a_type);
    SET(a->a, a);
    a->y = rc_new_typed(struct y, y_type);
    a->y->z = rc_new(struct z);
    a->wz = rc_weakref_new(a->y->z, callback, NULL);
    rc_list *cycle = rc_list_new();
    rc_list_append(cycle, a->wz);
    rc_list_append(cycle, cycle);
    CHECK(!rc_gc_is_tracked(a->y));
    rc_gc_collect(-1);
    rc_gc_disable();
    rc_decref(a);
    rc_decref(cycle);
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(callbacks, 0); /* called: the weakref was not cleared before Z died */
    rc_gc_enable();
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
