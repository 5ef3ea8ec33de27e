// malloc/realloc of an array of managed pointers leaves slots holding
// garbage that the first store would release: an error naming the
// supported way (rc_slots_resize, or calloc). calloc'd arrays and
// rc_slots_resize are fine; so is realloc of plain memory.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>

struct RC_MANAGED node { struct node *next; int v; };
struct RC_MANAGED vec { struct node **items; size_t n, cap; };
struct kv { long key; struct node *val; };

void grow(struct vec *v, struct node *o, int *ints) {
    v->items = realloc(v->items, 2 * v->cap * sizeof *v->items); // expected-error {{[autorc-slots] realloc() of an array of managed pointers: the slots it adds are uninitialised (the first store would release garbage) and the slots it drops are not released; use rc_slots_resize(p, old_count, new_count)}}
    struct node **fresh = malloc(4 * sizeof *fresh); // expected-error {{[autorc-slots] malloc() of an array of managed pointers leaves the slots uninitialised (the first store would release garbage); use calloc() or rc_slots_resize(NULL, 0, count)}}
    v->items = (struct node **)realloc(NULL, 8 * sizeof(struct node *)); // expected-error {{[autorc-slots] realloc()}}
    v->items = reallocarray(v->items, 16, sizeof(struct node *)); // expected-error {{[autorc-slots] reallocarray()}}
    v->items = rc_slots_resize(v->items, v->cap, 2 * v->cap);   // the supported way; expected-warning {{field 'items' of struct vec is given a slot array from rc_slots_resize(), but struct vec has no RC_FINALIZER}}
    v->items[v->n++] = o;
    struct node **zeroed = calloc(4, sizeof *zeroed);            // NULL slots: fine
    zeroed[0] = o;
    rc_slots_free(zeroed, 4);
    ints = realloc(ints, 64);                                     // plain memory: fine
    free(ints);
    (void)fresh;
}

void grow_pairs(struct kv *pairs, size_t n) {
    pairs = realloc(pairs, 2 * n * sizeof *pairs); // expected-error {{[autorc-slots] realloc() of an array of 'struct kv', which holds managed pointers: the slots it adds are uninitialised}}
    struct kv *more = malloc(n * sizeof *more); // expected-error {{[autorc-slots] malloc() of an array of 'struct kv', which holds managed pointers leaves the slots uninitialised}}
    pairs = rc_slots_resize(pairs, n, 2 * n);                     // the supported way
    rc_slots_free(pairs, 2 * n);
    (void)more;
}
