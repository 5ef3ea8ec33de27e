// rc_dict: string keys compare by content, other keys by identity; set of
// an existing key replaces the value and keeps the first key object (as
// Python); get is borrowed, pop owned; del/pop of a missing key and NULL
// keys are absent (0 / NULL); NULL values are stored; counts balance.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>

struct item { int v; };

int main(void) {
    rc_dict *d = rc_dict_new();
    CHECK_EQ(rc_dict_len(d), 0);
    CHECK(rc_dict_get(d, NULL) == NULL);
    rc_str *k1 = rc_str_new("alpha"), *k1b = rc_str_format("al%s", "pha");
    struct item *o1 = rc_new(struct item), *o2 = rc_new(struct item), *idk = rc_new(struct item);
    CHECK(rc_dict_get(d, k1) == NULL);
    rc_dict_set(d, k1, o1);
    CHECK(rc_dict_get(d, k1b) == o1);            /* same content, other object */
    CHECK(rc_dict_contains(d, k1b));
    CHECK_EQ(rc_getrefcount(o1), 2);
    rc_dict_set(d, k1b, o2);                     /* replaces the value ... */
    CHECK_EQ(rc_dict_len(d), 1);
    CHECK_EQ(rc_getrefcount(o1), 1);
    CHECK_EQ(rc_getrefcount(k1), 2);             /* ... and keeps the first key */
    CHECK_EQ(rc_getrefcount(k1b), 1);
    rc_dict_set(d, idk, NULL);                   /* an identity key, a NULL value */
    CHECK(rc_dict_contains(d, idk));
    CHECK(rc_dict_get(d, idk) == NULL);
    struct item *twin = rc_new(struct item);     /* equal fields, other object: another key */
    CHECK(!rc_dict_contains(d, twin));
    rc_dict_set(d, o1, k1);                      /* a string as a value */
    CHECK_EQ(rc_dict_len(d), 3);
    CHECK_EQ(rc_dict_del(d, twin), 0);
    CHECK(rc_dict_pop(d, twin) == NULL);
    CHECK_EQ(rc_dict_del(d, NULL), 0);
    struct item *p = rc_dict_pop(d, k1b);        /* owned */
    CHECK(p == o2);
    CHECK_EQ(rc_getrefcount(o2), 2);
    rc_decref(p);
    CHECK_EQ(rc_getrefcount(k1), 2);             /* key released, still the value of o1 */
    CHECK_EQ(rc_dict_del(d, o1), 1);
    CHECK_EQ(rc_getrefcount(k1), 1);
    CHECK_EQ(rc_dict_len(d), 1);
    /* many keys: growth, then deleting most of them */
    for (int i = 0; i < 100000; i++) {
        rc_str *k = rc_str_format("k%d", i);
        rc_dict_set(d, k, i % 2 ? (void *)o1 : (void *)o2);
        rc_decref(k);
    }
    CHECK_EQ(rc_dict_len(d), 100001);
    CHECK_EQ(rc_getrefcount(o1), 1 + 50000);
    for (int i = 0; i < 100000; i += 3) {
        rc_str *k = rc_str_format("k%d", i);
        CHECK_EQ(rc_dict_del(d, k), 1);
        rc_decref(k);
    }
    int bad = 0;
    for (int i = 0; i < 100000; i++) {
        rc_str *k = rc_str_format("k%d", i);
        void *v = rc_dict_get(d, k);
        if (i % 3 == 0 ? v != NULL : v != (i % 2 ? (void *)o1 : (void *)o2)) bad++;
        rc_decref(k);
    }
    CHECK_EQ(bad, 0);
    rc_dict_clear(d);
    CHECK_EQ(rc_dict_len(d), 0);
    CHECK_EQ(rc_getrefcount(o1), 1);
    rc_dict_set(d, k1, o1);                      /* usable after clear */
    CHECK(rc_dict_get(d, k1b) == o1);
    rc_decref(d);
    CHECK_EQ(rc_dict_len(NULL), 0);
    CHECK(!rc_dict_contains(NULL, k1));
    rc_decref(k1); rc_decref(k1b); rc_decref(o1); rc_decref(o2); rc_decref(idk); rc_decref(twin);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
