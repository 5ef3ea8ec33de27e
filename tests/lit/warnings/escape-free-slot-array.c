// [autorc-escape]: free() of a heap array of managed pointers, or of plain
// structs holding them, releases none of its elements, so references still
// held there leak: a hash table's rehash that moved its entries into a new
// bucket array and frees the old one leaked every entry, silently
// (16 of 20 live at exit). rc_slots_free releases them; free() after storing
// NULL into each element is fine, hence a warning.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>

typedef struct RC_MANAGED entry { int k; struct entry *next; } entry;
typedef struct RC_MANAGED table { entry **buckets; size_t cap; } table;
struct kv { entry *key; int value; };

void rehash(table *t, size_t ncap) {
    entry **nb = calloc(ncap, sizeof *nb);
    for (size_t i = 0; i < t->cap; i++)
        for (entry *e = t->buckets[i], *next; e; e = next) {
            next = e->next;
            e->next = nb[e->k % ncap];
            nb[e->k % ncap] = e;
        }
    free(t->buckets); // expected-warning {{free() of an array of 'entry *' releases none of its elements: a reference still held there leaks; free it with rc_slots_free(p, count), which releases them (where every element is already NULL, RC_NOWARN(escape) on the function says so)}}
    t->buckets = nb;
    t->cap = ncap;
}

void drop_pairs(struct kv *items) {
    free(items); // expected-warning {{free() of an array of 'struct kv' releases none of its elements}}
}

// Not warned: arrays without managed slots, the runtime's own release.
void plain(int *xs, char *s, void *p) { free(xs); free(s); free(p); }
void released(table *t) { rc_slots_free(t->buckets, t->cap); t->buckets = NULL; }

// Silenced on the function.
RC_NOWARN(escape) void cleared(entry **slots, size_t n) {
    for (size_t i = 0; i < n; i++) slots[i] = NULL;
    free(slots);
}
