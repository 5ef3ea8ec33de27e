// What stays refused about managed structs by value, now that `*a = *b`
// and `*t = (struct task){...}` are counted (run-object-assign.c): a
// compound literal of a managed struct used as an object (it has no object
// header), a managed struct with RC_WEAK fields passed or returned by value
// (its copy's weak slots would not be registered), a union assigned alone.
// REQUIRES: plugin
// RUN: %cc %plugin_flags -fsyntax-only -Xclang -verify %s
#include <autorc.h>

struct RC_MANAGED node { int v; struct node *next; };
struct RC_MANAGED link { struct node *to; RC_WEAK struct node *back; };

int address(void) {
    struct node *p = &(struct node){ .v = 1 }; // expected-error {{[autorc-unsupported] a compound literal of managed struct 'struct node' used as an object (its address or a member taken): it has no object header, so it cannot be counted; allocate the object with rc_new and assign the literal to it ('*p = (struct node){...}')}}
    return p->v;
}

int member(struct node *n) {
    return (struct node){ .next = n }.v; // expected-error {{[autorc-unsupported] a compound literal of managed struct 'struct node' used as an object}}
}

struct link get_link(struct link *l); // expected-error {{[autorc-memcpy] 'struct link' passed or returned by value: its RC_WEAK field 'back' would be an unregistered copy that is not zeroed when its target dies; pass a pointer to the object}}
struct link get_link(struct link *l) { return *l; }

int weak_param(struct link l) { // expected-error {{[autorc-memcpy] 'struct link' passed or returned by value: its RC_WEAK field 'back'}}
    return l.to != 0;
}

/* Without weak fields, by value is fine (borrowed parameter, +1 result). */
struct node node_of(struct node *n) { return *n; }
int value_param(struct node n) { return n.v; }

void assign(struct node *a, struct node *b, struct link *x, struct link *y) {
    *a = *b;
    *x = *y;
    *a = node_of(b);
}
