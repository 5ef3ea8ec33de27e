// rc_list_foreach visits every item in order, including NULL ones and the
// ones appended during the iteration (as Python); break, continue, return
// and nested loops over the same list end their iteration (a removal
// afterwards is allowed again); the current item stays alive while the
// body replaces it with rc_list_set.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct item { int v; };
static struct item *mk(int v) { struct item *i = rc_new(struct item); i->v = v; return i; }
static int first_over(rc_list *l, int k) {
    rc_list_foreach(struct item *, it, l) {
        if (it && it->v > k) return it->v; /* return ends the iteration */
    }
    return -1;
}

int main(void) {
    rc_list *l = rc_list_new();
    for (int i = 0; i < 5; i++) { struct item *x = mk(i); rc_list_append(l, x); rc_decref(x); }
    rc_list_append(l, NULL);
    int sum = 0, n = 0;
    rc_list_foreach(struct item *, it, l) {
        n++;
        if (!it) continue;
        sum += it->v;
    }
    CHECK_EQ(n, 6);
    CHECK_EQ(sum, 10);
    n = 0;
    rc_list_foreach(struct item *, it, l) { /* appends are seen */
        if (it && it->v < 3) { struct item *x = mk(10 + it->v); rc_list_append(l, x); rc_decref(x); }
        n++;
    }
    CHECK_EQ(n, 9);
    CHECK_EQ(rc_list_len(l), 9);
    n = 0;
    rc_list_foreach(struct item *, a, l) {     /* nested, with break */
        rc_list_foreach(struct item *, b, l) {
            if (b == a) break;
            n++;
        }
        if (n > 20) break;
    }
    CHECK_EQ(n, 21);
    CHECK_EQ(first_over(l, 3), 4);
    rc_list_delete(l, -1);                   /* no iteration left: allowed */
    CHECK_EQ(rc_list_len(l), 8);
    rc_list_foreach(struct item *, it, l) {  /* set replaces the current item */
        if (!it) continue;
        struct item *x = mk(it->v * 2);
        rc_list_set(l, 0, x);
        rc_decref(x);
        CHECK(it->v >= 0);                   /* still alive: the iteration holds it */
        break;
    }
    CHECK_EQ(((struct item *)rc_list_get(l, 0))->v, 0);
    rc_list *e = rc_list_new();
    rc_list_foreach(struct item *, it, e) { (void)it; CHECK(0); }
    rc_decref(e);
    CHECK_EQ(rc_getrefcount(l), 1);          /* every iteration let go of the list */
    rc_decref(l);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
