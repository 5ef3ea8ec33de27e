// rc_list_sort is stable (equal keys keep their order), gets the objects
// themselves, handles NULL items if cmp does, and sorts lists of every
// length 0..300 the same way as a reference insertion sort.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stdlib.h>

struct item { int key, seq; };
static int by_key(const void *a, const void *b) {
    const struct item *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}
static int calls;
static int null_first(const void *a, const void *b) {
    calls++;
    if (!a || !b) return (a != NULL) - (b != NULL);
    return by_key(a, b);
}

int main(void) {
    srand(7);
    for (int n = 0; n <= 300; n++) {
        rc_list *l = rc_list_new();
        struct item *ref[300];
        for (int i = 0; i < n; i++) {
            struct item *it = rc_new(struct item);
            it->key = rand() % 10; /* many equal keys */
            it->seq = i;
            rc_list_append(l, it);
            ref[i] = it;
            rc_decref(it);
        }
        for (int i = 1; i < n; i++) /* stable insertion sort */
            for (int j = i; j > 0 && ref[j - 1]->key > ref[j]->key; j--) {
                struct item *t = ref[j]; ref[j] = ref[j - 1]; ref[j - 1] = t;
            }
        rc_list_sort(l, by_key);
        CHECK_EQ(rc_list_len(l), n);
        for (int i = 0; i < n; i++) CHECK(rc_list_get(l, i) == ref[i]);
        rc_decref(l);
    }
    CHECK_EQ(rc_live_objects(), 0);
    /* already sorted and reversed input, NULL items */
    rc_list *l = rc_list_new();
    for (int i = 0; i < 1000; i++) {
        struct item *it = rc_new(struct item);
        it->key = 1000 - i;
        rc_list_append(l, i % 100 == 0 ? NULL : it);
        rc_decref(it);
    }
    rc_list_sort(l, null_first);
    for (int i = 0; i < 10; i++) CHECK(rc_list_get(l, i) == NULL);
    for (int i = 11; i < 1000; i++)
        CHECK(((struct item *)rc_list_get(l, i - 1))->key < ((struct item *)rc_list_get(l, i))->key);
    calls = 0;
    rc_list_sort(l, null_first); /* sorted input: n - 1 comparisons per run check */
    CHECK(calls < 2000);
    rc_decref(l);
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
