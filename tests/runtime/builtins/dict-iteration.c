// rc_dict_next walks the keys in order with borrowed key and value;
// setting an existing key's value during the walk is allowed (as Python);
// adding or deleting a key makes the next step a fatal error (Python's
// RuntimeError), and a fresh walk (pos = 0) after the change is fine.
// RUN: %cc %s %autorc_lib -o %t && %t ok | FileCheck %s
// CHECK: OK
// RUN: not --crash %t add 2>&1 | FileCheck --check-prefix=ADD %s
// ADD: autorc: fatal: rc_dict_next: dictionary changed size during iteration
// RUN: not --crash %t del 2>&1 | FileCheck --check-prefix=DEL %s
// DEL: autorc: fatal: rc_dict_next: dictionary changed size during iteration
#include "../../Inputs/check.h"
#include <autorc.h>
#include <string.h>

int main(int argc, char **argv) {
    const char *w = argc > 1 ? argv[1] : "ok";
    rc_dict *d = rc_dict_new();
    rc_str *ks[4];
    for (int i = 0; i < 4; i++) {
        ks[i] = rc_str_format("%d", i);
        rc_dict_set(d, ks[i], ks[i]);
    }
    size_t pos = 0;
    void *k, *v;
    int n = 0;
    while (rc_dict_next(d, &pos, &k, &v)) {
        CHECK(k == ks[n]);
        rc_dict_set(d, k, ks[3 - n]);        /* an existing key: allowed */
        if (n == 1 && !strcmp(w, "add")) { rc_str *x = rc_str_new("new"); rc_dict_set(d, x, x); }
        if (n == 1 && !strcmp(w, "del")) rc_dict_del(d, ks[0]);
        n++;
    }
    CHECK_EQ(n, 4);
    CHECK(rc_dict_get(d, ks[0]) == ks[3]);
    rc_dict_del(d, ks[1]);
    pos = 0;
    n = 0;
    while (rc_dict_next(d, &pos, NULL, NULL)) n++;  /* key and value may be NULL */
    CHECK_EQ(n, 3);
    CHECK_EQ(rc_dict_next(d, &pos, &k, &v), 0);    /* stays finished */
    rc_decref(d);
    rc_dict *e = rc_dict_new();
    pos = 0;
    CHECK_EQ(rc_dict_next(e, &pos, &k, &v), 0);
    rc_decref(e);
    for (int i = 0; i < 4; i++) rc_decref(ks[i]);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
