// A finalizer that stores its object somewhere resurrects it (PEP 442): the
// object stays alive with a correct count, and the finalizer never runs again.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct phoenix { int lives; };
static struct phoenix *saved;
static int runs;
static void phoenix_fin(struct phoenix *p) {
    runs++;
    saved = rc_incref(p); /* resurrect */
}
RC_TYPE_DEFINE(phoenix_type, struct phoenix, phoenix_fin);

int main(void) {
    struct phoenix *p = rc_new_typed(struct phoenix, phoenix_type);
    rc_decref(p);
    CHECK_EQ(runs, 1);
    CHECK(saved == p);
    CHECK_EQ(rc_getrefcount(saved), 1);
    CHECK_EQ(rc_live_objects(), 1);
    rc_decref(saved); /* second death: no finalizer */
    CHECK_EQ(runs, 1);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
