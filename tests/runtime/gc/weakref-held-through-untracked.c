// A weakref held by the garbage through an untracked object (garbage ->
// RC_ACYCLIC struct -> weakref) dies with the garbage: its callback does not
// run when its target, another garbage object, is cleared. (Before, only a
// weakref held directly by a garbage slot was recognised; this one was judged
// to survive and its callback ran.)
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

struct holder { rc_weakref *w; };
static const uint32_t holder_strong[] = {offsetof(struct holder, w)};
static const rc_type holder_type = {.name = "struct holder", .size = sizeof(struct holder),
                                    .flags = RC_TYPE_ACYCLIC, .strong = holder_strong,
                                    .nstrong = 1};
static int callbacks;
static void callback(rc_weakref *ref, void *ctx) { callbacks++; }

int main(void) {
    rc_gc_disable();
    struct obj *a = obj_new(1), *b = obj_new(2);
    SET(a->a, b);
    SET(b->a, a);
    struct holder *h = rc_new_typed(struct holder, holder_type);
    h->w = rc_weakref_new(b, callback, NULL);
    SET(a->b, (struct obj *)(void *)h);
    rc_decref(h);
    CHECK(!rc_gc_is_tracked(h));
    /* a second path to the weakref from outside keeps it alive: then it runs */
    rc_weakref *outside = rc_weakref_new(a, callback, NULL);
    rc_decref(a);
    rc_decref(b);
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(callbacks, 1); /* `outside`'s only */
    rc_decref(outside);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
