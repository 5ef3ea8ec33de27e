/* gc_test.h — types and helpers shared by the collector's tests (ports of
 * CPython's Lib/test/test_gc.py and test_finalization.py). Objects are built
 * with RC_TYPE_DEFINE / rc_new_typed and every store is counted by hand,
 * exactly as the plugin would count it. */
#ifndef AUTORC_GC_TEST_H
#define AUTORC_GC_TEST_H
#include "../../../Inputs/check.h"
#include <autorc.h>
#include <stdio.h>

/* Store v into a strong slot: retain the new value, release the old one. */
#define SET(slot, v)                                                           \
    do {                                                                       \
        void *set_old__ = (void *)(slot);                                      \
        (slot) = rc_incref(v);                                                 \
        rc_decref(set_old__);                                                  \
    } while (0)

/* A plain object with two strong slots (Python: an instance, `a.a = a`). */
struct obj {
    struct obj *a, *b;
    int id;
};
RC_TYPE_DEFINE(obj_type, struct obj, NULL, RC_FIELD(struct obj, a), RC_FIELD(struct obj, b));

static inline struct obj *obj_new(int id) {
    struct obj *o = rc_new_typed(struct obj, obj_type);
    o->id = id;
    return o;
}

/* An object with a finalizer (Python: a class with __del__). The finalizer
 * records its id and then calls fin_hook, if set, so a test can resurrect
 * the object, break its cycle, or collect from inside it. */
struct fobj {
    struct fobj *a, *b;
    int id;
};
static int del_calls[64];
static int ndel;
static void (*fin_hook)(struct fobj *self);
static void fobj_finalize(struct fobj *self) {
    if (ndel < 64) del_calls[ndel] = self->id;
    ndel++;
    if (fin_hook) fin_hook(self);
}
RC_TYPE_DEFINE(fobj_type, struct fobj, fobj_finalize, RC_FIELD(struct fobj, a),
               RC_FIELD(struct fobj, b));

static inline struct fobj *fobj_new(int id) {
    struct fobj *o = rc_new_typed(struct fobj, fobj_type);
    o->id = id;
    return o;
}

/* Survivors: where resurrecting finalizers store their object. */
static rc_list *survivors;
static inline void resurrect_hook(struct fobj *self) { rc_list_append(survivors, self); }

/* Collected by stats: sum of `collected` over generations. */
static inline size_t total_collected(void) {
    rc_gc_genstats s[3];
    rc_gc_get_stats(s);
    return s[0].collected + s[1].collected + s[2].collected;
}

#endif
