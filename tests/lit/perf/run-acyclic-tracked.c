// Acyclic inference at run time: an object of an inferred-acyclic type is
// not tracked by the collector (rc_gc_is_tracked == 0), one of a
// self-referential type is (== 1), and both are freed by counting alone.
// With -fplugin-arg-autorc-no-elide the inference is the same (it is not an
// elision). RC_ACYCLIC on a self-referential type is honoured.
// REQUIRES: plugin
// RUN: %cc %plugin_flags %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: %cc %plugin_flags -fplugin-arg-autorc-no-elide -O2 %s %autorc_lib -o %t2 && %t2 | FileCheck %s
#include <autorc.h>
#include "../../Inputs/check.h"

struct RC_MANAGED leaf { int v; };
struct RC_MANAGED pair { struct leaf *a, *b; };
struct RC_MANAGED node { struct node *next; struct pair *p; };
struct RC_MANAGED RC_ACYCLIC chain { struct chain *next; };
struct RC_MANAGED box { rc_list *items; };

int main(void) {
    {
        struct pair *p = rc_new(struct pair);
        p->a = rc_new(struct leaf);
        p->b = p->a;
        struct node *n = rc_new(struct node);
        n->next = rc_new(struct node);
        n->p = p;
        struct chain *c = rc_new(struct chain);
        struct box *b = rc_new(struct box);
        b->items = rc_list_new();
        struct leaf *a = p->a;
        struct node *next = n->next;
        CHECK_EQ(rc_gc_is_tracked(p), 0);
        CHECK_EQ(rc_gc_is_tracked(a), 0);
        CHECK_EQ(rc_gc_is_tracked(n), 1);
        CHECK_EQ(rc_gc_is_tracked(next), 1);
        CHECK_EQ(rc_gc_is_tracked(c), 0);
        CHECK_EQ(rc_gc_is_tracked(b), 1);
        CHECK_EQ(rc_getrefcount(a), 3);
        CHECK_EQ(rc_getrefcount(p), 2);
        CHECK_EQ(rc_live_objects(), 7);
    }
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_EQ(rc_gc_collect(-1), 0);
    CHECK_DONE();
}
// CHECK: OK
