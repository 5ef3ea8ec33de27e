// [autorc-escape]: a slot array (rc_slots_resize, calloc) stored into a
// field of a managed struct that has no RC_FINALIZER. An object's death
// releases its strong fields, not the array a field points to: the array
// and every element leaked when the vec died (u8's F1, "live 3 (expected
// 0)"), with no warning.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>

struct RC_MANAGED node { int v; };
struct kv { rc_str *key; struct node *val; };

struct RC_MANAGED vec { struct node **items; size_t n; };
void push(struct vec *v, struct node *x) {
    v->items = rc_slots_resize(v->items, v->n, v->n + 1); // expected-warning {{field 'items' of struct vec is given a slot array from rc_slots_resize(), but struct vec has no RC_FINALIZER in this file: when a struct vec dies, nothing frees the array, and it leaks with every reference it holds; add `RC_FINALIZER void vec_del(struct vec *self)` calling rc_slots_free(self->items, count), or hold the elements in an rc_list}}
    v->items[v->n++] = x;
}
void grow(struct vec *v) {
    v->items = rc_slots_resize(v->items, v->n, 2 * v->n); // one warning per field
}

struct RC_MANAGED table { struct kv *buckets; size_t cap; int *counts; };
struct table *table_new(size_t cap) {
    struct table *t = rc_new(struct table);
    t->buckets = calloc(cap, sizeof *t->buckets); // expected-warning {{field 'buckets' of struct table is given a slot array from calloc()}}
    t->counts = calloc(cap, sizeof *t->counts);   // no managed pointers in it
    t->cap = cap;
    return t;
}

// Fine: the type has a finalizer (declared in the file, defined here or in
// another file), the array is a local's or a plain struct's, or silenced.
struct RC_MANAGED owned { struct node **items; size_t n; };
RC_FINALIZER void owned_del(struct owned *o) { rc_slots_free(o->items, o->n); }
void owned_push(struct owned *o, struct node *x) {
    o->items = rc_slots_resize(o->items, o->n, o->n + 1);
    o->items[o->n++] = x;
}

struct RC_MANAGED elsewhere { struct node **items; };
RC_FINALIZER void elsewhere_del(struct elsewhere *e);
void elsewhere_init(struct elsewhere *e) { e->items = calloc(4, sizeof *e->items); }

struct plain { struct node **items; };
void plain_init(struct plain *p, struct node ***local) {
    p->items = calloc(4, sizeof *p->items);
    *local = rc_slots_resize(NULL, 0, 4);
}

struct RC_MANAGED quiet { RC_NOWARN(escape) struct node **items; };
void quiet_init(struct quiet *q) { q->items = calloc(4, sizeof *q->items); }
