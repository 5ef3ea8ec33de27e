// rc_str_intern returns the canonical instance for a content (owned):
// equal strings intern to the same object, the table does not keep a
// string alive (interned strings are mortal, as in CPython), and a string
// with the same content interned after the first died becomes canonical.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stdio.h>

int main(void) {
    rc_str *a = rc_str_new("key"), *b = rc_str_format("%s", "key");
    rc_str *ia = rc_str_intern(a), *ib = rc_str_intern(b);
    CHECK(ia == a);
    CHECK(ib == a);                /* b's content is already interned */
    CHECK_EQ(rc_getrefcount(a), 3);
    rc_str *again = rc_str_intern(ia);
    CHECK(again == a);
    rc_decref(again);
    CHECK(rc_str_intern(NULL) == NULL);
    rc_decref(ia); rc_decref(ib); rc_decref(b);
    CHECK_EQ(rc_getrefcount(a), 1);
    rc_decref(a);                  /* the canonical instance dies */
    CHECK_EQ(rc_live_objects(), 0);
    rc_str *c = rc_str_new("key");
    rc_str *ic = rc_str_intern(c);
    CHECK(ic == c);                /* a new canonical instance */
    rc_decref(ic);
    /* many strings: the table grows and shrinks its use */
    rc_str *keep[5000];
    for (int i = 0; i < 5000; i++) {
        rc_str *s = rc_str_format("s%d", i);
        keep[i] = rc_str_intern(s);
        rc_decref(s);
    }
    for (int i = 0; i < 5000; i += 2) { rc_decref(keep[i]); keep[i] = NULL; }
    for (int i = 0; i < 5000; i++) {
        rc_str *s = rc_str_format("s%d", i);
        rc_str *t = rc_str_intern(s);
        CHECK((i % 2) ? t == keep[i] : t == s);
        rc_decref(t);
        rc_decref(s);
    }
    for (int i = 1; i < 5000; i += 2) rc_decref(keep[i]);
    rc_decref(c);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
