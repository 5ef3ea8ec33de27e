// What stays refused about structs held by value, each error naming a way
// that works: a managed struct as a local (a sentinel on the stack), a
// managed struct by value other than as the first member, an RC_WEAK field
// in a plain struct, a compound literal used as an object, an unnamed
// struct copied.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { int v; struct node *next; };
struct span { struct node *first, *last; };

struct RC_MANAGED holder {
    int n;
    struct node inner; // expected-error {{[autorc-field] field 'inner' holds a managed struct by value; only the first member of a managed struct can (its base: a pointer to the struct is a pointer to the base); elsewhere hold a pointer}}
};

struct weakpair {
    RC_WEAK struct node *w; // expected-error {{[autorc-field] RC_WEAK field 'w' in non-managed 'struct weakpair': a weak slot is registered at its address, which copies of the struct do not follow; make the field strong or RC_UNOWNED, or the struct RC_MANAGED}}
};

int sentinel(void) {
    struct node head = {0}; // expected-error {{[autorc-unsupported] a managed struct cannot be a local by value: its address would be counted like a heap object's; allocate it with rc_new(T), or for a dummy list head walk a pointer to the link ('struct node *head = NULL, **link = &head;')}}
    return head.v;
}

int sentinels(struct node *n) {
    struct node heads[2]; // expected-error {{[autorc-unsupported] a managed struct cannot be a local by value: its address would be counted like a heap object's; allocate it with rc_new(T), or for a dummy list head walk a pointer to the link ('struct node *head = NULL, **link = &head;')}}
    heads[0] = *n;
    return heads[0].v;
}

struct node *literal(struct node *a) {
    return (&(struct span){a, a})->first; // expected-error {{[autorc-unsupported] a compound literal holding managed pointers used as an object (its address or a member taken); copy it into a local first}}
}

void unnamed(struct node *a) {
    struct { struct node *p; } x = {a}, y; // expected-error 2 {{[autorc-unsupported] a copy of an unnamed struct that holds managed pointers; give the struct a tag or a typedef name}}
    y = x; // expected-error {{[autorc-unsupported] a copy of an unnamed struct}}
    (void)y;
}
