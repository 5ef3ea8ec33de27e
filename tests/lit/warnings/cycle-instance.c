// [autorc-cycle], instance level: in one function, the store that closes a
// cycle between objects is warned, with a note at each other store of the
// cycle. Reassigning a local, overwriting a link, or a weak link, breaks
// the chain the check follows.
// REQUIRES: plugin
// RUN: %clang %plugin_flags -I%autorc_include -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED obj { struct obj *ref; RC_WEAK struct obj *weak; rc_list *items; };

// The seed's example.
void seed(void) {
    struct obj *obj1 = rc_new(struct obj);
    struct obj *obj2 = rc_new(struct obj);
    obj1->ref = obj2; // expected-note {{'obj1' refers to 'obj2' here}}
    obj2->ref = obj1; // expected-warning {{this store closes a reference cycle 'obj2' -> 'obj1' -> 'obj2'}}
}

// One object referring to itself.
void self(struct obj *o) {
    o->ref = o; // expected-warning {{this store makes 'o' refer to itself}}
}

// A list appended to itself.
void list_self(void) {
    rc_list *l = rc_list_new();
    rc_list_append(l, l); // expected-warning {{this store makes 'l' refer to itself}}
}

// Through a list held in a field: a -> a->items -> b, b -> a.
void through_list(struct obj *a, struct obj *b) {
    rc_list_append(a->items, b); // expected-note {{'a' refers to 'b' here (rc_list_append)}}
    b->ref = a;                  // expected-warning {{closes a reference cycle 'b' -> 'a' -> 'b'}}
}

// Three objects in a ring.
void ring(struct obj *a, struct obj *b, struct obj *c) {
    a->ref = b; // expected-note {{'a' refers to 'b' here}}
    b->ref = c; // expected-note {{'b' refers to 'c' here}}
    c->ref = a; // expected-warning {{closes a reference cycle 'c' -> 'a' -> 'b' -> 'c'}}
}

// Not warned: the local names another object by the time of the back store.
void reassigned(void) {
    struct obj *a = rc_new(struct obj);
    struct obj *b = rc_new(struct obj);
    a->ref = b;
    b = rc_new(struct obj);
    b->ref = a;
}

// Not warned: the link was overwritten before the back store.
void overwritten(struct obj *a, struct obj *b) {
    a->ref = b;
    a->ref = NULL;
    b->ref = a;
}

// Not warned: the back link is weak.
void weak_back(struct obj *a, struct obj *b) {
    a->ref = b;
    b->weak = a;
}

// Not warned: the list was cleared.
void cleared(struct obj *a, struct obj *b) {
    rc_list_append(a->items, b);
    rc_list_clear(a->items);
    b->ref = a;
}

// Not warned: the function breaks the cycle itself before it returns.
void broken_later(struct obj *a, struct obj *b) {
    a->ref = b;
    b->ref = a;
    a->ref = NULL;
}

// Locals that alias: `last = o` makes 'last' name o's object, so the ring
// closed after the loop is seen.
void loop_ring(int n) {
    struct obj *first = rc_new(struct obj);
    struct obj *last = first;
    for (int i = 0; i < n; i++) {
        struct obj *o = rc_new(struct obj);
        last->ref = o; // expected-note {{'last' refers to 'o' here}}
        last = o;
    }
    last->ref = first; // expected-warning {{closes a reference cycle 'last' -> 'first' -> 'o'}}
}

void alias_self(struct obj *a) {
    struct obj *b = a;
    b->ref = a; // expected-warning {{this store makes 'b' (the same object as 'a') refer to itself}}
}
