// rc_incref/rc_decref: exact counts, NULL-safe, incref returns its argument,
// and rc_live_objects follows allocation and destruction.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc -O2 %s %autorc_lib -o %t.o2 && %t.o2 | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct obj { int x; };

int main(void) {
    CHECK_EQ(rc_live_objects(), 0);
    struct obj *a = rc_new(struct obj);
    CHECK_EQ(rc_getrefcount(a), 1);
    CHECK_EQ(rc_live_objects(), 1);
    CHECK(rc_incref(a) == a);
    CHECK_EQ(rc_getrefcount(a), 2);
    struct obj *b = a; rc_incref(b);
    CHECK_EQ(rc_getrefcount(a), 3);
    rc_decref(b);
    rc_decref(a);
    CHECK_EQ(rc_getrefcount(a), 1);
    CHECK_EQ(rc_live_objects(), 1);
    CHECK(rc_incref(NULL) == NULL);
    rc_decref(NULL);
    CHECK_EQ(rc_getrefcount(NULL), 0);
    rc_decref(a);
    CHECK_EQ(rc_live_objects(), 0);
    /* Many objects */
    struct obj *many[1000];
    for (int i = 0; i < 1000; i++) many[i] = rc_new(struct obj);
    CHECK_EQ(rc_live_objects(), 1000);
    for (int i = 0; i < 1000; i++) rc_decref(many[i]);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
