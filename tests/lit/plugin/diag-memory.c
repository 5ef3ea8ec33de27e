// memcpy/memmove/memset over memory holding managed pointers, struct copies
// of managed slots, and free()/realloc() of a managed pointer bypass the
// counts: errors. The same calls on plain memory are fine.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>
#include <string.h>

struct RC_MANAGED node { struct node *next; int v; };
struct RC_MANAGED holder { struct node *slots[4]; };

void memory(struct node *a, struct node *b, struct holder *h, int *ints) {
    memcpy(a, b, sizeof *a);              // expected-error {{[autorc-memcpy] memcpy over memory that holds managed pointers (struct node)}}
    memset(h->slots, 0, sizeof h->slots); // expected-error {{[autorc-memcpy] memset}}
    memmove(&h->slots[0], &h->slots[1], sizeof(void *)); // expected-error {{[autorc-memcpy] memmove}}
    *a = *b;                              // expected-error {{[autorc-memcpy] assignment of a managed struct holding managed pointers by value cannot be counted; copy the fields one by one}}
    free(a);                              // expected-error {{[autorc-free] free() of a managed pointer ('struct node *')}}
    a = realloc(a, 64);                   // expected-error {{[autorc-free] realloc()}}
    memset(ints, 0, 4 * sizeof *ints);    // plain memory: fine
    int *copy = malloc(16);
    memcpy(copy, ints, 16);
    free(copy);
}
