// memcpy/memmove/memset over memory holding managed pointers and
// free()/realloc() of a managed pointer bypass the counts: errors. The same
// calls on plain memory are fine. (`*a = *b` of a managed struct is counted,
// run-object-assign.c, and so are memcpy(a, b, sizeof *a) and memset(a, 0,
// sizeof *a) of one whole struct, run-object-memcpy.c; not other sizes,
// fills or types.)
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>
#include <stdlib.h>
#include <string.h>

struct RC_MANAGED node { struct node *next; int v; };
struct RC_MANAGED holder { struct node *slots[4]; };

void memory(struct node *a, struct node *b, struct holder *h, int *ints) {
    memcpy(a, b, 2 * sizeof *a);          // expected-error {{[autorc-memcpy] memcpy over memory that holds managed pointers (struct node)}}
    memset(a, 0xff, sizeof *a);           // expected-error {{[autorc-memcpy] memset}}
    memcpy(a, h, sizeof *a);              // expected-error {{[autorc-memcpy] memcpy}}
    memset(h->slots, 0, sizeof h->slots); // expected-error {{[autorc-memcpy] memset}}
    memmove(&h->slots[0], &h->slots[1], sizeof(void *)); // expected-error {{[autorc-memcpy] memmove}}
    free(a);                              // expected-error {{[autorc-free] free() of a managed pointer ('struct node *')}}
    a = realloc(a, 64);                   // expected-error {{[autorc-free] realloc()}}
    memset(ints, 0, 4 * sizeof *ints);    // plain memory: fine
    int *copy = malloc(16);
    memcpy(copy, ints, 16);
    free(copy);
}
