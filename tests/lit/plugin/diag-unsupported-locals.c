// Managed locals the rewrite cannot count get an error each, never silent
// uncounted code: an RC_WEAK array element initialised with a value only a
// temporary holds (it would be registered dead; RC_WEAK arrays themselves
// are counted: run-weak-local-array.c). Temporaries (+1 results of calls) inside
// brace initialisers of arrays and of structs holding managed pointers are
// accepted (each element holds its own: run-brace-init-temporaries.c).
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };
struct pair { struct node *a, *b; };

struct node *make(void) { return rc_new(struct node); }

void weak_array(struct node *n) {
    RC_WEAK struct node *seen[2] = {n, make()}; // expected-error {{[autorc-unsupported] an element of the RC_WEAK array 'seen' is initialised with a value only a temporary holds}}
    (void)seen;
}

void array_of_temporaries(void) {
    struct node *two[2] = {make()->next, make()};
    (void)two;
}

void struct_of_temporaries(void) {
    struct pair p = {make()->next, make()};
    (void)p;
}
