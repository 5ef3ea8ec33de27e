// rc_list_get/set/pop_at/delete take Python's indexes: negative ones count
// from the end; insert and slice clamp as Python's list.insert and l[a:b].
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct item { int v; };
static struct item *its[8];
static rc_list *mk(int n) { /* [0, 1, ..., n-1] */
    rc_list *l = rc_list_new();
    for (int i = 0; i < n; i++) rc_list_append(l, its[i]);
    return l;
}
static int at(rc_list *l, ptrdiff_t i) { return ((struct item *)rc_list_get(l, i))->v; }

int main(void) {
    for (int i = 0; i < 8; i++) { its[i] = rc_new(struct item); its[i]->v = i; }
    rc_list *l = mk(5);
    CHECK_EQ(at(l, -1), 4);
    CHECK_EQ(at(l, -5), 0);
    CHECK_EQ(at(l, 0), 0);
    rc_list_set(l, -2, its[7]);           /* l[-2] = 7 -> [0,1,2,7,4] */
    CHECK_EQ(at(l, 3), 7);
    CHECK_EQ(rc_getrefcount(its[3]), 1);
    /* insert clamps: l.insert(100, x) appends, l.insert(-100, x) prepends,
     * l.insert(-1, x) goes before the last item */
    rc_list_insert(l, 100, its[5]);       /* [0,1,2,7,4,5] */
    rc_list_insert(l, -100, its[6]);      /* [6,0,1,2,7,4,5] */
    rc_list_insert(l, -1, its[3]);        /* [6,0,1,2,7,4,3,5] */
    int want[] = {6, 0, 1, 2, 7, 4, 3, 5};
    CHECK_EQ(rc_list_len(l), 8);
    for (int i = 0; i < 8; i++) CHECK_EQ(at(l, i), want[i]);
    /* pop(-1) is pop(); pop_at(-8) is the first */
    struct item *p = rc_list_pop_at(l, -1);
    CHECK_EQ(p->v, 5);
    rc_decref(p);
    p = rc_list_pop_at(l, -7);
    CHECK_EQ(p->v, 6);
    rc_decref(p);
    rc_list_delete(l, -2);                /* [0,1,2,7,3] */
    int want2[] = {0, 1, 2, 7, 3};
    CHECK_EQ(rc_list_len(l), 5);
    for (int i = 0; i < 5; i++) CHECK_EQ(at(l, i), want2[i]);
    /* slices: l[1:-1], l[-100:2], l[3:1] (empty), l[2:100] */
    rc_list *s = rc_list_slice(l, 1, -1);
    CHECK_EQ(rc_list_len(s), 3);
    CHECK_EQ(at(s, 0), 1);
    CHECK_EQ(at(s, 2), 7);
    rc_decref(s);
    s = rc_list_slice(l, -100, 2);
    CHECK_EQ(rc_list_len(s), 2);
    CHECK_EQ(at(s, 1), 1);
    rc_decref(s);
    s = rc_list_slice(l, 3, 1);
    CHECK_EQ(rc_list_len(s), 0);
    rc_decref(s);
    s = rc_list_slice(l, 2, 100);
    CHECK_EQ(rc_list_len(s), 3);
    CHECK_EQ(at(s, 0), 2);
    CHECK_EQ(rc_getrefcount(its[2]), 3); /* its, l, s */
    rc_decref(s);
    rc_list *e = rc_list_new();          /* empty list: slices are empty */
    s = rc_list_slice(e, -1, 1);
    CHECK_EQ(rc_list_len(s), 0);
    rc_list_insert(e, -5, its[0]);       /* insert into empty at any index */
    CHECK_EQ(at(e, 0), 0);
    rc_decref(s);
    rc_decref(e);
    rc_decref(l);
    for (int i = 0; i < 8; i++) { CHECK_EQ(rc_getrefcount(its[i]), 1); rc_decref(its[i]); }
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
