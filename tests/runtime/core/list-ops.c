// rc_list: append/insert retain, get is borrowed, pop hands over the list's
// reference, set replaces, clear and the list's death release every item.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// RUN: env AUTORC_MALLOC=debug %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct item { int v; };
static struct item *mk(int v) { struct item *i = rc_new(struct item); i->v = v; return i; }

int main(void) {
    rc_list *l = rc_list_new();
    CHECK_EQ(rc_list_len(l), 0);
    struct item *a = mk(1), *b = mk(2), *c = mk(3);
    rc_list_append(l, a);
    rc_list_append(l, b);
    rc_list_append(l, a);
    CHECK_EQ(rc_list_len(l), 3);
    CHECK_EQ(rc_getrefcount(a), 3);
    CHECK(rc_list_get(l, 1) == b);
    CHECK_EQ(rc_getrefcount(b), 2); /* get is borrowed */
    rc_list_insert(l, 0, c);
    CHECK(rc_list_get(l, 0) == c);
    CHECK_EQ(rc_list_index(l, b), 2);
    CHECK_EQ(rc_list_index(l, NULL), -1);
    rc_list_set(l, 0, b);
    CHECK_EQ(rc_getrefcount(c), 1);
    CHECK_EQ(rc_getrefcount(b), 3);
    struct item *p = rc_list_pop(l); /* owned */
    CHECK(p == a);
    CHECK_EQ(rc_getrefcount(a), 3);
    rc_decref(p);
    rc_list_append(l, NULL); /* NULL items are allowed */
    CHECK_EQ(rc_list_len(l), 4);
    for (int i = 0; i < 10000; i++) { struct item *x = mk(i); rc_list_append(l, x); rc_decref(x); }
    CHECK_EQ(rc_list_len(l), 10004);
    CHECK_EQ(((struct item *)rc_list_get(l, 10003))->v, 9999);
    CHECK_EQ(rc_live_objects(), 4 + 10000);
    rc_list_clear(l);
    CHECK_EQ(rc_list_len(l), 0);
    CHECK_EQ(rc_live_objects(), 4);
    rc_list_append(l, a);
    rc_list_append(l, l == NULL ? NULL : c);
    rc_decref(a); rc_decref(b); rc_decref(c);
    CHECK_EQ(rc_live_objects(), 3); /* l, a, c */
    rc_decref(l);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
