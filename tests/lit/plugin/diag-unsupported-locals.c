// Managed locals the rewrite cannot count get an error each, never silent
// uncounted code: RC_WEAK arrays, temporaries (+1 results of calls) inside
// brace initialisers of arrays and of structs holding managed pointers.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { struct node *next; };
struct pair { struct node *a, *b; };

struct node *make(void) { return rc_new(struct node); }

void weak_array(struct node *n) {
    RC_WEAK struct node *seen[2] = {n, n}; // expected-error {{[autorc-unsupported] RC_WEAK arrays are not supported; use an array of RC_WEAK struct fields}}
    (void)seen;
}

void array_of_temporaries(void) {
    struct node *two[2] = {make()->next, make()}; // expected-error {{[autorc-unsupported] temporary managed results inside an array initialiser; store them first}}
    (void)two;
}

void struct_of_temporaries(void) {
    struct pair p = {make()->next, make()}; // expected-error {{[autorc-unsupported] temporary managed results inside a struct initialiser; store them first}}
    (void)p;
}
