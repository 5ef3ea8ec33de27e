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
struct RC_MANAGED other { int v; };
struct RC_MANAGED holder {
    struct node *slots[4];
    struct other *others[4];
    int tag;
    union {
        RC_TAGGED(tag, 1) struct node *kids[2];
        long n;
    } u;
};

void memory(struct node *a, struct node *b, struct holder *h, int *ints) {
    memcpy(a, b, 2 * sizeof *a);          // expected-error {{[autorc-memcpy] memcpy over memory that holds managed pointers (struct node)}}
    memset(a, 0xff, sizeof *a);           // expected-error {{[autorc-memcpy] memset}}
    memcpy(a, h, sizeof *a);              // expected-error {{[autorc-memcpy] memcpy}}
    // Arrays of managed pointers: a zero fill and whole pointers between
    // arrays of one element type are counted (run-pointer-array-memory.c);
    // not these.
    memset(h->slots, 1, sizeof h->slots); // expected-error {{[autorc-memcpy] memset over an array of managed pointers (struct node *) cannot be counted here: a fill other than 0 makes no pointer; assign the elements}}
    memmove(&h->slots[0], &h->slots[1], 3); // expected-error {{[autorc-memcpy] memmove over an array of managed pointers (struct node *) cannot be counted here: the size is not a whole number of pointers}}
    memcpy(h->slots, ints, sizeof h->slots); // expected-error {{[autorc-memcpy] memcpy over an array of managed pointers (struct node *) cannot be counted here: the source is not an array of the same pointers}}
    memcpy(ints, h->slots, sizeof h->slots); // expected-error {{[autorc-memcpy] memcpy over an array of managed pointers (struct node *) cannot be counted here: the destination is not an array of the same pointers}}
    memcpy(h->others, h->slots, sizeof h->slots); // expected-error {{[autorc-memcpy] memcpy over an array of managed pointers (struct other *) cannot be counted here: the source is not an array of the same pointers}}
    memset(h->u.kids, 0, sizeof h->u.kids); // expected-error {{[autorc-memcpy] memset over an array of managed pointers (struct node *) cannot be counted here: the slots are in a union member, whose tag decides which are live}}
    free(a);                              // expected-error {{[autorc-free] free() of a managed pointer ('struct node *')}}
    a = realloc(a, 64);                   // expected-error {{[autorc-free] realloc()}}
    memset(ints, 0, 4 * sizeof *ints);    // plain memory: fine
    int *copy = malloc(16);
    memcpy(copy, ints, 16);
    free(copy);
}
