// rc_list_index/contains/remove compare by identity and find the first
// occurrence; remove reports absence with 0 (Python raises ValueError);
// extend (also of a list by itself) and reverse; empty lists and NULL.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct item { int v; };

int main(void) {
    struct item *a = rc_new(struct item), *b = rc_new(struct item), *c = rc_new(struct item);
    rc_list *l = rc_list_new();
    CHECK_EQ(rc_list_index(l, a), -1);
    CHECK_EQ(rc_list_contains(l, a), 0);
    CHECK_EQ(rc_list_remove(l, a), 0);
    CHECK_EQ(rc_list_index(NULL, a), -1);
    CHECK_EQ(rc_list_len(NULL), 0);
    rc_list_append(l, a);
    rc_list_append(l, b);
    rc_list_append(l, NULL);
    rc_list_append(l, b);                 /* [a, b, NULL, b] */
    CHECK_EQ(rc_list_index(l, b), 1);
    CHECK_EQ(rc_list_index(l, NULL), 2);
    CHECK_EQ(rc_list_contains(l, c), 0);
    CHECK_EQ(rc_list_contains(l, b), 1);
    CHECK_EQ(rc_getrefcount(b), 3);
    CHECK_EQ(rc_list_remove(l, b), 1);    /* the first b: [a, NULL, b] */
    CHECK_EQ(rc_getrefcount(b), 2);
    CHECK_EQ(rc_list_index(l, b), 2);
    CHECK(rc_list_get(l, 1) == NULL);
    rc_list_extend(l, l);                 /* [a, NULL, b, a, NULL, b] */
    CHECK_EQ(rc_list_len(l), 6);
    CHECK(rc_list_get(l, 3) == a);
    CHECK_EQ(rc_getrefcount(a), 3);
    rc_list *o = rc_list_new();
    rc_list_append(o, c);
    rc_list_extend(l, o);                 /* [a, NULL, b, a, NULL, b, c] */
    rc_list_extend(l, o);                 /* again: ..., c, c */
    CHECK_EQ(rc_list_len(l), 8);
    CHECK_EQ(rc_getrefcount(c), 4);
    rc_list_reverse(l);                   /* [c, c, b, NULL, a, b, NULL, a] */
    CHECK(rc_list_get(l, 0) == c);
    CHECK(rc_list_get(l, 2) == b);
    CHECK(rc_list_get(l, 3) == NULL);
    CHECK(rc_list_get(l, -1) == a);
    rc_list *e = rc_list_new();
    rc_list_reverse(e);                   /* empty: nothing happens */
    rc_list_extend(l, e);
    CHECK_EQ(rc_list_len(l), 8);
    rc_decref(e);
    rc_decref(o);
    rc_decref(l);
    CHECK_EQ(rc_getrefcount(a), 1);
    CHECK_EQ(rc_getrefcount(c), 1);
    rc_decref(a); rc_decref(b); rc_decref(c);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
