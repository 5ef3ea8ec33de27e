// test_gc.test_resurrection_is_transitive: Lazarus and a Cargo object form a
// cycle; Lazarus's finalizer resurrects itself, and with it the cargo it
// points to — which must be intact (its fields not cleared).
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

int main(void) {
    rc_gc_collect(-1);
    rc_gc_disable();
    survivors = rc_list_new();
    fin_hook = resurrect_hook;
    struct fobj *laz = fobj_new(1);
    struct obj *cargo = obj_new(2);
    SET(cargo->a, cargo); /* cargo.me = cargo */
    SET(laz->a, (struct fobj *)(void *)cargo);
    SET(cargo->b, (struct obj *)(void *)laz);
    struct obj *cargo_id = cargo;
    rc_decref(laz);
    rc_decref(cargo);
    CHECK_EQ(rc_gc_collect(-1), 0);
    CHECK_EQ(rc_list_len(survivors), 1);
    struct fobj *instance = rc_list_pop(survivors);
    CHECK((void *)instance->a == (void *)cargo_id);
    CHECK(cargo_id->a == cargo_id);
    CHECK((void *)cargo_id->b == (void *)instance);
    CHECK_EQ(rc_getrefcount(cargo_id), 2);
    rc_decref(instance);
    CHECK_EQ(rc_gc_collect(-1), 2);
    CHECK_EQ(ndel, 1);
    rc_decref(survivors);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
