// rc_dict keeps Python's order: insertion order; setting an existing key
// keeps its place; deleting a key and setting it again moves it to the
// end. Checked against a plain ordered array model over 200000 random
// operations on 300 keys (strings and identity keys mixed), through
// rc_dict_next, rc_dict_keys and rc_dict_values.
// RUN: %cc %s %autorc_lib -o %t && %t | FileCheck %s
// CHECK: OK
#include "../../Inputs/check.h"
#include <autorc.h>
#include <stdlib.h>

struct item { int v; };
enum { NK = 300 };
static void *keys[NK], *vals[NK];
static int model_k[NK], model_v[NK], model_n; /* ordered (key index, value index) */

static int model_find(int k) {
    for (int i = 0; i < model_n; i++) if (model_k[i] == k) return i;
    return -1;
}

/* The dict keeps the string object first set for a key: compare content. */
static int same_key(void *k, int i) {
    return k == keys[i] || (rc_is_str(k) && rc_is_str(keys[i]) && rc_str_eq(k, keys[i]));
}

static int same_as_model(rc_dict *d) {
    size_t pos = 0;
    void *k, *v;
    int i = 0;
    while (rc_dict_next(d, &pos, &k, &v)) {
        if (i >= model_n || !same_key(k, model_k[i]) || v != vals[model_v[i]]) return 0;
        i++;
    }
    if (i != model_n || (int)rc_dict_len(d) != model_n) return 0;
    rc_list *ks = rc_dict_keys(d), *vs = rc_dict_values(d);
    int ok = (int)rc_list_len(ks) == model_n && (int)rc_list_len(vs) == model_n;
    for (int j = 0; ok && j < model_n; j++)
        ok = same_key(rc_list_get(ks, j), model_k[j]) && rc_list_get(vs, j) == vals[model_v[j]];
    rc_decref(ks);
    rc_decref(vs);
    return ok;
}

int main(void) {
    srand(17);
    for (int i = 0; i < NK; i++) {
        keys[i] = i % 2 ? (void *)rc_str_format("key-%d", i) : (void *)rc_new(struct item);
        vals[i] = rc_new(struct item);
    }
    rc_dict *d = rc_dict_new();
    int mismatches = 0;
    for (int step = 0; step < 200000; step++) {
        int k = rand() % NK, v = rand() % NK, op = rand() % 4;
        int at = model_find(k);
        if (op < 2) { /* set */
            void *key = keys[k];
            if (k % 2) key = rc_str_format("key-%d", k); /* an equal, new string */
            rc_dict_set(d, key, vals[v]);
            if (k % 2) rc_decref(key);
            if (at >= 0) model_v[at] = v;
            else { model_k[model_n] = k; model_v[model_n++] = v; }
        } else if (op == 2) { /* del */
            int r = rc_dict_del(d, keys[k]);
            if (r != (at >= 0)) mismatches++;
            if (at >= 0) {
                for (int i = at; i + 1 < model_n; i++) { model_k[i] = model_k[i + 1]; model_v[i] = model_v[i + 1]; }
                model_n--;
            }
        } else { /* get */
            void *g = rc_dict_get(d, keys[k]);
            if (g != (at >= 0 ? vals[model_v[at]] : NULL)) mismatches++;
        }
        if (step % 1000 == 0 && !same_as_model(d)) mismatches++;
    }
    CHECK_EQ(mismatches, 0);
    CHECK(same_as_model(d));
    /* the documented example: {a:1, b:2, c:3}; del a; d[a] = 4; d[b] = 5 -> b, c, a */
    rc_dict_clear(d);
    model_n = 0;
    for (int i = 0; i < 3; i++) rc_dict_set(d, keys[i], vals[i]);
    rc_dict_del(d, keys[0]);
    rc_dict_set(d, keys[0], vals[4]);
    rc_dict_set(d, keys[1], vals[5]);
    rc_list *ks = rc_dict_keys(d);
    CHECK(rc_list_get(ks, 0) == keys[1] && rc_list_get(ks, 1) == keys[2] && rc_list_get(ks, 2) == keys[0]);
    CHECK(rc_dict_get(d, keys[1]) == vals[5]);
    rc_decref(ks);
    rc_decref(d);
    for (int i = 0; i < NK; i++) { rc_decref(keys[i]); rc_decref(vals[i]); }
    CHECK_EQ(rc_live_objects(), 0);
    CHECK_DONE();
}
