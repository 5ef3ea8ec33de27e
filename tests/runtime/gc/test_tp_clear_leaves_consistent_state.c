// test_gc.test_function_tp_clear_leaves_consistent_state (gh-91636): a
// finalizer of garbage creates a weakref to another garbage object, `func`,
// and hands it to `latefin`, an object outside the garbage that only the
// garbage keeps alive now. Breaking the cycle releases latefin, whose
// finalizer reads the weakref: it must get NULL, never `func` half cleared.
//   cyc = (func, latefin)  <->  func.module = cyc;   latefin.ref = weakref(func)
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: func=NULL
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

#define SET(slot, v)                                                           \
    do {                                                                       \
        void *set_old__ = (void *)(slot);                                      \
        (slot) = rc_incref(v);                                                 \
        rc_decref(set_old__);                                                  \
    } while (0)

struct func { void *module; const char *qualname; };
RC_TYPE_DEFINE(func_type, struct func, NULL, RC_FIELD(struct func, module));

struct latefin { rc_weakref *ref; };
static void latefin_finalize(struct latefin *self);
RC_TYPE_DEFINE(latefin_type, struct latefin, latefin_finalize, RC_FIELD(struct latefin, ref));

struct cyclic { struct func *func; struct latefin *latefin; };
static void cyclic_finalize(struct cyclic *self);
RC_TYPE_DEFINE(cyclic_type, struct cyclic, cyclic_finalize, RC_FIELD(struct cyclic, func),
               RC_FIELD(struct cyclic, latefin));

static struct latefin *latefin; /* the global */
static struct func *func_global = (void *)1;
static int late_calls;

/* 8. latefin's finalizer obtains a reference to func */
static void latefin_finalize(struct latefin *self) {
    late_calls++;
    func_global = rc_weakref_get(self->ref);
    printf("func=%s\n", func_global ? func_global->qualname : "NULL");
}

/* 4-6. the garbage's finalizer: a weakref to func now (made earlier it would
 * have been cleared before finalizers), then drop the global latefin */
static void cyclic_finalize(struct cyclic *self) {
    rc_weakref *w = rc_weakref_new(self->func, NULL, NULL);
    SET(self->latefin->ref, w);
    rc_decref(w);
    struct latefin *l = latefin;
    latefin = NULL;
    rc_decref(l);
}

int main(void) {
    rc_gc_disable();
    latefin = rc_new_typed(struct latefin, latefin_type);
    struct func *func = rc_new_typed(struct func, func_type);
    func->qualname = "func";
    struct cyclic *cyc = rc_new_typed(struct cyclic, cyclic_type);
    SET(cyc->func, func);
    SET(cyc->latefin, latefin);
    SET(func->module, cyc); /* 1. the cycle */
    rc_decref(func);        /* 2. unreachable; latefin still global */
    rc_decref(cyc);
    rc_gc_collect(-1); /* 3. */
    CHECK_EQ(late_calls, 1);
    CHECK(func_global == NULL);
    rc_decref(func_global);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
