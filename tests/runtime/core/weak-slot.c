// RC_WEAK slots: rc_weak_store registers a slot with its target; the slot
// reads NULL once the target dies; a dying object's own RC_WEAK fields are
// unregistered; a store replaces the registration.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stddef.h>

struct target { int v; };
struct holder { struct target *weak_t; };
static const uint32_t holder_weak[] = {offsetof(struct holder, weak_t)};
static const rc_type holder_type = {.name = "struct holder", .size = sizeof(struct holder),
                                    .nweak = 1, .weak = holder_weak};

int main(void) {
    struct target *t = rc_new(struct target);
    void *local;
    rc_weak_init(&local, t);
    CHECK(rc_weak_load(&local) == t);
    CHECK_EQ(rc_getrefcount(t), 1); /* weak: not counted */
    CHECK_EQ(rc_weakref_count(t), 1);

    struct holder *h = rc_new_typed(struct holder, holder_type);
    rc_weak_store((void **)&h->weak_t, t);
    CHECK_EQ(rc_weakref_count(t), 2);

    /* Re-pointing a slot moves its registration. */
    struct target *t2 = rc_new(struct target);
    rc_weak_store(&local, t2);
    CHECK_EQ(rc_weakref_count(t), 1);
    CHECK_EQ(rc_weakref_count(t2), 1);

    rc_decref(t);
    CHECK(h->weak_t == NULL); /* zeroed */
    CHECK(local == t2);

    /* The holder dies while its weak field points to t2: unregistered. */
    rc_weak_store((void **)&h->weak_t, t2);
    CHECK_EQ(rc_weakref_count(t2), 2);
    rc_decref(h);
    CHECK_EQ(rc_weakref_count(t2), 1);

    rc_weak_store(&local, NULL);
    CHECK_EQ(rc_weakref_count(t2), 0);
    rc_decref(t2);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
