// Freeing garbage releases exactly the references it holds to objects that
// live on — young survivors of the same collection, older objects, untracked
// objects — whether or not the collector can take its shortcut (garbage that
// refers only to itself is freed without breaking its references), also when
// an object first judged unreachable is reached later in the same pass.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "Inputs/gc_test.h"

struct leaf { long v; }; /* no strong fields: never tracked */
RC_TYPE_DEFINE(leaf_type, struct leaf, NULL);
struct holder {
    struct leaf *l;
};
RC_TYPE_DEFINE(holder_type, struct holder, NULL, RC_FIELD(struct holder, l));

int main(void) {
    rc_gc_disable();
    rc_gc_collect(-1);

    /* garbage referring only to itself: the shortcut */
    for (int i = 0; i < 10; i++) {
        struct obj *a = obj_new(1), *b = obj_new(2);
        SET(a->a, b);
        SET(b->a, a);
        SET(b->b, b);
        rc_decref(a);
        rc_decref(b);
    }
    CHECK_EQ(rc_gc_collect(0), 20);
    CHECK_EQ(rc_live_objects(), 0);

    /* garbage referring to a young survivor, twice */
    struct obj *s = obj_new(3);
    struct obj *c = obj_new(4), *d = obj_new(5);
    SET(c->a, d);
    SET(d->a, c);
    SET(c->b, s);
    SET(d->b, s);
    rc_decref(c);
    rc_decref(d);
    CHECK_EQ(rc_getrefcount(s), 3);
    CHECK_EQ(rc_gc_collect(0), 2);
    CHECK_EQ(rc_getrefcount(s), 1);
    CHECK_EQ(rc_live_objects(), 1);

    /* garbage referring to an untracked object */
    struct leaf *lf = rc_new_typed(struct leaf, leaf_type);
    struct obj *e = obj_new(6);
    struct holder *hd = rc_new_typed(struct holder, holder_type);
    SET(hd->l, lf); /* the holder is tracked (a strong field) */
    SET(e->a, e);
    SET(e->b, (struct obj *)hd); /* e -> holder -> leaf; e <-> e */
    rc_decref(hd);
    rc_decref(e);
    CHECK_EQ(rc_getrefcount(lf), 2);
    CHECK_EQ(rc_gc_collect(0), 2); /* e and the holder */
    CHECK_EQ(rc_getrefcount(lf), 1);
    rc_decref(lf);

    /* y is allocated before the object that keeps it (z): move_unreachable
     * meets y first, judges it unreachable, then brings it back when it
     * scans z. Next to it, self-contained garbage. */
    struct obj *y = obj_new(7);
    struct obj *g1 = obj_new(8);
    SET(g1->a, g1);
    struct obj *z = obj_new(9);
    SET(z->a, y);
    SET(y->a, s); /* y refers to the old survivor s */
    rc_decref(y);
    rc_decref(g1);
    CHECK_EQ(rc_getrefcount(s), 2);
    CHECK_EQ(rc_gc_collect(0), 1); /* g1 only */
    CHECK_EQ(rc_getrefcount(y), 1);
    CHECK_EQ(rc_getrefcount(s), 2);
    rc_decref(z); /* z, then y, freed by their counts */
    CHECK_EQ(rc_getrefcount(s), 1);
    rc_decref(s);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
